import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import {
  FOCAL_POINT_ROLES,
  focalPointRefusal,
  groupByArea,
  handoverRefusal,
  orderSides,
  type AreaAssignOutcome,
  type AreaRemoveOutcome,
  type AssignOutcome,
  type HandoverOutcome,
  type RemoveOutcome,
  type Side,
  type FocalPointMember,
  type FocalPointRow,
  type Candidate,
  type ProposalFocalPoints,
  type PersonFocalPoints,
} from "@/lib/domain/focal-points";
import { canManageFocalPoints, type Actor } from "@/lib/domain/permissions";
import { proposalCode, type Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/prisma-client";
import type { AreaFocalPointInput, FocalPointFilters, FocalPointInput, HandoverInput } from "@/lib/validation/focal-points";
import { appendAudit, recordAuditEvent } from "./audit";

// The shapes these reads return, defined in lib/domain so that components can take them as props.
export type { Candidate, FocalPointMember, FocalPointRow, PersonFocalPoints, ProposalFocalPoints, Side };

// Focal points: who follows which proposal for which organisation. Reads for the admin pages, and the
// writes, each authorized here, written in one transaction with its audit event. The organisation
// ("side") of a focal point is always its user's organisation. Two admins making the same change at
// once is harmless: an assignment that exists already (composite key, ON CONFLICT DO NOTHING) and a
// removal of what is gone are reported as "nothing changed", never as an error.

/** The organisations, NATO first. Cached per request. */
export const listSides = cache(async (): Promise<Side[]> => {
  return orderSides(await getDb().organisation.findMany({ select: { id: true, code: true, name: true } }));
});

/** Current (not retired) proposals with no active focal point of the organisation. */
function vacantOn(organisationId: string): Prisma.ProposalWhereInput {
  return { retiredAt: null, focalPoints: { none: { user: { active: true, organisationId } } } };
}

/** Vacancies per side, in the order of `listSides`. */
export async function countVacancies(): Promise<(Side & { vacancies: number })[]> {
  const sides = await listSides();
  const counts = await Promise.all(sides.map((side) => getDb().proposal.count({ where: vacantOn(side.id) })));
  return sides.map((side, i) => ({ ...side, vacancies: counts[i]! }));
}

const memberSelect = {
  select: { user: { select: { id: true, name: true, active: true, role: true, organisation: { select: { code: true } } } } },
  orderBy: { user: { name: "asc" } },
} as const;

type SelectedMember = { user: { id: string; name: string; active: boolean; role: Role; organisation: { code: string } } };

function toMember(fp: SelectedMember): FocalPointMember & { role: Role } {
  return { userId: fp.user.id, name: fp.user.name, organisationCode: fp.user.organisation.code, active: fp.user.active, role: fp.user.role };
}

/** One page of proposals with their focal points (deactivated ones included, flagged), in number order. */
export async function listFocalPointRows(filters: FocalPointFilters, pageSize: number): Promise<{ rows: FocalPointRow[]; total: number }> {
  // An unknown side in a shared link is ignored, like every other malformed filter.
  const all = await listSides();
  const chosen = all.filter((s) => s.code === filters.side);
  const sides = chosen.length ? chosen : all;
  const and: Prisma.ProposalWhereInput[] = [];
  if (filters.area) and.push({ areaId: filters.area });
  if (filters.vacant) and.push({ OR: sides.map((s) => vacantOn(s.id)) });
  const where = { AND: and };
  const [rows, total] = await Promise.all([
    getDb().proposal.findMany({
      where,
      select: { id: true, number: true, title: true, retiredAt: true, area: { select: { name: true } }, focalPoints: memberSelect },
      orderBy: { number: "asc" },
      skip: (filters.page - 1) * pageSize,
      take: pageSize,
    }),
    getDb().proposal.count({ where }),
  ]);
  return {
    rows: rows.map((p) => ({
      id: p.id,
      number: p.number,
      title: p.title,
      areaName: p.area.name,
      retired: p.retiredAt !== null,
      focalPoints: p.focalPoints.map(toMember),
    })),
    total,
  };
}

const candidateSelect = { id: true, name: true, role: true, body: true, organisationId: true, _count: { select: { focalPointOf: true } } } as const;

/** Active people of these organisations whose role may write, by name, except `exceptIds`. */
async function listCandidates(organisationIds: string[], exceptIds: string[]) {
  const rows = await getDb().user.findMany({
    where: { active: true, role: { in: [...FOCAL_POINT_ROLES] }, organisationId: { in: organisationIds }, id: { notIn: exceptIds } },
    select: candidateSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((u) => ({ organisationId: u.organisationId, id: u.id, name: u.name, role: u.role, body: u.body, follows: u._count.focalPointOf }));
}

/** A proposal's focal points per side, with the people who could be added on each side; null if unknown. */
export async function getProposalFocalPoints(proposalId: string): Promise<ProposalFocalPoints | null> {
  const [proposal, sides] = await Promise.all([
    getDb().proposal.findUnique({
      where: { id: proposalId },
      select: { id: true, number: true, title: true, retiredAt: true, area: { select: { id: true, number: true, name: true } }, focalPoints: memberSelect },
    }),
    listSides(),
  ]);
  if (!proposal) return null;
  const members = proposal.focalPoints.map(toMember);
  const candidates = await listCandidates(
    sides.map((s) => s.id),
    members.map((m) => m.userId),
  );
  return {
    proposal: { id: proposal.id, number: proposal.number, title: proposal.title, retired: proposal.retiredAt !== null, area: proposal.area },
    sides: sides.map((side) => ({
      ...side,
      focalPoints: members.filter((m) => m.organisationCode === side.code),
      candidates: candidates.filter((c) => c.organisationId === side.id),
    })),
  };
}

/** A person and the proposals they follow, grouped by area; null for an unknown person. */
export async function getPersonFocalPoints(userId: string): Promise<PersonFocalPoints | null> {
  const db = getDb();
  const [person, areas, perArea] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        active: true,
        body: true,
        organisation: { select: { id: true, code: true, name: true } },
        focalPointOf: {
          select: { proposal: { select: { id: true, number: true, title: true, areaId: true, retiredAt: true } } },
          orderBy: { proposal: { number: "asc" } },
        },
      },
    }),
    db.area.findMany({ select: { id: true, number: true, name: true }, orderBy: { number: "asc" } }),
    db.proposal.groupBy({ by: ["areaId"], where: { retiredAt: null }, _count: { _all: true } }),
  ]);
  if (!person) return null;
  const current = new Map(perArea.map((a) => [a.areaId, a._count._all]));
  const followed = person.focalPointOf.map(({ proposal: p }) => ({
    id: p.id,
    number: p.number,
    title: p.title,
    areaId: p.areaId,
    retired: p.retiredAt !== null,
  }));
  const handoverCandidates = await listCandidates([person.organisation.id], [person.id]);
  const { focalPointOf: _followed, ...details } = person;
  return {
    person: details,
    areas: groupByArea(areas, followed).map(({ area, items }) => ({
      ...area,
      current: current.get(area.id) ?? 0,
      followed: items.map(({ areaId: _areaId, ...p }) => p),
    })),
    followedCount: followed.length,
    handoverCandidates,
  };
}

// ---- Writes ----

async function authorize(actor: Actor, attempted: string, entityId: string, proposalId: string | null = null): Promise<void> {
  if (canManageFocalPoints(actor)) return;
  await recordAuditEvent({ actorId: actor.id, action: "permission.denied", entityType: "FocalPoint", entityId, proposalId, after: { attempted } });
  throw new AppError("FORBIDDEN", "Only administrators assign focal points.");
}

type LockedUser = { id: string; name: string; role: Role; active: boolean; organisationId: string; organisationCode: string };

/**
 * Reads a person and locks their row until the transaction ends: FOR SHARE while assigning (a concurrent
 * deactivation or change of role waits, so it cannot slip between the check and the insert), FOR NO KEY
 * UPDATE for a hand-over (which serialises with every other change of either person's focal points).
 */
async function lockUser(tx: Prisma.TransactionClient, userId: string, mode: "share" | "exclusive"): Promise<LockedUser> {
  const lock = Prisma.raw(mode === "share" ? "FOR SHARE OF u" : "FOR NO KEY UPDATE OF u");
  const rows = await tx.$queryRaw<LockedUser[]>`
    SELECT u.id, u.name, u.role::text AS role, u.active, u."organisationId", o.code AS "organisationCode"
    FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId"
    WHERE u.id = ${userId}
    ${lock}`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "This person does not exist.");
  return rows[0];
}

function refuseIneligible(person: LockedUser, field: string): void {
  const refusal = focalPointRefusal(person);
  if (refusal) throw new AppError("VALIDATION", refusal, { fields: { [field]: refusal } });
}

/** A proposal, locked FOR SHARE so that it cannot be retired while it gains a focal point. */
async function lockProposal(tx: Prisma.TransactionClient, proposalId: string) {
  const rows = await tx.$queryRaw<{ id: string; number: number; retired: boolean }[]>`
    SELECT id, number, "retiredAt" IS NOT NULL AS retired FROM "Proposal" WHERE id = ${proposalId} FOR SHARE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "This proposal does not exist.");
  return rows[0];
}

function who(user: LockedUser) {
  return { userId: user.id, name: user.name, organisation: user.organisationCode };
}

/** Makes the person a focal point of the proposal for their organisation; `assigned: false` when they were one already. */
export async function assignFocalPoint(actor: Actor, input: FocalPointInput): Promise<AssignOutcome> {
  await authorize(actor, "assign_focal_point", input.proposalId, input.proposalId);
  return getDb().$transaction(async (tx) => {
    const user = await lockUser(tx, input.userId, "share");
    refuseIneligible(user, "userId");
    const proposal = await lockProposal(tx, input.proposalId);
    if (proposal.retired) throw new AppError("VALIDATION", `${proposalCode(proposal.number)} is retired: it gets no new focal points.`);
    const labels = { person: user.name, proposal: proposalCode(proposal.number) };
    const { count } = await tx.focalPoint.createMany({ data: [{ proposalId: proposal.id, userId: user.id }], skipDuplicates: true });
    if (count === 0) return { assigned: false, ...labels };
    await appendAudit(tx, {
      actorId: actor.id,
      action: "focal_point.assign",
      entityType: "FocalPoint",
      entityId: `${proposal.id}/${user.id}`,
      proposalId: proposal.id,
      after: who(user),
    });
    return { assigned: true, ...labels };
  });
}

/** Removes the person as focal point of the proposal; `removed: false` when they no longer were one. */
export async function removeFocalPoint(actor: Actor, input: FocalPointInput): Promise<RemoveOutcome> {
  await authorize(actor, "remove_focal_point", input.proposalId, input.proposalId);
  return getDb().$transaction(async (tx) => {
    const user = await lockUser(tx, input.userId, "share");
    const proposal = await tx.proposal.findUnique({ where: { id: input.proposalId }, select: { number: true } });
    if (!proposal) throw new AppError("NOT_FOUND", "This proposal does not exist.");
    const labels = { person: user.name, proposal: proposalCode(proposal.number) };
    const { count } = await tx.focalPoint.deleteMany({ where: { proposalId: input.proposalId, userId: user.id } });
    if (count === 0) return { removed: false, ...labels };
    await appendAudit(tx, {
      actorId: actor.id,
      action: "focal_point.remove",
      entityType: "FocalPoint",
      entityId: `${input.proposalId}/${user.id}`,
      proposalId: input.proposalId,
      before: who(user),
    });
    return { removed: true, ...labels };
  });
}

async function findArea(tx: Prisma.TransactionClient, areaId: string) {
  const area = await tx.area.findUnique({ where: { id: areaId }, select: { id: true, name: true } });
  if (!area) throw new AppError("NOT_FOUND", "This area does not exist.");
  return area;
}

/** Makes the person a focal point of every current (not retired) proposal of the area. */
export async function assignArea(actor: Actor, input: AreaFocalPointInput): Promise<AreaAssignOutcome> {
  await authorize(actor, "assign_area", input.userId);
  return getDb().$transaction(async (tx) => {
    const user = await lockUser(tx, input.userId, "share");
    refuseIneligible(user, "userId");
    const area = await findArea(tx, input.areaId);
    const proposals = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Proposal" WHERE "areaId" = ${area.id} AND "retiredAt" IS NULL ORDER BY number FOR SHARE`;
    const labels = { person: user.name, area: area.name };
    if (proposals.length === 0) return { assigned: 0, alreadyFollowed: 0, ...labels };
    const inserted = await tx.focalPoint.createManyAndReturn({
      data: proposals.map((p) => ({ proposalId: p.id, userId: user.id })),
      skipDuplicates: true,
      select: { proposalId: true },
    });
    const added = new Set(inserted.map((r) => r.proposalId));
    const outcome = { assigned: added.size, alreadyFollowed: proposals.length - added.size, ...labels };
    if (outcome.assigned === 0) return outcome;
    await appendAudit(tx, {
      actorId: actor.id,
      action: "focal_point.assign_area",
      entityType: "User",
      entityId: user.id,
      after: {
        ...who(user),
        areaId: area.id,
        area: area.name,
        proposalIds: proposals.filter((p) => added.has(p.id)).map((p) => p.id),
        alreadyFollowed: proposals.filter((p) => !added.has(p.id)).map((p) => p.id),
      },
    });
    return outcome;
  });
}

/** The person no longer follows any proposal of the area (retired ones included). */
export async function removeArea(actor: Actor, input: AreaFocalPointInput): Promise<AreaRemoveOutcome> {
  await authorize(actor, "remove_area", input.userId);
  return getDb().$transaction(async (tx) => {
    const user = await lockUser(tx, input.userId, "share");
    const area = await findArea(tx, input.areaId);
    const removed = await tx.$queryRaw<{ proposalId: string }[]>`
      DELETE FROM "FocalPoint" f USING "Proposal" p
      WHERE f."proposalId" = p.id AND p."areaId" = ${area.id} AND f."userId" = ${user.id}
      RETURNING f."proposalId"`;
    const labels = { person: user.name, area: area.name };
    if (removed.length === 0) return { removed: 0, ...labels };
    await appendAudit(tx, {
      actorId: actor.id,
      action: "focal_point.remove_area",
      entityType: "User",
      entityId: user.id,
      before: { ...who(user), areaId: area.id, area: area.name, proposalIds: removed.map((r) => r.proposalId).sort() },
    });
    return { removed: removed.length, ...labels };
  });
}

/**
 * Hands all of one person's current proposals to another person of the same organisation, in one
 * transaction: the target gains those they did not follow yet, and the person follows none of them
 * afterwards. Retired proposals get no new focal point: they stay with the person, as history.
 */
export async function handOverFocalPoints(actor: Actor, input: HandoverInput): Promise<HandoverOutcome> {
  await authorize(actor, "handover", input.fromUserId);
  return getDb().$transaction(async (tx) => {
    // Both people, in id order, so that two hand-overs between the same people cannot deadlock.
    const locked = new Map<string, LockedUser>();
    for (const id of [input.fromUserId, input.toUserId].sort()) if (!locked.has(id)) locked.set(id, await lockUser(tx, id, "exclusive"));
    const from = locked.get(input.fromUserId)!;
    const to = locked.get(input.toUserId)!;
    const refusal = handoverRefusal(from, to);
    if (refusal) throw new AppError("VALIDATION", refusal, { fields: { toUserId: refusal } });

    const rows = await tx.$queryRaw<{ proposalId: string; retired: boolean }[]>`
      SELECT f."proposalId", p."retiredAt" IS NOT NULL AS retired
      FROM "FocalPoint" f JOIN "Proposal" p ON p.id = f."proposalId"
      WHERE f."userId" = ${from.id}
      ORDER BY p.number
      FOR UPDATE OF f FOR SHARE OF p`;
    const current = rows.filter((r) => !r.retired).map((r) => r.proposalId);
    const labels = { from: from.name, to: to.name, retiredKept: rows.length - current.length };
    if (current.length === 0) return { moved: 0, alreadyTheirs: 0, ...labels };
    const inserted = await tx.focalPoint.createManyAndReturn({
      data: current.map((proposalId) => ({ proposalId, userId: to.id })),
      skipDuplicates: true,
      select: { proposalId: true },
    });
    await tx.focalPoint.deleteMany({ where: { userId: from.id, proposalId: { in: current } } });
    const moved = new Set(inserted.map((r) => r.proposalId));
    const outcome = { moved: moved.size, alreadyTheirs: current.length - moved.size, ...labels };
    await appendAudit(tx, {
      actorId: actor.id,
      action: "focal_point.handover",
      entityType: "User",
      entityId: from.id,
      before: { ...who(from), proposalIds: current },
      after: {
        ...who(to),
        moved: outcome.moved,
        alreadyTheirs: outcome.alreadyTheirs,
        movedProposalIds: current.filter((id) => moved.has(id)),
        alreadyTheirsProposalIds: current.filter((id) => !moved.has(id)),
      },
    });
    return outcome;
  });
}
