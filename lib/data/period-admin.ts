import "server-only";
import { getDb } from "@/lib/db";
import { daysUntil, formatDate } from "@/lib/domain/format";
import { canManagePeriods, type Actor } from "@/lib/domain/permissions";
import { nextPeriodState, periodActionBlocker, type PeriodAction } from "@/lib/domain/period-lifecycle";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/prisma-client";
import type { PeriodState } from "@/lib/domain/vocabulary";
import { MAX_REOPEN_DAYS, type PeriodInput, type ReopenInput } from "@/lib/validation/periods";
import { appendAudit, recordAuditEvent } from "./audit";
import { freezePeriodWrites } from "./periods";

// Serialises every change of a period's state, so "one open period at a time" holds under concurrency.
const PERIOD_STATE_LOCK = 72_707_001;

async function authorize(actor: Actor, attempted: string, periodId: string | null): Promise<void> {
  if (canManagePeriods(actor)) return;
  await recordAuditEvent({
    actorId: actor.id,
    action: "permission.denied",
    entityType: "ReportingPeriod",
    entityId: periodId ?? "new",
    periodId,
    after: { attempted },
  });
  throw new AppError("FORBIDDEN", "Only managers run reporting periods.");
}

function periodData(input: PeriodInput) {
  return { number: input.number, name: input.name, startsOn: input.startsOn, cutOffOn: input.cutOffOn, dueOn: input.dueOn };
}

function isoDates(values: ReturnType<typeof periodData>) {
  return {
    ...values,
    startsOn: values.startsOn.toISOString().slice(0, 10),
    cutOffOn: values.cutOffOn.toISOString().slice(0, 10),
    dueOn: values.dueOn.toISOString().slice(0, 10),
  };
}

function duplicateNumber(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const numberTaken = (n: number) => new AppError("VALIDATION", "Check the period's details.", { fields: { number: `Report number ${n} already exists` } });
const stale = () => new AppError("CONFLICT", "Someone else changed this period while you were looking at it. Reload the page to see the latest version.");

/** A new period starts as upcoming; it is opened separately. */
export async function createPeriod(actor: Actor, input: PeriodInput): Promise<{ id: string }> {
  await authorize(actor, "create_period", null);
  const data = periodData(input);
  try {
    return await getDb().$transaction(async (tx) => {
      const id = `report-${String(input.number).padStart(2, "0")}`;
      const created = await tx.reportingPeriod.create({ data: { id, ...data, state: "UPCOMING" }, select: { id: true } });
      await appendAudit(tx, { actorId: actor.id, action: "period.create", entityType: "ReportingPeriod", entityId: id, periodId: id, after: isoDates(data) });
      return created;
    });
  } catch (error) {
    if (duplicateNumber(error)) throw numberTaken(input.number);
    throw error;
  }
}

export async function updatePeriod(actor: Actor, periodId: string, input: PeriodInput): Promise<void> {
  await authorize(actor, "update_period", periodId);
  const data = periodData(input);
  try {
    await getDb().$transaction(async (tx) => {
      const before = await tx.reportingPeriod.findUnique({
        where: { id: periodId },
        select: { number: true, name: true, startsOn: true, cutOffOn: true, dueOn: true, state: true, version: true },
      });
      if (!before) throw new AppError("NOT_FOUND", "This reporting period does not exist.");
      if (before.state === "CLOSED") throw new AppError("PERIOD_CLOSED", "A closed period cannot be changed.");
      const { count } = await tx.reportingPeriod.updateMany({
        where: { id: periodId, version: input.expectedVersion },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 0) throw stale();
      const { state: _state, version, ...old } = before;
      await appendAudit(tx, {
        actorId: actor.id,
        action: "period.update",
        entityType: "ReportingPeriod",
        entityId: periodId,
        periodId,
        before: { ...isoDates(old), version },
        after: { ...isoDates(data), version: version + 1 },
      });
    });
  } catch (error) {
    if (duplicateNumber(error)) throw numberTaken(input.number);
    throw error;
  }
}

export async function changePeriodState(actor: Actor, periodId: string, action: PeriodAction, expectedVersion: number, now = new Date()): Promise<void> {
  await authorize(actor, `period_${action}`, periodId);
  await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PERIOD_STATE_LOCK})`;
    // Waits for the saves, reviews and highlights in flight and holds back later ones, so once this
    // commits no write made under the old state can still land (see freezePeriodWrites).
    await freezePeriodWrites(tx);
    const [period] = await tx.$queryRaw<{ id: string; state: PeriodState; cutOffOn: Date; version: number }[]>`
      SELECT id, state::text AS state, "cutOffOn", version FROM "ReportingPeriod" WHERE id = ${periodId} FOR UPDATE`;
    if (!period) throw new AppError("NOT_FOUND", "This reporting period does not exist.");
    if (period.version !== expectedVersion) throw stale();
    const otherOpen = await tx.reportingPeriod.findFirst({ where: { state: "OPEN", id: { not: periodId } }, select: { name: true } });
    const blocker = periodActionBlocker(period, action, { otherOpen, now });
    if (blocker) throw new AppError("CONFLICT", blocker);
    const next = nextPeriodState(period.state, action)!;
    await tx.reportingPeriod.update({
      where: { id: periodId },
      data: {
        state: next,
        version: { increment: 1 },
        ...(action === "lock" ? { lockedAt: now, lockedById: actor.id } : {}),
        ...(action === "unlock" ? { lockedAt: null, lockedById: null } : {}),
      },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      action: `period.${action}`,
      entityType: "ReportingPeriod",
      entityId: periodId,
      periodId,
      before: { state: period.state, version: period.version },
      after: { state: next, version: period.version + 1 },
    });
  });
}

/** Reopens one proposal in a locked period until the end of `expiresOn` (UTC); it re-locks by itself. */
export async function reopenProposal(actor: Actor, input: ReopenInput, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
  await authorize(actor, "reopen_proposal", input.periodId);
  const days = daysUntil(input.expiresOn, now);
  if (days < 0 || days > MAX_REOPEN_DAYS) {
    throw new AppError("VALIDATION", "Check the reopening's details.", { fields: { expiresOn: `Choose a date from today to ${MAX_REOPEN_DAYS} days ahead` } });
  }
  const expiresAt = new Date(input.expiresOn.getTime() + 24 * 3600 * 1000 - 1);
  return getDb().$transaction(async (tx) => {
    // Shared row lock, like every write: an unlock or close in flight finishes first, and is seen.
    const [[period], proposal] = await Promise.all([
      tx.$queryRaw<{ state: string; name: string }[]>`SELECT state::text AS state, name FROM "ReportingPeriod" WHERE id = ${input.periodId} FOR SHARE`,
      tx.proposal.findUnique({ where: { id: input.proposalId }, select: { id: true } }),
    ]);
    if (!period || !proposal) throw new AppError("NOT_FOUND", "This period or proposal does not exist.");
    if (period.state !== "LOCKED")
      throw new AppError("CONFLICT", `Only a locked period's proposals can be reopened; the ${period.name} is ${period.state.toLowerCase()}.`);
    const created = await tx.periodReopening.create({
      data: { periodId: input.periodId, proposalId: input.proposalId, reason: input.reason, expiresAt, createdById: actor.id },
      select: { id: true, expiresAt: true },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "period.reopen_proposal",
      entityType: "PeriodReopening",
      entityId: created.id,
      proposalId: input.proposalId,
      periodId: input.periodId,
      after: { reason: input.reason, expiresAt: expiresAt.toISOString(), until: formatDate(input.expiresOn) },
    });
    return created;
  });
}
