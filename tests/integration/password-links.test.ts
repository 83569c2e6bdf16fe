// One-time links to set a password (lib/data/password-tokens.ts), on the real database: an invitation
// is issued inside a transaction, found while usable, refuses a weak password without spending itself,
// sets an argon2id hash and writes its audit event once, and is then spent: a second use, a second
// submission racing the first, an expired link, a link voided by a newer one and a deactivated account's
// link are all refused and write nothing. Malformed tokens are refused before any query, and the
// database holds only each token's SHA-256, never the token.
import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { verifyPassword } from "@/lib/auth/passwords";
import { findPasswordLink, INVITE_DAYS, issuePasswordToken, setPasswordWithToken, type PasswordLinkPurpose } from "@/lib/data/password-tokens";
import { getDb } from "@/lib/db";
import { passwordProblem } from "@/lib/domain/password-policy";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { uniqueSuffix } from "@/prisma/factories";
import { expectAppError } from "./support/app-helpers";
import { countStatements } from "./support/query-counter";

const GOOD_PASSWORD = "Quartz harbour lantern 917";
const OTHER_GOOD_PASSWORD = "tangerine-oboe-glacier-71";
const SPENT = "This link has expired or was already used. Ask an administrator for a new one.";
const DAY_MS = 24 * 3600 * 1000;

let prisma: PrismaClient;
/** Every token this file issued: none of them may appear anywhere in the database. */
const issued: string[] = [];

beforeAll(() => {
  prisma = createPrismaClient(inject("databaseUrl"), 4);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

const sha256 = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

type Invitee = { id: string; email: string; name: string };

/** A user as an admin invites them: no password yet. */
async function createInvitee(options: { active?: boolean } = {}): Promise<Invitee> {
  const suffix = uniqueSuffix();
  return prisma.user.create({
    data: {
      id: `test-user-invite-${suffix}`,
      email: `ingrid.solberg-${suffix}@eeas.test`,
      name: `Ingrid Solberg ${suffix}`,
      role: "STAFF",
      organisationId: "eu",
      body: "EEAS",
      active: options.active ?? true,
    },
    select: { id: true, email: true, name: true },
  });
}

/** Issues a link through the app's code, inside a transaction as its callers do. */
async function issue(userId: string, now = new Date(), purpose: PasswordLinkPurpose = "INVITE") {
  const link = await getDb().$transaction((tx) => issuePasswordToken(tx, { userId, purpose, issuedById: null }, now));
  issued.push(link.token);
  return link;
}

/** What a user's password and links look like in the database, and the audit events about them. */
async function stateOf(userId: string) {
  const [user, links, events] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } }),
    prisma.passwordToken.findMany({ where: { userId }, select: { tokenHash: true, usedAt: true, expiresAt: true }, orderBy: { createdAt: "asc" } }),
    prisma.auditEvent.findMany({ where: { entityType: "User", entityId: userId }, select: { action: true, actorId: true, after: true } }),
  ]);
  return { passwordHash: user.passwordHash, links, events };
}

describe("issuing and finding a link", () => {
  test("an invitation is stored as its SHA-256, unused, expiring in 7 days, and found while usable", async () => {
    const user = await createInvitee();
    const now = new Date();
    const { token, expiresAt } = await issue(user.id, now);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(expiresAt.getTime()).toBe(now.getTime() + INVITE_DAYS * DAY_MS);
    const { links, passwordHash } = await stateOf(user.id);
    expect(passwordHash).toBeNull();
    expect(links).toEqual([{ tokenHash: sha256(token), usedAt: null, expiresAt }]);
    expect(await findPasswordLink(token)).toEqual({ purpose: "INVITE", name: user.name, email: user.email, expiresAt });
  });

  test("an unknown token of the right shape finds nothing", async () => {
    expect(await findPasswordLink("A".repeat(43))).toBeNull();
    await expectAppError(setPasswordWithToken("A".repeat(43), GOOD_PASSWORD), "NOT_FOUND");
  });
});

describe("setting the password through the link", () => {
  let user: Invitee;
  let token: string;

  beforeAll(async () => {
    user = await createInvitee();
    token = (await issue(user.id)).token;
  });

  test.each(["short", "password1234", "ingrid-solberg-2026"])("a weak password (%s) is refused with the policy's words and spends nothing", async (weak) => {
    const before = await stateOf(user.id);
    const error = await expectAppError(setPasswordWithToken(token, weak), "VALIDATION");
    const expected = passwordProblem(weak, user);
    expect(expected).not.toBeNull();
    expect(error.details).toEqual({ fields: { password: expected } });
    expect(await stateOf(user.id)).toEqual(before);
    expect(before.passwordHash).toBeNull();
    expect(before.links.map((l) => l.usedAt)).toEqual([null]);
    expect(await findPasswordLink(token)).not.toBeNull();
  });

  test("a good password sets an argon2id hash, spends the link and writes one audit event", async () => {
    const before = Date.now();
    expect(await setPasswordWithToken(token, GOOD_PASSWORD)).toEqual({ email: user.email });
    const { passwordHash, links, events } = await stateOf(user.id);
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(passwordHash!, GOOD_PASSWORD)).toBe(true);
    expect(await verifyPassword(passwordHash!, OTHER_GOOD_PASSWORD)).toBe(false);
    expect(links).toHaveLength(1);
    expect(links[0]!.usedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(events).toEqual([{ action: "user.password_set", actorId: user.id, after: { via: "one-time link", sessionsEnded: 0 } }]);
    expect(JSON.stringify(events)).not.toContain(GOOD_PASSWORD);
  });

  test("the same link a second time is refused and changes nothing", async () => {
    const before = await stateOf(user.id);
    expect(await findPasswordLink(token)).toBeNull();
    const error = await expectAppError(setPasswordWithToken(token, OTHER_GOOD_PASSWORD), "NOT_FOUND");
    expect(error.message).toBe(SPENT);
    expect(await stateOf(user.id)).toEqual(before);
    expect(await verifyPassword(before.passwordHash!, GOOD_PASSWORD)).toBe(true);
  });
});

/** Locks a link's row from a connection of the test's own until the returned function is called. */
async function holdLinkRow(token: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  await client.query("BEGIN");
  const { rowCount } = await client.query(`SELECT 1 FROM "PasswordToken" WHERE "tokenHash" = $1 FOR UPDATE`, [sha256(token)]);
  expect(rowCount).toBe(1);
  return async () => {
    await client.query("COMMIT");
    await client.end();
  };
}

async function untilWaitingForLocks(n: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const [row] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (row!.n >= n) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Fewer than ${n} sessions waited for a lock within 10 s`);
}

describe("two submissions of the same link at the same moment", () => {
  /** Both calls' outcomes, and the user's state after: exactly one may have set the password. */
  async function expectExactlyOneWinner(user: Invitee, settled: Promise<PromiseSettledResult<{ email: string }>[]>, passwords: string[]) {
    const outcomes = await settled;
    const winners = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [passwords[i]!] : []));
    const losers = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    expect(winners, "calls that set the password").toHaveLength(1);
    expect(losers).toHaveLength(1);
    await expectAppError(Promise.reject(losers[0]), "NOT_FOUND");
    const { passwordHash, links, events } = await stateOf(user.id);
    expect(await verifyPassword(passwordHash!, winners[0]!)).toBe(true);
    expect(links.filter((l) => l.usedAt !== null)).toHaveLength(1);
    expect(events.map((e) => e.action)).toEqual(["user.password_set"]);
  }

  test("forced: both wait on the link's row, then exactly one sets the password and writes the event", async () => {
    const user = await createInvitee();
    const { token } = await issue(user.id);
    const release = await holdLinkRow(token);
    const passwords = [GOOD_PASSWORD, OTHER_GOOD_PASSWORD];
    let settled: Promise<PromiseSettledResult<{ email: string }>[]>;
    try {
      settled = Promise.allSettled(passwords.map((password) => setPasswordWithToken(token, password)));
      // Both have checked the link and are inside their transaction, waiting to spend it.
      await untilWaitingForLocks(2);
    } finally {
      await release();
    }
    await expectExactlyOneWinner(user, settled, passwords);
  });

  test.each([1, 2, 3])("free race %i: exactly one of two simultaneous submissions succeeds", async () => {
    const user = await createInvitee();
    const { token } = await issue(user.id);
    const passwords = [GOOD_PASSWORD, OTHER_GOOD_PASSWORD];
    await expectExactlyOneWinner(user, Promise.allSettled(passwords.map((password) => setPasswordWithToken(token, password))), passwords);
  });
});

describe("links that can no longer be used", () => {
  test("an expired link is refused from the moment it expires, and writes nothing", async () => {
    const user = await createInvitee();
    const issuedAt = new Date(Date.now() - INVITE_DAYS * DAY_MS - 60_000);
    const { token, expiresAt } = await issue(user.id, issuedAt);
    expect(expiresAt.getTime()).toBeLessThan(Date.now());
    const before = await stateOf(user.id);
    expect(await findPasswordLink(token)).toBeNull();
    expect((await expectAppError(setPasswordWithToken(token, GOOD_PASSWORD), "NOT_FOUND")).message).toBe(SPENT);
    // Exactly at its expiry it is refused; a moment before, the same link was still good.
    expect(await findPasswordLink(token, expiresAt)).toBeNull();
    await expectAppError(setPasswordWithToken(token, GOOD_PASSWORD, expiresAt), "NOT_FOUND");
    expect(await findPasswordLink(token, new Date(expiresAt.getTime() - 1))).not.toBeNull();
    expect(await stateOf(user.id)).toEqual(before);
  });

  test("a newer link voids the older one, which is refused; the newer one works", async () => {
    const user = await createInvitee();
    const first = await issue(user.id, new Date(Date.now() - 60_000));
    const secondAt = new Date();
    const second = await issue(user.id, secondAt, "RESET");
    expect(await findPasswordLink(first.token)).toBeNull();
    expect(await findPasswordLink(second.token)).toMatchObject({ purpose: "RESET", email: user.email });
    const { links } = await stateOf(user.id);
    // The older link now expires when the newer one was issued; nothing is deleted (the trail stays).
    expect(links).toEqual([
      { tokenHash: sha256(first.token), usedAt: null, expiresAt: secondAt },
      { tokenHash: sha256(second.token), usedAt: null, expiresAt: second.expiresAt },
    ]);
    await expectAppError(setPasswordWithToken(first.token, GOOD_PASSWORD), "NOT_FOUND");
    expect((await stateOf(user.id)).passwordHash).toBeNull();
    await setPasswordWithToken(second.token, GOOD_PASSWORD);
    const after = await stateOf(user.id);
    expect(await verifyPassword(after.passwordHash!, GOOD_PASSWORD)).toBe(true);
    expect(after.events.map((e) => e.action)).toEqual(["user.password_reset"]);
  });

  test("a deactivated user's link is refused and writes nothing", async () => {
    const user = await createInvitee();
    const { token } = await issue(user.id);
    expect(await findPasswordLink(token)).not.toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { active: false } });
    const before = await stateOf(user.id);
    expect(await findPasswordLink(token)).toBeNull();
    expect((await expectAppError(setPasswordWithToken(token, GOOD_PASSWORD), "NOT_FOUND")).message).toBe(SPENT);
    expect(await stateOf(user.id)).toEqual(before);
    expect(before.passwordHash).toBeNull();
    expect(before.links.map((l) => l.usedAt)).toEqual([null]);
  });
});

describe("malformed tokens", () => {
  let token: string;
  let userId: string;

  beforeAll(async () => {
    const user = await createInvitee();
    userId = user.id;
    token = (await issue(user.id)).token;
  });

  const malformed: [string, () => string][] = [
    ["empty", () => ""],
    ["too short", () => token.slice(0, 10)],
    ["%00", () => "%00"],
    ["a valid token followed by %00", () => `${token}%00`],
    ["a valid token followed by a NUL byte", () => `${token}\u0000`],
    ["a NUL byte in the middle", () => `${token.slice(0, 20)}\u0000${token.slice(21)}`],
    ["10 kB", () => "A".repeat(10_240)],
    ["a valid token followed by 10 kB", () => token + "A".repeat(10_240)],
    ["SQL", () => `' OR 1=1; --${"x".repeat(30)}`],
    ["non-ASCII", () => `${token.slice(0, 42)}é`],
  ];

  test.each(malformed)("%s: refused as a spent link, before any query, and nothing written", async (_case, make) => {
    const value = make();
    const before = await stateOf(userId);
    const { result, statements } = await countStatements(inject("databaseUrl"), async () => ({
      found: await findPasswordLink(value),
      set: await setPasswordWithToken(value, GOOD_PASSWORD).then(
        () => null,
        (e: unknown) => e,
      ),
    }));
    expect(result.found).toBeNull();
    await expectAppError(Promise.reject(result.set), "NOT_FOUND");
    expect(statements).toEqual([]);
    expect(await stateOf(userId)).toEqual(before);
  });

  test("the valid token itself still works after all that", async () => {
    await setPasswordWithToken(token, GOOD_PASSWORD);
    expect(await verifyPassword((await stateOf(userId)).passwordHash!, GOOD_PASSWORD)).toBe(true);
  });
});

describe("what the database keeps", () => {
  test("only each token's SHA-256: no token appears in PasswordToken, nor in any other table", async () => {
    expect(issued.length).toBeGreaterThanOrEqual(10);
    const hashes = await prisma.$queryRaw<{ tokenHash: string }[]>`SELECT "tokenHash" FROM "PasswordToken" WHERE "tokenHash" = ANY(${issued.map(sha256)})`;
    expect(hashes.map((h) => h.tokenHash).sort()).toEqual(issued.map(sha256).sort());
    const patterns = issued.map((t) => `%${t}%`);
    // Whole rows as text, every column.
    const [inTokens] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "PasswordToken" p WHERE p::text LIKE ANY(${patterns})`;
    expect(inTokens!.n).toBe(0);
    const tables = await prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    expect(tables.map((t) => t.table_name)).toContain("AuditEvent");
    const found: string[] = [];
    for (const { table_name } of tables) {
      const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table_name}" t WHERE t::text LIKE ANY($1)`, patterns);
      if (row!.n > 0) found.push(table_name);
    }
    expect(found).toEqual([]);
  });
});
