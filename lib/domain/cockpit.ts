// The cycle cockpit of one period: who has reported, what is missing, overdue, returned or awaiting
// review, and which proposals look stale. Pure; fed by lib/data/cockpit.ts.
import { daysUntil } from "./format";
import { percentOf } from "./percent";
import { isStale } from "./review-rules";
import type { ImplementationStatus } from "./vocabulary";
import type { WorkflowState } from "./workflow";

export type CockpitProposal = {
  id: string;
  number: number;
  title: string;
  areaId: string;
  areaName: string;
  areaNumber: number;
  focalPoints: { userId: string; name: string; organisationCode: string }[];
  /** This period's update, if any. */
  update: { workflowState: WorkflowState; authorName: string; updatedAt: Date; returnNote: string | null } | null;
  /** Statuses of this and earlier periods, oldest first (one per period with an update). */
  statusHistory: ImplementationStatus[];
};

export type CoverageRow = { key: string; label: string; total: number; reported: number; percent: number };

export type CockpitItem = Pick<CockpitProposal, "id" | "number" | "title" | "areaName" | "focalPoints"> & { note?: string };

export type Cockpit = {
  daysLeft: number;
  isPastCutOff: boolean;
  /** A closed period: what was missing is listed as such, never as overdue, and no days are counted. */
  closed: boolean;
  total: number;
  reported: number;
  coveragePercent: number;
  byArea: CoverageRow[];
  byOrganisation: CoverageRow[];
  byFocalPoint: CoverageRow[];
  missing: CockpitItem[];
  overdue: CockpitItem[];
  returned: CockpitItem[];
  awaitingReview: CockpitItem[];
  stale: CockpitItem[];
};

/** Reported = submitted or approved; drafts and returned items still need work. */
export function isReported(state: WorkflowState | undefined): boolean {
  return state === "SUBMITTED" || state === "APPROVED";
}

function coverage(groups: Map<string, { label: string; items: CockpitProposal[] }>): CoverageRow[] {
  return [...groups.entries()].map(([key, { label, items }]) => {
    const reported = items.filter((p) => isReported(p.update?.workflowState)).length;
    return { key, label, total: items.length, reported, percent: percentOf(reported, items.length) };
  });
}

function groupBy(proposals: readonly CockpitProposal[], keys: (p: CockpitProposal) => { key: string; label: string }[]) {
  const groups = new Map<string, { label: string; items: CockpitProposal[] }>();
  for (const p of proposals) {
    for (const { key, label } of keys(p)) {
      const group = groups.get(key) ?? { label, items: [] };
      group.items.push(p);
      groups.set(key, group);
    }
  }
  return groups;
}

/** How many periods, counting back from the latest, share the latest status. */
function unchangedRun(statuses: readonly ImplementationStatus[]): number {
  let run = 0;
  for (let i = statuses.length - 1; i >= 0 && statuses[i] === statuses[statuses.length - 1]; i--) run++;
  return run;
}

function item(p: CockpitProposal, note?: string): CockpitItem {
  return { id: p.id, number: p.number, title: p.title, areaName: p.areaName, focalPoints: p.focalPoints, ...(note ? { note } : {}) };
}

export function buildCockpit(proposals: readonly CockpitProposal[], period: { cutOffOn: Date; dueOn: Date; closed?: boolean }, now: Date): Cockpit {
  const sorted = [...proposals].sort((a, b) => a.number - b.number);
  const closed = period.closed ?? false;
  const isPastCutOff = daysUntil(period.cutOffOn, now) < 0;
  const reported = sorted.filter((p) => isReported(p.update?.workflowState)).length;
  const missing = sorted.filter((p) => !isReported(p.update?.workflowState) && p.update?.workflowState !== "RETURNED");
  const byArea = coverage(
    groupBy(
      [...sorted].sort((a, b) => a.areaNumber - b.areaNumber),
      (p) => [{ key: p.areaId, label: p.areaName }],
    ),
  );
  const byOrganisation = coverage(
    groupBy(sorted, (p) => [...new Set(p.focalPoints.map((fp) => fp.organisationCode))].map((code) => ({ key: code, label: code }))),
  ).sort((a, b) => a.label.localeCompare(b.label));
  const byFocalPoint = coverage(groupBy(sorted, (p) => p.focalPoints.map((fp) => ({ key: fp.userId, label: `${fp.name} (${fp.organisationCode})` })))).sort(
    (a, b) => a.percent - b.percent || a.label.localeCompare(b.label),
  );
  return {
    daysLeft: daysUntil(period.dueOn, now),
    isPastCutOff,
    closed,
    total: sorted.length,
    reported,
    coveragePercent: percentOf(reported, sorted.length),
    byArea,
    byOrganisation,
    byFocalPoint,
    missing: missing.map((p) => item(p, p.update ? (closed ? "Draft never submitted" : "Draft not yet submitted") : "No update")),
    overdue: isPastCutOff && !closed ? missing.map((p) => item(p, p.update ? "Draft not submitted by the cut-off" : "No update by the cut-off")) : [],
    returned: sorted.filter((p) => p.update?.workflowState === "RETURNED").map((p) => item(p, p.update?.returnNote ?? undefined)),
    awaitingReview: sorted.filter((p) => p.update?.workflowState === "SUBMITTED").map((p) => item(p, `Submitted by ${p.update!.authorName}`)),
    stale: sorted.filter((p) => isStale(p.statusHistory)).map((p) => item(p, `Status unchanged for ${unchangedRun(p.statusHistory)} periods`)),
  };
}
