// "StatusCount" (the dashboard's pre-aggregated counts) against a recount of "StatusUpdate", after the
// seed and after every kind of write the triggers must follow: the app's saves and reviews, bulk updates,
// deletes, a proposal moved to another area, and many saves at once.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { recordStatusUpdate, reviewStatusUpdate } from "@/lib/data/status-updates";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { createUser, getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";

let prisma: PrismaClient;
let openPeriodId: string;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 4);
  openPeriodId = await getOpenPeriodId(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

/** Rows where the kept counts and a fresh recount differ (zero rows left by decrements count as absent). */
async function drift() {
  return prisma.$queryRaw<{ key: string; kept: number | null; recount: number | null }[]>`
    WITH kept AS (
      SELECT "periodId", "areaId", status, assessment, "workflowState", count, "progressSum" FROM "StatusCount" WHERE count <> 0 OR "progressSum" <> 0
    ), recount AS (
      SELECT s."periodId", p."areaId", s.status, s.assessment, s."workflowState", count(*)::int AS count, sum(s.progress)::int AS "progressSum"
      FROM "StatusUpdate" s JOIN "Proposal" p ON p.id = s."proposalId" GROUP BY 1, 2, 3, 4, 5
    )
    SELECT concat_ws('/', coalesce(k."periodId", r."periodId"), coalesce(k."areaId", r."areaId"), coalesce(k.status, r.status),
                     coalesce(k.assessment, r.assessment), coalesce(k."workflowState", r."workflowState")) AS key,
           k.count AS kept, r.count AS recount
    FROM kept k FULL JOIN recount r USING ("periodId", "areaId", status, assessment, "workflowState")
    WHERE k.count IS DISTINCT FROM r.count OR k."progressSum" IS DISTINCT FROM r."progressSum"`;
}

describe("StatusCount", () => {
  test("after the seed it equals a recount, and is far smaller than the updates", async () => {
    expect(await drift()).toEqual([]);
    const [sizes] = await prisma.$queryRaw<{ counts: number; updates: number }[]>`
      SELECT (SELECT count(*)::int FROM "StatusCount") AS counts, (SELECT count(*)::int FROM "StatusUpdate") AS updates`;
    expect(sizes!.counts).toBeGreaterThan(0);
    expect(sizes!.counts).toBeLessThan(sizes!.updates);
  });

  test("follows saves, submissions, returns and approvals made through the app", async () => {
    const [a, b] = (await proposalsWithoutOpenUpdate(prisma)).slice(-4, -2);
    const manager = await createUser(prisma, { role: "MANAGER", organisationId: "eu" });
    const actor = { id: manager.id, role: manager.role, organisationId: manager.organisationId };
    const input = (proposalId: string, intent: "save" | "submit", expectedVersion: number, progress: number) => ({
      proposalId,
      periodId: openPeriodId,
      status: "IN_PROGRESS" as const,
      assessment: "AT_RISK" as const,
      progress,
      narrative: "Talks under way.",
      nextSteps: "",
      evidenceLinks: [],
      rationale: "Reassessed.",
      intent,
      expectedVersion,
    });
    await recordStatusUpdate(actor, input(a!, "save", 0, 10));
    expect(await drift()).toEqual([]);
    await recordStatusUpdate(actor, input(a!, "submit", 1, 35));
    await recordStatusUpdate(actor, input(b!, "submit", 0, 50));
    expect(await drift()).toEqual([]);
    await reviewStatusUpdate(actor, { proposalId: a!, periodId: openPeriodId, decision: "approve", note: "", expectedVersion: 2 });
    await reviewStatusUpdate(actor, { proposalId: b!, periodId: openPeriodId, decision: "return", note: "Add the date of the talks.", expectedVersion: 1 });
    expect(await drift()).toEqual([]);
  });

  test("follows bulk updates, deletes and a proposal moved to another area", async () => {
    const reassessed = (await prisma.statusUpdate.findMany({ where: { periodId: "report-04", assessment: "ON_TRACK" }, select: { id: true } })).map((r) => r.id);
    await prisma.statusUpdate.updateMany({ where: { periodId: "report-03", status: "IN_PROGRESS" }, data: { progress: { increment: 1 } } });
    await prisma.statusUpdate.updateMany({ where: { id: { in: reassessed } }, data: { assessment: "AT_RISK" } });
    expect(await drift()).toEqual([]);
    // Put the closed reports back as they were for the test files after this one.
    await prisma.statusUpdate.updateMany({ where: { periodId: "report-03", status: "IN_PROGRESS" }, data: { progress: { decrement: 1 } } });
    await prisma.statusUpdate.updateMany({ where: { id: { in: reassessed } }, data: { assessment: "ON_TRACK" } });
    expect(await drift()).toEqual([]);

    const [proposalId] = (await proposalsWithoutOpenUpdate(prisma)).slice(-5, -4);
    const author = await prisma.user.findFirstOrThrow({ where: { role: "STAFF" }, select: { id: true, organisationId: true } });
    const row = await prisma.statusUpdate.create({
      data: { proposalId: proposalId!, periodId: openPeriodId, status: "STALLED", assessment: "OFF_TRACK", progress: 5, narrative: "x", nextSteps: "", authorId: author.id, organisationId: author.organisationId },
    });
    expect(await drift()).toEqual([]);
    await prisma.statusUpdate.delete({ where: { id: row.id } });
    expect(await drift()).toEqual([]);

    const moved = await prisma.proposal.findFirstOrThrow({ where: { number: 3 }, select: { id: true, areaId: true } });
    const other = await prisma.area.findFirstOrThrow({ where: { id: { not: moved.areaId } }, select: { id: true } });
    await prisma.proposal.update({ where: { id: moved.id }, data: { areaId: other.id } });
    expect(await drift()).toEqual([]);
    await prisma.proposal.update({ where: { id: moved.id }, data: { areaId: moved.areaId, title: "Renamed without moving" } });
    expect(await drift()).toEqual([]);
  });

  test("many saves at once in the same area all count, without deadlocks", async () => {
    const ids = (await proposalsWithoutOpenUpdate(prisma)).slice(0, 8);
    const manager = await createUser(prisma, { role: "MANAGER", organisationId: "nato" });
    const actor = { id: manager.id, role: manager.role, organisationId: manager.organisationId };
    await Promise.all(
      ids.map((proposalId, i) =>
        recordStatusUpdate(actor, {
          proposalId,
          periodId: openPeriodId,
          status: "ONGOING",
          assessment: "ON_TRACK",
          progress: 60 + i,
          narrative: "Routine.",
          nextSteps: "",
          evidenceLinks: [],
          rationale: "Reassessed.",
          intent: "submit",
          expectedVersion: 0,
        }),
      ),
    );
    expect(await drift()).toEqual([]);
  });
});
