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
    // One proposal of the few without an update in the open period (other test files need the rest).
    const [proposalId] = (await proposalsWithoutOpenUpdate(prisma)).slice(-1);
    const manager = await createUser(prisma, { role: "MANAGER", organisationId: "eu" });
    const actor = { id: manager.id, role: manager.role, organisationId: manager.organisationId };
    const save = (intent: "save" | "submit", expectedVersion: number, progress: number) =>
      recordStatusUpdate(actor, {
        proposalId: proposalId!,
        periodId: openPeriodId,
        status: "IN_PROGRESS",
        assessment: "AT_RISK",
        progress,
        narrative: "Talks under way.",
        nextSteps: "",
        evidenceLinks: [],
        rationale: "Reassessed.",
        intent,
        expectedVersion,
      });
    // Another manager reviews (four eyes).
    const reviewer = await createUser(prisma, { role: "MANAGER", organisationId: "nato" });
    const review = (decision: "approve" | "return", expectedVersion: number) =>
      reviewStatusUpdate(reviewer, {
        proposalId: proposalId!,
        periodId: openPeriodId,
        decision,
        note: decision === "return" ? "Add the date of the talks." : "",
        expectedVersion,
      });
    await save("save", 0, 10);
    expect(await drift()).toEqual([]);
    await save("submit", 1, 35);
    expect(await drift()).toEqual([]);
    await review("return", 2);
    expect(await drift()).toEqual([]);
    await save("submit", 3, 40);
    await review("approve", 4);
    expect(await drift()).toEqual([]);
  });

  // The 2017 set had no update in the 1st report: rows written straight to that closed period (and
  // removed again) exercise inserts, bulk updates and deletes without using up open-period proposals.
  test("follows bulk inserts, updates, deletes and a proposal moved to another area", async () => {
    const author = await prisma.user.findFirstOrThrow({ where: { role: "STAFF" }, select: { id: true, organisationId: true } });
    const set2017 = await prisma.proposal.findMany({
      where: { set: "SET_2017", statusUpdates: { none: { periodId: "report-01" } } },
      select: { id: true },
      take: 12,
    });
    expect(set2017.length).toBe(12);
    await prisma.statusUpdate.createMany({
      data: set2017.map((p, i) => ({
        id: `status-count-test-${i}`,
        proposalId: p.id,
        periodId: "report-01",
        status: i % 2 ? "STALLED" : "IN_PROGRESS",
        assessment: i % 3 ? "ON_TRACK" : "OFF_TRACK",
        progress: i * 5,
        narrative: "x",
        nextSteps: "",
        workflowState: "APPROVED",
        authorId: author.id,
        organisationId: author.organisationId,
      })),
    });
    expect(await drift()).toEqual([]);
    const ids = set2017.map((_, i) => `status-count-test-${i}`);
    await prisma.statusUpdate.updateMany({ where: { id: { in: ids.slice(0, 6) } }, data: { progress: { increment: 3 }, status: "ONGOING" } });
    await prisma.statusUpdate.updateMany({ where: { id: { in: ids.slice(4) } }, data: { assessment: "AT_RISK", workflowState: "SUBMITTED" } });
    expect(await drift()).toEqual([]);

    const moved = await prisma.proposal.findUniqueOrThrow({ where: { id: set2017[0]!.id }, select: { id: true, areaId: true } });
    const other = await prisma.area.findFirstOrThrow({ where: { id: { not: moved.areaId } }, select: { id: true } });
    await prisma.proposal.update({ where: { id: moved.id }, data: { areaId: other.id } });
    expect(await drift()).toEqual([]);
    await prisma.proposal.update({ where: { id: moved.id }, data: { areaId: moved.areaId } });
    expect(await drift()).toEqual([]);

    // Many writers at once, as the app writes (one statement per update), half of them moving rows from
    // counter X to Y and half from Y to X: every move counted, no deadlock.
    await Promise.all(
      ids.map((id, i) => prisma.statusUpdate.update({ where: { id }, data: { status: i % 2 ? "COMPLETED" : "NOT_STARTED", progress: { increment: 1 } } })),
    );
    await Promise.all(ids.map((id, i) => prisma.statusUpdate.update({ where: { id }, data: { status: i % 2 ? "NOT_STARTED" : "COMPLETED" } })));
    expect(await drift()).toEqual([]);

    await prisma.statusUpdate.deleteMany({ where: { id: { in: ids } } });
    expect(await drift()).toEqual([]);
  });
});
