// getDashboard against SQL written here from the other direction (areas/organisations outward, with
// LEFT JOINs and FILTER), for the open period and closed ones, for each choice of which workflow states
// count (approved by default), and as a new update moves from draft to submitted to approved. The trend,
// heat map, drill-downs, as-of views and "what changed" are in dashboard-views.test.ts.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { getDashboard } from "@/lib/data/dashboard";
import { recordStatusUpdate, reviewStatusUpdate } from "@/lib/data/status-updates";
import type { Dashboard, StatusKey } from "@/lib/domain/dashboard";
import type { IncludeOption } from "@/lib/domain/proposals";
import { ASSESSMENTS, IMPLEMENTATION_STATUSES } from "@/lib/domain/vocabulary";
import { Prisma, createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { createUser, getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { COUNTED, IN_PERIOD } from "./support/counted";

let prisma: PrismaClient;
let openPeriodId: string;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  openPeriodId = await getOpenPeriodId(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

/** The dashboard's numbers for a period, computed in SQL only, counting the updates `include` selects. */
async function expectedNumbers(periodId: string, include: IncludeOption) {
  const counted = COUNTED[include];
  const areaRows = await prisma.$queryRaw<{ areaId: string; number: number; name: string; total: number; missing: number }[]>`
    SELECT a.id AS "areaId", a.number, a.name, count(p.id)::int AS total,
           count(p.id) FILTER (WHERE s.id IS NULL)::int AS missing
    FROM "Area" a
    JOIN "ReportingPeriod" rp ON rp.id = ${periodId}
    LEFT JOIN "Proposal" p ON p."areaId" = a.id AND ${IN_PERIOD}
    LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = ${periodId} AND ${counted}
    GROUP BY a.id ORDER BY a.number`;
  // Every area x status pair, zero included.
  const statusRows = await prisma.$queryRaw<{ areaId: string; status: string; n: number }[]>`
    SELECT a.id AS "areaId", st.status, count(s.id)::int AS n
    FROM "Area" a
    CROSS JOIN unnest(enum_range(NULL::"ImplementationStatus")::text[]) AS st(status)
    LEFT JOIN "Proposal" p ON p."areaId" = a.id
    LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = ${periodId} AND s.status::text = st.status AND ${counted}
    GROUP BY a.id, st.status`;
  const inPeriod = Prisma.sql`(SELECT count(*) FROM "Proposal" p JOIN "ReportingPeriod" rp ON rp.id = ${periodId} WHERE ${IN_PERIOD})`;
  const [totals] = await prisma.$queryRaw<{ proposals: number; updates: number; coverage: number }[]>`
    SELECT ${inPeriod}::int AS proposals,
           (SELECT count(*)::int FROM "StatusUpdate" s WHERE s."periodId" = ${periodId} AND ${counted}) AS updates,
           round(100.0 * (SELECT count(*) FROM "StatusUpdate" s WHERE s."periodId" = ${periodId} AND ${counted}) / ${inPeriod})::int AS coverage`;
  const assessmentRows = await prisma.$queryRaw<{ assessment: string; n: number }[]>`
    SELECT a.assessment, count(s.id)::int AS n
    FROM unnest(enum_range(NULL::"Assessment")::text[]) AS a(assessment)
    LEFT JOIN "StatusUpdate" s ON s.assessment::text = a.assessment AND s."periodId" = ${periodId} AND ${counted}
    GROUP BY a.assessment`;
  // Reporting by organisation: proposals its focal points follow, and how many of those have a counted update.
  const organisationRows = await prisma.$queryRaw<{ code: string; followed: number; reported: number }[]>`
    SELECT o.code, count(DISTINCT f."proposalId")::int AS followed,
           count(DISTINCT f."proposalId") FILTER (WHERE s.id IS NOT NULL)::int AS reported
    FROM "Organisation" o
    LEFT JOIN "User" u ON u."organisationId" = o.id
    LEFT JOIN "FocalPoint" f ON f."userId" = u.id
      AND EXISTS (SELECT 1 FROM "Proposal" p JOIN "ReportingPeriod" rp ON rp.id = ${periodId} WHERE p.id = f."proposalId" AND ${IN_PERIOD})
    LEFT JOIN "StatusUpdate" s ON s."proposalId" = f."proposalId" AND s."periodId" = ${periodId} AND ${counted}
    GROUP BY o.code ORDER BY o.code`;

  const byArea = areaRows.map(({ areaId, number, name, total, missing }) => ({
    areaId,
    number,
    name,
    total,
    counts: {
      ...Object.fromEntries(IMPLEMENTATION_STATUSES.map((status) => [status, statusRows.find((r) => r.areaId === areaId && r.status === status)!.n])),
      NO_UPDATE: missing,
    } as Record<StatusKey, number>,
  }));
  return {
    totalProposals: totals!.proposals,
    updatedCount: totals!.updates,
    missingCount: totals!.proposals - totals!.updates,
    coveragePercent: totals!.coverage,
    byArea,
    assessments: Object.fromEntries(ASSESSMENTS.map((a) => [a, assessmentRows.find((r) => r.assessment === a)!.n])),
    organisations: organisationRows,
  };
}

function dashboardNumbers(d: Dashboard) {
  return {
    totalProposals: d.totalProposals,
    updatedCount: d.updatedCount,
    missingCount: d.missingCount,
    coveragePercent: d.coveragePercent,
    byArea: d.byArea,
    assessments: Object.fromEntries(d.assessments.map((a) => [a.assessment, a.count])),
    organisations: d.coverageByOrganisation.map((o) => ({ code: o.code, followed: o.followed, reported: o.reported })),
  };
}

const INCLUDES = ["approved", "submitted", "all"] as const satisfies readonly IncludeOption[];

describe("getDashboard", () => {
  const periods = [
    ["the open period", () => openPeriodId],
    ["the 1st (closed) report", () => "report-01"],
    ["the 10th (closed) report", () => "report-10"],
  ] as const;

  test.each(periods.flatMap(([name, period]) => INCLUDES.map((include) => [name, include, period] as const)))(
    "for %s, counting %s updates, equals the SQL counts",
    async (_name, include, period) => {
      const periodId = period();
      const [dashboard, expected] = await Promise.all([getDashboard(periodId, { include }), expectedNumbers(periodId, include)]);
      // The 1st report holds the 42 proposals of the 2016 set; the 2017 set joins with the 3rd.
      expect(expected.totalProposals).toBe(periodId === "report-01" ? 42 : 74);
      expect(expected.updatedCount).toBeGreaterThan(0);
      expect(dashboardNumbers(dashboard)).toEqual(expected);
      // The status totals are the column sums of the area table.
      for (const { status, count } of dashboard.statusCounts) {
        expect(count).toBe(expected.byArea.reduce((sum, row) => sum + row.counts[status], 0));
      }
      expect(dashboard.statusCounts.reduce((sum, s) => sum + s.share, 0)).toBe(100);
    },
  );

  test("by default it counts approved updates only", async () => {
    const [byDefault, approved] = await Promise.all([getDashboard(openPeriodId), getDashboard(openPeriodId, { include: "approved" })]);
    expect(dashboardNumbers(byDefault)).toEqual(dashboardNumbers(approved));
  });

  test("in the open period the include options differ (approved < approved and submitted < all), so the cases above can tell them apart", async () => {
    const [approved, submitted, all] = (await Promise.all(INCLUDES.map((include) => getDashboard(openPeriodId, { include })))) as [
      Dashboard,
      Dashboard,
      Dashboard,
    ];
    expect(approved.updatedCount).toBeLessThan(submitted.updatedCount);
    expect(submitted.updatedCount).toBeLessThan(all.updatedCount);
  });

  test.each(["report-01", "report-10"])("in the closed %s every update is approved, so all options agree", async (periodId) => {
    const [approved, all] = await Promise.all([getDashboard(periodId, { include: "approved" }), getDashboard(periodId, { include: "all" })]);
    expect(dashboardNumbers(approved)).toEqual(dashboardNumbers(all));
  });

  test("the 1st report holds only the 2016 set: 42 proposals, all updated, none missing or overdue", async () => {
    const dashboard = await getDashboard("report-01");
    expect([dashboard.totalProposals, dashboard.updatedCount, dashboard.missingCount, dashboard.overdueCount]).toEqual([42, 42, 0, null]);
  });

  test("a new update counts under 'all' as a draft, under 'submitted' once submitted, and under 'approved' once approved", async () => {
    const [proposalId] = await proposalsWithoutOpenUpdate(prisma);
    const proposal = await prisma.proposal.findUniqueOrThrow({ where: { id: proposalId! }, select: { areaId: true } });
    const manager = await createUser(prisma, { role: "MANAGER", organisationId: "eu" });
    const actor = { id: manager.id, role: manager.role, organisationId: manager.organisationId };
    const snapshot = async () =>
      Object.fromEntries(await Promise.all(INCLUDES.map(async (include) => [include, await getDashboard(openPeriodId, { include })] as const)));
    const record = (intent: "save" | "submit", expectedVersion: number) =>
      recordStatusUpdate(actor, {
        proposalId: proposalId!,
        periodId: openPeriodId,
        status: "STALLED",
        assessment: "OFF_TRACK",
        progress: 10,
        narrative: "Paused.",
        nextSteps: "",
        evidenceLinks: [],
        rationale: "Talks paused.",
        intent,
        expectedVersion,
      });
    /** Which options now count the new update (each by exactly one more than before), and which do not. */
    async function expectCountedBy(before: Record<IncludeOption, Dashboard>, counting: IncludeOption[]) {
      const after = await snapshot();
      for (const include of INCLUDES) {
        const step = counting.includes(include) ? 1 : 0;
        const [b, a] = [before[include], after[include]!];
        expect(a.updatedCount, include).toBe(b.updatedCount + step);
        expect(a.missingCount, include).toBe(b.missingCount - step);
        const area = (d: Dashboard) => d.byArea.find((row) => row.areaId === proposal.areaId)!.counts;
        expect(area(a).STALLED, include).toBe(area(b).STALLED + step);
        expect(area(a).NO_UPDATE, include).toBe(area(b).NO_UPDATE - step);
        const offTrack = (d: Dashboard) => d.assessments.find((x) => x.assessment === "OFF_TRACK")!.count;
        expect(offTrack(a), include).toBe(offTrack(b) + step);
        // The proposal has EU focal points (seed): the EU's reported count moves.
        const eu = (d: Dashboard) => d.coverageByOrganisation.find((o) => o.code === "EU")!.reported;
        expect(eu(a), include).toBe(eu(b) + step);
        expect(dashboardNumbers(a)).toEqual(await expectedNumbers(openPeriodId, include));
      }
      return after as Record<IncludeOption, Dashboard>;
    }

    let before = (await snapshot()) as Record<IncludeOption, Dashboard>;
    await record("save", 0);
    before = await expectCountedBy(before, ["all"]);
    await record("submit", 1);
    before = await expectCountedBy(before, ["submitted"]);
    // Another manager approves (four eyes).
    const reviewer = await createUser(prisma, { role: "MANAGER", organisationId: "nato" });
    await reviewStatusUpdate(reviewer, { proposalId: proposalId!, periodId: openPeriodId, decision: "approve", note: "", expectedVersion: 2 });
    await expectCountedBy(before, ["approved"]);
  });
});
