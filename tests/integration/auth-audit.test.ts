// Sign-in through the credentials provider's authorize (as next-auth calls it) on the real database:
// every attempt leaves an audit event, auth.sign_in or auth.sign_in_failed, and never the password.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getAuthOptions } from "@/lib/auth/options";
import { getDb } from "@/lib/db";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { createUser, type CreatedUser } from "@/prisma/factories";
import { auditEventsAfter, lastAuditId } from "./support/app-helpers";

type Authorize = (credentials: Record<string, string> | undefined, request: unknown) => Promise<{ id: string; email: string; name: string } | null>;

let prisma: PrismaClient;
let authorize: Authorize;
let user: CreatedUser;
let inactive: CreatedUser;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  const provider = getAuthOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  authorize = provider.options.authorize;
  user = await createUser(prisma, { role: "STAFF" });
  inactive = await createUser(prisma, { role: "STAFF", active: false });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

async function signIn(email: string, password: string) {
  const since = await lastAuditId(prisma);
  const result = await authorize({ email, password }, {});
  return { result, events: await auditEventsAfter(prisma, since) };
}

describe("sign-in audit", () => {
  test("a correct sign-in (e-mail in any case) returns the user and records auth.sign_in", async () => {
    const { result, events } = await signIn(`  ${user.email.toUpperCase()} `, user.password);
    expect(result).toEqual({ id: user.id, email: user.email, name: user.name });
    expect(events).toEqual([expect.objectContaining({ action: "auth.sign_in", actorId: user.id, entityType: "User", entityId: user.id })]);
  });

  test.each<[string, () => [string, string], () => string | null]>([
    ["a wrong password", () => [user.email, "wrong-password"], () => user.id],
    ["an inactive account", () => [inactive.email, inactive.password], () => null],
    ["an unknown e-mail", () => ["nobody-here@nato.test", "whatever-password"], () => null],
  ])("%s is refused and recorded as auth.sign_in_failed, without the password", async (_case, credentials, actorId) => {
    const [email, password] = credentials();
    const { result, events } = await signIn(email, password);
    expect(result).toBeNull();
    expect(events).toEqual([expect.objectContaining({ action: "auth.sign_in_failed", actorId: actorId(), entityType: "User", entityId: email })]);
    expect(JSON.stringify(events, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(password);
  });

  test("malformed credentials are refused before any lookup, and record nothing", async () => {
    const { result, events } = await signIn("not-an-email", "x");
    expect(result).toBeNull();
    expect(events).toEqual([]);
  });
});
