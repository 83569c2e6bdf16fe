// The status update form's boundary on the real database, through the real action body
// (lib/actions/save-status-update.ts runSaveStatusUpdate, the session as a seam): every error comes back in
// one answer (the rationale rule with the others, for those who may edit) and nothing is written;
// contradictions do not block, and the warnings are computed by the server from the saved values (never
// taken from the client) and kept on the update and on each revision, a review's revision included.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { runSaveStatusUpdate } from "@/lib/actions/save-status-update";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getProposal } from "@/lib/data/proposals";
import { recordStatusUpdate, reviewStatusUpdate } from "@/lib/data/status-updates";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { statusUpdateSchema, type StatusUpdateInput } from "@/lib/validation/status-update";
import { getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { createActor, previousJudgement, ProposalPool, tableCounts, type TestActor } from "./support/app-helpers";

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

function sessionOf(actor: TestActor): SessionUser {
  return { ...actor, organisationCode: actor.organisationId.toUpperCase(), timeZone: "Europe/Brussels" };
}

/** The form as the browser posts it (evidence rows `evidence.N.*`, plus anything extra a client adds). */
function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function updateWithRevisions(proposalId: string) {
  return prisma.statusUpdate.findUnique({
    where: { proposalId_periodId: { proposalId, periodId: openPeriodId } },
    include: { revisions: { orderBy: { version: "asc" } } },
  });
}

describe("the status update form through its action", () => {
  let proposalId: string;
  let staff: TestActor;
  let previous: Awaited<ReturnType<typeof previousJudgement>>;
  const save = (fields: Record<string, string>) => runSaveStatusUpdate(form(fields), { getUser: async () => sessionOf(staff) });

  beforeAll(async () => {
    proposalId = pool.take();
    staff = await createActor(prisma, "STAFF", { focalPointOf: [proposalId] });
    previous = await previousJudgement(prisma, proposalId, openPeriodId);
  });

  /** A status that differs from the previous period's (so a rationale is needed) and is not Completed. */
  const changedStatus = () => (previous.status === "STALLED" ? "IN_PROGRESS" : "STALLED");

  test("an empty, contradictory form gets every error in one answer, the rationale's included; nothing is written", async () => {
    const before = await tableCounts(prisma);
    const result = await save({
      proposalId,
      periodId: openPeriodId,
      expectedVersion: "0",
      intent: "save",
      status: changedStatus(),
      assessment: "ON_TRACK",
      progress: "150",
      narrative: "  ",
      rationale: "",
      "evidence.0.url": "javascript:alert(1)",
    });
    expect(result.status).toBe("error");
    if (result.status !== "error") return;
    expect(result.fieldErrors).toEqual({
      progress: "Progress cannot be above 100",
      narrative: "Describe the progress made in this period",
      "evidenceLinks.0.url": "Enter a full web address starting with https://",
      rationale: `Explain briefly why the status or assessment changed since the last period (${previous.period.name}).`,
    });
    expect(result.values).toMatchObject({ progress: "150", status: changedStatus() });
    expect(await tableCounts(prisma)).toEqual(before);
    expect(await updateWithRevisions(proposalId)).toBeNull();
  });

  test("authorization comes before the rationale rule: someone who may not edit gets no hint about the last period", async () => {
    const outsider = await createActor(prisma, "STAFF", { focalPointOf: [] });
    const before = await tableCounts(prisma);
    const result = await runSaveStatusUpdate(
      form({
        proposalId,
        periodId: openPeriodId,
        expectedVersion: "0",
        intent: "save",
        status: changedStatus(),
        assessment: "ON_TRACK",
        progress: "30",
        narrative: "Forged.",
        rationale: "",
      }),
      { getUser: async () => sessionOf(outsider) },
    );
    expect(result).toMatchObject({ status: "error", message: "You can record updates only for proposals where you are a focal point." });
    expect((result as { fieldErrors?: unknown }).fieldErrors).toBeUndefined();
    expect(await tableCounts(prisma)).toEqual({ ...before, auditEvents: before.auditEvents + 1 });
    expect(await updateWithRevisions(proposalId)).toBeNull();
  });

  test("a contradictory but valid update is saved with the warnings the server computed, not the client's", async () => {
    const before = await tableCounts(prisma);
    const result = await save({
      proposalId,
      periodId: openPeriodId,
      expectedVersion: "0",
      intent: "save",
      status: "COMPLETED",
      assessment: "AT_RISK",
      progress: "40",
      narrative: "Final workshop held; report pending.",
      rationale: previous.status === "COMPLETED" && previous.assessment === "AT_RISK" ? "" : "Delivered at last.",
      // A forged list: the form has no such field, and the server never reads one.
      warnings: "Nothing to see here",
      "warnings.0": "Nothing to see here",
    });
    expect(result).toEqual({
      status: "saved",
      outcome: "saved",
      proposalId,
      warnings: ["Completed at 40 % progress", "Completed but assessed At risk"],
    });
    expect(await tableCounts(prisma)).toEqual({ updates: before.updates + 1, revisions: before.revisions + 1, auditEvents: before.auditEvents + 1 });
    const update = await updateWithRevisions(proposalId);
    expect(update).toMatchObject({ status: "COMPLETED", progress: 40, warnings: ["Completed at 40 % progress", "Completed but assessed At risk"] });
    expect(update!.revisions.map((r) => [r.version, r.warnings])).toEqual([[1, ["Completed at 40 % progress", "Completed but assessed At risk"]]]);
    // The proposal page reads them with the update.
    const detail = await getProposal(proposalId);
    expect(detail!.history.find((h) => h.period.id === openPeriodId)!.warnings).toEqual(["Completed at 40 % progress", "Completed but assessed At risk"]);
  });

  test("warnings follow the saved values: a corrected edit clears them on the update, the earlier revision keeps its own", async () => {
    const result = await save({
      proposalId,
      periodId: openPeriodId,
      expectedVersion: "1",
      intent: "submit",
      status: "COMPLETED",
      assessment: "ON_TRACK",
      progress: "100",
      narrative: "Final workshop held; report published.",
      rationale: previous.status === "COMPLETED" && previous.assessment === "ON_TRACK" ? "" : "Delivered at last.",
    });
    expect(result).toMatchObject({ status: "saved", outcome: "submitted", warnings: [] });
    const update = await updateWithRevisions(proposalId);
    expect(update).toMatchObject({ version: 2, warnings: [] });
    expect(update!.revisions.map((r) => [r.version, r.warnings])).toEqual([
      [1, ["Completed at 40 % progress", "Completed but assessed At risk"]],
      [2, []],
    ]);
  });
});

describe("warnings written by lib/data whoever calls it", () => {
  test("recordStatusUpdate ignores warnings passed in its input and computes them; a review's revision keeps them", async () => {
    const proposalId = pool.take();
    const staff = await createActor(prisma, "STAFF", { focalPointOf: [proposalId] });
    const manager = await createActor(prisma, "MANAGER", { organisationId: "eu" });
    const input: StatusUpdateInput = statusUpdateSchema.parse({
      proposalId,
      periodId: openPeriodId,
      status: "STALLED",
      assessment: "ON_TRACK",
      progress: 100,
      narrative: "Talks paused.",
      rationale: "Talks paused after the change of chairmanship.",
      intent: "submit",
      expectedVersion: 0,
    });
    const forged = { ...input, warnings: ["Nothing to see here"] } as StatusUpdateInput;
    const saved = await recordStatusUpdate(staff, forged);
    const expected = ["Stalled but assessed On track", "100 % progress but Stalled, not Completed"];
    expect(saved.warnings).toEqual(expected);
    await reviewStatusUpdate(manager, { proposalId, periodId: openPeriodId, decision: "approve", note: "", expectedVersion: 1 });
    const update = await updateWithRevisions(proposalId);
    expect(update).toMatchObject({ workflowState: "APPROVED", version: 2, warnings: expected });
    expect(update!.revisions.map((r) => [r.version, r.workflowState, r.warnings])).toEqual([
      [1, "SUBMITTED", expected],
      [2, "APPROVED", expected],
    ]);
  });

  test("a revision stays append-only with its warnings", async () => {
    const revision = await prisma.statusUpdateRevision.findFirstOrThrow({ where: { warnings: { isEmpty: false } }, select: { id: true } });
    await expect(prisma.$executeRaw`UPDATE "StatusUpdateRevision" SET warnings = '{}' WHERE id = ${revision.id}`).rejects.toThrow();
  });
});
