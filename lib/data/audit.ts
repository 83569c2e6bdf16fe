import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/prisma-client";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  proposalId?: string | null;
  periodId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

function toData(entry: AuditEntry) {
  return {
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    proposalId: entry.proposalId ?? null,
    periodId: entry.periodId ?? null,
    before: entry.before ?? undefined,
    after: entry.after ?? undefined,
  };
}

/** Appends to the audit trail inside the caller's transaction, so the change and its record commit together. */
export async function appendAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: toData(entry) });
}

/**
 * Records an event that has no change to go with it (sign-ins, refused requests). Never throws: a
 * failure to record is logged, and the user's request is answered as it would have been.
 */
export async function recordAuditEvent(entry: AuditEntry): Promise<void> {
  try {
    await getDb().auditEvent.create({ data: toData(entry) });
  } catch (error) {
    console.error(JSON.stringify({ level: "error", event: "audit.write_failed", action: entry.action, error: String(error) }));
  }
}
