// Sign-in throttling on the real PostgreSQL. The counters are shared by every app process through the
// database: two PrismaClients with their own pools stand in for two app processes hammering one key at
// once, and the counts must come out exact (no attempt lost, none admitted past a limit). Then the real
// credentials `authorize` (as next-auth calls it): growing delays, the block at the limit, the reset on
// success, the notice for the owner and the aggregate audit. Time passing is simulated by moving the
// row's `blockedUntil` / `windowStart` into the past, never by sleeping.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { SignInThrottledError } from "@/lib/auth/credentials";
import { getAuthOptions } from "@/lib/auth/options";
import { getDb } from "@/lib/db";
import { admitSignInAttempt, dismissSignInNotice, getSignInNotice } from "@/lib/data/sign-in-throttle";
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, accountThrottleKey, addressThrottleKey, waitAfter, type ThrottlePolicy } from "@/lib/domain/throttle";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { createUser, uniqueSuffix, type CreatedUser } from "@/prisma/factories";
import { auditEventsAfter, lastAuditId } from "./support/app-helpers";

type Authorize = (credentials: Record<string, string> | undefined, request: unknown) => Promise<{ id: string } | null>;

let processA: PrismaClient;
let processB: PrismaClient;
let authorize: Authorize;
let addresses = 0;

beforeAll(async () => {
  processA = createPrismaClient(inject("databaseUrl"), 10);
  processB = createPrismaClient(inject("databaseUrl"), 10);
  const provider = getAuthOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  authorize = provider.options.authorize;
});

afterAll(async () => {
  await processA?.$disconnect();
  await processB?.$disconnect();
  await getDb().$disconnect();
});

/** An address of its own for each test (198.18.0.0/15 is for benchmarks: never a real client). */
const freshAddress = () => `198.18.7.${++addresses}`;

function row(key: string) {
  return processA.signInThrottle.findUnique({ where: { key } });
}

/** Seconds from the database's now() to the row's blockedUntil (null when not blocked). */
async function secondsBlocked(key: string): Promise<number | null> {
  const [r] = await processA.$queryRaw<{ seconds: number | null }[]>`
    SELECT extract(epoch FROM "blockedUntil" - now())::float8 AS seconds FROM "SignInThrottle" WHERE key = ${key}`;
  return r?.seconds ?? null;
}

/** As if the wait had passed. */
async function waitOut(key: string) {
  await processA.$executeRaw`UPDATE "SignInThrottle" SET "blockedUntil" = now() - interval '1 second' WHERE key = ${key} AND "blockedUntil" IS NOT NULL`;
}

async function attempt(email: string, password: string, address: string) {
  try {
    return { user: await authorize({ email, password }, { headers: { "x-forwarded-for": address } }) };
  } catch (error) {
    if (error instanceof SignInThrottledError) return { throttled: error.retryAfterSeconds, message: error.message };
    throw error;
  }
}

async function auditOf(since: bigint, entityId: string) {
  return (await auditEventsAfter(processA, since)).filter((e) => e.entityId === entityId).map((e) => ({ action: e.action, after: e.after }));
}

describe("counting across app processes", () => {
  const generous: ThrottlePolicy = { windowSeconds: 900, delayFrom: null, maxDelaySeconds: 0, limit: 1000 };

  test("40 concurrent attempts through two clients are all counted, each once", async () => {
    const key = `account:race-${uniqueSuffix()}@example.org`;
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => admitSignInAttempt(key, generous, i % 2 ? processA : processB)));
    expect(results.every((r) => r.admitted)).toBe(true);
    // Each attempt saw a different count: 1..40, none lost, none repeated.
    const counts = results.map((r) => (r.admitted ? r.count : 0)).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await row(key))?.failures).toBe(40);
  });

  test("with the account's rules, exactly 5 of 40 concurrent attempts get through; the rest must wait", async () => {
    const key = accountThrottleKey(`race-${uniqueSuffix()}@example.org`);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => admitSignInAttempt(key, ACCOUNT_THROTTLE, i % 2 ? processA : processB)));
    const admitted = results.filter((r) => r.admitted);
    expect(admitted).toHaveLength(5);
    for (const r of results) if (!r.admitted) expect([1, 2]).toContain(r.retryAfterSeconds);
    expect((await row(key))?.failures).toBe(5);
  });

  test("with the address's rules, exactly 100 of 130 concurrent attempts get through, then 15 minutes' wait", async () => {
    const key = addressThrottleKey(freshAddress());
    const results = await Promise.all(Array.from({ length: 130 }, (_, i) => admitSignInAttempt(key, ADDRESS_THROTTLE, i % 2 ? processA : processB)));
    expect(results.filter((r) => r.admitted)).toHaveLength(100);
    for (const r of results) if (!r.admitted) expect(r.retryAfterSeconds).toBeGreaterThan(890);
    expect((await row(key))?.failures).toBe(100);
  });
});

describe("the credentials sign-in", () => {
  let user: CreatedUser;

  beforeAll(async () => {
    user = await createUser(processA, { role: "STAFF" });
  });

  test("5 failures, then a wait of 2 s (429), not counted; after the wait, success resets and leaves a notice", async () => {
    const address = freshAddress();
    const key = accountThrottleKey(user.email);
    const since = await lastAuditId(processA);
    for (let i = 1; i <= 5; i++) expect(await attempt(user.email, `wrong-${i}`, address)).toEqual({ user: null });
    const refused = await attempt(user.email, user.password, address);
    expect(refused.throttled).toBeGreaterThanOrEqual(1);
    expect(refused.throttled).toBeLessThanOrEqual(2);
    expect(refused.message).toBe(`SignInThrottled:${refused.throttled}`);
    expect(await row(key)).toMatchObject({ failures: 5, failuresSinceSignIn: 5, noticeFailures: 0 });
    // The address counts every attempt that did not succeed, the refused one too.
    expect((await row(addressThrottleKey(address)))?.failures).toBe(6);
    // Aggregate: one row for the account and one for the address, not one per attempt.
    expect(await auditOf(since, user.email)).toEqual([{ action: "auth.sign_in_failed", after: { failures: 1, address } }]);
    expect(await auditOf(since, address)).toEqual([{ action: "auth.sign_in_failed", after: { failures: 1, email: user.email } }]);

    await waitOut(key);
    const signedIn = await attempt(user.email, user.password, address);
    expect(signedIn.user).toMatchObject({ id: user.id });
    const after = await row(key);
    expect(after).toMatchObject({ failures: 0, blockedUntil: null, failuresSinceSignIn: 0, noticeFailures: 5 });
    expect(after?.noticeLastFailureAt).toBeInstanceOf(Date);
    // The success took back its own count from the address.
    expect((await row(addressThrottleKey(address)))?.failures).toBe(6);
    expect(await getSignInNotice(key, processA)).toEqual({ failures: 5, lastFailureAt: after?.noticeLastFailureAt });

    await dismissSignInNotice(key, processA);
    expect(await getSignInNotice(key, processA)).toBeNull();
    expect((await attempt(user.email, user.password, address)).user).toMatchObject({ id: user.id });
    expect(await getSignInNotice(key, processA)).toBeNull();
  });

  test("the waits follow the schedule; at 20 the account is blocked for 15 minutes, with two audit rows in all", async () => {
    const target = await createUser(processA, { role: "VIEWER" });
    const key = accountThrottleKey(target.email);
    const since = await lastAuditId(processA);
    for (let n = 1; n <= ACCOUNT_THROTTLE.limit; n++) {
      // Each from its own address, so that only the account's rules apply.
      expect(await attempt(target.email, "wrong-password", freshAddress())).toEqual({ user: null });
      const blocked = await secondsBlocked(key);
      const expected = waitAfter(n, ACCOUNT_THROTTLE);
      if (expected === 0) expect(blocked).toBeNull();
      else expect(blocked).toBeCloseTo(expected, 0);
      if (n < ACCOUNT_THROTTLE.limit) await waitOut(key);
    }
    // Blocked: even the right password is refused, without being checked.
    const refused = await attempt(target.email, target.password, freshAddress());
    expect(refused.throttled).toBeGreaterThan(890);
    expect(refused.throttled).toBeLessThanOrEqual(900);
    expect((await row(key))?.failures).toBe(20);
    const audit = await auditOf(since, target.email);
    expect(audit).toEqual([
      { action: "auth.sign_in_failed", after: expect.objectContaining({ failures: 1 }) },
      { action: "auth.sign_in_throttled", after: expect.objectContaining({ failures: 20, blockedUntil: expect.any(String) }) },
    ]);

    // Once the block and the window are over, a new window starts at 1 and is audited again.
    await processA.$executeRaw`UPDATE "SignInThrottle" SET "windowStart" = now() - interval '16 minutes', "blockedUntil" = now() - interval '1 second' WHERE key = ${key}`;
    const again = await lastAuditId(processA);
    expect(await attempt(target.email, "wrong-password", freshAddress())).toEqual({ user: null });
    expect((await row(key))?.failures).toBe(1);
    expect(await auditOf(again, target.email)).toEqual([{ action: "auth.sign_in_failed", after: expect.objectContaining({ failures: 1 }) }]);
    // The owner is told about every failure since their last sign-in, across windows.
    await waitOut(key);
    expect((await attempt(target.email, target.password, freshAddress())).user).toMatchObject({ id: target.id });
    expect((await getSignInNotice(key, processA))?.failures).toBe(21);
  });

  test("an address is blocked at 100 attempts that did not succeed, for every account, audited once", async () => {
    const address = freshAddress();
    const other = await createUser(processA, { role: "VIEWER" });
    // As if 99 attempts from this address had already failed in this window.
    await processA.signInThrottle.create({ data: { key: addressThrottleKey(address), failures: 99, windowStart: new Date() } });
    const since = await lastAuditId(processA);
    expect(await attempt(`someone-${uniqueSuffix()}@example.org`, "wrong-password", address)).toEqual({ user: null });
    const refused = await attempt(other.email, other.password, address);
    expect(refused.throttled).toBeGreaterThan(890);
    // Refused before the account was even counted.
    expect(await row(accountThrottleKey(other.email))).toBeNull();
    expect(await auditOf(since, address)).toEqual([{ action: "auth.sign_in_throttled", after: expect.objectContaining({ failures: 100 }) }]);
  });

  test("successful sign-ins never count against their address", async () => {
    const address = freshAddress();
    for (let i = 0; i < 3; i++) expect((await attempt(user.email, user.password, address)).user).toMatchObject({ id: user.id });
    expect((await row(addressThrottleKey(address)))?.failures).toBe(0);
  });

  test("tries on unknown e-mails leave one audit row per address and window, and no notice to anyone", async () => {
    const address = freshAddress();
    const since = await lastAuditId(processA);
    const emails = Array.from({ length: 4 }, () => `unknown-${uniqueSuffix()}@example.org`);
    for (const email of emails) expect(await attempt(email, "guess-password", address)).toEqual({ user: null });
    const events = (await auditEventsAfter(processA, since)).filter((e) => e.action.startsWith("auth."));
    expect(events.map((e) => [e.action, e.entityId])).toEqual([["auth.sign_in_failed", address]]);
    for (const email of emails) expect(await row(accountThrottleKey(email))).toMatchObject({ failures: 1, failuresSinceSignIn: 0 });
  });

  test("a sign-in purges rows a day past their window with nothing left to tell, and keeps the others", async () => {
    const stale = `address:stale-${uniqueSuffix()}`;
    const pending = `account:pending-${uniqueSuffix()}@example.org`;
    const dayAgo = new Date(Date.now() - 25 * 3600 * 1000);
    await processA.signInThrottle.createMany({
      data: [
        { key: stale, failures: 3, windowStart: dayAgo },
        { key: pending, failures: 3, windowStart: dayAgo, noticeFailures: 3 },
      ],
    });
    expect((await attempt(user.email, user.password, freshAddress())).user).toMatchObject({ id: user.id });
    expect(await row(stale)).toBeNull();
    expect(await row(pending)).not.toBeNull();
  });
});
