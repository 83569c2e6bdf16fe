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
 * The day each set of proposals was endorsed (DOMAIN.md): the 42 of 6 December 2016 and the 32 of
 * 5 December 2017. A proposal counts in a period only if its set was endorsed by the period's cut-off:
 * the 2017 set is not part of the 1st (cut-off 31 May 2017) or 2nd (30 November 2017) report.
 */
export const SET_ENDORSED_ON: Readonly<Record<ProposalSet, string>> = { SET_2016: "2016-12-06", SET_2017: "2017-12-05" };

/** The part of a period the membership rule reads: its first day and its cut-off (00:00 UTC dates). */
export type PeriodSpan = { startsOn: Date; cutOffOn: Date };
/** The part of a proposal the membership rule reads. */
export type PeriodMember = { set: ProposalSet; retiredAt: Date | null };

export function endorsedOn(set: ProposalSet): Date {
  return new Date(`${SET_ENDORSED_ON[set]}T00:00:00.000Z`);
}

/** The sets endorsed by a given cut-off (for filters that list sets rather than compare dates). */
export function setsEndorsedBy(cutOffOn: Date): ProposalSet[] {
  return (Object.keys(SET_ENDORSED_ON) as ProposalSet[]).filter((set) => endorsedOn(set).getTime() <= cutOffOn.getTime());
}

/**
 * Whether a proposal belongs to a period: from the period whose cut-off is on or after the day its set was
 * endorsed, until it is retired: a proposal retired at R is out of every period that starts on or after R
 * (00:00 UTC of its first day), and stays in the periods that began before R (and in their reports and
 * history). The dashboard, trend, heat map, cockpit, list, reports, reminders and imports all use this
 * rule (inPeriodSql in lib/data/view-sql.ts says it in SQL).
 */
export function isInPeriod(proposal: PeriodMember, period: PeriodSpan): boolean {
  if (endorsedOn(proposal.set).getTime() > period.cutOffOn.getTime()) return false;
  return proposal.retiredAt === null || proposal.retiredAt.getTime() > period.startsOn.getTime();
}

/** Why a proposal takes no update in a period (null when it belongs to it), in words for the person trying. */
export function notInPeriodReason(proposal: PeriodMember & { number: number }, period: PeriodSpan & { name: string }): string | null {
  if (isInPeriod(proposal, period)) return null;
  const code = proposalCode(proposal.number);
  if (endorsedOn(proposal.set).getTime() > period.cutOffOn.getTime()) {
    const endorsed = endorsedOn(proposal.set).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    return `${code} belongs to the ${SET_LABELS[proposal.set]}, endorsed on ${endorsed}, after the cut-off of the ${period.name}: it takes no updates in it.`;
  }
  return `${code} was retired before the ${period.name} began: it takes no updates in it.`;
}

/**
 * Why a proposal's set cannot change now, or null: moving it to a set endorsed after the cut-off of a
 * period in which it already has an update would leave that update outside its period.
 */
export function setChangeBlocker(number: number, to: ProposalSet, periodsWithUpdates: readonly { name: string; cutOffOn: Date }[]): string | null {
  const clash = periodsWithUpdates.find((period) => endorsedOn(to).getTime() > period.cutOffOn.getTime());
  if (!clash) return null;
  return `${proposalCode(number)} already has an update in the ${clash.name}, before the ${SET_LABELS[to]} was endorsed: it cannot move to that set.`;
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

// ---------------------------------------------------------------------------------------------------
// What lib/data/catalogue.ts reads for the admin pages (plain objects: components take them as props)

export type AreaChoice = { id: string; number: number; name: string };

export type CatalogueRow = {
  id: string;
  number: number;
  title: string;
  set: ProposalSet;
  edaInvolved: boolean;
  retiredAt: Date | null;
  area: AreaChoice;
  /** The latest wording version (0 when none). */
  version: number;
};

export type CatalogueAreaRow = AreaChoice & { active: number; retired: number };

export type AreaChange = { id: string; at: Date; actorName: string | null; before: Record<string, unknown>; after: Record<string, unknown> };

export type CatalogueArea = AreaChoice & {
  description: string;
  fingerprint: string;
  proposals: { id: string; number: number; title: string; retiredAt: Date | null }[];
  /** The area's changes from the audit trail, newest first (areas keep no other history). */
  changes: AreaChange[];
};

export type ProposalVersionRow = ProposalWording & { version: number; validFrom: Date; changedByName: string | null };

export type CatalogueProposal = ProposalWording & {
  id: string;
  number: number;
  retiredAt: Date | null;
  retiredByName: string | null;
  /** The latest version (0 when none): the edit form's concurrency check. */
  version: number;
  /** Newest first. */
  versions: ProposalVersionRow[];
  areas: AreaChoice[];
  /** How many status updates the proposal has, in all periods. */
  updateCount: number;
};

/** What a stale save is told: the version saved now, who made it, and what changed since the form's version. */
export type ProposalConflict = { current: ProposalVersionRow & { areaName: string }; changedFields: string[] };
