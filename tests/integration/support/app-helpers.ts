// Helpers shared by the integration tests of lib/data: actors made through the factories, expected
// AppErrors, row counts of the tables a write touches, and the writing transaction (xmin) of rows.
// Imports no app module that reads the environment, so tests that set SMTP_* first can use it too.
import { expect } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError, type AppErrorCode } from "@/lib/errors";
import type { PrismaClient } from "@/lib/prisma-client";
import { createUser } from "@/prisma/factories";

export type TestActor = Actor & { email: string; name: string };

export async function createActor(
  prisma: PrismaClient,
  role: Role,
  options: { organisationId?: "nato" | "eu"; focalPointOf?: string[]; name?: string } = {},
): Promise<TestActor> {
  const user = await createUser(prisma, { role, ...options });
  return { id: user.id, role: user.role, organisationId: user.organisationId, email: user.email, name: user.name };
}

/** Awaits a promise that must reject with an AppError of this code, and returns the error. */
export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected an AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code, (error as AppError).message).toBe(code);
  return error as AppError;
}

/** Rows in every table a status-update write touches; equal before and after means nothing was written. */
export async function tableCounts(prisma: PrismaClient) {
  const [updates, revisions, auditEvents] = await Promise.all([prisma.statusUpdate.count(), prisma.statusUpdateRevision.count(), prisma.auditEvent.count()]);
  return { updates, revisions, auditEvents };
}

/** The id of the newest audit event (0 when there is none): events after it are the ones a step wrote. */
export async function lastAuditId(prisma: PrismaClient): Promise<bigint> {
  const row = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  return row?.id ?? 0n;
}

export function auditEventsAfter(prisma: PrismaClient, id: bigint) {
  return prisma.auditEvent.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });
}

/** Proposals a file may take for itself, one at a time (e.g. those without an open-period update). */
export class ProposalPool {
  constructor(private readonly ids: string[]) {}

  take(): string {
    const id = this.ids.shift();
    if (!id) throw new Error("No free proposal left for this test");
    return id;
  }
}

/** The status and assessment of a proposal's latest update in a period before `periodId`. */
export async function previousJudgement(prisma: PrismaClient, proposalId: string, periodId: string) {
  const period = await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { number: true } });
  return prisma.statusUpdate.findFirstOrThrow({
    where: { proposalId, period: { number: { lt: period.number } } },
    orderBy: { period: { number: "desc" } },
    select: { status: true, assessment: true, period: { select: { id: true, name: true } } },
  });
}

/** The writing transaction id (xmin) of one row of a table, as text. */
export async function xminOf(
  prisma: PrismaClient,
  table: "StatusUpdate" | "StatusUpdateRevision" | "AuditEvent" | "ReportingPeriod" | "PeriodReopening",
  id: string | bigint,
): Promise<string> {
  const rows = await prisma.$queryRawUnsafe<{ xmin: string }[]>(
    `SELECT xmin::text AS xmin FROM "${table}" WHERE id = $1`,
    typeof id === "bigint" ? id : String(id),
  );
  if (!rows[0]) throw new Error(`No ${table} row ${String(id)}`);
  return rows[0].xmin;
}
