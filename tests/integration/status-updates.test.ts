// recordStatusUpdate on the real database: who may write, what one save writes (update, revision and
// audit event in one transaction), and what a stale or concurrent save does. Each test takes proposals
// that have no update in the open period yet, so tests never share a row. The review workflow has its
// own file (workflow.test.ts), and so has the rationale rule (rationale.test.ts).
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { recordStatusUpdate } from "@/lib/data/status-updates";
import type { Actor } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/vocabulary";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { statusUpdateSchema, type StatusUpdateInput } from "@/lib/validation/status-update";
import { createUser, getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { auditEventsAfter, lastAuditId } from "./support/app-helpers";

const CLOSED_PERIOD = "report-10";

let prisma: PrismaClient;
let openPeriodId: string;
let freeProposals: string[];

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  openPeriodId = await getOpenPeriodId(prisma);
  freeProposals = await proposalsWithoutOpenUpdate(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

/** A proposal of this test's own: no update in the open period, and no other test will take it. */
function takeProposal(): string {
  const id = freeProposals.shift();
  if (!id) throw new Error("No proposal without an open-period update left for this test");
  return id;
}

async function actor(role: Role, options: { organisationId?: "nato" | "eu"; focalPointOf?: string[] } = {}): Promise<Actor> {
  const user = await createUser(prisma, { role, ...options });
  return { id: user.id, role: user.role, organisationId: user.organisationId };
}

const RATIONALE = "Reassessed after the staff talks.";

/**
 * A valid input as the action would pass it, i.e. after statusUpdateSchema: saved as a draft, with a
 * rationale, since the status may differ from the proposal's previous period (rationale.test.ts).
 */
function input(proposalId: string, expectedVersion: number, overrides: Partial<StatusUpdateInput> = {}): StatusUpdateInput {
  return statusUpdateSchema.parse({
    proposalId,
    periodId: openPeriodId,
    status: "IN_PROGRESS",
    assessment: "ON_TRACK",
    progress: 40,
    narrative: "Staff talks continued.",
    nextSteps: "Agree the work plan.",
    evidenceLinks: [{ label: "Minutes", url: "https://example.org/minutes" }],
    rationale: RATIONALE,
    expectedVersion,
    ...overrides,
  });
}

/** Rows in every table a save writes to; equal before and after means nothing was written. */
async function tableCounts() {
  const [updates, revisions, auditEvents] = await Promise.all([prisma.statusUpdate.count(), prisma.statusUpdateRevision.count(), prisma.auditEvent.count()]);
  return { updates, revisions, auditEvents };
}

async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

/** What a save wrote for a proposal in the open period, with each row's writing transaction (xmin). */
async function written(proposalId: string) {
  const update = await prisma.statusUpdate.findUnique({ where: { proposalId_periodId: { proposalId, periodId: openPeriodId } } });
  if (!update) return { update: null, revisions: [], audit: [] };
  const [revisions, audit, [xmin]] = await Promise.all([
    prisma.statusUpdateRevision.findMany({ where: { statusUpdateId: update.id }, orderBy: { version: "asc" } }),
    prisma.auditEvent.findMany({ where: { entityType: "StatusUpdate", entityId: update.id }, orderBy: { id: "asc" } }),
    prisma.$queryRaw<{ update: string; revisions: string[]; audit: string[] }[]>`
      SELECT (SELECT xmin::text FROM "StatusUpdate" WHERE id = ${update.id}) AS update,
             ARRAY(SELECT xmin::text FROM "StatusUpdateRevision" WHERE "statusUpdateId" = ${update.id} ORDER BY version) AS revisions,
             ARRAY(SELECT xmin::text FROM "AuditEvent" WHERE "entityType" = 'StatusUpdate' AND "entityId" = ${update.id} ORDER BY id) AS audit`,
  ]);
  return { update, revisions, audit, xmin: xmin! };
}

describe("recording and editing", () => {
  let proposalId: string;
  let staff: Actor;

  beforeAll(async () => {
    proposalId = takeProposal();
    staff = await actor("STAFF", { organisationId: "eu", focalPointOf: [proposalId] });
  });

  test("a focal point's first save writes version 1, its revision and an audit event in one transaction", async () => {
    const saved = await recordStatusUpdate(staff, input(proposalId, 0));
    expect(saved).toEqual({ id: expect.any(String), version: 1, workflowState: "DRAFT", warnings: [] });

    const { update, revisions, audit, xmin } = await written(proposalId);
    expect(update).toMatchObject({
      id: saved.id,
      version: 1,
      status: "IN_PROGRESS",
      assessment: "ON_TRACK",
      progress: 40,
      narrative: "Staff talks continued.",
      evidenceLinks: [{ label: "Minutes", url: "https://example.org/minutes" }],
      rationale: RATIONALE,
      workflowState: "DRAFT",
      submittedAt: null,
      authorId: staff.id,
      organisationId: "eu",
    });
    expect(revisions).toEqual([
      expect.objectContaining({
        version: 1,
        status: "IN_PROGRESS",
        progress: 40,
        narrative: "Staff talks continued.",
        rationale: RATIONALE,
        workflowState: "DRAFT",
        authorId: staff.id,
      }),
    ]);
    expect(audit).toEqual([expect.objectContaining({ action: "status_update.create", actorId: staff.id, before: null, proposalId, periodId: openPeriodId })]);
    expect(audit[0]!.after).toMatchObject({ version: 1, progress: 40, status: "IN_PROGRESS", rationale: RATIONALE, workflowState: "DRAFT" });
    // Same writing transaction for the three rows.
    expect(new Set([xmin!.update, ...xmin!.revisions, ...xmin!.audit]).size).toBe(1);
  });

  test("an edit from version 1 writes version 2, revision 2 and an audit event with old and new values", async () => {
    const saved = await recordStatusUpdate(
      staff,
      input(proposalId, 1, { status: "ONGOING", progress: 75, narrative: "Cross-briefings are now routine.", evidenceLinks: [] }),
    );
    expect(saved.version).toBe(2);

    const { update, revisions, audit, xmin } = await written(proposalId);
    expect(update).toMatchObject({
      version: 2,
      status: "ONGOING",
      progress: 75,
      narrative: "Cross-briefings are now routine.",
      evidenceLinks: [],
      workflowState: "DRAFT",
    });
    expect(revisions.map((r) => [r.version, r.status, r.progress])).toEqual([
      [1, "IN_PROGRESS", 40],
      [2, "ONGOING", 75],
    ]);
    expect(audit.map((a) => a.action)).toEqual(["status_update.create", "status_update.update"]);
    expect(audit[1]!.before).toEqual({
      status: "IN_PROGRESS",
      assessment: "ON_TRACK",
      progress: 40,
      narrative: "Staff talks continued.",
      nextSteps: "Agree the work plan.",
      evidenceLinks: [{ label: "Minutes", url: "https://example.org/minutes" }],
      rationale: RATIONALE,
      workflowState: "DRAFT",
      version: 1,
    });
    expect(audit[1]!.after).toMatchObject({ status: "ONGOING", progress: 75, narrative: "Cross-briefings are now routine.", evidenceLinks: [], version: 2 });
    expect(new Set([xmin!.update, xmin!.revisions[1], xmin!.audit[1]]).size).toBe(1);
    expect(xmin!.revisions[0]).not.toBe(xmin!.update);
  });

  test("a stale version is refused with CONFLICT and the saved version, and nothing is written", async () => {
    const before = await tableCounts();
    const error = await expectAppError(recordStatusUpdate(staff, input(proposalId, 1, { narrative: "Written from an old copy." })), "CONFLICT");
    expect(error.details?.current).toMatchObject({ version: 2, narrative: "Cross-briefings are now routine.", status: "ONGOING" });
    // What the other save changed since the version this one started from (version 1).
    expect(error.details?.changedFields).toEqual(["Implementation status", "Progress", "Narrative", "Evidence"]);
    expect(await tableCounts()).toEqual(before);
    expect((await written(proposalId)).update).toMatchObject({ version: 2, narrative: "Cross-briefings are now routine." });
  });

  test("expecting version 0 when an update exists is a CONFLICT too", async () => {
    const before = await tableCounts();
    const error = await expectAppError(recordStatusUpdate(staff, input(proposalId, 0)), "CONFLICT");
    expect(error.details?.changedFields).toEqual(["The whole update (it was created meanwhile)"]);
    expect(await tableCounts()).toEqual(before);
  });
});

/** A refusal writes nothing but its own audit event: `permission.denied` by the actor, for this proposal and period. */
async function expectOnlyDenialRecorded(before: Awaited<ReturnType<typeof tableCounts>>, since: bigint, actorId: string, proposalId: string) {
  expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
  expect(await auditEventsAfter(prisma, since)).toEqual([
    expect.objectContaining({
      action: "permission.denied",
      actorId,
      entityType: "StatusUpdate",
      entityId: `${proposalId}/${openPeriodId}`,
      proposalId,
      periodId: openPeriodId,
    }),
  ]);
  expect((await written(proposalId)).update).toBeNull();
}

describe("who may record", () => {
  test("staff who are not focal point of the proposal are FORBIDDEN; only the refusal is recorded", async () => {
    const [mine, theirs] = [takeProposal(), takeProposal()];
    const staff = await actor("STAFF", { focalPointOf: [mine] });
    const [before, since] = [await tableCounts(), await lastAuditId(prisma)];
    await expectAppError(recordStatusUpdate(staff, input(theirs, 0)), "FORBIDDEN");
    await expectOnlyDenialRecorded(before, since, staff.id, theirs);
  });

  test("a viewer is FORBIDDEN even when listed as focal point; only the refusal is recorded", async () => {
    const proposalId = takeProposal();
    const viewer = await actor("VIEWER", { focalPointOf: [proposalId] });
    const [before, since] = [await tableCounts(), await lastAuditId(prisma)];
    await expectAppError(recordStatusUpdate(viewer, input(proposalId, 0)), "FORBIDDEN");
    await expectOnlyDenialRecorded(before, since, viewer.id, proposalId);
  });

  test("authorization comes first: staff who do not follow a proposal are FORBIDDEN even in a closed period", async () => {
    const staff = await actor("STAFF", { focalPointOf: [] });
    const [before, since] = [await tableCounts(), await lastAuditId(prisma)];
    await expectAppError(recordStatusUpdate(staff, { ...input("p01", 1), periodId: CLOSED_PERIOD }), "FORBIDDEN");
    expect(await tableCounts()).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    expect(await auditEventsAfter(prisma, since)).toEqual([
      expect.objectContaining({ action: "permission.denied", actorId: staff.id, proposalId: "p01", periodId: CLOSED_PERIOD }),
    ]);
  });

  test("authorization comes first: a viewer is FORBIDDEN (not asked for a rationale) when changing the status", async () => {
    const proposalId = takeProposal();
    const viewer = await actor("VIEWER", { focalPointOf: [proposalId] });
    const previous = await prisma.statusUpdate.findFirstOrThrow({ where: { proposalId, periodId: CLOSED_PERIOD }, select: { status: true } });
    const [before, since] = [await tableCounts(), await lastAuditId(prisma)];
    await expectAppError(
      recordStatusUpdate(viewer, input(proposalId, 0, { status: previous.status === "STALLED" ? "ONGOING" : "STALLED", rationale: "" })),
      "FORBIDDEN",
    );
    await expectOnlyDenialRecorded(before, since, viewer.id, proposalId);
  });

  test.each(["MANAGER", "ADMIN"] as const)("a %s records on any proposal", async (role) => {
    const proposalId = takeProposal();
    const boss = await actor(role, { organisationId: "nato" });
    const saved = await recordStatusUpdate(boss, input(proposalId, 0));
    expect(saved.version).toBe(1);
    expect((await written(proposalId)).update).toMatchObject({ authorId: boss.id, organisationId: "nato", workflowState: "DRAFT" });
  });

  test.each([
    ["a focal point", "STAFF"],
    ["a manager", "MANAGER"],
  ] as const)("a closed period is refused with PERIOD_CLOSED for %s", async (_who, role) => {
    const proposalId = "p01";
    const user = await actor(role, { focalPointOf: role === "STAFF" ? [proposalId] : [] });
    const before = await tableCounts();
    await expectAppError(recordStatusUpdate(user, { ...input(proposalId, 1), periodId: CLOSED_PERIOD }), "PERIOD_CLOSED");
    expect(await tableCounts()).toEqual(before);
  });

  test.each([
    ["proposal", { proposalId: "p-unknown" }],
    ["period", { periodId: "report-unknown" }],
  ])("an unknown %s is NOT_FOUND", async (_what, override) => {
    const manager = await actor("MANAGER");
    const before = await tableCounts();
    await expectAppError(recordStatusUpdate(manager, { ...input("p01", 0), ...override }), "NOT_FOUND");
    expect(await tableCounts()).toEqual(before);
  });
});

describe("concurrent saves", () => {
  test("20 saves from the same version: one wins, 19 get CONFLICT, one version, revision and audit event more", async () => {
    const proposalId = takeProposal();
    const staff = await actor("STAFF", { focalPointOf: [proposalId] });
    await recordStatusUpdate(staff, input(proposalId, 0));
    const before = await written(proposalId);

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => recordStatusUpdate(staff, input(proposalId, 1, { narrative: `Concurrent save ${i}`, progress: 50 + i }))),
    );

    const fulfilled = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected.map((e) => (e instanceof AppError ? e.code : String(e)))).toEqual(Array(19).fill("CONFLICT"));

    const after = await written(proposalId);
    expect(after.update).toMatchObject({ version: before.update!.version + 1, narrative: `Concurrent save ${fulfilled[0]}` });
    expect(after.revisions).toHaveLength(before.revisions.length + 1);
    expect(after.audit).toHaveLength(before.audit.length + 1);
    expect(after.revisions.at(-1)).toMatchObject({ version: 2, narrative: `Concurrent save ${fulfilled[0]}` });
  });

  test("10 first saves (expected version 0) of a proposal: exactly one creates it, the rest get CONFLICT", async () => {
    const proposalId = takeProposal();
    const staff = await actor("STAFF", { focalPointOf: [proposalId] });
    const before = await tableCounts();

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => recordStatusUpdate(staff, input(proposalId, 0, { narrative: `First save ${i}` }))),
    );

    const fulfilled = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected.map((e) => (e instanceof AppError ? e.code : String(e)))).toEqual(Array(9).fill("CONFLICT"));
    for (const error of rejected) expect((error as AppError).details?.current).toMatchObject({ version: 1 });

    const after = await written(proposalId);
    expect(after.update).toMatchObject({ version: 1, narrative: `First save ${fulfilled[0]}` });
    expect(after.revisions).toHaveLength(1);
    expect(after.audit).toHaveLength(1);
    expect(await tableCounts()).toEqual({ updates: before.updates + 1, revisions: before.revisions + 1, auditEvents: before.auditEvents + 1 });
  });
});
