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
 * `count` proposals with no update in the open period, starting at `index` of that list as it is now. The
 * journeys of a lane run one at a time, so a test that writes to its proposals removes them from the list
 * for the tests after it: index 0 is always free. A test that takes proposals in several steps (or leaves
 * some untouched for a later test of the same file) uses a higher index for the later ones. With
 * `withEarlierUpdate`, only proposals that have an update in an earlier period (the baseline of the
 * rationale rule) are counted.
 */
export async function freshProposals(index: number, count = 1, options: { withEarlierUpdate?: boolean } = {}): Promise<ProposalInfo[]> {
  let candidates = await proposalsWithoutOpenUpdate(testDb());
  if (options.withEarlierUpdate) {
    const withHistory = await testDb().statusUpdate.findMany({
      where: { proposalId: { in: candidates } },
      select: { proposalId: true },
      distinct: ["proposalId"],
    });
    const keep = new Set(withHistory.map((r) => r.proposalId));
    candidates = candidates.filter((id) => keep.has(id));
  }
  const ids = candidates.slice(index, index + count);
  if (ids.length < count) throw new Error(`Not enough proposals without an update in the open period (wanted ${index}+${count})`);
  const rows = await testDb().proposal.findMany({
    where: { id: { in: ids } },
    select: { id: true, number: true, title: true, area: { select: { id: true, name: true } } },
    orderBy: { number: "asc" },
  });
  return rows.map((p) => ({ id: p.id, number: p.number, code: proposalCode(p.number), title: p.title, areaId: p.area.id, areaName: p.area.name }));
}

export async function freshProposal(index: number, options: { withEarlierUpdate?: boolean } = {}): Promise<ProposalInfo> {
  return (await freshProposals(index, 1, options))[0]!;
}

/** A user of the given role; staff are focal point of the given proposals. Password: `user.password`. */
export async function newUser(role: Role, options: { focalPointOf?: string[]; organisationId?: "nato" | "eu" } = {}): Promise<CreatedUser> {
  return createUser(testDb(), { role, ...options });
}

export async function openPeriodId(): Promise<string> {
  return getOpenPeriodId(testDb());
}

/**
 * The period the cycle is about, as the app picks it: the open one, else the latest locked one (a test
 * may lock the open period for a while).
 */
export async function currentPeriodId(): Promise<string> {
  const period =
    (await testDb().reportingPeriod.findFirst({ where: { state: "OPEN" }, select: { id: true } })) ??
    (await testDb().reportingPeriod.findFirstOrThrow({ where: { state: "LOCKED" }, orderBy: { number: "desc" }, select: { id: true } }));
  return period.id;
}

/** The update of a proposal in the current (open, or locked) period, or null. */
export async function openUpdateOf(proposalId: string) {
  return testDb().statusUpdate.findUnique({
    where: { proposalId_periodId: { proposalId, periodId: await currentPeriodId() } },
    select: {
      id: true,
      status: true,
      assessment: true,
      progress: true,
      narrative: true,
      nextSteps: true,
      evidenceLinks: true,
      rationale: true,
      warnings: true,
      workflowState: true,
      returnNote: true,
      authorId: true,
      organisationId: true,
      version: true,
    },
  });
}

/** The latest update of a proposal in a period before the open one: what the rationale rule compares with. */
export async function earlierUpdateOf(proposalId: string) {
  const open = await testDb().reportingPeriod.findUniqueOrThrow({ where: { id: await currentPeriodId() }, select: { number: true } });
  return testDb().statusUpdate.findFirstOrThrow({
    where: { proposalId, period: { number: { lt: open.number } } },
    orderBy: { period: { number: "desc" } },
    select: { status: true, assessment: true, period: { select: { name: true } } },
  });
}

export type WorkflowState = "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED";

/** Updates in a period, all of them or only those in the given review states (the dashboard's "Count"). */
export async function updateCountInPeriod(periodId: string, states?: WorkflowState[]): Promise<number> {
  return testDb().statusUpdate.count({ where: { periodId, ...(states ? { workflowState: { in: states } } : {}) } });
}

/**
 * An update of the proposal in the current (open, or locked) period, written straight to the database
 * with its first revision (as the app writes it), for tests that need one in a given review state.
 */
export async function createOpenUpdate(
  proposalId: string,
  author: { id: string; organisationId: string },
  values: {
    workflowState: WorkflowState;
    narrative?: string;
    returnNote?: string;
    status?: "IN_PROGRESS" | "ONGOING" | "STALLED";
    rationale?: string;
    nextSteps?: string;
  },
) {
  const data = {
    status: values.status ?? ("IN_PROGRESS" as const),
    assessment: "ON_TRACK" as const,
    progress: 25,
    narrative: values.narrative ?? `Staff talks continued (${proposalId}).`,
    nextSteps: values.nextSteps ?? "",
    evidenceLinks: [],
    rationale: values.rationale ?? "",
    workflowState: values.workflowState,
    returnNote: values.returnNote ?? null,
    authorId: author.id,
    organisationId: author.organisationId,
  };
  const periodId = await currentPeriodId();
  return testDb().statusUpdate.create({
    data: {
      ...data,
      proposalId,
      periodId,
      submittedAt: values.workflowState === "DRAFT" ? null : new Date(),
      revisions: { create: { ...data, version: 1 } },
    },
    select: { id: true, version: true },
  });
}

export async function totalProposals(): Promise<number> {
  return testDb().proposal.count();
}
