import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { PeriodSummary } from "@/lib/domain/periods";
import type { Reopening } from "@/lib/domain/review-rules";
import type { PeriodState } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/prisma-client";

// Defined in lib/domain so that components can take it as a prop.
export type { PeriodSummary };

const periodSelect = {
  id: true,
  number: true,
  name: true,
  startsOn: true,
  cutOffOn: true,
  dueOn: true,
  state: true,
  lockedAt: true,
  version: true,
} as const;

/** Newest first. */
export const listPeriods = cache(async (): Promise<PeriodSummary[]> => {
  return getDb().reportingPeriod.findMany({ select: periodSelect, orderBy: { number: "desc" } });
});

export async function getPeriod(id: string): Promise<PeriodSummary | null> {
  return getDb().reportingPeriod.findUnique({ where: { id }, select: periodSelect });
}

/**
 * The period the reporting cycle is about: the one open for updates, else the latest locked one (under
 * review after its cut-off), else null. Read from the cached list.
 */
export const getCurrentPeriod = cache(async (): Promise<PeriodSummary | null> => currentOf(await listPeriods()));

function currentOf(periods: PeriodSummary[]): PeriodSummary | null {
  return periods.find((p) => p.state === "OPEN") ?? periods.find((p) => p.state === "LOCKED") ?? null;
}

/**
 * The period a view shows: the requested one if it exists; else, for a view as of a past day, the latest
 * period begun by then; else the current one; else the latest.
 */
export async function resolvePeriod(requestedId: string | undefined, asOfDay: Date | null = null): Promise<PeriodSummary | null> {
  // One read of the list: outside React rendering (route handlers) cache() does not dedupe.
  const periods = await listPeriods();
  return (
    (requestedId && periods.find((p) => p.id === requestedId)) ||
    (asOfDay && periods.find((p) => p.startsOn <= asOfDay)) ||
    currentOf(periods) ||
    periods[0] ||
    null
  );
}

/** The unexpired reopening of one proposal in a period at `now`, if any (expired ones re-lock by themselves). */
export async function getActiveReopening(periodId: string, proposalId: string, now: Date): Promise<(Reopening & { reason: string }) | null> {
  return getDb().periodReopening.findFirst({
    where: { periodId, proposalId, expiresAt: { gt: now } },
    select: { expiresAt: true, reason: true },
    orderBy: { expiresAt: "desc" },
  });
}

/** How long a write waits for a lock or publication of the periods in progress (PostgreSQL interval). */
const PERIOD_WAIT = "3s";
export const PERIOD_BUSY = "The reporting period is being locked, unlocked or published at this moment, so nothing was saved. Try again in a few seconds.";

/** PostgreSQL's "canceling statement due to lock timeout" (SQLSTATE 55P03), as the driver adapter reports it. */
function isLockTimeout(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code, message, meta } = e as { code?: unknown; message?: unknown; meta?: { code?: unknown } };
    if (code === "55P03" || meta?.code === "55P03" || (typeof message === "string" && /lock timeout|55P03/.test(message))) return true;
  }
  return false;
}

export type LockedPeriod = { id: string; number: number; name: string; state: PeriodState };

/**
 * Freezes the writes of every period for the rest of the caller's transaction: a lock, unlock, close or
 * publication. Waits for the saves, reviews, highlights and reopenings in flight (they hold the table's ROW
 * SHARE lock through lockPeriodForWrite), and, unlike a row lock, makes writes that arrive meanwhile queue
 * behind it (PostgreSQL grants table locks in order), so a steady stream of saves cannot starve it. Not a
 * query: in a REPEATABLE READ transaction, call it first, and the snapshot is taken after the writes in
 * flight have committed. Plain reads (pages, dashboards) are not blocked.
 */
export async function freezePeriodWrites(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`LOCK TABLE "ReportingPeriod" IN EXCLUSIVE MODE`;
}

/**
 * Inside a write transaction (a save, a review, a highlight, a reopening): takes a share lock on the
 * period's row (and so the table's ROW SHARE lock) and re-reads its state and the proposal's reopening as
 * they are now. A lock, unlock, close or publication first takes freezePeriodWrites: it waits until writes
 * already past this point have committed, and writes that come later wait for it and then see the new
 * state. Without this, a write that checked the period before its transaction began could commit after
 * the period was locked.
 */
export async function lockPeriodForWrite(
  tx: Prisma.TransactionClient,
  periodId: string,
  proposalId: string,
  now: Date,
): Promise<{ period: LockedPeriod; reopening: (Reopening & { reason: string }) | null }> {
  // A lock or publication in progress is waited for, but only briefly: well before the transaction's own
  // time limit, so that the writer is told clearly and nothing is written.
  await tx.$executeRaw`SELECT set_config('lock_timeout', ${PERIOD_WAIT}, true)`;
  const rows = await tx.$queryRaw<LockedPeriod[]>`
    SELECT id, number, name, state::text AS state FROM "ReportingPeriod" WHERE id = ${periodId} FOR SHARE`.catch((error: unknown) => {
    throw isLockTimeout(error) ? new AppError("CONFLICT", PERIOD_BUSY) : error;
  });
  await tx.$executeRaw`SELECT set_config('lock_timeout', '0', true)`;
  const period = rows[0];
  if (!period) throw new AppError("NOT_FOUND", "This reporting period does not exist.");
  const reopening =
    period.state === "LOCKED"
      ? await tx.periodReopening.findFirst({
          where: { periodId, proposalId, expiresAt: { gt: now } },
          select: { expiresAt: true, reason: true },
          orderBy: { expiresAt: "desc" },
        })
      : null;
  return { period, reopening };
}

/** Proposals of a period reopened for edits right now (a publication warns about them). */
export async function countActiveReopenings(periodId: string, now: Date): Promise<number> {
  const rows = await getDb().periodReopening.findMany({ where: { periodId, expiresAt: { gt: now } }, select: { proposalId: true }, distinct: ["proposalId"] });
  return rows.length;
}
