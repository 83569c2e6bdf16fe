// The catalogue: areas and proposals, the wording history of proposals (ProposalVersion, append-only)
// and retirement. Pure rules shared by lib/data/catalogue.ts, its pages, and the SQL building blocks
// (inPeriodSql in lib/data/view-sql.ts says in SQL what isInPeriod says here).
import { createHash } from "node:crypto";
import { diffText, type TextSegment } from "./diff";
import { SET_LABELS, proposalCode, type ProposalSet } from "./vocabulary";

/** What an admin edits of a proposal; every change of these is a new version. */
export type ProposalWording = { title: string; description: string; areaId: string; set: ProposalSet; edaInvolved: boolean };

export const PROPOSAL_FIELDS = ["title", "description", "areaId", "set", "edaInvolved"] as const satisfies readonly (keyof ProposalWording)[];

export const PROPOSAL_FIELD_LABELS: Record<keyof ProposalWording, string> = {
  title: "Title",
  description: "Description",
  areaId: "Area",
  set: "Set",
  edaInvolved: "EDA involved",
};

export type AreaWording = { name: string; description: string };

export const AREA_FIELDS = ["name", "description"] as const satisfies readonly (keyof AreaWording)[];

export const AREA_FIELD_LABELS: Record<keyof AreaWording, string> = { name: "Name", description: "Description" };

/** The catalogue's numbering: 1–42 endorsed in December 2016, 43–74 in December 2017. */
export function conventionalSet(number: number): ProposalSet | null {
  if (!Number.isInteger(number) || number < 1 || number > 74) return null;
  return number <= 42 ? "SET_2016" : "SET_2017";
}

/** The fields (of `fields`) whose values differ, in that order. */
export function changedFields<T extends object, K extends keyof T>(before: T, after: T, fields: readonly K[]): K[] {
  return fields.filter((field) => before[field] !== after[field]);
}

/** Before and after of the changed fields only: what the audit trail records. */
export function changedValues<T extends object, K extends keyof T>(before: T, after: T, fields: readonly K[]): { before: Pick<T, K>; after: Pick<T, K> } {
  const changed = changedFields(before, after, fields);
  const pick = (values: T) => Object.fromEntries(changed.map((field) => [field, values[field]])) as Pick<T, K>;
  return { before: pick(before), after: pick(after) };
}

/**
 * A short fingerprint of an area's wording. Areas carry no version number: the edit form carries the
 * fingerprint of what it showed, and a save is refused when the area no longer has that wording.
 */
export function areaFingerprint(area: AreaWording): string {
  return createHash("sha256")
    .update(JSON.stringify([area.name, area.description]))
    .digest("hex")
    .slice(0, 32);
}

/** Case and spacing do not make two area names different ("Cyber  defence" is "cyber defence"). */
export function sameAreaName(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
  return norm(a) === norm(b);
}

/**
 * Whether a proposal belongs to a period that starts on `startsOn` (00:00 UTC of its first day): a
 * proposal retired at R is out of every period that starts on or after R, and stays in the periods that
 * began before R (and in their reports and history).
 */
export function isInPeriod(retiredAt: Date | null, startsOn: Date): boolean {
  return retiredAt === null || retiredAt.getTime() > startsOn.getTime();
}

export type RetireAction = "retire" | "unretire";

/**
 * Why a proposal cannot be retired or brought back now, or null. A proposal cannot leave a period in
 * which it already has an update: retiring it now would take it out of every period that starts from
 * now on, so those must have no update of it.
 */
export function retireBlocker(
  proposal: { number: number; retiredAt: Date | null },
  action: RetireAction,
  laterPeriodsWithUpdates: readonly string[],
): string | null {
  const code = proposalCode(proposal.number);
  if (action === "unretire") return proposal.retiredAt ? null : `${code} is not retired.`;
  if (proposal.retiredAt) return `${code} is already retired.`;
  if (laterPeriodsWithUpdates.length) {
    return `${code} already has an update in the ${laterPeriodsWithUpdates.join(", ")}, which starts today or later: it cannot be retired from that period.`;
  }
  return null;
}

export type WordingChange = {
  field: keyof ProposalWording;
  label: string;
  before: string;
  after: string;
  /** For the title and the description: the word diff from before to after. */
  segments?: TextSegment[];
};

const TEXT_FIELDS = new Set<keyof ProposalWording>(["title", "description"]);

function showField(field: keyof ProposalWording, wording: ProposalWording, areaName: (id: string) => string): string {
  switch (field) {
    case "areaId":
      return areaName(wording.areaId);
    case "set":
      return SET_LABELS[wording.set];
    case "edaInvolved":
      return wording.edaInvolved ? "Yes" : "No";
    default:
      return wording[field];
  }
}

/**
 * What a version changed from the one before it, field by field, with a word diff of the texts; for the
 * first version (no `before`), every field as it was set.
 */
export function compareWording(before: ProposalWording | null, after: ProposalWording, areaName: (id: string) => string): WordingChange[] {
  const fields = before ? changedFields(before, after, PROPOSAL_FIELDS) : [...PROPOSAL_FIELDS];
  return fields.map((field) => {
    const a = before ? showField(field, before, areaName) : "";
    const b = showField(field, after, areaName);
    return { field, label: PROPOSAL_FIELD_LABELS[field], before: a, after: b, ...(before && TEXT_FIELDS.has(field) ? { segments: diffText(a, b) } : {}) };
  });
}
