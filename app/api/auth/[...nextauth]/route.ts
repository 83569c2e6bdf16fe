import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { asTooManyRequests } from "@/lib/auth/throttle-response";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built on first request so that `next build` needs neither a secret nor a database.
async function handler(request: Request, context: Context) {
  const params = await context.params;
  const response: Response = await NextAuth(request as never, { params } as never, getAuthOptions());
  // A throttled sign-in (lib/auth/credentials.ts) answers 429 with Retry-After, not next-auth's 401.
  const isCredentialsSignIn = request.method === "POST" && params.nextauth.join("/") === "callback/credentials";
  return isCredentialsSignIn ? asTooManyRequests(response) : response;
}

export { handler as GET, handler as POST };
