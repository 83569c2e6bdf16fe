import "server-only";
import { getDb } from "@/lib/db";
import { buildDashboard, type Dashboard } from "@/lib/domain/dashboard";
import { includedStates, type IncludeOption } from "@/lib/domain/proposals";
import { endOfAsOfDay } from "@/lib/domain/as-of";
import type { Assessment, ImplementationStatus } from "@/lib/domain/vocabulary";
import { Prisma } from "@/lib/prisma-client";
import type { WorkflowState } from "@/lib/domain/workflow";
import { listPeriods } from "./periods";
import { listAreas } from "./proposals";
import { PERIOD_ROW_SPAN, assessmentSql, countedSql, scopeSql, type ViewFilters } from "./view-sql";

// Every number of the dashboard is a GROUP BY in PostgreSQL over the proposals in view and their counted
// updates (lib/data/view-sql.ts). The queries run in parallel; lib/domain/dashboard.ts does the arithmetic.

export type DashboardQuery = ViewFilters & { include: IncludeOption };

/** Approved updates only, nothing filtered out, as things stand now. */
export const DEFAULT_DASHBOARD_QUERY: DashboardQuery = { include: "approved", area: [], org: [], assessment: [], asOf: undefined };

/**
 * The dashboard of one period: the selected period's numbers, the trend and heat map over all periods,
 * coverage by organisation and the overdue count, for the proposals and updates the filters select.
 */
export async function getDashboard(periodId: string, query: Partial<DashboardQuery> = {}, now = new Date(), tx?: Prisma.TransactionClient): Promise<Dashboard> {
  // Given a transaction (a publication), every read goes through it: one snapshot for every number.
  const db = tx ?? getDb();
  const filters = { ...DEFAULT_DASHBOARD_QUERY, ...query };
  const periods = tx
    ? await tx.reportingPeriod.findMany({
        select: { id: true, number: true, name: true, startsOn: true, cutOffOn: true, state: true },
        orderBy: { number: "desc" },
      })
    : await listPeriods();
  const period = periods.find((p) => p.id === periodId);
  if (!period) throw new Error(`Unknown period ${periodId}`);
  const asOf = filters.asOf ? endOfAsOfDay(filters.asOf) : null;
  const states = includedStates(filters.include);
  // The proposals of the selected period (lib/domain/catalogue.ts, isInPeriod: from their set's
  // endorsement until retirement); the trend and heat map count, in each period, that period's own
  // proposals under the same filters, so every period's column agrees with that period's dashboard.
  const scope = scopeSql(filters, period);
  const counted = countedSql(period.id, states, asOf);
  // A closed period shows what was missing, never an overdue count.
  const pastCutOff = period.state !== "CLOSED" && period.cutOffOn.getTime() + 24 * 3600 * 1000 <= (asOf ?? now).getTime();
  const counts = filters.org.length === 0 && !asOf ? fromStatusCounts(period, states, filters) : fromUpdates(period, states, asOf, filters);

  const [areas, scopeByArea, scopeByPeriod, current, history, organisations, submitted] = await Promise.all([
    tx ? tx.area.findMany({ select: { id: true, number: true, name: true }, orderBy: { number: "asc" } }) : listAreas(),
    db.$queryRaw<{ areaId: string; count: number }[]>`
      SELECT p."areaId", count(*)::int AS count FROM "Proposal" p WHERE ${scope} GROUP BY p."areaId"`,
    // Per period and area, the proposals in view in that period.
    db.$queryRaw<{ periodId: string; areaId: string; count: number }[]>`
      SELECT rp.id AS "periodId", p."areaId", count(*)::int AS count
      FROM "ReportingPeriod" rp JOIN "Proposal" p ON ${scopeSql(filters, PERIOD_ROW_SPAN)}
      GROUP BY rp.id, p."areaId"`,
    db.$queryRaw<{ areaId: string; status: ImplementationStatus; assessment: Assessment; count: number }[]>`${counts.current}`,
    db.$queryRaw<{ periodId: string; areaId: string; status: ImplementationStatus; count: number; progressSum: number }[]>`${counts.history}`,
    // Per organisation: the proposals in view its focal points follow, and how many have a counted update.
    db.$queryRaw<{ code: string; name: string; followed: number; reported: number }[]>`
      SELECT o.code, o.name, count(v.id)::int AS followed, count(v.id) FILTER (WHERE v.counted)::int AS reported
      FROM "Organisation" o
      LEFT JOIN LATERAL (
        SELECT p.id, EXISTS (SELECT 1 FROM ${counted} c WHERE c."proposalId" = p.id) AS counted
        FROM "Proposal" p
        WHERE ${scope}
          AND EXISTS (SELECT 1 FROM "FocalPoint" fp JOIN "User" fu ON fu.id = fp."userId" WHERE fp."proposalId" = p.id AND fu."organisationId" = o.id)
          AND ${filters.assessment.length ? Prisma.sql`EXISTS (SELECT 1 FROM ${counted} c WHERE c."proposalId" = p.id AND ${assessmentSql(filters, "c")})` : Prisma.sql`TRUE`}
      ) v ON TRUE
      GROUP BY o.id, o.code, o.name`,
    // Overdue: after the cut-off, proposals in view with nothing submitted (returned ones are being fixed).
    // Not with an assessment filter: a proposal with nothing submitted has no assessment to filter by.
    pastCutOff && !filters.assessment.length ? db.$queryRaw<{ count: number }[]>`${counts.submitted}` : Promise.resolve(null),
  ]);
  const inScope = scopeByArea.reduce((sum, row) => sum + row.count, 0);
  return buildDashboard({
    areas,
    // As of a date, periods that had not begun are left out (unless someone reported in them early).
    periods: periods
      .filter((p) => !asOf || p.startsOn < asOf || history.some((h) => h.periodId === p.id))
      .map(({ id, number, name }) => ({ id, number, name })),
    periodId: period.id,
    scopeByArea,
    scopeByPeriod,
    assessmentFiltered: filters.assessment.length > 0,
    current,
    history,
    organisations,
    overdue: submitted ? inScope - submitted[0]!.count : null,
    closed: period.state === "CLOSED",
  });
}

type CountQueries = { current: Prisma.Sql; history: Prisma.Sql; submitted: Prisma.Sql };

type SelectedPeriod = { id: string; startsOn: Date; cutOffOn: Date };

/**
 * From "StatusCount" (a few hundred rows kept exact by triggers): for views without an organisation
 * filter and without an as-of date, i.e. the dashboards people open every day. Every update belongs to a
 * proposal of its period (updates are refused outside it, a proposal with an update in a period cannot be
 * retired from it or moved to a later set), so the counts need no correction: "No update" (proposals in
 * view minus counted updates) stays exact in every period.
 */
function fromStatusCounts(period: SelectedPeriod, states: readonly WorkflowState[], filters: DashboardQuery): CountQueries {
  const periodId = period.id;
  const source = Prisma.sql`"StatusCount"`;
  const inStates = (list: readonly WorkflowState[]) => Prisma.join(list.map((state) => Prisma.sql`${state}::"WorkflowState"`));
  const area = filters.area.length ? Prisma.sql`c."areaId" IN (${Prisma.join(filters.area)})` : Prisma.sql`TRUE`;
  const where = Prisma.sql`c."workflowState" IN (${inStates(states)}) AND ${area} AND ${assessmentSql(filters, "c")}`;
  return {
    current: Prisma.sql`
      SELECT c."areaId", c.status::text AS status, c.assessment::text AS assessment, sum(c.count)::int AS count
      FROM ${source} c WHERE c."periodId" = ${periodId} AND ${where}
      GROUP BY c."areaId", c.status, c.assessment HAVING sum(c.count) > 0`,
    history: Prisma.sql`
      SELECT c."periodId", c."areaId", c.status::text AS status, sum(c.count)::int AS count, sum(c."progressSum")::int AS "progressSum"
      FROM ${source} c WHERE ${where}
      GROUP BY c."periodId", c."areaId", c.status HAVING sum(c.count) > 0`,
    submitted: Prisma.sql`
      SELECT coalesce(sum(c.count), 0)::int AS count FROM ${source} c
      WHERE c."periodId" = ${periodId} AND c."workflowState" IN (${inStates(["SUBMITTED", "APPROVED", "RETURNED"])}) AND ${area}`,
  };
}

/** From the updates themselves (or, as of a date, their revisions): any filter, any date. */
function fromUpdates(period: SelectedPeriod, states: readonly WorkflowState[], asOf: Date | null, filters: DashboardQuery): CountQueries {
  const periodId = period.id;
  const scope = scopeSql(filters, period);
  const assessment = assessmentSql(filters, "c");
  return {
    current: Prisma.sql`
      SELECT p."areaId", c.status::text AS status, c.assessment::text AS assessment, count(*)::int AS count
      FROM "Proposal" p JOIN ${countedSql(periodId, states, asOf)} c ON c."proposalId" = p.id
      WHERE ${scope} AND ${assessment}
      GROUP BY p."areaId", c.status, c.assessment`,
    history: Prisma.sql`
      SELECT c."periodId", p."areaId", c.status::text AS status, count(*)::int AS count, sum(c.progress)::int AS "progressSum"
      FROM "Proposal" p JOIN ${countedSql(null, states, asOf)} c ON c."proposalId" = p.id JOIN "ReportingPeriod" rp ON rp.id = c."periodId"
      WHERE ${scopeSql(filters, PERIOD_ROW_SPAN)} AND ${assessment}
      GROUP BY c."periodId", p."areaId", c.status`,
    submitted: Prisma.sql`
      SELECT count(*)::int AS count FROM "Proposal" p
      JOIN ${countedSql(periodId, ["SUBMITTED", "APPROVED", "RETURNED"], asOf)} c ON c."proposalId" = p.id
      WHERE ${scope}`,
  };
}
