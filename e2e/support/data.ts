// Test data for the journeys: proposals a test may write to, and what PostgreSQL holds for the open
// period, to compare the page with the database.
import { createUser, getOpenPeriodId, proposalsWithoutOpenUpdate, type CreatedUser } from "@/prisma/factories";
import type { Role } from "@/lib/domain/vocabulary";
import { testDb } from "./db";

export type ProposalInfo = { id: string; number: number; code: string; title: string; areaId: string; areaName: string };

export function proposalCode(number: number): string {
  return `P${String(number).padStart(2, "0")}`;
}

/**
 * `count` proposals with no update in the open period, starting at `index` of that list. Each spec takes
 * its own index (record-update 0, manager-dashboard 1, proposals-list-csv 2, access-control 3-4,
 * accessibility 5) so that no two journeys write to the same proposal.
 */
export async function freshProposals(index: number, count = 1): Promise<ProposalInfo[]> {
  const ids = (await proposalsWithoutOpenUpdate(testDb())).slice(index, index + count);
  if (ids.length < count) throw new Error(`Not enough proposals without an update in the open period (wanted ${index}+${count})`);
  const rows = await testDb().proposal.findMany({
    where: { id: { in: ids } },
    select: { id: true, number: true, title: true, area: { select: { id: true, name: true } } },
    orderBy: { number: "asc" },
  });
  return rows.map((p) => ({ id: p.id, number: p.number, code: proposalCode(p.number), title: p.title, areaId: p.area.id, areaName: p.area.name }));
}

export async function freshProposal(index: number): Promise<ProposalInfo> {
  return (await freshProposals(index, 1))[0]!;
}

/** A user of the given role; staff are focal point of the given proposals. Password: `user.password`. */
export async function newUser(role: Role, options: { focalPointOf?: string[]; organisationId?: "nato" | "eu" } = {}): Promise<CreatedUser> {
  return createUser(testDb(), { role, ...options });
}

export async function openPeriodId(): Promise<string> {
  return getOpenPeriodId(testDb());
}

/** The update of a proposal in the open period, or null. */
export async function openUpdateOf(proposalId: string) {
  return testDb().statusUpdate.findUnique({
    where: { proposalId_periodId: { proposalId, periodId: await openPeriodId() } },
    select: { id: true, status: true, assessment: true, progress: true, narrative: true, nextSteps: true, evidenceLinks: true, authorId: true, organisationId: true, version: true },
  });
}

export async function updateCountInPeriod(periodId: string): Promise<number> {
  return testDb().statusUpdate.count({ where: { periodId } });
}

export async function totalProposals(): Promise<number> {
  return testDb().proposal.count();
}
