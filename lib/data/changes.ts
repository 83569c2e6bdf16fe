import "server-only";
import { getDb } from "@/lib/db";
import { endOfAsOfDay } from "@/lib/domain/as-of";
import { AT_RISK_ASSESSMENTS, type StatusKey } from "@/lib/domain/dashboard";
import { buildChanges, summariseMoves, type ChangeRow, type Changes, type ChangeSummary } from "@/lib/domain/changes";
import { includedStates, type IncludeOption } from "@/lib/domain/proposals";
import { Prisma } from "@/lib/prisma-client";
import { assessmentSql, countedSql, scopeSql, type ViewFilters } from "./view-sql";

export type ChangesQuery = ViewFilters & { include: IncludeOption; fromPeriodId: string; toPeriodId: string };

/**
 * One row per proposal in view that has a counted update in either period: its statuses and assessments
 * in both, whether the narrative was edited, and how many evidence links (by address) are new. The
 * assessment filter applies to the later period.
 */
function changeRowsSql(q: ChangesQuery): Prisma.Sql {
  const asOf = q.asOf ? endOfAsOfDay(q.asOf) : null;
  const states = includedStates(q.include);
  const risky = Prisma.join([...AT_RISK_ASSESSMENTS]);
  // Proposals in view in both periods: one retired before the later period began, or whose set was
  // endorsed after the earlier period's cut-off, is left out rather than shown as moving to or from
  // "No update" (in both = retirement checked against the later start, endorsement against the earlier cut-off).
  const both = Prisma.sql`(SELECT rp.id FROM "ReportingPeriod" rp WHERE rp.id IN (${q.fromPeriodId}, ${q.toPeriodId}))`;
  const inBoth = {
    startsOn: Prisma.sql`(SELECT max(rp."startsOn") FROM "ReportingPeriod" rp WHERE rp.id IN ${both})`,
    cutOffOn: Prisma.sql`(SELECT min(rp."cutOffOn") FROM "ReportingPeriod" rp WHERE rp.id IN ${both})`,
  };
  return Prisma.sql`
    SELECT p.id AS "proposalId", p.number, p.title, ar.name AS "areaName",
           a.status::text AS "fromStatus", b.status::text AS "toStatus",
           a.assessment::text AS "fromAssessment", b.assessment::text AS "toAssessment",
           (a."proposalId" IS NOT NULL AND b."proposalId" IS NOT NULL AND a.narrative <> b.narrative) AS "narrativeEdited",
           CASE WHEN a.narrative <> b.narrative THEN a.narrative END AS "fromNarrative",
           CASE WHEN a.narrative <> b.narrative THEN b.narrative END AS "toNarrative",
           CASE WHEN b."proposalId" IS NULL OR jsonb_array_length(b."evidenceLinks") = 0 THEN 0 ELSE (
             SELECT count(*)::int FROM jsonb_array_elements(b."evidenceLinks") e
             WHERE NOT (COALESCE(a."evidenceLinks", '[]'::jsonb) @> jsonb_build_array(jsonb_build_object('url', e->'url')))
           ) END AS "newEvidence",
           (b.assessment::text IN (${risky}) AND (a."proposalId" IS NULL OR a.assessment::text NOT IN (${risky}))) AS "newlyAtRisk"
    FROM "Proposal" p
    JOIN "Area" ar ON ar.id = p."areaId"
    LEFT JOIN ${countedSql(q.fromPeriodId, states, asOf)} a ON a."proposalId" = p.id
    LEFT JOIN ${countedSql(q.toPeriodId, states, asOf)} b ON b."proposalId" = p.id
    WHERE ${scopeSql(q, inBoth)} AND (a."proposalId" IS NOT NULL OR b."proposalId" IS NOT NULL)
      AND ${assessmentSql(q, "b")}`;
}

/** Every change between the two periods, proposal by proposal (the "What changed" page). */
export async function getChanges(q: ChangesQuery): Promise<Changes> {
  const rows = await getDb().$queryRaw<(ChangeRow & { newlyAtRisk: boolean })[]>`${changeRowsSql(q)}`;
  return buildChanges(rows);
}

/** The same changes counted in SQL, grouped by move (the dashboard's summary). */
export async function getChangeSummary(q: ChangesQuery): Promise<ChangeSummary> {
  const groups = await getDb().$queryRaw<
    { from: StatusKey; to: StatusKey; count: number; narrativesEdited: number; withNewEvidence: number; newEvidenceLinks: number; newlyAtRisk: number }[]
  >`
    SELECT COALESCE(x."fromStatus", 'NO_UPDATE') AS "from", COALESCE(x."toStatus", 'NO_UPDATE') AS "to", count(*)::int AS count,
           count(*) FILTER (WHERE x."narrativeEdited")::int AS "narrativesEdited",
           count(*) FILTER (WHERE x."newEvidence" > 0)::int AS "withNewEvidence",
           COALESCE(sum(x."newEvidence"), 0)::int AS "newEvidenceLinks",
           count(*) FILTER (WHERE x."newlyAtRisk")::int AS "newlyAtRisk"
    FROM (${changeRowsSql(q)}) x
    GROUP BY 1, 2`;
  return summariseMoves(groups);
}
