import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  /** Only the user id travels in the session; everything else is read from the database. */
  interface Session {
    user?: { id?: string } & DefaultSession["user"];
  }
}
