// Focal points: who may follow a proposal, what counts as a vacancy, and how the outcome of a change
// reads. Pure: the data layer (lib/data/focal-points.ts) enforces the same rules inside its transactions.
import type { Role } from "./vocabulary";

/** Roles that may write an update, and so may follow a proposal; a viewer only reads and exports. */
export const FOCAL_POINT_ROLES = ["STAFF", "MANAGER", "ADMIN"] as const satisfies readonly Role[];

export type FocalPointCandidate = { name: string; role: Role; active: boolean };

export function mayBeFocalPoint(person: Pick<FocalPointCandidate, "role" | "active">): boolean {
  return person.active && (FOCAL_POINT_ROLES as readonly Role[]).includes(person.role);
}

/** Why this person cannot be made a focal point, or null when they can. */
export function focalPointRefusal(person: FocalPointCandidate): string | null {
  if (!person.active) return `${person.name} is deactivated: only active people can be focal points.`;
  if (person.role === "VIEWER") return `${person.name} is a viewer: viewers read and export only, so they cannot be focal points. Make them staff first.`;
  return null;
}

/** Why all of `from`'s proposals cannot go to `to`, or null when they can. */
export function handoverRefusal(
  from: { id: string; name: string; organisationId: string },
  to: FocalPointCandidate & { id: string; organisationId: string },
): string | null {
  if (from.id === to.id) return "Choose someone else to hand the proposals over to.";
  if (from.organisationId !== to.organisationId) return `${to.name} works for the other organisation: proposals go to someone on the same side.`;
  return focalPointRefusal(to);
}

/** A focal point as the vacancy rule sees it: the organisation is the side they follow the proposal for. */
export type SideMember = { organisationCode: string; active: boolean };

/**
 * A proposal is vacant on a side when no active focal point of that organisation follows it. A retired
 * proposal is never vacant: it gets no new focal points.
 */
export function isVacant(proposal: { retired: boolean; focalPoints: readonly SideMember[] }, side: string): boolean {
  if (proposal.retired) return false;
  return !proposal.focalPoints.some((fp) => fp.active && fp.organisationCode === side);
}

/** The sides (organisation codes, in the order given) on which the proposal is vacant. */
export function vacantSides(proposal: { retired: boolean; focalPoints: readonly SideMember[] }, sides: readonly string[]): string[] {
  return sides.filter((side) => isVacant(proposal, side));
}

/** NATO first, then the EU (the order of the proposal page), then any other organisation by code. */
export function orderSides<T extends { code: string }>(sides: readonly T[]): T[] {
  const rank = (code: string) => {
    const i = ["NATO", "EU"].indexOf(code);
    return i === -1 ? 2 : i;
  };
  return [...sides].sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
}

/** Items grouped under their area, areas in number order, items in the order given. */
export function groupByArea<T extends { areaId: string }>(
  areas: readonly { id: string; number: number; name: string }[],
  items: readonly T[],
): { area: { id: string; number: number; name: string }; items: T[] }[] {
  return [...areas].sort((a, b) => a.number - b.number).map((area) => ({ area, items: items.filter((item) => item.areaId === area.id) }));
}

const proposals = (n: number) => `${n} proposal${n === 1 ? "" : "s"}`;

// What a change did, with the names its message needs (`proposal` is a code such as "P12").
export type AssignOutcome = { assigned: boolean; person: string; proposal: string };
export type RemoveOutcome = { removed: boolean; person: string; proposal: string };
export type AreaAssignOutcome = { assigned: number; alreadyFollowed: number; person: string; area: string };
export type AreaRemoveOutcome = { removed: number; person: string; area: string };
export type HandoverOutcome = { moved: number; alreadyTheirs: number; retiredKept: number; from: string; to: string };

export function assignMessage({ assigned, person, proposal }: AssignOutcome): string {
  return assigned ? `${person} is now a focal point for ${proposal}.` : `${person} was already a focal point for ${proposal}: nothing changed.`;
}

export function removeMessage({ removed, person, proposal }: RemoveOutcome): string {
  return removed ? `${person} is no longer a focal point for ${proposal}.` : `${person} was not a focal point for ${proposal} any more: nothing changed.`;
}

export function areaAssignMessage({ assigned, alreadyFollowed, person, area }: AreaAssignOutcome): string {
  if (assigned === 0 && alreadyFollowed === 0) return `${area} has no current proposals: nothing changed.`;
  if (assigned === 0) return `${person} already followed all ${proposals(alreadyFollowed)} of ${area}: nothing changed.`;
  const already = alreadyFollowed ? ` (${alreadyFollowed} already followed)` : "";
  return `${person} now follows ${proposals(assigned)} more in ${area}${already}.`;
}

export function areaRemoveMessage({ removed, person, area }: AreaRemoveOutcome): string {
  return removed === 0 ? `${person} followed no proposal in ${area}: nothing changed.` : `${person} no longer follows ${proposals(removed)} of ${area}.`;
}

export function handoverMessage({ moved, alreadyTheirs, retiredKept, from, to }: HandoverOutcome): string {
  if (moved === 0 && alreadyTheirs === 0) return `${from} follows no current proposal: nothing to hand over.`;
  const parts = [`${proposals(moved)} moved from ${from} to ${to}`];
  if (alreadyTheirs) parts.push(`${alreadyTheirs} ${to} already followed (now theirs alone)`);
  if (retiredKept) parts.push(`${retiredKept} retired ${retiredKept === 1 ? "stays" : "stay"} with ${from}`);
  return `${parts.join("; ")}.`;
}

// ---------------------------------------------------------------------------------------------------
// What lib/data/focal-points.ts reads for the admin pages (plain objects: components take them as props)

export type Side = { id: string; code: string; name: string };

export type FocalPointMember = { userId: string; name: string; organisationCode: string; active: boolean };

export type FocalPointRow = { id: string; number: number; title: string; areaName: string; retired: boolean; focalPoints: FocalPointMember[] };

export type Candidate = { id: string; name: string; role: Role; body: string | null; follows: number };

export type ProposalFocalPoints = {
  proposal: { id: string; number: number; title: string; retired: boolean; area: { id: string; number: number; name: string } };
  sides: (Side & { focalPoints: (FocalPointMember & { role: Role })[]; candidates: Candidate[] })[];
};

export type PersonFocalPoints = {
  person: { id: string; name: string; email: string; role: Role; active: boolean; body: string | null; organisation: Side };
  /** Every area, in number order: its current (not retired) proposals and those of them the person follows. */
  areas: { id: string; number: number; name: string; current: number; followed: { id: string; number: number; title: string; retired: boolean }[] }[];
  followedCount: number;
  /** Who could take all of this person's proposals over: active writers of the same organisation. */
  handoverCandidates: Candidate[];
};
