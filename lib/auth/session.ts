import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuthOptions } from "@/lib/auth/options";
import { getSessionUser } from "@/lib/data/sessions";
import type { SessionUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors";

export type { SessionUser };

/**
 * The signed-in, active user of this request, or null. Cached per request.
 *
 * The cookie names a server-side session (lib/data/sessions.ts): one that was signed out, ended from the
 * account page or by an admin's change, idle too long or past its absolute end lets nobody in, whatever
 * the cookie says. A cookie from before sessions were kept (no session id) counts as signed out.
 *
 * Reads the session cookie and decrypts the JWT directly (what getServerSession does first), then reloads
 * the user. getServerSession would also run next-auth's whole request handler and re-encrypt a refreshed
 * token that a server component cannot set anyway, about four times the work on every page. Only the
 * cookie counts: no Authorization header, as with getServerSession. Expiry is checked by the decryption.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  const req = { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} };
  const token = await getToken({ req: req as unknown as Parameters<typeof getToken>[0]["req"], secret: getAuthOptions().secret });
  const id = token?.sub;
  const sessionId = token?.sid;
  if (typeof id !== "string" || typeof sessionId !== "string") return null;
  return getSessionUser(sessionId, id);
});

/** For pages: the user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For server actions and route handlers: the user, or an UNAUTHENTICATED AppError. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return user;
}
