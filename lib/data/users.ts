import "server-only";
import { getDb } from "@/lib/db";
import type { SessionUser } from "@/lib/domain/session-user";
import { resolveTimeZone } from "@/lib/domain/time-zone";

export type { SessionUser };

export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  organisationId: true,
  organisation: { select: { code: true } },
  timeZone: true,
} as const;

/** The active user behind a session; null when the account was removed or deactivated since sign-in. */
export async function getActiveUser(id: string): Promise<SessionUser | null> {
  const user = await getDb().user.findFirst({ where: { id, active: true }, select: sessionUserSelect });
  return user && toSessionUser(user);
}

type SessionUserRow = {
  id: string;
  email: string;
  name: string;
  role: SessionUser["role"];
  organisationId: string;
  organisation: { code: string };
  timeZone: string | null;
};

/** A row read with sessionUserSelect, as pages and actions see the person. */
export function toSessionUser(user: SessionUserRow): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    organisationCode: user.organisation.code,
    timeZone: resolveTimeZone(user.timeZone),
  };
}

/** For sign-in only: includes the password hash. */
export async function findUserForSignIn(email: string) {
  return getDb().user.findFirst({
    where: { email: email.trim().toLowerCase(), active: true },
    select: { ...sessionUserSelect, passwordHash: true },
  });
}
