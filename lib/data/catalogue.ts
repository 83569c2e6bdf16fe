import "server-only";
import { getDb } from "@/lib/db";
import {
  AREA_FIELDS,
  PROPOSAL_FIELDS,
  PROPOSAL_FIELD_LABELS,
  areaFingerprint,
  changedFields,
  changedValues,
  retireBlocker,
  sameAreaName,
  setChangeBlocker,
  type ProposalWording,
  type AreaChoice,
  type CatalogueRow,
  type CatalogueAreaRow,
  type AreaChange,
  type CatalogueArea,
  type ProposalVersionRow,
  type CatalogueProposal,
  type ProposalConflict,
} from "@/lib/domain/catalogue";
import { canEditCatalogue, type Actor } from "@/lib/domain/permissions";
import { proposalCode } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/prisma-client";
import type { AreaInput, CatalogueFilters, ProposalInput, RetireInput } from "@/lib/validation/catalogue";
import { appendAudit, recordAuditEvent } from "./audit";

// The shapes these reads return, defined in lib/domain so that components can take them as props.
export type { AreaChange, AreaChoice, CatalogueArea, CatalogueAreaRow, CatalogueProposal, CatalogueRow, ProposalConflict, ProposalVersionRow };

// Editing the catalogue (admins): areas, the wording of proposals, retirement. Every change is written
// with its audit event in one transaction; every change of a proposal's wording also appends a
// ProposalVersion (append-only in the database), which reports of a period read (lib/data/report-sql.ts).
//
// Proposals are never deleted. Every proposal has a wording history from its first version, which the
// database refuses to delete, and reports and updates refer to it; retiring is the way out of the
// catalogue: a retired proposal keeps its history and its place in earlier periods, is out of every
// period that starts after it was retired, and can be brought back.

/** Before any report: the first version of a proposal that had none is dated here (as the migration did). */
const BEFORE_ANY_REPORT = new Date("2016-01-01T00:00:00Z");

async function authorize(actor: Actor, attempted: string, entityType: "Area" | "Proposal", entityId: string): Promise<void> {
  if (canEditCatalogue(actor)) return;
  await recordAuditEvent({
    actorId: actor.id,
    action: "permission.denied",
    entityType,
    entityId,
    proposalId: entityType === "Proposal" ? entityId : null,
    after: { attempted },
  });
  throw new AppError("FORBIDDEN", "Only admins edit the catalogue.");
}

const fieldError = (field: string, message: string) => new AppError("VALIDATION", "Check the highlighted field.", { fields: { [field]: message } });

// ---------------------------------------------------------------------------------------------------
// Reading

export async function listAreaChoices(): Promise<AreaChoice[]> {
  return getDb().area.findMany({ select: { id: true, number: true, name: true }, orderBy: { number: "asc" } });
}

/** Prisma's `contains` is ILIKE '%…%' without escaping: make %, _ and \ match themselves. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function catalogueWhere(filters: CatalogueFilters): Prisma.ProposalWhereInput {
  const and: Prisma.ProposalWhereInput[] = [];
  if (filters.q) {
    const q = likeLiteral(filters.q);
    const code = /^p?(\d{1,4})$/i.exec(filters.q);
    and.push({
      OR: [
        { title: { contains: q, mode: "insensitive" } },
        { description: { contains: q, mode: "insensitive" } },
        ...(code ? [{ number: Number(code[1]) }] : []),
      ],
    });
  }
  if (filters.area) and.push({ areaId: filters.area });
  if (filters.set) and.push({ set: filters.set });
  if (filters.state === "active") and.push({ retiredAt: null });
  if (filters.state === "retired") and.push({ retiredAt: { not: null } });
  return { AND: and };
}

/** The areas (with their active and retired proposals) and the proposals matching the filters: four queries. */
export async function listCatalogue(filters: CatalogueFilters): Promise<{ areas: CatalogueAreaRow[]; proposals: CatalogueRow[]; total: number }> {
  const db = getDb();
  const [areas, proposals, versions, total] = await Promise.all([
    db.$queryRaw<CatalogueAreaRow[]>`
      SELECT a.id, a.number, a.name, count(p.id) FILTER (WHERE p."retiredAt" IS NULL)::int AS active, count(p."retiredAt")::int AS retired
      FROM "Area" a LEFT JOIN "Proposal" p ON p."areaId" = a.id
      GROUP BY a.id, a.number, a.name ORDER BY a.number`,
    db.proposal.findMany({
      where: catalogueWhere(filters),
      select: { id: true, number: true, title: true, set: true, edaInvolved: true, retiredAt: true, area: { select: { id: true, number: true, name: true } } },
      orderBy: { number: "asc" },
    }),
    db.proposalVersion.groupBy({ by: ["proposalId"], _max: { version: true } }),
    db.proposal.count(),
  ]);
  const latest = new Map(versions.map((v) => [v.proposalId, v._max.version ?? 0]));
  return { areas, proposals: proposals.map((p) => ({ ...p, version: latest.get(p.id) ?? 0 })), total };
}

const asRecord = (value: unknown) => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

export async function getCatalogueArea(id: string): Promise<CatalogueArea | null> {
  const db = getDb();
  const [area, events] = await Promise.all([
    db.area.findUnique({
      where: { id },
      select: {
        id: true,
        number: true,
        name: true,
        description: true,
        proposals: { select: { id: true, number: true, title: true, retiredAt: true }, orderBy: { number: "asc" } },
      },
    }),
    db.auditEvent.findMany({
      where: { entityType: "Area", entityId: id, action: "area.update" },
      select: { id: true, at: true, before: true, after: true, actor: { select: { name: true } } },
      orderBy: { id: "desc" },
      take: 100,
    }),
  ]);
  if (!area) return null;
  return {
    ...area,
    fingerprint: areaFingerprint(area),
    changes: events.map((e) => ({ id: String(e.id), at: e.at, actorName: e.actor?.name ?? null, before: asRecord(e.before), after: asRecord(e.after) })),
  };
}

export async function getCatalogueProposal(id: string): Promise<CatalogueProposal | null> {
  const db = getDb();
  const [proposal, versions, areas, updateCount, retired] = await Promise.all([
    db.proposal.findUnique({
      where: { id },
      select: { id: true, number: true, title: true, description: true, areaId: true, set: true, edaInvolved: true, retiredAt: true },
    }),
    db.proposalVersion.findMany({
      where: { proposalId: id },
      select: {
        version: true,
        title: true,
        description: true,
        areaId: true,
        set: true,
        edaInvolved: true,
        validFrom: true,
        changedBy: { select: { name: true } },
      },
      orderBy: { version: "desc" },
    }),
    listAreaChoices(),
    db.statusUpdate.count({ where: { proposalId: id } }),
    db.auditEvent.findFirst({
      where: { entityType: "Proposal", entityId: id, action: "proposal.retire" },
      select: { actor: { select: { name: true } } },
      orderBy: { id: "desc" },
    }),
  ]);
  if (!proposal) return null;
  return {
    ...proposal,
    retiredByName: proposal.retiredAt ? (retired?.actor?.name ?? null) : null,
    version: versions[0]?.version ?? 0,
    versions: versions.map(({ changedBy, ...v }) => ({ ...v, changedByName: changedBy?.name ?? null })),
    areas,
    updateCount,
  };
}

// ---------------------------------------------------------------------------------------------------
// Areas

/** Renames or re-describes an area. The form's fingerprint must match what is saved (no lost update). */
export async function updateArea(actor: Actor, input: AreaInput): Promise<{ changed: boolean }> {
  await authorize(actor, "update_area", "Area", input.areaId);
  try {
    return await getDb().$transaction(async (tx) => {
      const [area] = await tx.$queryRaw<{ id: string; name: string; description: string }[]>`
        SELECT id, name, description FROM "Area" WHERE id = ${input.areaId} FOR UPDATE`;
      if (!area) throw new AppError("NOT_FOUND", "This area does not exist.");
      if (areaFingerprint(area) !== input.fingerprint) {
        throw new AppError(
          "CONFLICT",
          `Someone else changed this area while you were editing it: it is now named “${area.name}”. Reload the page to see the saved wording, then make your change again.`,
        );
      }
      const before = { name: area.name, description: area.description };
      const after = { name: input.name, description: input.description };
      if (changedFields(before, after, AREA_FIELDS).length === 0) return { changed: false };
      const others = await tx.area.findMany({ where: { id: { not: area.id } }, select: { name: true } });
      const taken = others.find((o) => sameAreaName(o.name, input.name));
      if (taken) throw fieldError("name", `Another area is already named “${taken.name}”`);
      await tx.area.update({ where: { id: area.id }, data: after });
      await appendAudit(tx, { actorId: actor.id, action: "area.update", entityType: "Area", entityId: area.id, ...changedValues(before, after, AREA_FIELDS) });
      return { changed: true };
    });
  } catch (error) {
    // Two admins giving two areas the same name at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw fieldError("name", "Another area already has this name");
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Proposals

type LockedProposal = ProposalWording & { id: string; number: number; retiredAt: Date | null };

async function lockProposal(tx: Prisma.TransactionClient, id: string): Promise<LockedProposal> {
  const [row] = await tx.$queryRaw<LockedProposal[]>`
    SELECT id, number, title, description, "areaId", set::text AS set, "edaInvolved", "retiredAt" FROM "Proposal" WHERE id = ${id} FOR UPDATE`;
  if (!row) throw new AppError("NOT_FOUND", "This proposal does not exist.");
  return row;
}

const wordingOf = (w: ProposalWording): ProposalWording => ({
  title: w.title,
  description: w.description,
  areaId: w.areaId,
  set: w.set,
  edaInvolved: w.edaInvolved,
});

const versionSelect = {
  version: true,
  title: true,
  description: true,
  areaId: true,
  set: true,
  edaInvolved: true,
  validFrom: true,
  changedBy: { select: { name: true } },
} as const;

async function staleVersion(tx: Prisma.TransactionClient, proposal: LockedProposal, expected: number): Promise<AppError> {
  const [latest, seen] = await Promise.all([
    tx.proposalVersion.findFirst({ where: { proposalId: proposal.id }, select: versionSelect, orderBy: { version: "desc" } }),
    tx.proposalVersion.findUnique({ where: { proposalId_version: { proposalId: proposal.id, version: expected } }, select: versionSelect }),
  ]);
  const current = latest ?? { ...proposal, version: 0, validFrom: BEFORE_ANY_REPORT, changedBy: null };
  const area = await tx.area.findUnique({ where: { id: current.areaId }, select: { name: true } });
  const changed = seen ? changedFields(wordingOf(seen), wordingOf(current), PROPOSAL_FIELDS) : [...PROPOSAL_FIELDS];
  const details: ProposalConflict = {
    current: {
      ...wordingOf(current),
      version: current.version,
      validFrom: current.validFrom,
      changedByName: current.changedBy?.name ?? null,
      areaName: area?.name ?? current.areaId,
    },
    changedFields: changed.map((field) => PROPOSAL_FIELD_LABELS[field]),
  };
  return new AppError(
    "CONFLICT",
    `Someone else saved a new version of ${proposalCode(proposal.number)} (version ${current.version}) while you were editing it. Nothing was saved: see what is saved now, then make your change again.`,
    details,
  );
}

/**
 * Saves a proposal's wording as its next version (valid from `now`), updates the live row and records
 * the change (changed fields only) in the audit trail, in one transaction. `expectedVersion` must be the
 * latest version: a stale one is refused with what is saved now. Nothing is written when nothing changed.
 */
export async function updateProposal(actor: Actor, input: ProposalInput, now = new Date()): Promise<{ version: number; changed: boolean }> {
  await authorize(actor, "update_proposal", "Proposal", input.proposalId);
  try {
    return await getDb().$transaction(async (tx) => {
      const proposal = await lockProposal(tx, input.proposalId);
      const latest = await tx.proposalVersion.findFirst({ where: { proposalId: proposal.id }, select: { version: true }, orderBy: { version: "desc" } });
      const version = latest?.version ?? 0;
      if (version !== input.expectedVersion) throw await staleVersion(tx, proposal, input.expectedVersion);
      const before = wordingOf(proposal);
      const after = wordingOf(input);
      if (changedFields(before, after, PROPOSAL_FIELDS).length === 0) return { version, changed: false };
      if (after.areaId !== before.areaId && !(await tx.area.findUnique({ where: { id: after.areaId }, select: { id: true } }))) {
        throw fieldError("areaId", "Choose one of the areas");
      }
      if (after.set !== before.set) {
        const periods = await tx.$queryRaw<{ name: string; cutOffOn: Date }[]>`
          SELECT rp.name, rp."cutOffOn" FROM "StatusUpdate" s JOIN "ReportingPeriod" rp ON rp.id = s."periodId"
          WHERE s."proposalId" = ${proposal.id} ORDER BY rp.number`;
        const blocker = setChangeBlocker(proposal.number, after.set, periods);
        if (blocker) throw fieldError("set", blocker);
      }
      const versionData = { proposalId: proposal.id, number: proposal.number };
      // A proposal without any version yet: the wording it had until now becomes its first version, so
      // that reports of earlier periods keep it.
      if (version === 0) await tx.proposalVersion.create({ data: { ...versionData, ...before, version: 1, validFrom: BEFORE_ANY_REPORT } });
      const next = Math.max(version, 1) + 1;
      await tx.proposal.update({ where: { id: proposal.id }, data: after });
      await tx.proposalVersion.create({ data: { ...versionData, ...after, version: next, validFrom: now, changedById: actor.id } });
      const values = changedValues(before, after, PROPOSAL_FIELDS);
      await appendAudit(tx, {
        actorId: actor.id,
        action: "proposal.update",
        entityType: "Proposal",
        entityId: proposal.id,
        proposalId: proposal.id,
        before: { ...values.before, version },
        after: { ...values.after, version: next },
      });
      return { version: next, changed: true };
    });
  } catch (error) {
    // Two saves of the same version at once: the unique (proposalId, version) index refuses the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Someone else saved this proposal at the same moment. Nothing was saved: reload the page to see their version.");
    }
    throw error;
  }
}

/**
 * Retires a proposal (out of every period that starts from `now` on; it stays in earlier periods, their
 * reports and its history) or brings it back. Refused when the proposal already has an update in a period
 * that starts from now on, or is already in the state asked for.
 */
export async function setProposalRetired(actor: Actor, input: RetireInput, now = new Date()): Promise<{ retiredAt: Date | null }> {
  await authorize(actor, `${input.action}_proposal`, "Proposal", input.proposalId);
  return getDb().$transaction(async (tx) => {
    // The row lock also waits for status updates being written for it (their count trigger shares it).
    const proposal = await lockProposal(tx, input.proposalId);
    const later =
      input.action === "retire"
        ? await tx.$queryRaw<{ name: string }[]>`
            SELECT rp.name FROM "StatusUpdate" s JOIN "ReportingPeriod" rp ON rp.id = s."periodId"
            WHERE s."proposalId" = ${proposal.id} AND rp."startsOn" >= ${now} ORDER BY rp.number`
        : [];
    const blocker = retireBlocker(
      proposal,
      input.action,
      later.map((p) => p.name),
    );
    if (blocker) throw new AppError("CONFLICT", blocker);
    const retiredAt = input.action === "retire" ? now : null;
    await tx.proposal.update({ where: { id: proposal.id }, data: { retiredAt } });
    await appendAudit(tx, {
      actorId: actor.id,
      action: `proposal.${input.action}`,
      entityType: "Proposal",
      entityId: proposal.id,
      proposalId: proposal.id,
      before: { retiredAt: proposal.retiredAt?.toISOString() ?? null },
      after: { retiredAt: retiredAt?.toISOString() ?? null },
    });
    return { retiredAt };
  });
}
