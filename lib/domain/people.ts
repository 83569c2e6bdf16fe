// People in the tracker: the state of an account, what each role may do in words, and the rules an
// admin's changes must keep (an EU body only for EU users; never fewer than one active admin).
import type { Role } from "./vocabulary";

export const ORGANISATION_CODES = ["NATO", "EU"] as const;
export type OrganisationCode = (typeof ORGANISATION_CODES)[number];

export type EuBodyCode = "EEAS" | "COMMISSION" | "EDA";

/**
 * Active: can sign in. Invited: active, but has not used their one-time link yet (no password).
 * Deactivated: cannot sign in; their open sessions stopped working when they were deactivated.
 */
export const PERSON_STATES = ["active", "invited", "deactivated"] as const;
export type PersonState = (typeof PERSON_STATES)[number];

export const PERSON_STATE_LABELS: Record<PersonState, string> = {
  active: "Active",
  invited: "Invited – link not yet used",
  deactivated: "Deactivated",
};

export function personState(person: { active: boolean; hasPassword: boolean }): PersonState {
  if (!person.active) return "deactivated";
  return person.hasPassword ? "active" : "invited";
}

/** What a role lets a person do, for the role picker (the rules themselves are in permissions.ts). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  VIEWER: "Reads the proposals, dashboards and reports, and exports them.",
  STAFF: "Records the status of the proposals they follow as focal point.",
  MANAGER: "As staff, on every proposal; also reviews updates and runs the reporting periods.",
  ADMIN: "As manager; also manages people, focal points and the catalogue, and reads the audit trail.",
};

/** The EU side is split into bodies; NATO International Staff is not. */
export function bodyProblem(organisation: OrganisationCode, body: EuBodyCode | null | undefined): string | null {
  if (organisation === "EU" && !body) return "Choose the EU body: EEAS, European Commission or European Defence Agency";
  if (organisation === "NATO" && body) return "Only EU staff belong to an EU body: leave it empty for NATO";
  return null;
}

export type AdminTarget = { id: string; name: string; role: Role; active: boolean };

/**
 * Why a change to `target` must not happen because no active admin would be left; null when it may.
 * `activeAdminIds` are the active admins now (read under a lock by the caller, so that two admins
 * stepping down at the same moment cannot both pass this check).
 */
export function lastAdminBlocker(input: {
  target: AdminTarget;
  next: { role: Role; active: boolean };
  activeAdminIds: readonly string[];
  actorId: string;
}): string | null {
  const { target, next, activeAdminIds, actorId } = input;
  const countsNow = target.role === "ADMIN" && target.active;
  const countsAfter = next.role === "ADMIN" && next.active;
  if (!countsNow || countsAfter) return null;
  const remaining = activeAdminIds.filter((id) => id !== target.id).length;
  if (remaining > 0) return null;
  if (target.id === actorId) {
    return `You are the last active admin: make someone else an admin before you ${next.active ? "change your own role" : "deactivate your account"}.`;
  }
  return `${target.name} is the last active admin: make someone else an admin before ${next.active ? "changing their role" : "deactivating them"}.`;
}

export type LinkDelivery = "sent" | "failed" | "off";

/** What the admin is told about a one-time link they have just created. */
export function linkDeliveryMessage(delivery: LinkDelivery, email: string): string {
  if (delivery === "sent") return `We also e-mailed this link to ${email}.`;
  if (delivery === "failed") return `The e-mail to ${email} could not be sent: pass this link on yourself.`;
  return "E-mail is not configured on this server, so nothing was sent: pass this link on yourself, by a channel only they read.";
}

/** A link handed back to the admin once (never stored in plain text). Dates as ISO strings (UTC). */
export type IssuedLink = {
  userId: string;
  name: string;
  email: string;
  purpose: "INVITE" | "RESET";
  url: string;
  expiresAt: string;
  delivery: LinkDelivery;
};
