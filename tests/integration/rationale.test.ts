// The rationale rule on the real database: a status or assessment that differs from the proposal's
// latest update in an earlier period needs a rationale (VALIDATION on the rationale field, nothing
// written); given, it is stored on the update and its revision; an unchanged judgement needs none.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { recordStatusUpdate } from "@/lib/data/status-updates";
import type { Assessment, ImplementationStatus } from "@/lib/domain/vocabulary";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { statusUpdateSchema, type StatusUpdateInput } from "@/lib/validation/status-update";
import { getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { createActor, expectAppError, previousJudgement, ProposalPool, tableCounts, type TestActor } from "./support/app-helpers";

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

const otherStatus = (s: ImplementationStatus): ImplementationStatus => (s === "STALLED" ? "IN_PROGRESS" : "STALLED");
const otherAssessment = (a: Assessment): Assessment => (a === "AT_RISK" ? "OFF_TRACK" : "AT_RISK");

function input(proposalId: string, expectedVersion: number, values: Partial<Record<keyof StatusUpdateInput, unknown>>): StatusUpdateInput {
  return statusUpdateSchema.parse({
    proposalId,
    periodId: openPeriodId,
    progress: 50,
    narrative: "Staff talks continued.",
    nextSteps: "",
    evidenceLinks: [],
    expectedVersion,
    ...values,
  });
}

async function updateOf(proposalId: string) {
  return prisma.statusUpdate.findUnique({
    where: { proposalId_periodId: { proposalId, periodId: openPeriodId } },
    include: { revisions: { orderBy: { version: "asc" } } },
  });
}

describe("rationale for a changed judgement", () => {
  let proposalId: string;
  let staff: TestActor;
  let previous: Awaited<ReturnType<typeof previousJudgement>>;

  beforeAll(async () => {
    proposalId = pool.take();
    staff = await createActor(prisma, "STAFF", { focalPointOf: [proposalId] });
    previous = await previousJudgement(prisma, proposalId, openPeriodId);
  });

  test.each([
    ["status", () => ({ status: otherStatus(previous.status), assessment: previous.assessment })],
    ["assessment", () => ({ status: previous.status, assessment: otherAssessment(previous.assessment) })],
    ["status and assessment", () => ({ status: otherStatus(previous.status), assessment: otherAssessment(previous.assessment) })],
  ])("a changed %s without rationale is VALIDATION on the rationale field, naming the previous period; nothing written", async (_what, judgement) => {
    for (const rationale of [undefined, "", "   "]) {
      const before = await tableCounts(prisma);
      const error = await expectAppError(recordStatusUpdate(staff, input(proposalId, 0, { ...judgement(), rationale })), "VALIDATION");
      const fields = (error.details as { fields?: Record<string, string> } | undefined)?.fields;
      expect(Object.keys(fields ?? {})).toEqual(["rationale"]);
      expect(fields!.rationale).toContain(previous.period.name);
      expect(await tableCounts(prisma)).toEqual(before);
    }
    expect(await updateOf(proposalId)).toBeNull();
  });

  test("an unchanged status and assessment need no rationale", async () => {
    const saved = await recordStatusUpdate(staff, input(proposalId, 0, { status: previous.status, assessment: previous.assessment, progress: 55 }));
    expect(saved.version).toBe(1);
    const update = await updateOf(proposalId);
    expect(update).toMatchObject({ status: previous.status, assessment: previous.assessment, rationale: "" });
    expect(update!.revisions.map((r) => r.rationale)).toEqual([""]);
  });

  test("the baseline is the previous period, not the previous version: changing it in an edit needs a rationale too", async () => {
    const before = await tableCounts(prisma);
    await expectAppError(
      recordStatusUpdate(staff, input(proposalId, 1, { status: otherStatus(previous.status), assessment: previous.assessment })),
      "VALIDATION",
    );
    expect(await tableCounts(prisma)).toEqual(before);
    expect((await updateOf(proposalId))!.version).toBe(1);
  });

  test("with a rationale the change is saved, and the rationale stored on the update, its revision and the audit event", async () => {
    const judgement = { status: otherStatus(previous.status), assessment: otherAssessment(previous.assessment) };
    const saved = await recordStatusUpdate(staff, input(proposalId, 1, { ...judgement, rationale: "  Talks stopped over the information-sharing dispute.  " }));
    expect(saved.version).toBe(2);
    const update = await updateOf(proposalId);
    expect(update).toMatchObject({ ...judgement, rationale: "Talks stopped over the information-sharing dispute." });
    expect(update!.revisions.map((r) => [r.version, r.rationale])).toEqual([
      [1, ""],
      [2, "Talks stopped over the information-sharing dispute."],
    ]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "StatusUpdate", entityId: update!.id }, orderBy: { id: "desc" } });
    expect(audit.before).toMatchObject({ rationale: "" });
    expect(audit.after).toMatchObject({ rationale: "Talks stopped over the information-sharing dispute.", ...judgement });
  });

  test("moving back to the previous period's judgement needs no rationale again", async () => {
    await recordStatusUpdate(staff, input(proposalId, 2, { status: previous.status, assessment: previous.assessment }));
    expect(await updateOf(proposalId)).toMatchObject({ version: 3, status: previous.status, rationale: "" });
  });
});

describe("rationale for every role", () => {
  test("a manager's change needs a rationale just like a focal point's", async () => {
    const proposalId = pool.take();
    const manager = await createActor(prisma, "MANAGER");
    const previous = await previousJudgement(prisma, proposalId, openPeriodId);
    const before = await tableCounts(prisma);
    await expectAppError(
      recordStatusUpdate(manager, input(proposalId, 0, { status: otherStatus(previous.status), assessment: previous.assessment, intent: "submit" })),
      "VALIDATION",
    );
    expect(await tableCounts(prisma)).toEqual(before);
  });
});
