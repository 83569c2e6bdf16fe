// A locked period on the real database: nobody records updates, except for a proposal a manager has
// reopened, and only until the end of the reopening's last day (it re-locks by itself); reviewing goes
// on; an approved update that is reopened goes back to draft when edited, and through review again.
// The seeded open period is locked as on its cut-off day for this file and unlocked in afterAll.
// Times are passed as `now`, so the test does not depend on today's date.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { reopenProposal } from "@/lib/data/period-admin";
import { recordStatusUpdate, reviewStatusUpdate } from "@/lib/data/status-updates";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { reopenSchema } from "@/lib/validation/periods";
import { statusUpdateSchema, type StatusUpdateInput } from "@/lib/validation/status-update";
import { getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { auditEventsAfter, createActor, expectAppError, lastAuditId, ProposalPool, tableCounts, xminOf, type TestActor } from "./support/app-helpers";
import { addDays, lockSeededOpenPeriod, restoreSeededOpenPeriod } from "./support/periods";

let prisma: PrismaClient;
let periodId: string;
let pool: ProposalPool;
let manager: TestActor;
let reviewer: TestActor;
/** The seeded period's cut-off day (00:00 UTC), when this file locks it. */
let cutOff: Date;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  periodId = await getOpenPeriodId(prisma);
  pool = new ProposalPool(await proposalsWithoutOpenUpdate(prisma));
  manager = await createActor(prisma, "MANAGER");
  // The manager corrects X below; approving it is for another manager (four eyes).
  reviewer = await createActor(prisma, "MANAGER");
  cutOff = await lockSeededOpenPeriod(prisma, manager, periodId);
});

afterAll(async () => {
  if (prisma && manager) await restoreSeededOpenPeriod(prisma, manager, periodId);
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

function input(proposalId: string, expectedVersion: number, overrides: Partial<Record<keyof StatusUpdateInput, unknown>> = {}): StatusUpdateInput {
  return statusUpdateSchema.parse({
    proposalId,
    periodId,
    status: "IN_PROGRESS",
    assessment: "ON_TRACK",
    progress: 45,
    narrative: "Late evidence: the joint exercise took place.",
    nextSteps: "",
    evidenceLinks: [],
    rationale: "The exercise took place after all.",
    intent: "submit",
    expectedVersion,
    ...overrides,
  });
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

describe.sequential("a locked period", () => {
  let x: string;
  let y: string;
  let staff: TestActor;
  /** The last day of X's reopening, and the instant it ends (23:59:59.999 UTC that day). */
  let lastDay: Date;
  let expiresAt: Date;

  beforeAll(async () => {
    [x, y] = [pool.take(), pool.take()];
    staff = await createActor(prisma, "STAFF", { focalPointOf: [x, y] });
    lastDay = addDays(cutOff, 5);
    expiresAt = new Date(lastDay.getTime() + 24 * 3600 * 1000 - 1);
  });

  test("the lock is recorded: state LOCKED and a period.lock audit event", async () => {
    expect(await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: periodId } })).toMatchObject({
      state: "LOCKED",
      lockedAt: cutOff,
      lockedById: manager.id,
    });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "ReportingPeriod", entityId: periodId }, orderBy: { id: "desc" } })).toMatchObject({
      action: "period.lock",
      actorId: manager.id,
      after: { state: "LOCKED" },
    });
  });

  test.each([
    ["the focal point", () => staff],
    ["a manager", () => manager],
  ])("%s cannot record: PERIOD_CLOSED, nothing written", async (_who, who) => {
    const before = await tableCounts(prisma);
    const error = await expectAppError(recordStatusUpdate(who(), input(x, 0), addDays(cutOff, 1)), "PERIOD_CLOSED");
    expect(error.message).toContain("locked");
    expect(await tableCounts(prisma)).toEqual(before);
  });

  test.each([
    ["31 days ahead", 31],
    ["in the past", -1],
  ])("a reopening ending %s is VALIDATION on expiresOn, nothing written", async (_case, days) => {
    const now = addDays(cutOff, 1);
    const [reopenings, since] = [await prisma.periodReopening.count(), await lastAuditId(prisma)];
    const error = await expectAppError(
      reopenProposal(manager, { periodId, proposalId: x, reason: "Late evidence arrived", expiresOn: addDays(now, days) }, now),
      "VALIDATION",
    );
    expect(Object.keys((error.details as { fields: Record<string, string> }).fields)).toEqual(["expiresOn"]);
    expect(await prisma.periodReopening.count()).toBe(reopenings);
    expect(await auditEventsAfter(prisma, since)).toEqual([]);
  });

  test("a manager reopens X until the end of a day: one reopening and its audit event, in one transaction", async () => {
    const now = addDays(cutOff, 1);
    const since = await lastAuditId(prisma);
    const input = reopenSchema.parse({ periodId, proposalId: x, reason: "Late evidence arrived", expiresOn: isoDay(lastDay) });
    const created = await reopenProposal(manager, input, now);
    expect(created.expiresAt).toEqual(expiresAt);
    expect(await prisma.periodReopening.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      periodId,
      proposalId: x,
      reason: "Late evidence arrived",
      expiresAt,
      createdById: manager.id,
    });
    const events = await auditEventsAfter(prisma, since);
    expect(events).toEqual([
      expect.objectContaining({
        action: "period.reopen_proposal",
        actorId: manager.id,
        entityType: "PeriodReopening",
        entityId: created.id,
        proposalId: x,
        periodId,
      }),
    ]);
    expect(events[0]!.after).toMatchObject({ reason: "Late evidence arrived", expiresAt: expiresAt.toISOString() });
    expect(await xminOf(prisma, "PeriodReopening", created.id)).toBe(await xminOf(prisma, "AuditEvent", events[0]!.id));
  });

  test("while reopened, the focal point records and submits for X (audited)", async () => {
    const before = await tableCounts(prisma);
    const saved = await recordStatusUpdate(staff, input(x, 0), addDays(lastDay, 0.5));
    expect(saved).toMatchObject({ version: 1, workflowState: "SUBMITTED" });
    expect(await tableCounts(prisma)).toEqual({ updates: before.updates + 1, revisions: before.revisions + 1, auditEvents: before.auditEvents + 1 });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "StatusUpdate", entityId: saved.id } })).toMatchObject({
      action: "status_update.create_submit",
      actorId: staff.id,
      proposalId: x,
      periodId,
    });
  });

  test("...but not for Y, which was not reopened: PERIOD_CLOSED", async () => {
    const before = await tableCounts(prisma);
    await expectAppError(recordStatusUpdate(staff, input(y, 0), addDays(cutOff, 2)), "PERIOD_CLOSED");
    expect(await tableCounts(prisma)).toEqual(before);
  });

  test.each([
    ["at the instant it expires", () => expiresAt],
    ["the next day", () => addDays(lastDay, 1.5)],
  ])("X re-locks by itself %s: PERIOD_CLOSED", async (_when, when) => {
    const before = await tableCounts(prisma);
    await expectAppError(recordStatusUpdate(manager, input(x, 1, { intent: "save", narrative: "One more change." }), when()), "PERIOD_CLOSED");
    expect(await tableCounts(prisma)).toEqual(before);
  });

  test("one millisecond before the expiry X is still open (so the cases above fail for the right reason)", async () => {
    const saved = await recordStatusUpdate(
      manager,
      input(x, 1, { intent: "save", narrative: "Corrected before the expiry." }),
      new Date(expiresAt.getTime() - 1),
    );
    expect(saved).toMatchObject({ version: 2, workflowState: "SUBMITTED" });
  });

  test("reviewing goes on in a locked period: another manager approves X after its reopening expired", async () => {
    const reviewed = await reviewStatusUpdate(reviewer, { proposalId: x, periodId, decision: "approve", note: "", expectedVersion: 2 }, addDays(lastDay, 3));
    expect(reviewed).toMatchObject({ version: 3, workflowState: "APPROVED" });
  });

  test("without a new reopening the approved update stays locked: PERIOD_CLOSED", async () => {
    const before = await tableCounts(prisma);
    await expectAppError(recordStatusUpdate(staff, input(x, 3, { intent: "save" }), addDays(lastDay, 4)), "PERIOD_CLOSED");
    expect(await tableCounts(prisma)).toEqual(before);
  });

  test("reopened again, the approved update goes back to DRAFT when its focal point edits it, and can be resubmitted", async () => {
    const now = addDays(lastDay, 4);
    await reopenProposal(manager, { periodId, proposalId: x, reason: "The exercise report changed", expiresOn: addDays(now, 2) }, now);
    const edited = await recordStatusUpdate(staff, input(x, 3, { intent: "save", narrative: "Corrected after the exercise report." }), now);
    expect(edited).toMatchObject({ version: 4, workflowState: "DRAFT" });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "StatusUpdate", entityId: edited.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      action: "status_update.update",
      before: { workflowState: "APPROVED", version: 3 },
      after: { workflowState: "DRAFT", version: 4 },
    });
    const resubmitted = await recordStatusUpdate(staff, input(x, 4, { narrative: "Corrected after the exercise report." }), now);
    expect(resubmitted).toMatchObject({ version: 5, workflowState: "SUBMITTED" });
    const revisions = await prisma.statusUpdateRevision.findMany({ where: { statusUpdateId: edited.id }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, r.workflowState])).toEqual([
      [1, "SUBMITTED"],
      [2, "SUBMITTED"],
      [3, "APPROVED"],
      [4, "DRAFT"],
      [5, "SUBMITTED"],
    ]);
  });

  test("every step is in the period's audit trail, in order", async () => {
    const events = await prisma.auditEvent.findMany({
      where: { periodId, OR: [{ proposalId: x }, { entityType: "ReportingPeriod" }] },
      orderBy: { id: "desc" },
      take: 8,
    });
    expect(events.reverse().map((e) => e.action)).toEqual([
      "period.lock",
      "period.reopen_proposal",
      "status_update.create_submit",
      "status_update.update",
      "status_update.approve",
      "period.reopen_proposal",
      "status_update.update",
      "status_update.submit",
    ]);
  });
});
