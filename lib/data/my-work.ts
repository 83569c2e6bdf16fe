import "server-only";
import { getDb } from "@/lib/db";
import { canEditProposal, type Actor } from "@/lib/domain/permissions";
import type { MyWorkRow } from "@/lib/domain/my-work";
import type { PeriodSummary } from "./periods";
import { inPeriodSql } from "./view-sql";

type Row = Omit<MyWorkRow, "writable"> & { reopened: boolean };

/**
 * Everything one person has in the period, uncapped and in one query: the proposals they follow (those
 * of the period: lib/domain/catalogue.ts, isInPeriod) with their update if any, and the updates they
 * wrote for proposals they no longer follow. Whether each can be written now follows the workflow rules:
 * an open period, or a reopening of that proposal in a locked one, and a focal point (or a manager).
 */
export async function getMyWorkRows(user: Actor, period: PeriodSummary, now = new Date()): Promise<MyWorkRow[]> {
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT p.id AS "proposalId", p.number, p.title, a.name AS "areaName",
           s."workflowState"::text AS "workflowState", s.status::text AS status, s.assessment::text AS assessment,
           s.progress, s."returnNote", s."updatedAt",
           EXISTS (SELECT 1 FROM "FocalPoint" f WHERE f."proposalId" = p.id AND f."userId" = ${user.id}) AS follows,
           EXISTS (SELECT 1 FROM "PeriodReopening" r WHERE r."proposalId" = p.id AND r."periodId" = ${period.id} AND r."expiresAt" > ${now}) AS reopened
    FROM "Proposal" p
    JOIN "Area" a ON a.id = p."areaId"
    LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = ${period.id}
    WHERE ${inPeriodSql(period)}
      AND (EXISTS (SELECT 1 FROM "FocalPoint" f WHERE f."proposalId" = p.id AND f."userId" = ${user.id}) OR s."authorId" = ${user.id})
    ORDER BY p.number`;
  return rows.map(({ reopened, ...row }) => {
    const periodWritable = period.state === "OPEN" || (period.state === "LOCKED" && reopened);
    return { ...row, writable: periodWritable && canEditProposal(user, { focalPointUserIds: row.follows ? [user.id] : [] }) };
  });
}
