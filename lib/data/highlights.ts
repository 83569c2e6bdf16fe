import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/permissions";
import { canManageReports, highlightBlocker } from "@/lib/domain/report";
import { AppError } from "@/lib/errors";
import type { HighlightInput } from "@/lib/validation/reports";
import { appendAudit, recordAuditEvent } from "./audit";
import { lockPeriodForWrite } from "./periods";

/**
 * A manager marks an approved update as a highlight of the report, or takes the mark away. Under the
 * period's row lock like every write (a locked or closed period is re-checked inside the transaction);
 * the update's version must be the one the manager saw. Asking for the state it already has does nothing.
 * The mark does not change the update's version: reviews in progress are not made stale by it.
 */
export async function setHighlight(actor: Actor, input: HighlightInput, now = new Date()): Promise<{ changed: boolean }> {
  if (!canManageReports(actor)) {
    await recordAuditEvent({
      actorId: actor.id,
      action: "permission.denied",
      entityType: "StatusUpdate",
      entityId: `${input.proposalId}/${input.periodId}`,
      proposalId: input.proposalId,
      periodId: input.periodId,
      after: { attempted: input.highlight ? "highlight" : "unhighlight" },
    });
    throw new AppError("FORBIDDEN", "Only managers choose the report's highlights.");
  }
  return getDb().$transaction(async (tx) => {
    const { period } = await lockPeriodForWrite(tx, input.periodId, input.proposalId, now);
    const [update] = await tx.$queryRaw<{ id: string; version: number; workflowState: string; highlight: boolean }[]>`
      SELECT id, version, "workflowState"::text AS "workflowState", highlight FROM "StatusUpdate"
      WHERE "proposalId" = ${input.proposalId} AND "periodId" = ${input.periodId} FOR UPDATE`;
    if (!update) throw new AppError("NOT_FOUND", "There is no update to mark.");
    if (update.version !== input.expectedVersion) {
      throw new AppError("CONFLICT", "This update changed since you opened the page. Reload it, read the new text, then choose again.");
    }
    const blocker = highlightBlocker(period, update.workflowState);
    if (blocker) throw new AppError("CONFLICT", blocker);
    if (update.highlight === input.highlight) return { changed: false };
    // Raw, so that "updatedAt" keeps saying when the update's content last changed.
    await tx.$executeRaw`
      UPDATE "StatusUpdate" SET highlight = ${input.highlight}, "highlightedAt" = ${input.highlight ? now : null}, "highlightedById" = ${input.highlight ? actor.id : null}
      WHERE id = ${update.id}`;
    await appendAudit(tx, {
      actorId: actor.id,
      action: input.highlight ? "status_update.highlight" : "status_update.unhighlight",
      entityType: "StatusUpdate",
      entityId: update.id,
      proposalId: input.proposalId,
      periodId: input.periodId,
      before: { highlight: update.highlight },
      after: { highlight: input.highlight },
    });
    return { changed: true };
  });
}
