"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { recordAuditEvent } from "@/lib/data/audit";
import { dismissSignInNotice } from "@/lib/data/sign-in-throttle";
import { accountThrottleKey } from "@/lib/domain/throttle";

/** next-auth's session cookie, plain or `__Secure-` (https), possibly split in numbered chunks. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Signs out by expiring the session cookie: sessions are stateless JWTs, so that is all next-auth's own
 * sign-out does too. A server action (Next checks its origin), so the layout needs no next-auth client code.
 * Audited as auth.sign_out when the cookie still belonged to an active user.
 */
export async function signOutAction(): Promise<never> {
  const user = await getCurrentUser();
  if (user) await recordAuditEvent({ actorId: user.id, action: "auth.sign_out", entityType: "User", entityId: user.id });
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (SESSION_COOKIE.test(cookie.name)) {
      jar.set(cookie.name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: cookie.name.startsWith("__Secure-") });
    }
  }
  redirect("/signin");
}

/** The signed-in user has read the notice of failed sign-in attempts on their account: hide it. */
export async function dismissSignInNoticeAction(): Promise<void> {
  const user = await requireUser();
  await dismissSignInNotice(accountThrottleKey(user.email));
  revalidatePath("/", "layout");
}
