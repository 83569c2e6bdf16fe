"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { z } from "zod";
import { endOtherSession, endOwnSession } from "@/lib/data/sessions";
import { dismissSignInNotice } from "@/lib/data/sign-in-throttle";
import { accountThrottleKey } from "@/lib/domain/throttle";

/** next-auth's session cookie, plain or `__Secure-` (https), possibly split in numbered chunks. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (SESSION_COOKIE.test(cookie.name)) {
      jar.set(cookie.name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: cookie.name.startsWith("__Secure-") });
    }
  }
}

/**
 * Signs out: ends the server-side session, so that the cookie (or a copy of it) lets nobody in any more,
 * and clears the cookie. A server action (Next checks its origin), so the layout needs no next-auth client
 * code. Audited as auth.sign_out when the cookie still belonged to a live session.
 */
export async function signOutAction(): Promise<never> {
  const user = await getCurrentUser();
  if (user) await endOwnSession(user, "SIGNED_OUT");
  await clearSessionCookie();
  redirect("/signin");
}

/** Ends every session of the signed-in person, this one included, and goes to the sign-in page. */
export async function signOutEverywhereAction(): Promise<never> {
  const user = await requireUser();
  await endOwnSession(user, "SIGNED_OUT_EVERYWHERE");
  await clearSessionCookie();
  redirect("/signin?signedOut=everywhere");
}

const sessionIdSchema = z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** Ends one of the signed-in person's sessions (another browser) from the account page. */
export async function endSessionAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = sessionIdSchema.safeParse({ sessionId: formData.get("sessionId") });
  if (parsed.success) await endOtherSession(user, parsed.data.sessionId);
  if (parsed.success && parsed.data.sessionId === user.sessionId) {
    await clearSessionCookie();
    redirect("/signin");
  }
  revalidatePath("/account");
  redirect("/account?sessions=ended#sessions");
}

/** The signed-in user has read the notice of failed sign-in attempts on their account: hide it. */
export async function dismissSignInNoticeAction(): Promise<void> {
  const user = await requireUser();
  await dismissSignInNotice(accountThrottleKey(user.email));
  revalidatePath("/", "layout");
}
