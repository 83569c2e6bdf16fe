import "server-only";
import { getDb } from "@/lib/db";
import { retryAfterSeconds, waitSchedule, type ThrottlePolicy } from "@/lib/domain/throttle";
import { Prisma, type PrismaClient } from "@/lib/prisma-client";

// Sign-in counters in PostgreSQL, shared by every app process. Each write is one statement on one row,
// so concurrent attempts queue on the row lock and none is lost or counted twice: there is no
// read-modify-write in the application. Times come from the database clock (now()), never the process's.
// `db` is a seam for tests that drive several clients at once; the app passes nothing.

export type Admission = { admitted: true; count: number; blockedUntil: Date | null } | { admitted: false; retryAfterSeconds: number };

/**
 * Counts an attempt for `key` before its password is checked, unless the key is blocked (then nothing
 * changes). Counting first means that a burst of parallel attempts cannot all pass a check made before
 * any of them was counted. In the same statement, a window that has ended starts again at 1, and the
 * wait the policy sets for the new count (`waitSchedule`, passed in as an array, so that the rules live
 * in lib/domain/throttle.ts alone) becomes `blockedUntil`. An attempt that then succeeds takes itself
 * back (`recordSignInSuccess`).
 */
export async function admitSignInAttempt(key: string, policy: ThrottlePolicy, db: PrismaClient = getDb()): Promise<Admission> {
  const schedule = waitSchedule(policy);
  // In ON CONFLICT's SET, `t` is the row as it stands once locked (every SET reads its old values).
  const windowOver = Prisma.sql`t."windowStart" + make_interval(secs => ${policy.windowSeconds}::int) <= now()`;
  const nextCount = Prisma.sql`CASE WHEN ${windowOver} THEN 1 ELSE t.failures + 1 END`;
  // A wait of 0 gives NULL: not blocked.
  const blockedAfter = (count: Prisma.Sql) => Prisma.sql`now() + make_interval(secs => NULLIF((${schedule}::int[])[LEAST(${count}, ${policy.limit}::int)], 0))`;
  const rows = await db.$queryRaw<{ count: number; blockedUntil: Date | null }[]>`
    INSERT INTO "SignInThrottle" AS t (key, failures, "windowStart", "blockedUntil")
    VALUES (${key}, 1, now(), ${blockedAfter(Prisma.sql`1`)})
    ON CONFLICT (key) DO UPDATE SET
      failures = ${nextCount},
      "windowStart" = CASE WHEN ${windowOver} THEN now() ELSE t."windowStart" END,
      "blockedUntil" = ${blockedAfter(nextCount)}
    WHERE t."blockedUntil" IS NULL OR t."blockedUntil" <= now()
    RETURNING t.failures AS count, t."blockedUntil"`;
  const row = rows[0];
  if (row) return { admitted: true, count: row.count, blockedUntil: row.blockedUntil };
  // Refused: the key is blocked. This read only says for how long.
  const [blocked] = await db.$queryRaw<{ blockedUntil: Date | null; now: Date }[]>`
    SELECT "blockedUntil", now() AS now FROM "SignInThrottle" WHERE key = ${key}`;
  return { admitted: false, retryAfterSeconds: blocked?.blockedUntil ? retryAfterSeconds(blocked.blockedUntil, blocked.now) : 1 };
}

/**
 * A failed attempt on an account key (already counted by `admitSignInAttempt`): when an active account
 * has this e-mail, one more failure for its owner to be told about at their next sign-in.
 */
export async function recordSignInFailure(accountKey: string, hasOwner: boolean, db: PrismaClient = getDb()): Promise<void> {
  // Run for unknown e-mails too (adding 0), so that both cases cost the same.
  const add = hasOwner ? 1 : 0;
  await db.$executeRaw`
    UPDATE "SignInThrottle"
    SET "failuresSinceSignIn" = "failuresSinceSignIn" + ${add}::int,
        "lastFailureAt" = CASE WHEN ${add}::int > 0 THEN now() ELSE "lastFailureAt" END
    WHERE key = ${accountKey}`;
}

/**
 * A successful sign-in: the account's counters start again, and the failures since the owner's last
 * sign-in become the notice they see (added to one not yet dismissed); the attempt is taken back from
 * the address (whose only block is its limit, lifted when the count drops below it). Also purges rows
 * nobody needs any more: a day past their window, not blocked, with nothing to tell an owner.
 */
export async function recordSignInSuccess(
  keys: { account: string; address: string },
  addressPolicy: ThrottlePolicy,
  db: PrismaClient = getDb(),
): Promise<void> {
  await db.$executeRaw`
    UPDATE "SignInThrottle"
    SET failures = 0, "windowStart" = now(), "blockedUntil" = NULL,
        "noticeFailures" = "noticeFailures" + "failuresSinceSignIn",
        "noticeLastFailureAt" = COALESCE("lastFailureAt", "noticeLastFailureAt"),
        "failuresSinceSignIn" = 0, "lastFailureAt" = NULL
    WHERE key = ${keys.account}`;
  await db.$executeRaw`
    UPDATE "SignInThrottle"
    SET failures = GREATEST(failures - 1, 0),
        "blockedUntil" = CASE WHEN failures - 1 < ${addressPolicy.limit}::int THEN NULL ELSE "blockedUntil" END
    WHERE key = ${keys.address}`;
  await db.$executeRaw`
    DELETE FROM "SignInThrottle"
    WHERE "windowStart" < now() - interval '1 day' AND ("blockedUntil" IS NULL OR "blockedUntil" < now())
      AND "failuresSinceSignIn" = 0 AND "noticeFailures" = 0`;
}

import type { SignInNotice } from "@/lib/domain/throttle";
export type { SignInNotice };

/** Failed attempts on the account since its owner's previous sign-in, until they dismiss the notice. */
export async function getSignInNotice(accountKey: string, db: PrismaClient = getDb()): Promise<SignInNotice | null> {
  const row = await db.signInThrottle.findUnique({ where: { key: accountKey }, select: { noticeFailures: true, noticeLastFailureAt: true } });
  return row && row.noticeFailures > 0 ? { failures: row.noticeFailures, lastFailureAt: row.noticeLastFailureAt } : null;
}

export async function dismissSignInNotice(accountKey: string, db: PrismaClient = getDb()): Promise<void> {
  await db.signInThrottle.updateMany({ where: { key: accountKey }, data: { noticeFailures: 0, noticeLastFailureAt: null } });
}
