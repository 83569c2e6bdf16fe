import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeCredentials } from "@/lib/auth/credentials";
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
