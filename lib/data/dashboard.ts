import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { buildDashboard, type Dashboard } from "@/lib/domain/dashboard";
import { includedStates, type IncludeOption } from "@/lib/domain/proposals";
import { endOfAsOfDay } from "@/lib/domain/as-of";
import type { Assessment, ImplementationStatus } from "@/lib/domain/vocabulary";
import { listPeriods } from "./periods";
import { assessmentSql, countedSql, scopeSql, type ViewFilters } from "./view-sql";

// Every number of the dashboard is a GROUP BY in PostgreSQL over the proposals in view and their counted
// updates (lib/data/view-sql.ts). The queries run in parallel; lib/domain/dashboard.ts does the arithmetic.

const listAreas = cache(async () => getDb().area.findMany({ select: { id: true, number: true, name: true }, orderBy: { number: "asc" } }));

export type DashboardQuery = ViewFilters & { include: IncludeOption };

/** Approved updates only, nothing filtered out, as things stand now. */
export const DEFAULT_DASHBOARD_QUERY: DashboardQuery = { include: "approved", area: [], org: [], assessment: [], asOf: undefined };

/**
 * The dashboard of one period: the selected period's numbers, the trend and heat map over all periods,
 * coverage by organisation and the overdue count, for the proposals and updates the filters select.
 */
export async function getDashboard(periodId: string, query: Partial<DashboardQuery> = {}, now = new Date()): Promise<Dashboard> {
  const db = getDb();
  const filters = { ...DEFAULT_DASHBOARD_QUERY, ...query };
  const periods = await listPeriods();
  const period = periods.find((p) => p.id === periodId);
  if (!period) throw new Error(`Unknown period ${periodId}`);
  const asOf = filters.asOf ? endOfAsOfDay(filters.asOf) : null;
  const states = includedStates(filters.include);
  const scope = scopeSql(filters);
  const counted = countedSql(period.id, states, asOf);
  const everyPeriod = countedSql(null, states, asOf);
  const assessment = assessmentSql(filters, "c");
  const pastCutOff = period.cutOffOn.getTime() + 24 * 3600 * 1000 <= (asOf ?? now).getTime();

  const [areas, scopeByArea, current, history, organisations, overdue] = await Promise.all([
    listAreas(),
    db.$queryRaw<{ areaId: string; count: number }[]>`
      SELECT p."areaId", count(*)::int AS count FROM "Proposal" p WHERE ${scope} GROUP BY p."areaId"`,
    db.$queryRaw<{ areaId: string; status: ImplementationStatus; assessment: Assessment; count: number }[]>`
      SELECT p."areaId", c.status::text AS status, c.assessment::text AS assessment, count(*)::int AS count
      FROM "Proposal" p JOIN ${counted} c ON c."proposalId" = p.id
      WHERE ${scope} AND ${assessment}
      GROUP BY p."areaId", c.status, c.assessment`,
    db.$queryRaw<{ periodId: string; areaId: string; status: ImplementationStatus; count: number; progressSum: number }[]>`
      SELECT c."periodId", p."areaId", c.status::text AS status, count(*)::int AS count, sum(c.progress)::int AS "progressSum"
      FROM "Proposal" p JOIN ${everyPeriod} c ON c."proposalId" = p.id
      WHERE ${scope} AND ${assessment}
      GROUP BY c."periodId", p."areaId", c.status`,
    db.$queryRaw<{ code: string; name: string; followed: number; reported: number }[]>`
      SELECT o.code, o.name,
             count(DISTINCT v.id)::int AS followed,
             count(DISTINCT v.id) FILTER (WHERE v.counted)::int AS reported
      FROM "Organisation" o
      LEFT JOIN (
        SELECT fu."organisationId", p.id, c."proposalId" IS NOT NULL AS counted
        FROM "Proposal" p
        JOIN "FocalPoint" fp ON fp."proposalId" = p.id
        JOIN "User" fu ON fu.id = fp."userId"
        LEFT JOIN ${counted} c ON c."proposalId" = p.id
        WHERE ${scope} AND ${assessment}
      ) v ON v."organisationId" = o.id
      GROUP BY o.id, o.code, o.name`,
    pastCutOff
      ? db.$queryRaw<{ count: number }[]>`
          SELECT count(*)::int AS count FROM "Proposal" p
          WHERE ${scope} AND NOT EXISTS (
            SELECT 1 FROM ${countedSql(period.id, ["SUBMITTED", "APPROVED", "RETURNED"], asOf)} c WHERE c."proposalId" = p.id)`
      : Promise.resolve(null),
  ]);
  return buildDashboard({
    areas,
    // As of a date, periods that had not begun are left out (unless someone reported in them early).
    periods: periods
      .filter((p) => !asOf || p.startsOn < asOf || history.some((h) => h.periodId === p.id))
      .map(({ id, number, name }) => ({ id, number, name })),
    periodId: period.id,
    scopeByArea,
    assessmentFiltered: filters.assessment.length > 0,
    current,
    history,
    organisations,
    overdue: overdue ? overdue[0]!.count : null,
  });
}
