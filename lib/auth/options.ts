import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDummyHash, verifyPassword } from "@/lib/auth/passwords";
import { recordAuditEvent } from "@/lib/data/audit";
import { findUserForSignIn } from "@/lib/data/users";
import { getEnv } from "@/lib/env";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

async function authorizeCredentials(raw: unknown) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const user = await findUserForSignIn(parsed.data.email);
  // Verify against a dummy hash for unknown e-mails so timing does not reveal which accounts exist.
  const isValid = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), parsed.data.password);
  if (!user || !isValid) {
    await recordAuditEvent({ actorId: user?.id ?? null, action: "auth.sign_in_failed", entityType: "User", entityId: parsed.data.email.slice(0, 320) });
    return null;
  }
  await recordAuditEvent({ actorId: user.id, action: "auth.sign_in", entityType: "User", entityId: user.id });
  return { id: user.id, email: user.email, name: user.name };
}

let cached: NextAuthOptions | undefined;

/** Built on first use so that `next build` needs no secret. */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  const options: NextAuthOptions = {
    secret: env.NEXTAUTH_SECRET,
    // JWT sessions keep app processes stateless; the user is re-read from the database on every
    // request (lib/auth/session.ts), so deactivation and role changes apply at once.
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE, updateAge: 15 * 60 },
    jwt: { maxAge: env.SESSION_MAX_AGE },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: authorizeCredentials,
      }),
    ],
    callbacks: {
      // Only the user id travels in the token; role and organisation are read fresh per request.
      jwt: ({ token, user }) => (user ? { sub: user.id } : token),
      session: ({ session, token }) => ({ expires: session.expires, user: { id: token.sub } }),
    },
  };
  cached = options;
  return options;
}
