import "server-only";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/domain/vocabulary";

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationCode: string;
};

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  organisationId: true,
  organisation: { select: { code: true } },
} as const;

/** The active user behind a session; null when the account was removed or deactivated since sign-in. */
export async function getActiveUser(id: string): Promise<SessionUser | null> {
  const user = await getDb().user.findFirst({ where: { id, active: true }, select: sessionUserSelect });
  return user && { ...user, organisationCode: user.organisation.code };
}

/** For sign-in only: includes the password hash. */
export async function findUserForSignIn(email: string) {
  return getDb().user.findFirst({
    where: { email: email.trim().toLowerCase(), active: true },
    select: { ...sessionUserSelect, passwordHash: true },
  });
}
