// Which proposals count in which period, on the seeded calendar: the 32 proposals of the December 2017
// set join with the 3rd report (endorsed 5 December 2017, after the 2nd report's cut-off of 30 November
// 2017). Every view is checked against SQL written here with the endorsement dates typed out: the
// cockpit (and a closed period never shows anything overdue), the dashboard with its trend and heat map
// (from the triggers' counts and from the updates), the list, the draft report and "what changed".
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { getChanges } from "@/lib/data/changes";
import { getCockpit } from "@/lib/data/cockpit";
import { getDashboard } from "@/lib/data/dashboard";
import { countProposals, listProposals } from "@/lib/data/proposals";
import { collectEntries, findPeriodByNumber, getDraftReport } from "@/lib/data/reports";
import type { StatusKey } from "@/lib/domain/dashboard";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { parseProposalFilters } from "@/lib/validation/proposal-filters";
import { getOpenPeriodId } from "@/prisma/factories";
import { IN_PERIOD_TEXT } from "./support/counted";

type Period = { id: string; number: number; name: string; state: string; cutOffOn: Date; dueOn: Date };

let prisma: PrismaClient;
let periods: Period[];
const byNumber = (n: number) => periods.find((p) => p.number === n)!;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  periods = await prisma.reportingPeriod.findMany({
    select: { id: true, number: true, name: true, state: true, cutOffOn: true, dueOn: true },
    orderBy: { number: "asc" },
  });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

const IN_PERIOD = IN_PERIOD_TEXT;

async function expectedPeriod(periodId: string) {
  const [row] = await prisma.$queryRawUnsafe<{ total: number; of2017: number; approved: number; reported: number }[]>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE p.set = 'SET_2017')::int AS "of2017",
            count(s.id) FILTER (WHERE s."workflowState" = 'APPROVED')::int AS approved,
            count(s.id) FILTER (WHERE s."workflowState" IN ('SUBMITTED', 'APPROVED'))::int AS reported
     FROM "ReportingPeriod" rp JOIN "Proposal" p ON ${IN_PERIOD}
     LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = rp.id
     WHERE rp.id = $1`,
    periodId,
  );
  return row!;
}

/** Approved statuses of a period by SQL, "No update" the rest of its proposals. */
async function expectedTrendColumn(periodId: string): Promise<Partial<Record<StatusKey, number>>> {
  const rows = await prisma.$queryRawUnsafe<{ status: StatusKey; count: number }[]>(
    `SELECT s.status::text AS status, count(*)::int AS count FROM "StatusUpdate" s WHERE s."periodId" = $1 AND s."workflowState" = 'APPROVED' GROUP BY s.status`,
    periodId,
  );
  const counts: Partial<Record<StatusKey, number>> = Object.fromEntries(rows.map((r) => [r.status, r.count]));
  counts.NO_UPDATE = (await expectedPeriod(periodId)).total - rows.reduce((sum, r) => sum + r.count, 0);
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n! > 0));
}

const nonZero = (counts: Record<StatusKey, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

describe("the December 2017 set in the 1st and 2nd reports", () => {
  test("the seeded calendar is the real one: 42 proposals in the 1st and 2nd reports, 74 from the 3rd", async () => {
    const [first, second, third] = await Promise.all([1, 2, 3].map((n) => expectedPeriod(byNumber(n).id)));
    expect([first!.total, first!.of2017, second!.total, second!.of2017]).toEqual([42, 0, 42, 0]);
    expect(third!.of2017).toBe(32);
    expect(byNumber(1).state).toBe("CLOSED");
  });

  test.each([1, 2])("cockpit of report %i: only its proposals, nothing overdue in a closed period", async (n) => {
    const period = byNumber(n);
    const [cockpit, expected, of2017] = await Promise.all([
      getCockpit(period),
      expectedPeriod(period.id),
      prisma.proposal.findMany({ where: { set: "SET_2017" }, select: { id: true } }),
    ]);
    expect(cockpit.total).toBe(expected.total);
    expect(cockpit.reported).toBe(expected.reported);
    expect(cockpit.closed).toBe(true);
    expect(cockpit.overdue).toEqual([]);
    expect(cockpit.missing).toHaveLength(expected.total - expected.reported - cockpit.returned.length);
    const ids = new Set(of2017.map((p) => p.id));
    expect([...cockpit.missing, ...cockpit.returned, ...cockpit.awaitingReview, ...cockpit.stale].filter((i) => ids.has(i.id))).toEqual([]);
  });

  test.each([1, 2])("dashboard of report %i, from the counts and from the updates: its proposals, no overdue count", async (n) => {
    const period = byNumber(n);
    const expected = await expectedPeriod(period.id);
    const asOf = new Date().toISOString().slice(0, 10);
    for (const dashboard of [await getDashboard(period.id), await getDashboard(period.id, { asOf })]) {
      expect(dashboard.totalProposals).toBe(expected.total);
      expect(dashboard.missingCount).toBe(expected.total - expected.approved);
      expect(dashboard.overdueCount).toBeNull();
    }
  });

  test("the trend and heat map count each period's own proposals, whichever period is viewed and by either path", async () => {
    const open = await getOpenPeriodId(prisma);
    const asOf = new Date().toISOString().slice(0, 10);
    const views = [
      await getDashboard(open),
      await getDashboard(open, { asOf }),
      await getDashboard(byNumber(1).id),
      await getDashboard(byNumber(2).id, { org: ["NATO", "EU"] }),
    ];
    for (const n of [1, 2, 3]) {
      const period = byNumber(n);
      const [column, expected] = await Promise.all([expectedTrendColumn(period.id), expectedPeriod(period.id)]);
      for (const dashboard of views.slice(0, 3)) {
        const row = dashboard.trend.find((t) => t.number === n)!;
        expect(row.total).toBe(expected.total);
        expect(nonZero(row.counts)).toEqual(column);
        const cells = dashboard.heatMap.rows.map((r) => r.cells.find((c) => c.periodId === period.id)!);
        expect(cells.reduce((sum, c) => sum + c.total, 0)).toBe(expected.total);
      }
    }
    // Per area, in the 1st report: the heat map's totals are that period's proposals of the area.
    const perArea = await prisma.$queryRawUnsafe<{ areaId: string; count: number }[]>(
      `SELECT p."areaId", count(*)::int AS count FROM "ReportingPeriod" rp JOIN "Proposal" p ON ${IN_PERIOD} WHERE rp.id = $1 GROUP BY p."areaId"`,
      byNumber(1).id,
    );
    const want = new Map(perArea.map((r) => [r.areaId, r.count]));
    for (const row of views[0]!.heatMap.rows) expect(row.cells.find((c) => c.periodId === byNumber(1).id)!.total).toBe(want.get(row.areaId) ?? 0);
    // With an organisation filter: never more than the period's proposals, and the 2017 set absent from the 1st.
    const filtered = views[3]!.trend.find((t) => t.number === 1)!;
    expect(filtered.total).toBeLessThanOrEqual(42);
  });

  test.each([1, 2])("list, count and draft report of report %i hold its 42 proposals only", async (n) => {
    const period = byNumber(n);
    const expected = await expectedPeriod(period.id);
    const rows = await listProposals(parseProposalFilters({}), period.id);
    expect(rows).toHaveLength(expected.total);
    expect(await countProposals(period.id)).toBe(expected.total);
    const sets = await prisma.proposal.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { set: true }, distinct: ["set"] });
    expect(sets.map((s) => s.set)).toEqual(["SET_2016"]);
    const report = await getDraftReport((await findPeriodByNumber(n))!);
    expect(report.header.figures.totalProposals).toBe(expected.total);
    expect(await collectEntries(report, "number")).toHaveLength(expected.total);
  });

  test("what changed between the 2nd and 3rd reports leaves out the proposals that joined with the 3rd", async () => {
    const changes = await getChanges({
      include: "approved",
      area: [],
      org: [],
      assessment: [],
      asOf: undefined,
      fromPeriodId: byNumber(2).id,
      toPeriodId: byNumber(3).id,
    });
    const of2017 = await prisma.proposal.findMany({ where: { set: "SET_2017" }, select: { id: true } });
    const text = JSON.stringify(changes);
    for (const p of of2017) expect(text).not.toContain(`"${p.id}"`);
  });
});
