// getDashboard against SQL written here from the other direction (areas/organisations outward, with
// LEFT JOINs and FILTER), for the open period and closed ones, and after a new update is recorded.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { getDashboard } from "@/lib/data/dashboard";
import { recordStatusUpdate } from "@/lib/data/status-updates";
import type { Dashboard, StatusKey } from "@/lib/domain/dashboard";
import { ASSESSMENTS, IMPLEMENTATION_STATUSES } from "@/lib/domain/vocabulary";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { createUser, getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";

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

/** The dashboard's numbers for a period, computed in SQL only. */
async function expectedNumbers(periodId: string) {
  const areaRows = await prisma.$queryRaw<{ areaId: string; number: number; name: string; total: number; missing: number }[]>`
    SELECT a.id AS "areaId", a.number, a.name, count(p.id)::int AS total,
           count(p.id) FILTER (WHERE s.id IS NULL)::int AS missing
    FROM "Area" a
    LEFT JOIN "Proposal" p ON p."areaId" = a.id
    LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = ${periodId}
    GROUP BY a.id ORDER BY a.number`;
  // Every area x status pair, zero included.
  const statusRows = await prisma.$queryRaw<{ areaId: string; status: string; n: number }[]>`
    SELECT a.id AS "areaId", st.status, count(s.id)::int AS n
    FROM "Area" a
    CROSS JOIN unnest(enum_range(NULL::"ImplementationStatus")::text[]) AS st(status)
    LEFT JOIN "Proposal" p ON p."areaId" = a.id
    LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = ${periodId} AND s.status::text = st.status
    GROUP BY a.id, st.status`;
  const [totals] = await prisma.$queryRaw<{ proposals: number; updates: number; coverage: number }[]>`
    SELECT (SELECT count(*)::int FROM "Proposal") AS proposals,
           (SELECT count(*)::int FROM "StatusUpdate" WHERE "periodId" = ${periodId}) AS updates,
           round(100.0 * (SELECT count(*) FROM "StatusUpdate" WHERE "periodId" = ${periodId}) / (SELECT count(*) FROM "Proposal"))::int AS coverage`;
  const assessmentRows = await prisma.$queryRaw<{ assessment: string; n: number }[]>`
    SELECT a.assessment, count(s.id)::int AS n
    FROM unnest(enum_range(NULL::"Assessment")::text[]) AS a(assessment)
    LEFT JOIN "StatusUpdate" s ON s.assessment::text = a.assessment AND s."periodId" = ${periodId}
    GROUP BY a.assessment`;
  const organisationRows = await prisma.$queryRaw<{ organisationId: string; code: string; n: number }[]>`
    SELECT o.id AS "organisationId", o.code, count(s.id)::int AS n
    FROM "Organisation" o LEFT JOIN "StatusUpdate" s ON s."organisationId" = o.id AND s."periodId" = ${periodId}
    GROUP BY o.id, o.code ORDER BY o.code`;

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
    organisations: organisationRows.map((o) => ({ organisationId: o.organisationId, code: o.code, count: o.n })),
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
    organisations: d.coverageByOrganisation.map((o) => ({ organisationId: o.organisationId, code: o.code, count: o.count })),
  };
}

describe("getDashboard", () => {
  test.each([
    ["the open period", () => openPeriodId],
    ["the 1st (closed) report", () => "report-01"],
    ["the 10th (closed) report", () => "report-10"],
  ])("for %s equals the SQL counts", async (_name, period) => {
    const periodId = period();
    const [dashboard, expected] = await Promise.all([getDashboard(periodId), expectedNumbers(periodId)]);
    expect(expected.totalProposals).toBe(74);
    expect(expected.updatedCount).toBeGreaterThan(0);
    expect(dashboardNumbers(dashboard)).toEqual(expected);
    // The status totals are the column sums of the area table.
    for (const { status, count } of dashboard.statusCounts) {
      expect(count).toBe(expected.byArea.reduce((sum, row) => sum + row.counts[status], 0));
    }
    expect(dashboard.statusCounts.reduce((sum, s) => sum + s.share, 0)).toBe(100);
  });

  test("the 1st report covers only the 2016 set: 42 updated, 32 missing", async () => {
    const dashboard = await getDashboard("report-01");
    expect([dashboard.updatedCount, dashboard.missingCount]).toEqual([42, 32]);
  });

  test("recording a new update in the open period raises coverage by exactly one", async () => {
    const [proposalId] = await proposalsWithoutOpenUpdate(prisma);
    const proposal = await prisma.proposal.findUniqueOrThrow({ where: { id: proposalId! }, select: { areaId: true } });
    const manager = await createUser(prisma, { role: "MANAGER", organisationId: "eu" });
    const before = await getDashboard(openPeriodId);

    await recordStatusUpdate(
      { id: manager.id, role: manager.role, organisationId: manager.organisationId },
      { proposalId: proposalId!, periodId: openPeriodId, status: "STALLED", assessment: "OFF_TRACK", progress: 10, narrative: "Paused.", nextSteps: "", evidenceLinks: [], expectedVersion: 0 },
    );
    const after = await getDashboard(openPeriodId);

    expect(after.updatedCount).toBe(before.updatedCount + 1);
    expect(after.missingCount).toBe(before.missingCount - 1);
    const area = (d: Dashboard) => d.byArea.find((row) => row.areaId === proposal.areaId)!.counts;
    expect(area(after).STALLED).toBe(area(before).STALLED + 1);
    expect(area(after).NO_UPDATE).toBe(area(before).NO_UPDATE - 1);
    const offTrack = (d: Dashboard) => d.assessments.find((a) => a.assessment === "OFF_TRACK")!.count;
    expect(offTrack(after)).toBe(offTrack(before) + 1);
    const eu = (d: Dashboard) => d.coverageByOrganisation.find((o) => o.code === "EU")!.count;
    expect(eu(after)).toBe(eu(before) + 1);
    expect(dashboardNumbers(after)).toEqual(await expectedNumbers(openPeriodId));
  });
});
