import "server-only";
import { Prisma } from "@/lib/prisma-client";
import { SET_ENDORSED_ON } from "@/lib/domain/catalogue";
import type { WorkflowState } from "@/lib/domain/workflow";
import type { ProposalFilters } from "@/lib/validation/proposal-filters";

/** The filters every dashboard view shares with the proposal list. */
export type ViewFilters = Pick<ProposalFilters, "area" | "org" | "assessment" | "asOf">;

// Every number of the dashboard is a GROUP BY in PostgreSQL over two building blocks:
// - the proposals in view ("scope": the area and organisation filters), and
// - the counted updates ("counted": one row per proposal and period, in the workflow states the view
//   counts; as of a past date, each update's latest revision recorded by then instead of the update).
// The dashboard, "what changed" and the proposal list as of a date all read through these.

/** A period's first day and cut-off: dates, or SQL expressions giving them (e.g. `rp."startsOn"`). */
export type PeriodSpanSql = { startsOn: Date | Prisma.Sql; cutOffOn: Date | Prisma.Sql };

/** The day the set of the proposal `p` was endorsed, as a DATE (SET_ENDORSED_ON in lib/domain/catalogue.ts). */
export function endorsedOnSql(): Prisma.Sql {
  const cases = Object.entries(SET_ENDORSED_ON).map(([set, day]) => Prisma.sql`WHEN ${set}::"ProposalSet" THEN ${day}::date`);
  return Prisma.sql`(CASE p."set" ${Prisma.join(cases, " ")} END)`;
}

/**
 * Whether the proposal `p` belongs to a period (lib/domain/catalogue.ts, isInPeriod): its set was
 * endorsed by the period's cut-off, and it was not retired before the period began (a proposal retired at
 * R is out of every period that starts on or after R). Retirement is applied as it stands now, also in
 * views as of a past date (only the audit trail records when it changed).
 */
export function inPeriodSql(period: PeriodSpanSql): Prisma.Sql {
  return Prisma.sql`(${endorsedOnSql()} <= ${period.cutOffOn}::date AND (p."retiredAt" IS NULL OR p."retiredAt" > ${period.startsOn}))`;
}

/** The span of the period `rp` ("ReportingPeriod"), for inPeriodSql and scopeSql. */
export const PERIOD_ROW_SPAN: PeriodSpanSql = { startsOn: Prisma.sql`rp."startsOn"`, cutOffOn: Prisma.sql`rp."cutOffOn"` };

/** Which proposals are in view in a period: `p` is "Proposal". */
export function scopeSql(filters: Pick<ViewFilters, "area" | "org">, period: PeriodSpanSql): Prisma.Sql {
  const conditions: Prisma.Sql[] = [inPeriodSql(period)];
  if (filters.area.length) conditions.push(Prisma.sql`p."areaId" IN (${Prisma.join(filters.area)})`);
  if (filters.org.length) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "FocalPoint" fp JOIN "User" fu ON fu.id = fp."userId" JOIN "Organisation" fo ON fo.id = fu."organisationId"
      WHERE fp."proposalId" = p.id AND fo.code IN (${Prisma.join(filters.org)}))`);
  }
  return Prisma.join(conditions, " AND ");
}

/**
 * The counted updates of one period (or of every period when `periodId` is null), as a subquery with the
 * columns proposalId, periodId, updateId, revisionId (as of a date only), version, status, assessment, progress, narrative, evidenceLinks,
 * workflowState. As of a date, each update is rebuilt from its latest revision recorded before the end of
 * that day (UTC); updates begun later do not exist yet.
 */
export function countedSql(periodId: string | null, states: readonly WorkflowState[], asOf: Date | null): Prisma.Sql {
  const period = periodId ? Prisma.sql`s."periodId" = ${periodId}` : Prisma.sql`TRUE`;
  // Compare the column with enum values (not column::text with text values), so that the
  // ("periodId", "workflowState") index is used.
  const inStates = Prisma.join(states.map((state) => Prisma.sql`${state}::"WorkflowState"`));
  if (!asOf) {
    return Prisma.sql`(SELECT s."proposalId", s."periodId", s.id AS "updateId", NULL::text AS "revisionId", s.version, s.status, s.assessment, s.progress,
        s.narrative, s."evidenceLinks", s."workflowState"
      FROM "StatusUpdate" s WHERE ${period} AND s."workflowState" IN (${inStates}))`;
  }
  return Prisma.sql`(SELECT s."proposalId", s."periodId", s.id AS "updateId", r.id AS "revisionId", r.version, r.status, r.assessment, r.progress,
        r.narrative, r."evidenceLinks", r."workflowState"
      FROM "StatusUpdate" s
      CROSS JOIN LATERAL (
        SELECT * FROM "StatusUpdateRevision" r
        WHERE r."statusUpdateId" = s.id AND r."createdAt" < ${asOf}
        ORDER BY r.version DESC LIMIT 1) r
      WHERE ${period} AND r."workflowState" IN (${inStates}))`;
}

export function assessmentSql(filters: Pick<ViewFilters, "assessment">, alias: "c" | "b"): Prisma.Sql {
  if (!filters.assessment.length) return Prisma.sql`TRUE`;
  return Prisma.sql`${Prisma.raw(`${alias}.assessment`)}::text IN (${Prisma.join(filters.assessment)})`;
}
