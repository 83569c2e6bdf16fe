// Turns grouped counts from SQL into the numbers of the dashboard. The same functions feed the charts,
// their table twins, their text summaries and the drill-down links, so they can never disagree.
import { percentOf, toShares } from "./percent";
import { ASSESSMENTS, ASSESSMENT_LABELS, IMPLEMENTATION_STATUSES, STATUS_LABELS, type Assessment, type ImplementationStatus } from "./vocabulary";

export type StatusKey = ImplementationStatus | "NO_UPDATE";
export const STATUS_KEYS: readonly StatusKey[] = [...IMPLEMENTATION_STATUSES, "NO_UPDATE"];

/** Assessments that put a proposal "at risk" on the dashboard. */
export const AT_RISK_ASSESSMENTS: readonly Assessment[] = ["AT_RISK", "OFF_TRACK"];

export function statusKeyLabel(key: StatusKey): string {
  return key === "NO_UPDATE" ? "No update" : STATUS_LABELS[key];
}

export type AreaInput = { id: string; number: number; name: string };
export type PeriodInput = { id: string; number: number; name: string };

/** Counted updates of one period, grouped by area, status and assessment. */
export type GroupedCount = { areaId: string; status: ImplementationStatus; assessment: Assessment; count: number };
/** Counted updates of every period, grouped by period, area and status, with the sum of their progress. */
export type PeriodAreaCount = { periodId: string; areaId: string; status: ImplementationStatus; count: number; progressSum: number };
export type OrganisationInput = { code: string; name: string; followed: number; reported: number };

export type DashboardInput = {
  areas: readonly AreaInput[];
  /** Oldest first. */
  periods: readonly PeriodInput[];
  periodId: string;
  /** Proposals in view (after the area and organisation filters), per area. */
  scopeByArea: readonly { areaId: string; count: number }[];
  /** The same, in each period (a proposal counts from its set's endorsement until its retirement). */
  scopeByPeriod: readonly { periodId: string; areaId: string; count: number }[];
  /**
   * With an assessment filter, a proposal is in view in a period only when its counted update there has
   * one of those assessments: totals are then the counted updates, and "no update" is always 0.
   */
  assessmentFiltered: boolean;
  current: readonly GroupedCount[];
  history: readonly PeriodAreaCount[];
  organisations: readonly OrganisationInput[];
  /** Proposals without a submitted or approved update after the cut-off; null before the cut-off and once closed. */
  overdue: number | null;
  /** The selected period is closed: what was missing is shown as missing, never as overdue. */
  closed?: boolean;
};

export type AreaRow = { areaId: string; number: number; name: string; total: number; counts: Record<StatusKey, number> };
export type TrendRow = { periodId: string; number: number; name: string; total: number; counts: Record<StatusKey, number>; shares: Record<StatusKey, number> };
export type HeatCell = { periodId: string; counted: number; total: number; averageProgress: number | null };
export type HeatRow = { areaId: string; number: number; name: string; cells: HeatCell[] };
export type OrganisationCoverage = OrganisationInput & { missing: number; percent: number };

export type Dashboard = {
  totalProposals: number;
  updatedCount: number;
  missingCount: number;
  coveragePercent: number;
  atRiskCount: number;
  overdueCount: number | null;
  periodClosed: boolean;
  statusCounts: { status: StatusKey; label: string; count: number; share: number }[];
  byArea: AreaRow[];
  assessments: { assessment: Assessment; label: string; count: number; share: number }[];
  coverageByOrganisation: OrganisationCoverage[];
  trend: TrendRow[];
  heatMap: { periods: PeriodInput[]; rows: HeatRow[] };
};

function emptyCounts(): Record<StatusKey, number> {
  return Object.fromEntries(STATUS_KEYS.map((key) => [key, 0])) as Record<StatusKey, number>;
}

function sumUpdated(counts: Record<StatusKey, number>): number {
  return IMPLEMENTATION_STATUSES.reduce((sum, status) => sum + counts[status], 0);
}

/** Fills NO_UPDATE and the total of one group of counts, given how many proposals are in view. */
function complete(counts: Record<StatusKey, number>, inScope: number, assessmentFiltered: boolean, where: string): number {
  const updated = sumUpdated(counts);
  if (assessmentFiltered) return updated;
  if (updated > inScope) throw new Error(`${where} has more updates (${updated}) than proposals (${inScope})`);
  counts.NO_UPDATE = inScope - updated;
  return inScope;
}

export function buildDashboard(input: DashboardInput): Dashboard {
  const areas = [...input.areas].sort((a, b) => a.number - b.number);
  const areaIds = new Set(areas.map((a) => a.id));
  const scope = new Map(input.scopeByArea.map((s) => [s.areaId, s.count]));
  const known = (areaId: string) => {
    if (!areaIds.has(areaId)) throw new Error(`Status counted for unknown area ${areaId}`);
    return areaId;
  };

  // The selected period, by area.
  const areaCounts = new Map(areas.map((a) => [a.id, emptyCounts()]));
  const assessmentTotals = new Map<Assessment, number>();
  for (const { areaId, status, assessment, count } of input.current) {
    areaCounts.get(known(areaId))![status] += count;
    assessmentTotals.set(assessment, (assessmentTotals.get(assessment) ?? 0) + count);
  }
  const byArea: AreaRow[] = areas.map((a) => {
    const counts = areaCounts.get(a.id)!;
    const total = complete(counts, scope.get(a.id) ?? 0, input.assessmentFiltered, `Area ${a.id}`);
    return { areaId: a.id, number: a.number, name: a.name, total, counts };
  });

  const totalProposals = byArea.reduce((sum, row) => sum + row.total, 0);
  const totals = STATUS_KEYS.map((key) => byArea.reduce((sum, row) => sum + row.counts[key], 0));
  const statusShares = toShares(totals);
  const missingCount = totals[totals.length - 1] ?? 0;
  const updatedCount = totalProposals - missingCount;
  const assessmentCounts = ASSESSMENTS.map((a) => assessmentTotals.get(a) ?? 0);
  const assessmentShares = toShares(assessmentCounts);

  // Every period, by area: the trend (summed over areas) and the heat map (average progress).
  const periods = [...input.periods].sort((a, b) => a.number - b.number);
  const cellKey = (periodId: string, areaId: string) => `${periodId}\u0000${areaId}`;
  const cells = new Map<string, { counts: Record<StatusKey, number>; progressSum: number }>();
  for (const p of periods) for (const a of areas) cells.set(cellKey(p.id, a.id), { counts: emptyCounts(), progressSum: 0 });
  const periodIds = new Set(periods.map((p) => p.id));
  const periodScope = new Map(input.scopeByPeriod.map((s) => [cellKey(s.periodId, s.areaId), s.count]));
  for (const row of input.history) {
    if (!periodIds.has(row.periodId)) throw new Error(`Status counted for unknown period ${row.periodId}`);
    const cell = cells.get(cellKey(row.periodId, known(row.areaId)))!;
    cell.counts[row.status] += row.count;
    cell.progressSum += row.progressSum;
  }
  const heatRows: HeatRow[] = areas.map((a) => ({
    areaId: a.id,
    number: a.number,
    name: a.name,
    cells: periods.map((p) => {
      const cell = cells.get(cellKey(p.id, a.id))!;
      const counted = sumUpdated(cell.counts);
      const total = complete(cell.counts, periodScope.get(cellKey(p.id, a.id)) ?? 0, input.assessmentFiltered, `Area ${a.id} in ${p.id}`);
      return { periodId: p.id, counted, total, averageProgress: counted ? Math.round(cell.progressSum / counted) : null };
    }),
  }));
  const trend: TrendRow[] = periods.map((p, i) => {
    const counts = emptyCounts();
    for (const a of areas) {
      const cell = cells.get(cellKey(p.id, a.id))!;
      for (const key of STATUS_KEYS) counts[key] += cell.counts[key];
    }
    const total = heatRows.reduce((sum, row) => sum + row.cells[i]!.total, 0);
    const shares = toShares(STATUS_KEYS.map((key) => counts[key]));
    return {
      periodId: p.id,
      number: p.number,
      name: p.name,
      total,
      counts,
      shares: Object.fromEntries(STATUS_KEYS.map((key, k) => [key, shares[k]!])) as Record<StatusKey, number>,
    };
  });

  return {
    totalProposals,
    updatedCount,
    missingCount,
    coveragePercent: percentOf(updatedCount, totalProposals),
    atRiskCount: AT_RISK_ASSESSMENTS.reduce((sum, a) => sum + (assessmentTotals.get(a) ?? 0), 0),
    overdueCount: input.overdue,
    periodClosed: input.closed ?? false,
    statusCounts: STATUS_KEYS.map((status, i) => ({ status, label: statusKeyLabel(status), count: totals[i]!, share: statusShares[i]! })),
    byArea,
    assessments: ASSESSMENTS.map((assessment, i) => ({
      assessment,
      label: ASSESSMENT_LABELS[assessment],
      count: assessmentCounts[i]!,
      share: assessmentShares[i]!,
    })),
    coverageByOrganisation: [...input.organisations]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((org) => ({ ...org, missing: org.followed - org.reported, percent: percentOf(org.reported, org.followed) })),
    trend,
    heatMap: { periods, rows: heatRows },
  };
}
