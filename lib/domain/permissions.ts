// Who may do what. Pure functions used by every page, action and route handler on the server;
// the UI uses the same functions only to hide what the server would refuse anyway.
import type { PeriodState, Role } from "./vocabulary";

export type Actor = {
  id: string;
  role: Role;
  organisationId: string;
};

export type ProposalAccess = {
  /** Users who are focal points for the proposal. */
  focalPointUserIds: readonly string[];
};

export type PeriodAccess = { state: PeriodState };

const RANK: Record<Role, number> = { VIEWER: 0, STAFF: 1, MANAGER: 2, ADMIN: 3 };

export function hasRole(actor: Actor, minimum: Role): boolean {
  return RANK[actor.role] >= RANK[minimum];
}

/** Every signed-in role reads the catalogue, the proposals, their history and the dashboards. */
export function canViewProposals(actor: Actor): boolean {
  return hasRole(actor, "VIEWER");
}

export function canViewDashboard(actor: Actor): boolean {
  return hasRole(actor, "VIEWER");
}

export function canExport(actor: Actor): boolean {
  return hasRole(actor, "VIEWER");
}

/** Staff edit only the proposals they are focal point for; managers and admins edit any. */
export function canEditProposal(actor: Actor, proposal: ProposalAccess): boolean {
  if (hasRole(actor, "MANAGER")) return true;
  if (actor.role !== "STAFF") return false;
  return proposal.focalPointUserIds.includes(actor.id);
}

/** Staff, managers and admins record updates (for the proposals canEditProposal allows); viewers only read. */
export function canRecordUpdates(actor: Actor): boolean {
  return hasRole(actor, "STAFF");
}

/** Where a signed-in person lands: staff on "My work", managers, admins and viewers on the dashboard. */
export function landingPath(actor: Actor): string {
  return actor.role === "STAFF" ? "/my-work" : "/dashboard";
}

/** Managers review updates (approve, return) and run the reporting periods. */
export function canReviewUpdates(actor: Actor): boolean {
  return hasRole(actor, "MANAGER");
}

export function canManagePeriods(actor: Actor): boolean {
  return hasRole(actor, "MANAGER");
}

/** The audit trail is for admins. */
export function canViewAudit(actor: Actor): boolean {
  return hasRole(actor, "ADMIN");
}

// Running the tracker for an organisation (people, focal points, the catalogue, imports) is for admins.

export function canManagePeople(actor: Actor): boolean {
  return hasRole(actor, "ADMIN");
}

export function canManageFocalPoints(actor: Actor): boolean {
  return hasRole(actor, "ADMIN");
}

export function canEditCatalogue(actor: Actor): boolean {
  return hasRole(actor, "ADMIN");
}

export function canImport(actor: Actor): boolean {
  return hasRole(actor, "ADMIN");
}

/** The admin section (its pages check the specific permission as well). */
export function canAdminister(actor: Actor): boolean {
  return hasRole(actor, "ADMIN");
}
