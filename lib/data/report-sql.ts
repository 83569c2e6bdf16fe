import "server-only";
import { Prisma } from "@/lib/prisma-client";
import { inPeriodSql } from "./view-sql";

// The rows of a report, as SQL. One SELECT describes a report entry from the live data (the draft); a
// publication inserts exactly that SELECT into "ReportEditionEntry", so a draft read just before
// publishing and the edition it becomes cannot differ. Reading either side goes through ENTRY_READ.

/** The entry columns, in the order of "ReportEditionEntry" (without "editionId"). */
export const ENTRY_COLUMNS = [
  "proposalNumber",
  "proposalId",
  "set",
  "areaNumber",
  "areaName",
  "title",
  "description",
  "edaInvolved",
  "status",
  "assessment",
  "progress",
  "narrative",
  "nextSteps",
  "evidenceLinks",
  "highlight",
  "authorName",
  "organisationCode",
  "approvedAt",
  "history",
] as const;

const columnList = (alias: string) => Prisma.raw(ENTRY_COLUMNS.map((c) => `${alias}."${c}"`).join(", "));

/** A period as a report needs it: its first day and its cut-off day are calendar dates (UTC). */
export type ReportPeriod = { id: string; number: number; startsOn: Date; cutOffOn: Date };

const DAY_MS = 24 * 3600 * 1000;

/**
 * Every proposal of the period with its approved update (if any), its catalogue text as it stood at the
 * end of the period's cut-off day, and its approved status in every period up to this one (oldest first)
 * for the annex.
 * - Wording: title, description, set, EDA flag and area are those of the proposal's latest
 *   "ProposalVersion" valid before the end of the cut-off day (validFrom < cutOffOn + 1 day), so a report
 *   of an earlier period keeps the wording it had; when no version was valid yet, its first version;
 *   without any version, the live row. The area's number follows that version's area; the area's name
 *   is today's (areas have no history of their own, only audit events).
 * - Proposals retired before the period began are not in it (inPeriodSql, the dashboard's rule).
 */
export function liveEntriesSql(period: ReportPeriod): Prisma.Sql {
  const endOfCutOff = new Date(period.cutOffOn.getTime() + DAY_MS);
  // The version lookup orders the proposal's few versions: valid ones first, newest first; else the oldest.
  return Prisma.sql`(
    SELECT p.number AS "proposalNumber", p.id AS "proposalId", coalesce(w.set, p.set) AS set, a.number AS "areaNumber", a.name AS "areaName",
           coalesce(w.title, p.title) AS title, coalesce(w.description, p.description) AS description,
           coalesce(w."edaInvolved", p."edaInvolved") AS "edaInvolved",
           s.status, s.assessment, s.progress,
           coalesce(s.narrative, '') AS narrative, coalesce(s."nextSteps", '') AS "nextSteps",
           coalesce(s."evidenceLinks", '[]'::jsonb) AS "evidenceLinks", coalesce(s.highlight, false) AS highlight,
           u.name AS "authorName", o.code AS "organisationCode", s."reviewedAt" AS "approvedAt",
           (SELECT coalesce(jsonb_agg(h.status ORDER BY rp.number), '[]'::jsonb)
              FROM "ReportingPeriod" rp
              LEFT JOIN "StatusUpdate" h ON h."periodId" = rp.id AND h."proposalId" = p.id AND h."workflowState" = 'APPROVED'
              WHERE rp.number <= ${period.number}) AS history
    FROM "Proposal" p
    LEFT JOIN LATERAL (
      SELECT v.set, v."areaId", v.title, v.description, v."edaInvolved"
      FROM "ProposalVersion" v
      WHERE v."proposalId" = p.id
      ORDER BY v."validFrom" < ${endOfCutOff} DESC, CASE WHEN v."validFrom" < ${endOfCutOff} THEN v.version ELSE -v.version END DESC
      LIMIT 1) w ON TRUE
    JOIN "Area" a ON a.id = coalesce(w."areaId", p."areaId")
    LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = ${period.id} AND s."workflowState" = 'APPROVED'
    LEFT JOIN "User" u ON u.id = s."authorId"
    LEFT JOIN "Organisation" o ON o.id = s."organisationId"
    WHERE ${inPeriodSql(period)})`;
}

/** The frozen entries of an edition, with the same columns. */
export function editionEntriesSql(editionId: string): Prisma.Sql {
  return Prisma.sql`(SELECT ${columnList("x")} FROM "ReportEditionEntry" x WHERE x."editionId" = ${editionId})`;
}

/** Copies the live entries into an edition, inside the publishing transaction. */
export function insertEditionEntriesSql(editionId: string, period: ReportPeriod): Prisma.Sql {
  const names = Prisma.raw(ENTRY_COLUMNS.map((c) => `"${c}"`).join(", "));
  return Prisma.sql`
    INSERT INTO "ReportEditionEntry" ("editionId", ${names})
    SELECT ${editionId}, ${columnList("e")} FROM ${liveEntriesSql(period)} e`;
}

/**
 * SHA-256 (hex) over the entries in number order, each as a JSON array of its columns: computed the same
 * way over the live SELECT (when publishing) and over the stored rows (when checking an edition).
 */
export function entriesDigestSql(entries: Prisma.Sql): Prisma.Sql {
  const values = Prisma.raw(ENTRY_COLUMNS.map((c) => `e."${c}"`).join(", "));
  return Prisma.sql`
    SELECT encode(sha256(convert_to(coalesce(string_agg(jsonb_build_array(${values})::text, E'\\n' ORDER BY e."proposalNumber"), ''), 'UTF8')), 'hex') AS digest,
           count(*)::int AS count
    FROM ${entries} e`;
}

/** Entry rows as the app reads them (enums as text), for one page of `limit` after the keyset `after`. */
export function entryPageSql(entries: Prisma.Sql, order: "area" | "number", after: { areaNumber: number; number: number } | null, limit: number): Prisma.Sql {
  const keyset =
    after === null
      ? Prisma.sql`TRUE`
      : order === "area"
        ? Prisma.sql`(e."areaNumber", e."proposalNumber") > (${after.areaNumber}, ${after.number})`
        : Prisma.sql`e."proposalNumber" > ${after.number}`;
  const orderBy = order === "area" ? Prisma.sql`e."areaNumber", e."proposalNumber"` : Prisma.sql`e."proposalNumber"`;
  return Prisma.sql`
    SELECT e."proposalNumber", e."proposalId", e.set::text AS set, e."areaNumber", e."areaName", e.title, e.description, e."edaInvolved",
           e.status::text AS status, e.assessment::text AS assessment, e.progress, e.narrative, e."nextSteps", e."evidenceLinks",
           e.highlight, e."authorName", e."organisationCode", e."approvedAt", e.history
    FROM ${entries} e
    WHERE ${keyset}
    ORDER BY ${orderBy}
    LIMIT ${limit}`;
}
