// The review workflow end to end through lib/data on the real database: Draft -> Submitted -> Returned
// (with a note) -> Submitted -> Approved -> Returned, who may take each step, and what each step writes:
// exactly one new version, one revision (carrying the new workflow state) and one audit event, all in
// the same transaction. A refusal writes nothing but its `permission.denied` audit event.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { recordStatusUpdate, reviewStatusUpdate } from "@/lib/data/status-updates";
import type { Actor } from "@/lib/domain/permissions";
import type { WorkflowState } from "@/lib/domain/workflow";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { reviewSchema, statusUpdateSchema, toFieldErrors, type StatusUpdateInput } from "@/lib/validation/status-update";
import { getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { auditEventsAfter, createActor, expectAppError, lastAuditId, ProposalPool, tableCounts, xminOf, type TestActor } from "./support/app-helpers";

let prisma: PrismaClient;
let openPeriodId: string;
let pool: ProposalPool;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  openPeriodId = await getOpenPeriodId(prisma);
  pool = new ProposalPool(await proposalsWithoutOpenUpdate(prisma));
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

/** A valid input as the action passes it (after statusUpdateSchema); the rationale has its own tests. */
function input(proposalId: string, expectedVersion: number, overrides: Partial<Record<keyof StatusUpdateInput, unknown>> = {}): StatusUpdateInput {
  return statusUpdateSchema.parse({
    proposalId,
    periodId: openPeriodId,
    status: "IN_PROGRESS",
    assessment: "AT_RISK",
    progress: 30,
    narrative: "A first joint workshop took place.",
    nextSteps: "Plan the second workshop.",
    evidenceLinks: [],
    rationale: "Reassessed after the workshop.",
    intent: "save",
    expectedVersion,
    ...overrides,
  });
}

function review(actor: Actor, proposalId: string, decision: "approve" | "return", expectedVersion: number, note = "", now = new Date()) {
  return reviewStatusUpdate(actor, reviewSchema.parse({ proposalId, periodId: openPeriodId, decision, note, expectedVersion }), now);
}

/** Everything recorded about one proposal's update in the open period. */
async function recorded(proposalId: string) {
  const update = await prisma.statusUpdate.findUniqueOrThrow({ where: { proposalId_periodId: { proposalId, periodId: openPeriodId } } });
  const [revisions, audit] = await Promise.all([
    prisma.statusUpdateRevision.findMany({ where: { statusUpdateId: update.id }, orderBy: { version: "asc" } }),
    prisma.auditEvent.findMany({ where: { entityType: "StatusUpdate", entityId: update.id }, orderBy: { id: "asc" } }),
  ]);
  return { update, revisions, audit };
}

type Recorded = Awaited<ReturnType<typeof recorded>>;

/**
 * One step wrote exactly one version, one revision in `state` by `actor` and one audit event `action`,
 * in one transaction (same xmin), and nothing else anywhere (global row counts). Returns the new record.
 */
async function expectOneStep(
  proposalId: string,
  before: Recorded,
  counts: Awaited<ReturnType<typeof tableCounts>>,
  expected: { state: WorkflowState; action: string; actor: Actor },
): Promise<Recorded> {
  const after = await recorded(proposalId);
  expect(after.update.version).toBe(before.update.version + 1);
  expect(after.update.workflowState).toBe(expected.state);
  expect(after.revisions).toHaveLength(before.revisions.length + 1);
  expect(after.audit).toHaveLength(before.audit.length + 1);
  const revision = after.revisions.at(-1)!;
  const event = after.audit.at(-1)!;
  expect(revision).toMatchObject({
    version: after.update.version,
    workflowState: expected.state,
    returnNote: after.update.returnNote,
    authorId: expected.actor.id,
  });
  expect(revision).toMatchObject({
    status: after.update.status,
    assessment: after.update.assessment,
    progress: after.update.progress,
    narrative: after.update.narrative,
    rationale: after.update.rationale,
  });
  expect(event).toMatchObject({ action: expected.action, actorId: expected.actor.id, proposalId, periodId: openPeriodId });
  expect(event.before).toMatchObject({ workflowState: before.update.workflowState, version: before.update.version });
  expect(event.after).toMatchObject({ workflowState: expected.state, version: after.update.version });
  const xmins = await Promise.all([
    xminOf(prisma, "StatusUpdate", after.update.id),
    xminOf(prisma, "StatusUpdateRevision", revision.id),
    xminOf(prisma, "AuditEvent", event.id),
  ]);
  expect(new Set(xmins).size, `xmin of update, revision and audit event: ${xmins.join(", ")}`).toBe(1);
  expect(await tableCounts(prisma)).toEqual({ updates: counts.updates, revisions: counts.revisions + 1, auditEvents: counts.auditEvents + 1 });
  return after;
}

/** A refused step: FORBIDDEN, one `permission.denied` event by the actor, and not a byte of the update changed. */
async function expectRefused(proposalId: string, actor: Actor, attempt: () => Promise<unknown>, attempted: string) {
  const [before, counts, since] = [await recorded(proposalId), await tableCounts(prisma), await lastAuditId(prisma)];
  await expectAppError(attempt(), "FORBIDDEN");
  expect(await recorded(proposalId)).toEqual(before);
  expect(await tableCounts(prisma)).toEqual({ ...counts, auditEvents: counts.auditEvents + 1 });
  expect(await auditEventsAfter(prisma, since)).toEqual([
    expect.objectContaining({
      action: "permission.denied",
      actorId: actor.id,
      entityType: "StatusUpdate",
      entityId: `${proposalId}/${openPeriodId}`,
      proposalId,
      periodId: openPeriodId,
      after: { attempted },
    }),
  ]);
}

/** A review that does not fit the update's state: CONFLICT, and nothing at all is written (it is no permission issue). */
async function expectStateConflict(proposalId: string, attempt: () => Promise<unknown>, message: RegExp) {
  const [before, counts] = [await recorded(proposalId), await tableCounts(prisma)];
  const error = await expectAppError(attempt(), "CONFLICT");
  expect(error.message).toMatch(message);
  expect(await recorded(proposalId)).toEqual(before);
  expect(await tableCounts(prisma)).toEqual(counts);
}

describe.sequential("the review cycle of one update", () => {
  let proposalId: string;
  let staff: TestActor;
  let otherStaff: TestActor;
  let viewer: TestActor;
  let manager: TestActor;
  let current: Recorded;

  beforeAll(async () => {
    proposalId = pool.take();
    staff = await createActor(prisma, "STAFF", { organisationId: "eu", focalPointOf: [proposalId] });
    otherStaff = await createActor(prisma, "STAFF", { organisationId: "eu" });
    viewer = await createActor(prisma, "VIEWER", { organisationId: "nato", focalPointOf: [proposalId] });
    manager = await createActor(prisma, "MANAGER", { organisationId: "nato" });
  });

  test("the focal point creates a draft: version 1, DRAFT, not submitted", async () => {
    const counts = await tableCounts(prisma);
    const saved = await recordStatusUpdate(staff, input(proposalId, 0));
    expect(saved).toMatchObject({ version: 1, workflowState: "DRAFT" });
    current = await recorded(proposalId);
    expect(current.update).toMatchObject({
      workflowState: "DRAFT",
      submittedAt: null,
      reviewedAt: null,
      reviewedById: null,
      returnNote: null,
      authorId: staff.id,
    });
    expect(current.revisions).toEqual([expect.objectContaining({ version: 1, workflowState: "DRAFT", authorId: staff.id })]);
    expect(current.audit).toEqual([
      expect.objectContaining({ action: "status_update.create", actorId: staff.id, before: null, proposalId, periodId: openPeriodId }),
    ]);
    const xmins = await Promise.all([
      xminOf(prisma, "StatusUpdate", current.update.id),
      xminOf(prisma, "StatusUpdateRevision", current.revisions[0]!.id),
      xminOf(prisma, "AuditEvent", current.audit[0]!.id),
    ]);
    expect(new Set(xmins).size).toBe(1);
    expect(await tableCounts(prisma)).toEqual({ updates: counts.updates + 1, revisions: counts.revisions + 1, auditEvents: counts.auditEvents + 1 });
  });

  test("the focal point edits the draft: it stays a draft", async () => {
    const counts = await tableCounts(prisma);
    await recordStatusUpdate(staff, input(proposalId, 1, { progress: 35, narrative: "Two joint workshops took place." }));
    current = await expectOneStep(proposalId, current, counts, { state: "DRAFT", action: "status_update.update", actor: staff });
    expect(current.update).toMatchObject({ progress: 35, submittedAt: null });
  });

  test("the focal point submits: SUBMITTED, with the submission time", async () => {
    const counts = await tableCounts(prisma);
    const now = new Date();
    const saved = await recordStatusUpdate(staff, input(proposalId, 2, { progress: 35, narrative: "Two joint workshops took place.", intent: "submit" }), now);
    expect(saved).toMatchObject({ version: 3, workflowState: "SUBMITTED" });
    current = await expectOneStep(proposalId, current, counts, { state: "SUBMITTED", action: "status_update.submit", actor: staff });
    expect(current.update.submittedAt).toEqual(now);
    expect(current.update.authorId).toBe(staff.id);
  });

  test.each(["save", "submit"] as const)("while submitted the focal point cannot %s: FORBIDDEN, audited, nothing else written", async (intent) => {
    await expectRefused(proposalId, staff, () => recordStatusUpdate(staff, input(proposalId, 3, { narrative: "A late addition.", intent })), intent);
  });

  test.each([
    ["the focal point", () => staff, "approve"],
    ["the focal point", () => staff, "return"],
    ["a viewer", () => viewer, "approve"],
    ["a viewer", () => viewer, "return"],
  ] as const)("%s cannot %s: FORBIDDEN, audited, nothing else written", async (_who, who, decision) => {
    await expectRefused(proposalId, who(), () => review(who(), proposalId, decision, 3, decision === "return" ? "Please redo." : ""), decision);
  });

  test.each([
    ["without a note", { note: "" }],
    ["with a note of spaces only", { note: "   " }],
    ["with no note field at all", {}],
  ])("returning %s is rejected by reviewSchema on the note field, so nothing reaches the database", (_case, note) => {
    const parsed = reviewSchema.safeParse({ proposalId, periodId: openPeriodId, decision: "return", expectedVersion: 3, ...note });
    expect(parsed.success).toBe(false);
    expect(Object.keys(toFieldErrors(parsed.error!))).toEqual(["note"]);
    // Approving needs no note.
    expect(reviewSchema.safeParse({ proposalId, periodId: openPeriodId, decision: "approve", expectedVersion: 3, ...note }).success).toBe(true);
  });

  test("the manager returns it with a note: RETURNED, note and reviewer stored, the author unchanged", async () => {
    const counts = await tableCounts(prisma);
    const now = new Date();
    const reviewed = await review(manager, proposalId, "return", 3, "Add the date of the second workshop.", now);
    expect(reviewed).toMatchObject({ version: 4, workflowState: "RETURNED", authorId: staff.id });
    current = await expectOneStep(proposalId, current, counts, { state: "RETURNED", action: "status_update.return", actor: manager });
    expect(current.update).toMatchObject({ returnNote: "Add the date of the second workshop.", reviewedAt: now, reviewedById: manager.id, authorId: staff.id });
    expect(current.revisions.at(-1)).toMatchObject({
      returnNote: "Add the date of the second workshop.",
      organisationId: manager.organisationId,
      narrative: "Two joint workshops took place.",
    });
    expect(current.audit.at(-1)!.after).toMatchObject({ note: "Add the date of the second workshop." });
  });

  test("staff who are not focal point cannot edit the returned update", async () => {
    await expectRefused(proposalId, otherStaff, () => recordStatusUpdate(otherStaff, input(proposalId, 4, { intent: "submit" })), "submit");
  });

  test("the focal point edits the returned update: it stays RETURNED, with its note", async () => {
    const counts = await tableCounts(prisma);
    await recordStatusUpdate(staff, input(proposalId, 4, { progress: 40, narrative: "Workshops on 3 and 17 March." }));
    current = await expectOneStep(proposalId, current, counts, { state: "RETURNED", action: "status_update.update", actor: staff });
    expect(current.revisions.at(-1)).toMatchObject({ returnNote: "Add the date of the second workshop.", narrative: "Workshops on 3 and 17 March." });
  });

  test("the focal point resubmits: SUBMITTED again", async () => {
    const counts = await tableCounts(prisma);
    await recordStatusUpdate(staff, input(proposalId, 5, { progress: 40, narrative: "Workshops on 3 and 17 March.", intent: "submit" }));
    current = await expectOneStep(proposalId, current, counts, { state: "SUBMITTED", action: "status_update.submit", actor: staff });
  });

  test("the manager approves: APPROVED", async () => {
    const counts = await tableCounts(prisma);
    const reviewed = await review(manager, proposalId, "approve", 6);
    expect(reviewed).toMatchObject({ version: 7, workflowState: "APPROVED" });
    current = await expectOneStep(proposalId, current, counts, { state: "APPROVED", action: "status_update.approve", actor: manager });
    expect(current.update).toMatchObject({ reviewedById: manager.id, narrative: "Workshops on 3 and 17 March.", authorId: staff.id });
  });

  test.each([
    ["the focal point", () => staff, "save"],
    ["the focal point", () => staff, "submit"],
    ["the manager", () => manager, "save"],
  ] as const)("an approved update is frozen: %s cannot %s it (FORBIDDEN, audited)", async (_who, who, intent) => {
    await expectRefused(proposalId, who(), () => recordStatusUpdate(who(), input(proposalId, 7, { narrative: "Changed after approval.", intent })), intent);
  });

  test("an approved update cannot be approved again: CONFLICT, nothing written", async () => {
    await expectStateConflict(proposalId, () => review(manager, proposalId, "approve", 7), /approved cannot be approved/);
  });

  test("a stale review is a CONFLICT naming what changed, and writes nothing", async () => {
    const [before, counts] = [await recorded(proposalId), await tableCounts(prisma)];
    const error = await expectAppError(review(manager, proposalId, "return", 6, "Too late."), "CONFLICT");
    expect(error.details?.current).toMatchObject({ version: 7, workflowState: "APPROVED" });
    expect(error.details?.changedFields).toEqual(["Review state"]);
    expect(await recorded(proposalId)).toEqual(before);
    expect(await tableCounts(prisma)).toEqual(counts);
  });

  test("the manager can return an approved update, with a new note", async () => {
    const counts = await tableCounts(prisma);
    await review(manager, proposalId, "return", 7, "The March dates are wrong.");
    current = await expectOneStep(proposalId, current, counts, { state: "RETURNED", action: "status_update.return", actor: manager });
    expect(current.update.returnNote).toBe("The March dates are wrong.");
  });

  test("the whole history reads as the cycle, version by version", () => {
    expect(current.revisions.map((r) => [r.version, r.workflowState])).toEqual([
      [1, "DRAFT"],
      [2, "DRAFT"],
      [3, "SUBMITTED"],
      [4, "RETURNED"],
      [5, "RETURNED"],
      [6, "SUBMITTED"],
      [7, "APPROVED"],
      [8, "RETURNED"],
    ]);
    expect(current.audit.map((a) => a.action)).toEqual([
      "status_update.create",
      "status_update.update",
      "status_update.submit",
      "status_update.return",
      "status_update.update",
      "status_update.submit",
      "status_update.approve",
      "status_update.return",
    ]);
  });
});

describe("what managers may and may not do with drafts and submitted updates", () => {
  let proposalId: string;
  let staff: TestActor;
  let manager: TestActor;

  beforeAll(async () => {
    proposalId = pool.take();
    staff = await createActor(prisma, "STAFF", { organisationId: "nato", focalPointOf: [proposalId] });
    manager = await createActor(prisma, "MANAGER", { organisationId: "eu" });
    await recordStatusUpdate(staff, input(proposalId, 0));
  });

  test.each(["approve", "return"] as const)("a draft cannot be given the decision %j, even by a manager: CONFLICT, nothing written", async (decision) => {
    await expectStateConflict(proposalId, () => review(manager, proposalId, decision, 1, decision === "return" ? "Not yet." : ""), /draft cannot be/);
  });

  test("a submitted first save (create and submit at once) is recorded as one step", async () => {
    const other = pool.take();
    const author = await createActor(prisma, "STAFF", { focalPointOf: [other] });
    const saved = await recordStatusUpdate(author, input(other, 0, { intent: "submit" }));
    expect(saved).toMatchObject({ version: 1, workflowState: "SUBMITTED" });
    const { update, revisions, audit } = await recorded(other);
    expect(update.submittedAt).not.toBeNull();
    expect(revisions.map((r) => r.workflowState)).toEqual(["SUBMITTED"]);
    expect(audit.map((a) => a.action)).toEqual(["status_update.create_submit"]);
  });

  test("a manager may correct a submitted update: it stays SUBMITTED and keeps its author", async () => {
    let current = await recorded(proposalId);
    let counts = await tableCounts(prisma);
    await recordStatusUpdate(staff, input(proposalId, 1, { intent: "submit" }));
    current = await expectOneStep(proposalId, current, counts, { state: "SUBMITTED", action: "status_update.submit", actor: staff });
    counts = await tableCounts(prisma);
    await recordStatusUpdate(manager, input(proposalId, 2, { narrative: "Corrected by the manager." }));
    current = await expectOneStep(proposalId, current, counts, { state: "SUBMITTED", action: "status_update.update", actor: manager });
    expect(current.update).toMatchObject({ narrative: "Corrected by the manager.", authorId: staff.id });
    expect(current.revisions.at(-1)).toMatchObject({ authorId: manager.id, organisationId: "eu" });
  });

  test("four eyes: the manager who corrected it cannot approve it (refused, audited, nothing written); another manager can", async () => {
    await expectRefused(proposalId, manager, () => review(manager, proposalId, "approve", 3), "approve");
    const other = await createActor(prisma, "MANAGER", { organisationId: "nato" });
    const counts = await tableCounts(prisma);
    const before = await recorded(proposalId);
    await review(other, proposalId, "approve", 3);
    await expectOneStep(proposalId, before, counts, { state: "APPROVED", action: "status_update.approve", actor: other });
  });

  test("four eyes: a manager cannot approve an update they wrote, but may return it", async () => {
    const own = pool.take();
    await recordStatusUpdate(manager, input(own, 0, { intent: "submit" }));
    await expectRefused(own, manager, () => review(manager, own, "approve", 1), "approve");
    const returned = await review(manager, own, "return", 1, "Withdrawn to add the minutes.");
    expect(returned).toMatchObject({ workflowState: "RETURNED" });
  });
});

describe("reviewing outside open and locked periods", () => {
  test.each(["approve", "return"] as const)("an update of a closed period cannot be given the decision %j: CONFLICT, nothing written", async (decision) => {
    const manager = await createActor(prisma, "MANAGER");
    const row = await prisma.statusUpdate.findFirstOrThrow({ where: { periodId: "report-10" }, orderBy: { proposalId: "asc" } });
    const [revisions, counts] = [await prisma.statusUpdateRevision.count({ where: { statusUpdateId: row.id } }), await tableCounts(prisma)];
    const error = await expectAppError(
      reviewStatusUpdate(manager, { proposalId: row.proposalId, periodId: "report-10", decision, note: "Reopen this.", expectedVersion: row.version }),
      "CONFLICT",
    );
    expect(error.message).toContain("in a closed period");
    expect(await prisma.statusUpdate.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
    expect(await prisma.statusUpdateRevision.count({ where: { statusUpdateId: row.id } })).toBe(revisions);
    expect(await tableCounts(prisma)).toEqual(counts);
  });
});
