import "server-only";
import { getDb } from "@/lib/db";
import { buildDashboard, type Dashboard } from "@/lib/domain/dashboard";
import { includedStates, type IncludeOption } from "@/lib/domain/proposals";
import type { ImplementationStatus } from "@/lib/domain/vocabulary";
import { Prisma } from "@/lib/prisma-client";

/**
 * Dashboard numbers for one period, counting only the updates in the chosen workflow states (approved
 * by default): grouped queries in parallel, arithmetic in lib/domain.
 */
export async function getDashboard(periodId: string, include: IncludeOption = "approved"): Promise<Dashboard> {
  const db = getDb();
  const states = includedStates(include);
  const where = { periodId, workflowState: { in: states } };
  const [areas, statusByArea, assessments, organisations, byOrganisation] = await Promise.all([
    db.area.findMany({ select: { id: true, number: true, name: true, _count: { select: { proposals: true } } } }),
    db.$queryRaw<{ areaId: string; status: ImplementationStatus; count: number }[]>`
      SELECT p."areaId", s.status::text AS status, count(*)::int AS count
      FROM "StatusUpdate" s JOIN "Proposal" p ON p.id = s."proposalId"
      WHERE s."periodId" = ${periodId} AND s."workflowState"::text IN (${Prisma.join(states)})
      GROUP BY p."areaId", s.status`,
    db.statusUpdate.groupBy({ by: ["assessment"], where, _count: { _all: true } }),
    db.organisation.findMany({ select: { id: true, code: true, name: true } }),
    db.statusUpdate.groupBy({ by: ["organisationId"], where, _count: { _all: true } }),
  ]);
  const countByOrganisation = new Map(byOrganisation.map((row) => [row.organisationId, row._count._all]));
  return buildDashboard({
    areas: areas.map((a) => ({ id: a.id, number: a.number, name: a.name, proposalCount: a._count.proposals })),
    statusByArea,
    assessments: assessments.map((a) => ({ assessment: a.assessment, count: a._count._all })),
    organisations: organisations.map((o) => ({ ...o, updateCount: countByOrganisation.get(o.id) ?? 0 })),
  });
}
