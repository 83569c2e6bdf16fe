import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/prisma-client";
import type { AuditFilters } from "@/lib/validation/audit-filters";

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: string;
  at: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
  proposalId: string | null;
  periodId: string | null;
  before: unknown;
  after: unknown;
};

function where(filters: AuditFilters): Prisma.AuditEventWhereInput {
  return {
    ...(filters.user ? { actorId: filters.user } : {}),
    ...(filters.proposal ? { proposalId: filters.proposal } : {}),
    ...(filters.period ? { periodId: filters.period } : {}),
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.from || filters.to
      ? { at: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lt: new Date(filters.to.getTime() + 24 * 3600 * 1000) } : {}) } }
      : {}),
    ...(filters.before ? { id: { lt: BigInt(filters.before) } } : {}),
  };
}

/** Newest first, one page at a time (keyset on the id, so deep pages stay fast). */
export async function listAuditEvents(filters: AuditFilters): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
  const rows = await getDb().auditEvent.findMany({
    where: where(filters),
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      proposalId: true,
      periodId: true,
      before: true,
      after: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    rows: page.map((r) => ({ ...r, id: r.id.toString(), actorName: r.actor?.name ?? null, actorEmail: r.actor?.email ?? null })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id.toString() : null,
  };
}

export async function listAuditActions(): Promise<string[]> {
  const rows = await getDb().auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}

export async function listUsersForFilter() {
  return getDb().user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
}
