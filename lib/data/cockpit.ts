import "server-only";
import { getDb } from "@/lib/db";
import { isInPeriod } from "@/lib/domain/catalogue";
import { buildCockpit, type Cockpit } from "@/lib/domain/cockpit";
import { focalPointsSelect, toFocalPointRefs } from "./status-update-dto";

/**
 * The cockpit of one period: three queries in parallel (the period's first day and state, the proposals
 * with this period's update, and the status history). Proposals outside the period (their set endorsed
 * after its cut-off, or retired before it began) are not in it.
 */
export async function getCockpit(period: { id: string; number: number; cutOffOn: Date; dueOn: Date }, now = new Date()): Promise<Cockpit> {
  const db = getDb();
  const [{ startsOn, state }, all, history] = await Promise.all([
    db.reportingPeriod.findUniqueOrThrow({ where: { id: period.id }, select: { startsOn: true, state: true } }),
    db.proposal.findMany({
      select: {
        id: true,
        number: true,
        title: true,
        set: true,
        retiredAt: true,
        area: { select: { id: true, name: true, number: true } },
        focalPoints: focalPointsSelect,
        statusUpdates: {
          where: { periodId: period.id },
          select: { workflowState: true, updatedAt: true, returnNote: true, author: { select: { name: true } } },
        },
      },
      orderBy: { number: "asc" },
    }),
    db.statusUpdate.findMany({
      where: { period: { number: { lte: period.number } } },
      select: { proposalId: true, status: true },
      orderBy: [{ proposalId: "asc" }, { period: { number: "asc" } }],
    }),
  ]);
  const proposals = all.filter((p) => isInPeriod(p, { startsOn, cutOffOn: period.cutOffOn }));
  const statuses = new Map<string, (typeof history)[number]["status"][]>();
  for (const row of history) {
    const list = statuses.get(row.proposalId) ?? [];
    list.push(row.status);
    statuses.set(row.proposalId, list);
  }
  return buildCockpit(
    proposals.map((p) => {
      const u = p.statusUpdates[0];
      return {
        id: p.id,
        number: p.number,
        title: p.title,
        areaId: p.area.id,
        areaName: p.area.name,
        areaNumber: p.area.number,
        focalPoints: toFocalPointRefs(p.focalPoints),
        update: u ? { workflowState: u.workflowState, authorName: u.author.name, updatedAt: u.updatedAt, returnNote: u.returnNote } : null,
        statusHistory: statuses.get(p.id) ?? [],
      };
    }),
    { ...period, closed: state === "CLOSED" },
    now,
  );
}
