// What changed between two reports: status moves (from -> to), new evidence, edited narratives and
// proposals newly at risk. Pure; fed by lib/data/changes.ts with one row per proposal (the full list) or
// with rows already grouped by move (the dashboard's summary), so both read the same way.
import { AT_RISK_ASSESSMENTS, STATUS_KEYS, statusKeyLabel, type StatusKey } from "./dashboard";
import type { Assessment, ImplementationStatus } from "./vocabulary";

/** One proposal's counted updates in the two periods (null where it has none). */
export type ChangeRow = {
  proposalId: string;
  number: number;
  title: string;
  areaName: string;
  fromStatus: ImplementationStatus | null;
  toStatus: ImplementationStatus | null;
  fromAssessment: Assessment | null;
  toAssessment: Assessment | null;
  /** Both periods have an update and the narratives differ. */
  narrativeEdited: boolean;
  /** The two narratives, only when edited (for the page to show what was rewritten). */
  fromNarrative?: string | null;
  toNarrative?: string | null;
  /** Evidence links (by address) in the later update that the earlier one did not have. */
  newEvidence: number;
};

/** Counts of one move (from -> to), with how many of those proposals show each kind of change. */
export type MoveGroup = {
  from: StatusKey;
  to: StatusKey;
  count: number;
  narrativesEdited: number;
  withNewEvidence: number;
  newEvidenceLinks: number;
  newlyAtRisk: number;
};

export type Move = { from: StatusKey; to: StatusKey; fromLabel: string; toLabel: string; count: number };

export type ChangeSummary = {
  /** Proposals with a counted update in both reports whose status differs. */
  statusMoves: number;
  /** Every transition between different statuses, "no update" included (the from x to table), largest first. */
  moves: Move[];
  /** No counted update in the earlier report, one in the later (e.g. the 2017 set joining). */
  newlyReported: number;
  /** A counted update in the earlier report, none (yet) in the later. */
  notReported: number;
  withNewEvidence: number;
  newEvidenceLinks: number;
  narrativesEdited: number;
  newlyAtRisk: number;
};

export type ChangeItem = Omit<ChangeRow, "fromStatus" | "toStatus"> & { from: StatusKey; to: StatusKey; newlyAtRisk: boolean };

export type Changes = ChangeSummary & {
  /** Real status moves (both reports have an update). */
  statusMoveItems: ChangeItem[];
  /** Every proposal whose status key differs, "no update" included (what a cell of the table lists). */
  transitionItems: ChangeItem[];
  newEvidenceItems: ChangeItem[];
  narrativeItems: ChangeItem[];
  newlyAtRiskItems: ChangeItem[];
};

const atRisk = (a: Assessment | null) => a !== null && AT_RISK_ASSESSMENTS.includes(a);

export function isNewlyAtRisk(from: Assessment | null, to: Assessment | null): boolean {
  return atRisk(to) && !atRisk(from);
}

export function moveKey(from: StatusKey, to: StatusKey): string {
  return `${from}-${to}`;
}

/** Parses "FROM-TO" (as in a drill-down link) back into a move, or null. */
export function parseMoveKey(value: string | undefined): { from: StatusKey; to: StatusKey } | null {
  const match = /^([A-Z_]+)-([A-Z_]+)$/.exec(value ?? "");
  if (!match) return null;
  const [from, to] = [match[1] as StatusKey, match[2] as StatusKey];
  return STATUS_KEYS.includes(from) && STATUS_KEYS.includes(to) && from !== to ? { from, to } : null;
}

export function isStatusMove(from: StatusKey, to: StatusKey): boolean {
  return from !== to && from !== "NO_UPDATE" && to !== "NO_UPDATE";
}

export function summariseMoves(groups: readonly MoveGroup[]): ChangeSummary {
  const moves = groups
    .filter((g) => g.from !== g.to && g.count > 0)
    .sort((a, b) => b.count - a.count || STATUS_KEYS.indexOf(a.from) - STATUS_KEYS.indexOf(b.from) || STATUS_KEYS.indexOf(a.to) - STATUS_KEYS.indexOf(b.to))
    .map((g) => ({ from: g.from, to: g.to, fromLabel: statusKeyLabel(g.from), toLabel: statusKeyLabel(g.to), count: g.count }));
  const sum = (pick: (g: MoveGroup) => number) => groups.reduce((total, g) => total + pick(g), 0);
  const total = (keep: (m: Move) => boolean) => moves.filter(keep).reduce((n, m) => n + m.count, 0);
  return {
    statusMoves: total((m) => isStatusMove(m.from, m.to)),
    moves,
    newlyReported: total((m) => m.from === "NO_UPDATE"),
    notReported: total((m) => m.to === "NO_UPDATE"),
    withNewEvidence: sum((g) => g.withNewEvidence),
    newEvidenceLinks: sum((g) => g.newEvidenceLinks),
    narrativesEdited: sum((g) => g.narrativesEdited),
    newlyAtRisk: sum((g) => g.newlyAtRisk),
  };
}

export function toItem(row: ChangeRow): ChangeItem {
  const { fromStatus, toStatus, ...rest } = row;
  return { ...rest, from: fromStatus ?? "NO_UPDATE", to: toStatus ?? "NO_UPDATE", newlyAtRisk: isNewlyAtRisk(row.fromAssessment, row.toAssessment) };
}

export function buildChanges(rows: readonly ChangeRow[]): Changes {
  const items = rows.map(toItem).sort((a, b) => a.number - b.number);
  const groups = new Map<string, MoveGroup>();
  for (const item of items) {
    const key = moveKey(item.from, item.to);
    const group = groups.get(key) ?? { from: item.from, to: item.to, count: 0, narrativesEdited: 0, withNewEvidence: 0, newEvidenceLinks: 0, newlyAtRisk: 0 };
    group.count += 1;
    group.narrativesEdited += item.narrativeEdited ? 1 : 0;
    group.withNewEvidence += item.newEvidence > 0 ? 1 : 0;
    group.newEvidenceLinks += item.newEvidence;
    group.newlyAtRisk += item.newlyAtRisk ? 1 : 0;
    groups.set(key, group);
  }
  return {
    ...summariseMoves([...groups.values()]),
    statusMoveItems: items.filter((i) => isStatusMove(i.from, i.to)),
    transitionItems: items.filter((i) => i.from !== i.to),
    newEvidenceItems: items.filter((i) => i.newEvidence > 0),
    narrativeItems: items.filter((i) => i.narrativeEdited),
    newlyAtRiskItems: items.filter((i) => i.newlyAtRisk),
  };
}
