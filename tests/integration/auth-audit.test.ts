// Sign-in through the credentials provider's authorize (as next-auth calls it) on the real database:
// a success records auth.sign_in; a failure records auth.sign_in_failed only as the first of its window,
// per account (active accounts only) and per client address (which also names the e-mail tried), and
// never the password. Each case comes from its own address, so each is the first of its window there.
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
let addresses = 0;

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
  const address = `198.51.100.${++addresses}`;
  const result = await authorize({ email, password }, { headers: { "x-forwarded-for": address } });
  return { result, address, events: await auditEventsAfter(prisma, since) };
}

const serialised = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));

describe("sign-in audit", () => {
  test("a correct sign-in (e-mail in any case) returns the user and records auth.sign_in", async () => {
    const { result, events } = await signIn(`  ${user.email.toUpperCase()} `, user.password);
    expect(result).toEqual({ id: user.id, email: user.email, name: user.name, sessionId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(events).toEqual([expect.objectContaining({ action: "auth.sign_in", actorId: user.id, entityType: "User", entityId: user.id })]);
  });

  test("a wrong password is refused and recorded for the account and for the address, without the password", async () => {
    const { result, address, events } = await signIn(user.email, "wrong-password");
    expect(result).toBeNull();
    expect(events).toEqual([
      expect.objectContaining({ action: "auth.sign_in_failed", actorId: user.id, entityType: "User", entityId: user.email, after: { failures: 1, address } }),
      expect.objectContaining({
        action: "auth.sign_in_failed",
        actorId: null,
        entityType: "ClientAddress",
        entityId: address,
        after: { failures: 1, email: user.email },
      }),
    ]);
    expect(serialised(events)).not.toContain("wrong-password");
  });

  test.each<[string, () => [string, string]]>([
    ["an inactive account", () => [inactive.email, inactive.password]],
    ["an unknown e-mail", () => ["nobody-here@nato.test", "whatever-password"]],
  ])("%s is refused and recorded only under the address, naming the e-mail tried", async (_case, credentials) => {
    const [email, password] = credentials();
    const { result, address, events } = await signIn(email, password);
    expect(result).toBeNull();
    expect(events).toEqual([
      expect.objectContaining({ action: "auth.sign_in_failed", actorId: null, entityType: "ClientAddress", entityId: address, after: { failures: 1, email } }),
    ]);
    expect(serialised(events)).not.toContain(password);
  });

  test("malformed credentials are refused before any lookup, and record nothing", async () => {
    const { result, events } = await signIn("not-an-email", "x");
    expect(result).toBeNull();
    expect(events).toEqual([]);
  });
});
