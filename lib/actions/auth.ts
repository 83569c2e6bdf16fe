"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

/** next-auth's session cookie, plain or `__Secure-` (https), possibly split in numbered chunks. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Signs out by expiring the session cookie: sessions are stateless JWTs, so that is all next-auth's own
 * sign-out does too. A server action (Next checks its origin), so the layout needs no next-auth client code.
 */
export async function signOutAction(): Promise<never> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (SESSION_COOKIE.test(cookie.name)) {
      jar.set(cookie.name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: cookie.name.startsWith("__Secure-") });
    }
  }
  redirect("/signin");
}
