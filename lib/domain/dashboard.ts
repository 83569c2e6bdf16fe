// Turns grouped counts from SQL into the numbers of the dashboard. The same function feeds the charts,
// their table twins and the exports, so they can never disagree.
import { percentOf, toShares } from "./percent";
import {
  ASSESSMENTS,
  ASSESSMENT_LABELS,
  IMPLEMENTATION_STATUSES,
  STATUS_LABELS,
  type Assessment,
  type ImplementationStatus,
} from "./vocabulary";

export type AreaInput = { id: string; number: number; name: string; proposalCount: number };
export type AreaStatusCount = { areaId: string; status: ImplementationStatus; count: number };
export type AssessmentCount = { assessment: Assessment; count: number };
export type OrganisationInput = { id: string; code: string; name: string; updateCount: number };

export type DashboardInput = {
  areas: readonly AreaInput[];
  statusByArea: readonly AreaStatusCount[];
  assessments: readonly AssessmentCount[];
  organisations: readonly OrganisationInput[];
};

export type StatusKey = ImplementationStatus | "NO_UPDATE";
export const STATUS_KEYS: readonly StatusKey[] = [...IMPLEMENTATION_STATUSES, "NO_UPDATE"];

export type AreaRow = {
  areaId: string;
  number: number;
  name: string;
  total: number;
  counts: Record<StatusKey, number>;
};

export type Dashboard = {
  totalProposals: number;
  updatedCount: number;
  missingCount: number;
  coveragePercent: number;
  statusCounts: { status: StatusKey; label: string; count: number; share: number }[];
  byArea: AreaRow[];
  assessments: { assessment: Assessment; label: string; count: number; share: number }[];
  coverageByOrganisation: { organisationId: string; code: string; name: string; count: number; percentOfTotal: number }[];
};

function emptyCounts(): Record<StatusKey, number> {
  return Object.fromEntries(STATUS_KEYS.map((key) => [key, 0])) as Record<StatusKey, number>;
}

export function statusKeyLabel(key: StatusKey): string {
  return key === "NO_UPDATE" ? "No update" : STATUS_LABELS[key];
}

export function buildDashboard(input: DashboardInput): Dashboard {
  const byArea: AreaRow[] = [...input.areas]
    .sort((a, b) => a.number - b.number)
    .map((area) => ({ areaId: area.id, number: area.number, name: area.name, total: area.proposalCount, counts: emptyCounts() }));
  const rowById = new Map(byArea.map((row) => [row.areaId, row]));

  for (const { areaId, status, count } of input.statusByArea) {
    const row = rowById.get(areaId);
    if (!row) throw new Error(`Status counted for unknown area ${areaId}`);
    row.counts[status] += count;
  }
  for (const row of byArea) {
    const updated = IMPLEMENTATION_STATUSES.reduce((sum, status) => sum + row.counts[status], 0);
    if (updated > row.total) throw new Error(`Area ${row.areaId} has more updates (${updated}) than proposals (${row.total})`);
    row.counts.NO_UPDATE = row.total - updated;
  }

  const totalProposals = byArea.reduce((sum, row) => sum + row.total, 0);
  const totals = STATUS_KEYS.map((key) => byArea.reduce((sum, row) => sum + row.counts[key], 0));
  const statusShares = toShares(totals);
  const missingCount = totals[totals.length - 1] ?? 0;
  const updatedCount = totalProposals - missingCount;

  const assessmentTotals = ASSESSMENTS.map(
    (assessment) => input.assessments.filter((a) => a.assessment === assessment).reduce((sum, a) => sum + a.count, 0),
  );
  const assessmentShares = toShares(assessmentTotals);

  return {
    totalProposals,
    updatedCount,
    missingCount,
    coveragePercent: percentOf(updatedCount, totalProposals),
    statusCounts: STATUS_KEYS.map((status, i) => ({ status, label: statusKeyLabel(status), count: totals[i]!, share: statusShares[i]! })),
    byArea,
    assessments: ASSESSMENTS.map((assessment, i) => ({
      assessment,
      label: ASSESSMENT_LABELS[assessment],
      count: assessmentTotals[i]!,
      share: assessmentShares[i]!,
    })),
    coverageByOrganisation: [...input.organisations]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((org) => ({
        organisationId: org.id,
        code: org.code,
        name: org.name,
        count: org.updateCount,
        percentOfTotal: percentOf(org.updateCount, totalProposals),
      })),
  };
}
