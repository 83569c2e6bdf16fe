import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/prisma-client";
import { setsEndorsedBy, type PeriodSpan } from "@/lib/domain/catalogue";
import { includedStates, type IncludeOption, type ProposalRow } from "@/lib/domain/proposals";
import { canRecordUpdates, canReviewUpdates, type Actor } from "@/lib/domain/permissions";
import type { PeriodState } from "@/lib/domain/vocabulary";
import type { WorkflowState } from "@/lib/domain/workflow";
import type { ProposalFilters } from "@/lib/validation/proposal-filters";
import { endOfAsOfDay } from "@/lib/domain/as-of";
import { currentUpdateSelect, focalPointsSelect, toCurrentUpdate, toFocalPointRefs, versionSelect } from "./status-update-dto";
import { countedSql } from "./view-sql";

/** A proposal's own columns in a list row (its update is selected apart: current, or as of a date). */
const proposalRowSelect = {
  id: true,
  number: true,
  set: true,
  title: true,
  area: { select: { id: true, number: true, name: true } },
  focalPoints: focalPointsSelect,
} satisfies Prisma.ProposalSelect;

function rowSelect(periodId: string | null, include: IncludeOption) {
  return {
    ...proposalRowSelect,
    statusUpdates: { where: updateWhere(periodId, include), select: currentUpdateSelect, take: 1 },
  } satisfies Prisma.ProposalSelect;
}

type SelectedRow = Prisma.ProposalGetPayload<{ select: ReturnType<typeof rowSelect> }>;

/** The update of the period that counts for a view (by workflow state). */
function updateWhere(periodId: string | null, include: IncludeOption): Prisma.StatusUpdateWhereInput {
  return { periodId: periodId ?? "", workflowState: { in: includedStates(include) } };
}

function toRow(p: SelectedRow): ProposalRow {
  const update = p.statusUpdates[0];
  return {
    id: p.id,
    number: p.number,
    set: p.set,
    areaId: p.area.id,
    areaNumber: p.area.number,
    areaName: p.area.name,
    title: p.title,
    focalPoints: toFocalPointRefs(p.focalPoints),
    update: update ? toCurrentUpdate(update) : null,
  };
}

/** Prisma's `contains` becomes ILIKE '%…%' without escaping: make %, _ and \ match themselves. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The proposals of a period (lib/domain/catalogue.ts, isInPeriod; inPeriodSql in view-sql.ts): those of
 * the sets endorsed by its cut-off, less those retired before it began (a proposal retired at R is out of
 * every period that starts on or after R). Without a period, the catalogue as it is now.
 */
function inPeriodWhere(span: PeriodSpan | null): Prisma.ProposalWhereInput {
  if (!span) return { retiredAt: null };
  return { set: { in: setsEndorsedBy(span.cutOffOn) }, OR: [{ retiredAt: null }, { retiredAt: { gt: span.startsOn } }] };
}

type ListPeriod = PeriodSpan & { state: PeriodState };

/** A period's first day, cut-off and state (null for no period, or an unknown one). */
async function periodSpan(periodId: string | null): Promise<ListPeriod | null> {
  if (!periodId) return null;
  return getDb().reportingPeriod.findUnique({ where: { id: periodId }, select: { startsOn: true, cutOffOn: true, state: true } });
}

/**
 * The person's own filters: the proposals they follow, and what needs their action in the period, by
 * the rules of "My work" and the bell (lib/data/notifications.ts): returned updates they wrote or follow;
 * while the period is open, the proposals they follow with no update or a draft; for managers, updates
 * awaiting review that they did not write. Without a viewer (or a period) these filters match nothing.
 */
function viewerWhere(filters: ProposalFilters, periodId: string | null, period: ListPeriod | null, viewer: Actor | null): Prisma.ProposalWhereInput[] {
  const and: Prisma.ProposalWhereInput[] = [];
  const none = { id: { in: [] } };
  if (filters.mine) and.push(viewer ? { focalPoints: { some: { userId: viewer.id } } } : none);
  if (filters.action) {
    if (!viewer || !periodId || !period) return [...and, none];
    const follows = { focalPoints: { some: { userId: viewer.id } } };
    const or: Prisma.ProposalWhereInput[] = [
      { statusUpdates: { some: { periodId, workflowState: "RETURNED", authorId: viewer.id } } },
      { ...follows, statusUpdates: { some: { periodId, workflowState: "RETURNED" } } },
    ];
    if (period.state === "OPEN" && canRecordUpdates(viewer)) {
      or.push({ ...follows, statusUpdates: { none: { periodId, workflowState: { in: ["SUBMITTED", "APPROVED", "RETURNED"] } } } });
    }
    // Not the updates they wrote or corrected while submitted: another manager approves those (four eyes).
    const ownRevisions = { revisions: { none: { authorId: viewer.id, workflowState: "SUBMITTED" as const } } };
    if (canReviewUpdates(viewer)) or.push({ statusUpdates: { some: { periodId, workflowState: "SUBMITTED", authorId: { not: viewer.id }, ...ownRevisions } } });
    and.push({ OR: or });
  }
  if (filters.state.length) {
    const states = filters.state.filter((s) => s !== "NONE") as WorkflowState[];
    const or: Prisma.ProposalWhereInput[] = [];
    if (states.length) or.push({ statusUpdates: { some: { periodId: periodId ?? "", workflowState: { in: states } } } });
    if (filters.state.includes("NONE")) or.push({ statusUpdates: { none: { periodId: periodId ?? "" } } });
    and.push({ OR: or });
  }
  return and;
}

/**
 * SQL conditions for the list filters; status and assessment refer to the given period's update, of
 * `span` (the proposals outside it are left out: see inPeriodWhere).
 */
export function proposalWhere(
  filters: ProposalFilters,
  periodId: string | null,
  span: ListPeriod | null,
  viewer: Actor | null = null,
): Prisma.ProposalWhereInput {
  const and: Prisma.ProposalWhereInput[] = [inPeriodWhere(span), ...viewerWhere(filters, periodId, span, viewer)];
  if (filters.q) {
    const q = likeLiteral(filters.q);
    const code = /^p?(\d{1,4})$/i.exec(filters.q);
    and.push({
      OR: [
        { title: { contains: q, mode: "insensitive" } },
        { description: { contains: q, mode: "insensitive" } },
        { area: { name: { contains: q, mode: "insensitive" } } },
        ...(code ? [{ number: Number(code[1]) }] : []),
      ],
    });
  }
  if (filters.area.length) and.push({ areaId: { in: filters.area } });
  if (filters.org.length) and.push({ focalPoints: { some: { user: { organisation: { code: { in: filters.org } } } } } });
  const counted = updateWhere(periodId, filters.include);
  if (filters.status.length) {
    const statuses = filters.status.filter((s) => s !== "NO_UPDATE");
    const or: Prisma.ProposalWhereInput[] = [];
    if (statuses.length) or.push({ statusUpdates: { some: { ...counted, status: { in: statuses } } } });
    if (filters.status.includes("NO_UPDATE")) or.push({ statusUpdates: { none: counted } });
    and.push({ OR: or });
  }
  if (filters.assessment.length) and.push({ statusUpdates: { some: { ...counted, assessment: { in: filters.assessment } } } });
  return { AND: and };
}

/** One page of a list: `take` rows after `skip`; all rows when omitted (the CSV export). */
export type Page = { skip: number; take: number };

/**
 * Proposals matching the filters, in number order, each with its update for the period. `viewer` is the
 * signed-in person the "mine" and "needs my action" filters refer to.
 */
export async function listProposals(filters: ProposalFilters, periodId: string | null, options: { page?: Page; viewer?: Actor } = {}): Promise<ProposalRow[]> {
  return (await queryProposals(filters, periodId, options.page, false, options.viewer ?? null)).rows;
}

/** One page of the matching proposals and how many match in all (the list page). */
export async function listProposalPage(
  filters: ProposalFilters,
  periodId: string | null,
  page: Page,
  viewer: Actor | null = null,
): Promise<{ rows: ProposalRow[]; total: number }> {
  return queryProposals(filters, periodId, page, true, viewer);
}

async function queryProposals(filters: ProposalFilters, periodId: string | null, page: Page | undefined, withTotal: boolean, viewer: Actor | null) {
  const span = await periodSpan(periodId);
  if (filters.asOf && periodId) return queryProposalsAsOf(filters, periodId, span, filters.asOf, page, withTotal, viewer);
  const db = getDb();
  const where = proposalWhere(filters, periodId, span, viewer);
  const [rows, total] = await Promise.all([
    db.proposal.findMany({ where, select: rowSelect(periodId, filters.include), orderBy: { number: "asc" }, ...page }),
    withTotal ? db.proposal.count({ where }) : Promise.resolve(0),
  ]);
  return { rows: rows.map(toRow), total };
}

/**
 * The list as it stood at the end of a past day: each proposal's update rebuilt from the latest revision
 * recorded by then (lib/data/view-sql.ts), filtered by the status and assessment it had then. The same
 * few queries whatever the size: the counted revisions, the proposals, the revisions' details.
 */
async function queryProposalsAsOf(
  filters: ProposalFilters,
  periodId: string,
  span: ListPeriod | null,
  asOf: string,
  page: Page | undefined,
  withTotal: boolean,
  viewer: Actor | null,
) {
  const db = getDb();
  const counted = await db.$queryRaw<{ proposalId: string; updateId: string; revisionId: string; status: string; assessment: string }[]>`
    SELECT c."proposalId", c."updateId", c."revisionId", c.status::text AS status, c.assessment::text AS assessment
    FROM ${countedSql(periodId, includedStates(filters.include), endOfAsOfDay(asOf))} c`;
  const byProposal = new Map(counted.map((c) => [c.proposalId, c]));
  // The person's own filters (mine, needs my action, review state) describe the updates as they are now.
  const and: Prisma.ProposalWhereInput[] = [proposalWhere({ ...filters, status: [], assessment: [] }, periodId, span, viewer)];
  if (filters.status.length) {
    const statuses: string[] = filters.status;
    const or: Prisma.ProposalWhereInput[] = [{ id: { in: counted.filter((c) => statuses.includes(c.status)).map((c) => c.proposalId) } }];
    if (statuses.includes("NO_UPDATE")) or.push({ id: { notIn: [...byProposal.keys()] } });
    and.push({ OR: or });
  }
  if (filters.assessment.length) {
    const assessments: string[] = filters.assessment;
    and.push({ id: { in: counted.filter((c) => assessments.includes(c.assessment)).map((c) => c.proposalId) } });
  }
  const where = { AND: and };
  const [proposals, total] = await Promise.all([
    db.proposal.findMany({ where, select: proposalRowSelect, orderBy: { number: "asc" }, ...page }),
    withTotal ? db.proposal.count({ where }) : Promise.resolve(0),
  ]);
  const revisionIds = proposals.flatMap((p) => byProposal.get(p.id)?.revisionId ?? []);
  const revisions = await db.statusUpdateRevision.findMany({
    where: { id: { in: revisionIds } },
    select: {
      id: true,
      statusUpdateId: true,
      ...versionSelect,
      version: true,
      createdAt: true,
      authorId: true,
      author: { select: { name: true } },
      organisation: { select: { code: true } },
    },
  });
  const revisionById = new Map(revisions.map((r) => [r.id, r]));
  const rows = proposals.map((p) => {
    const revision = revisionById.get(byProposal.get(p.id)?.revisionId ?? "");
    return toRow({
      ...p,
      // Revisions carry no highlight mark: an update rebuilt as of a date reads as not highlighted.
      statusUpdates: revision ? [{ ...revision, id: revision.statusUpdateId, updatedAt: revision.createdAt, highlight: false }] : [],
    });
  });
  return { rows, total };
}

/** How many proposals the period has (the catalogue as it is now without a period): retired ones are out of later periods. */
export async function countProposals(periodId: string | null): Promise<number> {
  return getDb().proposal.count({ where: inPeriodWhere(await periodSpan(periodId)) });
}

export type ProposalDetail = {
  id: string;
  number: number;
  set: ProposalRow["set"];
  title: string;
  description: string;
  edaInvolved: boolean;
  /** UTC; null while the proposal is in the catalogue. */
  retiredAt: Date | null;
  area: { id: string; number: number; name: string };
  focalPoints: ProposalRow["focalPoints"];
  /** One entry per period that has an update, newest period first. */
  history: (ReturnType<typeof toCurrentUpdate> & { period: { id: string; number: number; name: string; state: string } })[];
};

export async function getProposal(id: string): Promise<ProposalDetail | null> {
  const p = await getDb().proposal.findUnique({
    where: { id },
    select: {
      id: true,
      number: true,
      set: true,
      title: true,
      description: true,
      edaInvolved: true,
      retiredAt: true,
      area: { select: { id: true, number: true, name: true } },
      focalPoints: focalPointsSelect,
      statusUpdates: {
        select: { ...currentUpdateSelect, period: { select: { id: true, number: true, name: true, state: true } } },
        orderBy: { period: { number: "desc" } },
      },
    },
  });
  if (!p) return null;
  return {
    id: p.id,
    number: p.number,
    set: p.set,
    title: p.title,
    description: p.description,
    edaInvolved: p.edaInvolved,
    retiredAt: p.retiredAt,
    area: p.area,
    focalPoints: toFocalPointRefs(p.focalPoints),
    history: p.statusUpdates.map((u) => ({ ...toCurrentUpdate(u), period: u.period })),
  };
}

/** In number order. Cached per request: a page and the dashboard numbers it shows share one read. */
export const listAreas = cache(async () => {
  return getDb().area.findMany({ select: { id: true, number: true, name: true }, orderBy: { number: "asc" } });
});

export async function listOrganisations() {
  return getDb().organisation.findMany({ select: { id: true, code: true, name: true }, orderBy: { code: "asc" } });
}
