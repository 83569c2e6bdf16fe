// The dashboard beyond one period's counts, against the seeded database: the trend and the heat map
// against SQL written here; every drill-down (a bar, slice, cell or row) against the proposal list it
// opens; the view "as of a date" against the revisions; "what changed" against the updates of the two
// periods; and a constant number of queries whatever the size.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { getChanges, getChangeSummary } from "@/lib/data/changes";
import { getDashboard, type DashboardQuery } from "@/lib/data/dashboard";
import { listProposals } from "@/lib/data/proposals";
import { recordStatusUpdate } from "@/lib/data/status-updates";
import { toDay } from "@/lib/domain/as-of";
import { STATUS_KEYS, type Dashboard } from "@/lib/domain/dashboard";
import type { IncludeOption } from "@/lib/domain/proposals";
import { ASSESSMENTS } from "@/lib/domain/vocabulary";
import { createPrismaClient, Prisma, type PrismaClient } from "@/lib/prisma-client";
import { parseProposalFilters, type ProposalFilters } from "@/lib/validation/proposal-filters";
import { createUser, getOpenPeriodId } from "@/prisma/factories";
import { countStatements } from "./support/query-counter";
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

const NO_FILTERS: Pick<DashboardQuery, "area" | "org" | "assessment" | "asOf"> = { area: [], org: [], assessment: [], asOf: undefined };

describe("trend and heat map", () => {
  test.each(["approved", "all"] as const)("per period and area, counting %s updates, equal SQL over every update", async (include) => {
    const dashboard = await getDashboard(openPeriodId, { include });
    const rows = await prisma.$queryRaw<{ periodId: string; areaId: string; status: string | null; n: number; progress: number | null }[]>`
      SELECT rp.id AS "periodId", a.id AS "areaId", s.status::text AS status, count(p.id)::int AS n, round(avg(s.progress))::int AS progress
      FROM "ReportingPeriod" rp CROSS JOIN "Area" a
      LEFT JOIN "Proposal" p ON p."areaId" = a.id AND ${IN_PERIOD}
      LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = rp.id AND ${COUNTED[include]}
      GROUP BY rp.id, a.id, s.status`;
    const periods = await prisma.reportingPeriod.findMany({ orderBy: { number: "asc" }, select: { id: true } });
    expect(dashboard.trend.map((t) => t.periodId)).toEqual(periods.map((p) => p.id));
    for (const t of dashboard.trend) {
      const inPeriod = rows.filter((r) => r.periodId === t.periodId);
      // Each period counts its own proposals: the 2016 set's 42 in the 1st and 2nd reports, all 74 from the 3rd.
      expect(t.total, t.periodId).toBe(["report-01", "report-02"].includes(t.periodId) ? 42 : 74);
      for (const key of STATUS_KEYS) {
        const expected = inPeriod.filter((r) => (key === "NO_UPDATE" ? r.status === null : r.status === key)).reduce((sum, r) => sum + r.n, 0);
        expect(t.counts[key], `${t.periodId} ${key}`).toBe(expected);
      }
      expect(Object.values(t.shares).reduce((a, b) => a + b, 0)).toBe(100);
    }
    // Average progress per area and period, from SQL over the updates themselves.
    const averages = await prisma.$queryRaw<{ periodId: string; areaId: string; avg: number | null; counted: number }[]>`
      SELECT rp.id AS "periodId", a.id AS "areaId", round(avg(s.progress))::int AS avg, count(s.id)::int AS counted
      FROM "ReportingPeriod" rp CROSS JOIN "Area" a
      LEFT JOIN "Proposal" p ON p."areaId" = a.id AND ${IN_PERIOD}
      LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = rp.id AND ${COUNTED[include]}
      GROUP BY rp.id, a.id`;
    for (const row of dashboard.heatMap.rows) {
      for (const cell of row.cells) {
        const expected = averages.find((a) => a.periodId === cell.periodId && a.areaId === row.areaId)!;
        expect({ counted: cell.counted, avg: cell.averageProgress }, `${row.areaId} ${cell.periodId}`).toEqual({
          counted: expected.counted,
          avg: expected.avg,
        });
      }
    }
  });
});

describe("headline numbers", () => {
  test("at risk and overdue equal SQL, from the kept counts and from the updates (organisation filter)", async () => {
    const afterCutOff = new Date(Date.now() + 365 * 24 * 3600 * 1000);
    const [all, nato, beforeCutOff] = await Promise.all([
      getDashboard(openPeriodId, { include: "approved" }, afterCutOff),
      getDashboard(openPeriodId, { include: "approved", org: ["NATO"] }, afterCutOff),
      getDashboard(openPeriodId, { include: "approved" }),
    ]);
    expect(beforeCutOff.overdueCount).toBeNull();
    const natoFollows = Prisma.sql`EXISTS (SELECT 1 FROM "FocalPoint" f JOIN "User" u ON u.id = f."userId" JOIN "Organisation" o ON o.id = u."organisationId" WHERE f."proposalId" = p.id AND o.code = 'NATO')`;
    const overdue = async (scope: Prisma.Sql) => {
      const [row] = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "Proposal" p WHERE ${scope} AND NOT EXISTS (
          SELECT 1 FROM "StatusUpdate" s WHERE s."proposalId" = p.id AND s."periodId" = ${openPeriodId} AND s."workflowState" IN ('SUBMITTED', 'APPROVED', 'RETURNED'))`;
      return row!.n;
    };
    const atRisk = async (scope: Prisma.Sql) => {
      const [row] = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "Proposal" p JOIN "StatusUpdate" s ON s."proposalId" = p.id
        WHERE ${scope} AND s."periodId" = ${openPeriodId} AND s."workflowState" = 'APPROVED' AND s.assessment IN ('AT_RISK', 'OFF_TRACK')`;
      return row!.n;
    };
    expect(all.overdueCount).toBe(await overdue(Prisma.sql`TRUE`));
    expect(all.overdueCount).toBeGreaterThan(0);
    expect(nato.overdueCount).toBe(await overdue(natoFollows));
    expect(all.atRiskCount).toBe(await atRisk(Prisma.sql`TRUE`));
    expect(nato.atRiskCount).toBe(await atRisk(natoFollows));
    // A closed report shows what was missing, never an overdue count.
    expect((await getDashboard("report-10")).overdueCount).toBeNull();
  });
});

/** The proposal numbers the list shows for the dashboard's view narrowed by a drill-down. */
async function drilled(periodId: string, query: DashboardQuery, narrow: Partial<ProposalFilters>): Promise<number> {
  const filters = { ...parseProposalFilters({}), ...query, ...narrow };
  return (await listProposals(filters, periodId)).length;
}

describe("drill-down: every number opens a list of exactly that many proposals", () => {
  const views: [string, DashboardQuery][] = [
    ["no filter, approved", { include: "approved", ...NO_FILTERS }],
    ["no filter, all", { include: "all", ...NO_FILTERS }],
    ["two areas and the NATO focal points", { include: "submitted", ...NO_FILTERS, area: ["cyber", "hybrid-threats"], org: ["NATO"] }],
    ["at risk or off track", { include: "all", ...NO_FILTERS, assessment: ["AT_RISK", "OFF_TRACK"] }],
  ];

  test.each(views)("%s", async (_name, query) => {
    const dashboard = await getDashboard(openPeriodId, query);
    expect(dashboard.totalProposals).toBeGreaterThan(0);
    expect(await drilled(openPeriodId, query, {})).toBe(dashboard.totalProposals);
    for (const row of dashboard.byArea.filter((r) => r.total > 0)) {
      expect(await drilled(openPeriodId, query, { area: [row.areaId] }), row.areaId).toBe(row.total);
      for (const key of STATUS_KEYS) {
        expect(await drilled(openPeriodId, query, { area: [row.areaId], status: [key] }), `${row.areaId} ${key}`).toBe(row.counts[key]);
      }
    }
    // Slices outside an assessment filter are 0 and not links.
    for (const a of dashboard.assessments.filter((x) => query.assessment.length === 0 || query.assessment.includes(x.assessment))) {
      expect(await drilled(openPeriodId, query, { assessment: [a.assessment] }), a.assessment).toBe(a.count);
    }
    for (const org of dashboard.coverageByOrganisation.filter((o) => query.org.length === 0 || query.org.includes(o.code))) {
      expect(await drilled(openPeriodId, query, { org: [org.code] }), org.code).toBe(org.followed);
      expect(await drilled(openPeriodId, query, { org: [org.code], status: ["NO_UPDATE"] }), org.code).toBe(org.missing);
    }
    for (const t of dashboard.trend.filter((_, i) => i % 4 === 0 || t_isLast(dashboard, i))) {
      for (const key of STATUS_KEYS) expect(await drilled(t.periodId, query, { status: [key] }), `${t.periodId} ${key}`).toBe(t.counts[key]);
    }
    // Rows of areas outside the filter are not shown.
    for (const row of dashboard.heatMap.rows.filter((r) => r.cells.some((c) => c.total > 0)).slice(0, 3)) {
      for (const cell of row.cells) expect(await drilled(cell.periodId, query, { area: [row.areaId] }), `${row.areaId} ${cell.periodId}`).toBe(cell.total);
    }
  });
});

function t_isLast(dashboard: Dashboard, i: number) {
  return i === dashboard.trend.length - 1;
}

/** Each update as of the end of `day`: its latest revision recorded by then (SQL written here with DISTINCT ON). */
async function asOfCounts(periodId: string, day: string, include: IncludeOption) {
  return prisma.$queryRaw<{ status: string; assessment: string; n: number }[]>`
    SELECT s.status::text AS status, s.assessment::text AS assessment, count(*)::int AS n FROM (
      SELECT DISTINCT ON (r."statusUpdateId") r.status, r.assessment, r."workflowState"
      FROM "StatusUpdateRevision" r JOIN "StatusUpdate" u ON u.id = r."statusUpdateId"
      WHERE u."periodId" = ${periodId} AND r."createdAt" < (${day}::date + 1)::timestamptz
      ORDER BY r."statusUpdateId", r.version DESC) s
    WHERE ${COUNTED[include]}
    GROUP BY 1, 2`;
}

describe("as of a date", () => {
  test("a past day shows what was recorded by its end, for the dashboard and the list it drills into", async () => {
    const [{ day } = { day: "" }] = await prisma.$queryRaw<{ day: string }[]>`
      SELECT to_char(percentile_disc(0.5) WITHIN GROUP (ORDER BY r."createdAt"), 'YYYY-MM-DD') AS day
      FROM "StatusUpdateRevision" r JOIN "StatusUpdate" u ON u.id = r."statusUpdateId" WHERE u."periodId" = ${openPeriodId}`;
    for (const include of ["approved", "all"] as const) {
      const [then, today, expected] = await Promise.all([
        getDashboard(openPeriodId, { include, asOf: day }),
        getDashboard(openPeriodId, { include }),
        asOfCounts(openPeriodId, day, include),
      ]);
      const counted = expected.reduce((sum, r) => sum + r.n, 0);
      expect(then.updatedCount, include).toBe(counted);
      expect(then.updatedCount, "fewer updates existed then").toBeLessThan(today.updatedCount);
      for (const s of then.statusCounts.filter((x) => x.status !== "NO_UPDATE")) {
        expect(s.count, s.status).toBe(expected.filter((r) => r.status === s.status).reduce((sum, r) => sum + r.n, 0));
      }
      for (const a of ASSESSMENTS) {
        expect(then.assessments.find((x) => x.assessment === a)!.count, a).toBe(expected.filter((r) => r.assessment === a).reduce((sum, r) => sum + r.n, 0));
      }
      const query = { include, ...NO_FILTERS, asOf: day };
      expect(await drilled(openPeriodId, query, { status: ["NO_UPDATE"] })).toBe(then.missingCount);
      for (const s of then.statusCounts) expect(await drilled(openPeriodId, query, { status: [s.status] }), s.status).toBe(s.count);
    }
  });

  test("a draft edited today: today's views show the new version, as of yesterday the version of then", async () => {
    // A draft of the open period begun two days ago or earlier (the seed spreads them over the weeks before today).
    const now = new Date();
    const draft = await prisma.statusUpdate.findFirstOrThrow({
      where: { periodId: openPeriodId, workflowState: "DRAFT", createdAt: { lt: new Date(now.getTime() - 2 * 24 * 3600 * 1000) } },
      select: { proposalId: true, status: true, assessment: true, progress: true, narrative: true, version: true },
      orderBy: { proposal: { number: "desc" } },
    });
    const manager = await createUser(prisma, { role: "MANAGER", organisationId: "nato" });
    const actor = { id: manager.id, role: manager.role, organisationId: manager.organisationId };
    const other = draft.status === "STALLED" ? "COMPLETED" : "STALLED";
    const saved = await recordStatusUpdate(actor, {
      proposalId: draft.proposalId,
      periodId: openPeriodId,
      status: other,
      assessment: draft.assessment,
      progress: draft.progress,
      narrative: "Rewritten today.",
      nextSteps: "",
      evidenceLinks: [],
      rationale: "Reassessed today.",
      intent: "save",
      expectedVersion: draft.version,
    });
    const yesterday = toDay(new Date(now.getTime() - 24 * 3600 * 1000));
    const filters = { ...parseProposalFilters({}), include: "all" as const };
    const find = async (asOf?: string) => (await listProposals({ ...filters, asOf }, openPeriodId)).find((r) => r.id === draft.proposalId)!;
    expect((await find()).update).toMatchObject({ narrative: "Rewritten today.", status: other, version: saved.version });
    expect((await find(toDay(now))).update).toMatchObject({ narrative: "Rewritten today.", status: other, version: saved.version });
    expect((await find(yesterday)).update).toMatchObject({ narrative: draft.narrative, status: draft.status, version: draft.version });
    // The dashboards of today and of yesterday count it under its status of the day.
    const [todayView, yesterdayView, yesterdayExpected] = await Promise.all([
      getDashboard(openPeriodId, { include: "all" }),
      getDashboard(openPeriodId, { include: "all", asOf: yesterday }),
      asOfCounts(openPeriodId, yesterday, "all"),
    ]);
    const count = (d: Dashboard, status: string) => d.statusCounts.find((x) => x.status === status)!.count;
    expect(count(yesterdayView, other)).toBe(yesterdayExpected.filter((r) => r.status === other).reduce((n, r) => n + r.n, 0));
    expect(count(todayView, other)).toBe(await prisma.statusUpdate.count({ where: { periodId: openPeriodId, status: other } }));
  });
});

describe("what changed", () => {
  const pairs = [
    ["report-10", () => openPeriodId],
    ["report-01", () => "report-02"],
  ] as const;

  test.each(pairs)("from %s: the summary counted in SQL equals the list, and the moves equal SQL over the two periods' updates", async (fromId, toId) => {
    const query = { include: "approved" as const, ...NO_FILTERS, fromPeriodId: fromId, toPeriodId: toId() };
    const [summary, changes] = await Promise.all([getChangeSummary(query), getChanges(query)]);
    const { statusMoveItems, transitionItems, newEvidenceItems, narrativeItems, newlyAtRiskItems, ...fromList } = changes;
    expect(summary).toEqual(fromList);
    expect(statusMoveItems.length).toBe(summary.statusMoves);
    expect(transitionItems.length).toBe(summary.statusMoves + summary.newlyReported + summary.notReported);
    expect([newEvidenceItems.length, narrativeItems.length, newlyAtRiskItems.length]).toEqual([
      summary.withNewEvidence,
      summary.narrativesEdited,
      summary.newlyAtRisk,
    ]);

    const moves = await prisma.$queryRaw<{ from: string; to: string; n: number }[]>`
      SELECT coalesce(a.status::text, 'NO_UPDATE') AS "from", coalesce(b.status::text, 'NO_UPDATE') AS "to", count(*)::int AS n
      FROM "Proposal" p
      LEFT JOIN "StatusUpdate" a ON a."proposalId" = p.id AND a."periodId" = ${fromId} AND a."workflowState" = 'APPROVED'
      LEFT JOIN "StatusUpdate" b ON b."proposalId" = p.id AND b."periodId" = ${toId()} AND b."workflowState" = 'APPROVED'
      WHERE coalesce(a.status::text, 'NO_UPDATE') <> coalesce(b.status::text, 'NO_UPDATE')
      GROUP BY 1, 2`;
    expect(Object.fromEntries(summary.moves.map((m) => [`${m.from}>${m.to}`, m.count]))).toEqual(
      Object.fromEntries(moves.map((m) => [`${m.from}>${m.to}`, m.n])),
    );
    const real = moves.filter((m) => m.from !== "NO_UPDATE" && m.to !== "NO_UPDATE").reduce((n, m) => n + m.n, 0);
    expect(summary.statusMoves).toBe(real);
    expect(real).toBeGreaterThan(0);

    const [risk] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "StatusUpdate" b
      LEFT JOIN "StatusUpdate" a ON a."proposalId" = b."proposalId" AND a."periodId" = ${fromId} AND a."workflowState" = 'APPROVED'
      WHERE b."periodId" = ${toId()} AND b."workflowState" = 'APPROVED' AND b.assessment IN ('AT_RISK', 'OFF_TRACK')
        AND (a.id IS NULL OR a.assessment NOT IN ('AT_RISK', 'OFF_TRACK'))`;
    expect(summary.newlyAtRisk).toBe(risk!.n);
    const [narratives] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "StatusUpdate" b
      JOIN "StatusUpdate" a ON a."proposalId" = b."proposalId" AND a."periodId" = ${fromId} AND a."workflowState" = 'APPROVED'
      WHERE b."periodId" = ${toId()} AND b."workflowState" = 'APPROVED' AND a.narrative <> b.narrative`;
    expect(summary.narrativesEdited).toBe(narratives!.n);
  });

  test("new evidence counts links whose address the earlier update did not have", async () => {
    const query = { include: "approved" as const, ...NO_FILTERS, fromPeriodId: "report-09", toPeriodId: "report-10" };
    const changes = await getChanges(query);
    const updates = await prisma.statusUpdate.findMany({
      where: { periodId: { in: ["report-09", "report-10"] }, workflowState: "APPROVED" },
      select: { proposalId: true, periodId: true, evidenceLinks: true },
    });
    const urls = (periodId: string, proposalId: string) =>
      new Set(((updates.find((u) => u.periodId === periodId && u.proposalId === proposalId)?.evidenceLinks ?? []) as { url: string }[]).map((l) => l.url));
    const expected = updates
      .filter((u) => u.periodId === "report-10")
      .map((u) => ({ id: u.proposalId, n: [...urls("report-10", u.proposalId)].filter((url) => !urls("report-09", u.proposalId).has(url)).length }))
      .filter((x) => x.n > 0);
    expect(expected.length).toBeGreaterThan(0);
    expect(changes.newEvidenceItems.map((i) => ({ id: i.proposalId, n: i.newEvidence })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      expected.sort((a, b) => a.id.localeCompare(b.id)),
    );
  });
});

describe("queries", () => {
  test("the dashboard sends the same number of statements for one area as for all, now and as of a date (no N+1)", async () => {
    const url = inject("databaseUrl");
    const count = async (query: Partial<DashboardQuery>) => (await countStatements(url, () => getDashboard(openPeriodId, query))).statements.length;
    const all = await count({});
    expect(all).toBeLessThanOrEqual(8);
    expect(await count({ area: ["cyber"] })).toBe(all);
    expect(await count({ asOf: toDay(new Date()) })).toBe(all);
    const list = async (filters: Partial<ProposalFilters>) =>
      (await countStatements(url, () => listProposals({ ...parseProposalFilters({}), asOf: toDay(new Date()), ...filters }, openPeriodId))).statements.length;
    expect(await list({ area: ["cyber"] })).toBe(await list({}));
    expect(await list({ status: ["COMPLETED", "NO_UPDATE"] })).toBe(await list({}));
  });
});
