import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { isSessionLive } from "@/lib/data/sessions";
import { getEnv } from "@/lib/env";

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
    // A cookie of an ended session reaching /api/auth/session is expected (a signed-out tab, a replayed
    // cookie): one line, not a stack trace.
    logger: {
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR") console.warn("[auth] refused the cookie of an ended session");
        else console.error(`[auth] ${code}`, metadata);
      },
      warn(code) {
        console.warn(`[auth] ${code}`);
      },
      debug() {},
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: authorizeCredentials,
      }),
    ],
    callbacks: {
      // Only the user id and the server-side session's id travel in the token; role and organisation are
      // read fresh per request. next-auth's own session endpoint (/api/auth/session) re-issues the cookie:
      // it does so only while the session is live, and clears the cookie otherwise (the callback throws).
      jwt: async ({ token, user }) => {
        if (user) return { sub: user.id, sid: (user as { sessionId?: string }).sessionId };
        if (typeof token.sub !== "string" || typeof token.sid !== "string" || !(await isSessionLive(token.sid, token.sub))) {
          throw new Error("The session has ended.");
        }
        return token;
      },
      session: ({ session, token }) => ({ expires: session.expires, user: { id: token.sub } }),
    },
  };
  cached = options;
  return options;
}
