import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/permissions";
import type { ReviewQueueFilters, ReviewQueueItem } from "@/lib/domain/review-queue";

type Row = Omit<ReviewQueueItem, "own"> & { areaId: string; lastEditorId: string | null };

/**
 * Every update awaiting review in the period, in proposal-number order, in one query: with its author,
 * organisation and who last changed it (a manager approves only what someone else wrote). `items` is
 * the part the filters select; `authors` come from the whole queue (the filter's choices).
 */
export async function getReviewQueue(
  viewer: Actor,
  periodId: string,
  filters: ReviewQueueFilters,
): Promise<{ items: ReviewQueueItem[]; authors: { id: string; name: string }[] }> {
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT p.id AS "proposalId", p.number, p.title, a.id AS "areaId", a.name AS "areaName", s."authorId", u.name AS "authorName",
           o.code AS "organisationCode", s."updatedAt",
           (SELECT r."authorId" FROM "StatusUpdateRevision" r WHERE r."statusUpdateId" = s.id ORDER BY r.version DESC LIMIT 1) AS "lastEditorId"
    FROM "StatusUpdate" s
    JOIN "Proposal" p ON p.id = s."proposalId"
    JOIN "Area" a ON a.id = p."areaId"
    JOIN "User" u ON u.id = s."authorId"
    JOIN "Organisation" o ON o.id = s."organisationId"
    WHERE s."periodId" = ${periodId} AND s."workflowState" = 'SUBMITTED'
    ORDER BY p.number`;
  const all = rows.map(({ areaId, lastEditorId, ...row }) => ({
    ...row,
    areaId,
    own: row.authorId === viewer.id || lastEditorId === viewer.id,
  }));
  const items = all.filter(
    (i) =>
      (filters.area.length === 0 || filters.area.includes(i.areaId)) &&
      (filters.org.length === 0 || filters.org.includes(i.organisationCode)) &&
      (filters.author.length === 0 || filters.author.includes(i.authorId)),
  );
  const authors = [...new Map(all.map((i) => [i.authorId, i.authorName])).entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const strip = ({ areaId: _areaId, ...item }: (typeof all)[number]): ReviewQueueItem => item;
  return { items: items.map(strip), authors };
}
