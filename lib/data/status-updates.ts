import "server-only";
import { getDb } from "@/lib/db";
import { canEditProposal, type Actor } from "@/lib/domain/permissions";
import type { CurrentUpdate } from "@/lib/domain/proposals";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/prisma-client";
import type { StatusUpdateInput } from "@/lib/validation/status-update";
import { appendAudit } from "./audit";
import { currentUpdateSelect, toCurrentUpdate } from "./status-update-dto";

const AUDITED_FIELDS = ["status", "assessment", "progress", "narrative", "nextSteps", "evidenceLinks"] as const;

type Snapshot = Pick<StatusUpdateInput, (typeof AUDITED_FIELDS)[number]>;

function snapshot(values: Snapshot): Snapshot {
  return Object.fromEntries(AUDITED_FIELDS.map((field) => [field, values[field]])) as Snapshot;
}

export type ConflictDetails = { current: CurrentUpdate };

/** Loads what the permission check needs; NOT_FOUND for an unknown proposal or period. */
async function loadTarget(proposalId: string, periodId: string) {
  const db = getDb();
  const [proposal, period] = await Promise.all([
    db.proposal.findUnique({ where: { id: proposalId }, select: { id: true, focalPoints: { select: { userId: true } } } }),
    db.reportingPeriod.findUnique({ where: { id: periodId }, select: { id: true, state: true, name: true } }),
  ]);
  if (!proposal) throw new AppError("NOT_FOUND", "This proposal does not exist.");
  if (!period) throw new AppError("NOT_FOUND", "This reporting period does not exist.");
  return { proposal: { id: proposal.id, focalPointUserIds: proposal.focalPoints.map((fp) => fp.userId) }, period };
}

async function conflict(proposalId: string, periodId: string, message: string): Promise<never> {
  const current = await getDb().statusUpdate.findUnique({
    where: { proposalId_periodId: { proposalId, periodId } },
    select: currentUpdateSelect,
  });
  throw new AppError("CONFLICT", message, current ? { current: toCurrentUpdate(current) } : undefined);
}

/**
 * Records the status of a proposal for a period. Authorizes the actor, refuses closed periods and stale
 * versions, and writes the update, its revision and the audit event in one transaction.
 * Returns the new version.
 */
export async function recordStatusUpdate(actor: Actor, input: StatusUpdateInput): Promise<{ id: string; version: number }> {
  const { proposal, period } = await loadTarget(input.proposalId, input.periodId);
  if (!canEditProposal(actor, proposal)) {
    throw new AppError("FORBIDDEN", "You can record updates only for proposals where you are a focal point.");
  }
  if (period.state !== "OPEN") {
    throw new AppError("PERIOD_CLOSED", `${period.name} is not open for updates.`);
  }

  const values = snapshot(input);
  try {
    return await getDb().$transaction(async (tx) => {
      // Lock the row (if any) so that concurrent saves of the same update queue behind each other.
      const locked = await tx.$queryRaw<(Snapshot & { id: string; version: number })[]>`
        SELECT id, version, status::text AS status, assessment::text AS assessment, progress, narrative,
               "nextSteps", "evidenceLinks"
        FROM "StatusUpdate"
        WHERE "proposalId" = ${input.proposalId} AND "periodId" = ${input.periodId}
        FOR UPDATE`;
      const existing = locked[0];
      const currentVersion = existing?.version ?? 0;
      if (currentVersion !== input.expectedVersion) throw new StaleVersion();

      const data = { ...values, authorId: actor.id, organisationId: actor.organisationId };
      let saved: { id: string; version: number };
      if (existing) {
        saved = await tx.statusUpdate.update({
          where: { id: existing.id },
          data: { ...data, version: { increment: 1 } },
          select: { id: true, version: true },
        });
      } else {
        saved = await tx.statusUpdate.create({
          data: { ...data, proposalId: input.proposalId, periodId: input.periodId },
          select: { id: true, version: true },
        });
      }
      await tx.statusUpdateRevision.create({ data: { ...data, statusUpdateId: saved.id, version: saved.version } });
      await appendAudit(tx, {
        actorId: actor.id,
        action: existing ? "status_update.update" : "status_update.create",
        entityType: "StatusUpdate",
        entityId: saved.id,
        before: existing ? { ...snapshot(existing), version: currentVersion } : null,
        after: { ...values, version: saved.version, proposalId: input.proposalId, periodId: input.periodId },
      });
      return saved;
    });
  } catch (error) {
    const isDuplicate = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
    if (error instanceof StaleVersion || isDuplicate) {
      return conflict(
        input.proposalId,
        input.periodId,
        "Someone else saved this update while you were editing. Your text is kept below: compare it with the saved version, then save again.",
      );
    }
    throw error;
  }
}

class StaleVersion extends Error {}
