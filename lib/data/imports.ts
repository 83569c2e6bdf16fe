import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { PROPOSAL_FIELDS, changedValues, type ProposalWording } from "@/lib/domain/catalogue";
import { DEMO_EMAIL_SUFFIX, isDemoWording, planCatalogue, type CatalogueOperations, type CatalogueSnapshot } from "@/lib/domain/import/catalogue";
import type { ImportKind } from "@/lib/domain/import/columns";
import { catalogueExportTable, type ExportTable } from "@/lib/domain/import/export";
import { planPeople, type PeopleOperations, type PeopleSnapshot } from "@/lib/domain/import/people";
import { planHash, type ImportPlan } from "@/lib/domain/import/plan";
import type { ParsedFile } from "@/lib/domain/import/rows";
import { IMPORTED_STATE, planUpdates, type UpdatesOperations, type UpdatesSnapshot } from "@/lib/domain/import/updates";
import type { EuBodyCode, OrganisationCode } from "@/lib/domain/people";
import { canImport, type Actor } from "@/lib/domain/permissions";
import { CATALOGUE_NOTICE_KEY } from "@/lib/domain/settings";
import type { PeriodState, ProposalSet, Role } from "@/lib/domain/vocabulary";
import type { WorkflowState } from "@/lib/domain/workflow";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/prisma-client";
import { recordAuditEvent, type AuditEntry } from "./audit";

// Imports of the catalogue, people and past status updates. The dry run reads one consistent snapshot
// (REPEATABLE READ) and plans against it (lib/domain/import). The commit runs in ONE transaction: it
// takes a transaction-level advisory lock (imports run one at a time), locks the rows the file touches
// in the order the rest of the app does, re-plans against the database as it is now and applies only if
// the plan's hash is the one the admin saw; every record is written the way the app's own writes write
// it (lib/data/catalogue.ts, people.ts, focal-points.ts, status-updates.ts), with its audit event, plus one
// "import.commit" event. A plan with a row error, or whose hash changed, writes nothing; so does a plan
// in which every row is unchanged (importing a file twice changes nothing the second time).

/** pg_advisory_xact_lock key of imports (lib/data/period-admin.ts uses 72_707_001). */
const IMPORT_LOCK = 72_707_301;
/** As lib/data/catalogue.ts: a first version that has always applied is dated before any report. */
const BEFORE_ANY_REPORT = new Date("2016-01-01T00:00:00Z");
/** How long a commit may wait for a period that is being locked or published. */
const PERIOD_WAIT = "5s";
/** Rows per INSERT: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 1000;
const VIA = "import";

type Tx = Prisma.TransactionClient;

export type ImportRequest = { fileName: string; file: ParsedFile };

/** Admins only; a refusal is audited as what was attempted (an import of `kind` unless said otherwise). */
export async function authorizeImport(actor: Actor, kind: ImportKind, fileName: string, attempted = `import_${kind}`): Promise<void> {
  if (canImport(actor)) return;
  await recordAuditEvent({
    actorId: actor.id,
    action: "permission.denied",
    entityType: "Import",
    entityId: kind,
    after: { attempted, fileName },
  });
  throw new AppError("FORBIDDEN", "Only admins import files.");
}

// ---------------------------------------------------------------------------------------------------
// Snapshots: plain data for the planners

const lower = (emails: Iterable<string>) => [...new Set([...emails].map((e) => e.toLowerCase()))];

async function loadCatalogue(tx: Tx, file: ParsedFile<"catalogue">): Promise<CatalogueSnapshot & { latestVersion: Map<string, number> }> {
  const emails = lower(file.rows.flatMap((r) => r.values.focalPoints));
  const [areas, proposals, versions, people, notice, activeDemoAccounts, firstUpdates] = await Promise.all([
    tx.area.findMany({ select: { id: true, number: true, name: true }, orderBy: { number: "asc" } }),
    tx.proposal.findMany({
      select: {
        id: true,
        number: true,
        set: true,
        areaId: true,
        title: true,
        description: true,
        edaInvolved: true,
        retiredAt: true,
        focalPoints: { select: { user: { select: { email: true } } } },
      },
      orderBy: { number: "asc" },
    }),
    tx.$queryRaw<{ id: string; proposalId: string; version: number; changedById: string | null }[]>`
      SELECT DISTINCT ON ("proposalId") id, "proposalId", version, "changedById" FROM "ProposalVersion" ORDER BY "proposalId", version DESC`,
    emails.length ? peopleByEmail(tx, emails) : Promise.resolve([]),
    tx.appSetting.findUnique({ where: { key: CATALOGUE_NOTICE_KEY }, select: { value: true } }),
    tx.user.count({ where: { active: true, email: { endsWith: DEMO_EMAIL_SUFFIX, mode: "insensitive" } } }),
    tx.$queryRaw<{ proposalId: string; name: string; cutOffOn: Date }[]>`
      SELECT DISTINCT ON (s."proposalId") s."proposalId", rp.name, rp."cutOffOn"
      FROM "StatusUpdate" s JOIN "ReportingPeriod" rp ON rp.id = s."periodId" ORDER BY s."proposalId", rp.number`,
  ]);
  const latest = new Map(versions.map((v) => [v.proposalId, v]));
  const firstUpdate = new Map(firstUpdates.map((u) => [u.proposalId, { name: u.name, cutOffOn: u.cutOffOn }]));
  return {
    areas,
    proposals: proposals.map(({ focalPoints, retiredAt, ...p }) => ({
      ...p,
      retired: retiredAt !== null,
      demoWording: isDemoWording(p.id, latest.get(p.id) ?? null),
      focalPointEmails: focalPoints.map((f) => f.user.email.toLowerCase()),
      firstUpdatePeriod: firstUpdate.get(p.id) ?? null,
    })),
    people: people.map((p) => ({ id: p.id, email: p.email, name: p.name, role: p.role, active: p.active, organisationCode: p.organisationCode })),
    notice: Boolean(notice?.value),
    activeDemoAccounts,
    latestVersion: new Map(versions.map((v) => [v.proposalId, v.version])),
  };
}

type PersonRecord = {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  organisationId: string;
  organisationCode: OrganisationCode;
  body: EuBodyCode | null;
};

async function peopleByEmail(tx: Tx, emails: string[]): Promise<PersonRecord[]> {
  const rows = await tx.$queryRaw<PersonRecord[]>`
    SELECT u.id, lower(u.email) AS email, u.name, u.role::text AS role, u.active, u."organisationId", o.code AS "organisationCode", u.body::text AS body
    FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId"
    WHERE lower(u.email) = ANY(${emails}::text[])`;
  return rows;
}

async function loadPeople(tx: Tx, file: ParsedFile<"people">, actor: Actor): Promise<PeopleSnapshot & { organisationIds: Map<string, string> }> {
  const emails = lower(file.rows.map((r) => r.values.email));
  const [people, admins, organisations] = await Promise.all([
    emails.length ? peopleByEmail(tx, emails) : Promise.resolve([]),
    tx.user.findMany({ where: { role: "ADMIN", active: true }, select: { id: true } }),
    tx.organisation.findMany({ select: { id: true, code: true } }),
  ]);
  return {
    people: people.map((p) => ({ id: p.id, email: p.email, name: p.name, role: p.role, active: p.active, organisation: p.organisationCode, body: p.body })),
    activeAdminIds: admins.map((a) => a.id),
    actorId: actor.id,
    organisationIds: new Map(organisations.map((o) => [o.code, o.id])),
  };
}

type ExistingUpdate = UpdatesSnapshot["existing"][number];

async function loadUpdates(tx: Tx, file: ParsedFile<"updates">): Promise<UpdatesSnapshot> {
  const emails = lower(file.rows.map((r) => r.values.author));
  const [proposals, periods, people] = await Promise.all([
    tx.proposal.findMany({ select: { id: true, number: true, title: true, set: true, retiredAt: true } }),
    tx.reportingPeriod.findMany({
      select: { id: true, number: true, name: true, state: true, startsOn: true, cutOffOn: true, _count: { select: { editions: true } } },
    }),
    emails.length ? peopleByEmail(tx, emails) : Promise.resolve([]),
  ]);
  const proposalId = new Map(proposals.map((p) => [p.number, p.id]));
  const periodId = new Map(periods.map((p) => [p.number, p.id]));
  const pairs = file.rows.flatMap((r) => {
    const p = proposalId.get(r.values.proposal);
    const q = periodId.get(r.values.period);
    return p && q ? [[p, q] as const] : [];
  });
  const existing = pairs.length
    ? await tx.$queryRaw<ExistingUpdate[]>`
        SELECT s.id, s."proposalId", s."periodId", s.version, s.status::text AS status, s.assessment::text AS assessment, s.progress,
               s.narrative, s."nextSteps", s."evidenceLinks", s."workflowState"::text AS "workflowState", s."authorId",
               u.name AS "authorName", lower(u.email) AS "authorEmail"
        FROM "StatusUpdate" s JOIN "User" u ON u.id = s."authorId"
        JOIN unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) AS k(proposal_id, period_id)
          ON s."proposalId" = k.proposal_id AND s."periodId" = k.period_id`
    : [];
  return {
    proposals,
    periods: periods.map(({ _count, state, ...p }) => ({ ...p, state: state as PeriodState, editions: _count.editions })),
    people: people.map((p) => ({ id: p.id, email: p.email, name: p.name, organisationId: p.organisationId })),
    existing: existing.map((u) => ({ ...u, evidenceLinks: Array.isArray(u.evidenceLinks) ? u.evidenceLinks : [] })),
  };
}

type Planned =
  | { kind: "catalogue"; plan: ImportPlan; operations: CatalogueOperations; snapshot: Awaited<ReturnType<typeof loadCatalogue>> }
  | { kind: "people"; plan: ImportPlan; operations: PeopleOperations; snapshot: Awaited<ReturnType<typeof loadPeople>> }
  | { kind: "updates"; plan: ImportPlan; operations: UpdatesOperations; snapshot: UpdatesSnapshot };

async function planWith(tx: Tx, actor: Actor, file: ParsedFile): Promise<Planned> {
  switch (file.kind) {
    case "catalogue": {
      const snapshot = await loadCatalogue(tx, file as ParsedFile<"catalogue">);
      return { kind: "catalogue", snapshot, ...planCatalogue(file as ParsedFile<"catalogue">, snapshot) };
    }
    case "people": {
      const snapshot = await loadPeople(tx, file as ParsedFile<"people">, actor);
      return { kind: "people", snapshot, ...planPeople(file as ParsedFile<"people">, snapshot) };
    }
    case "updates": {
      const snapshot = await loadUpdates(tx, file as ParsedFile<"updates">);
      return { kind: "updates", snapshot, ...planUpdates(file as ParsedFile<"updates">, snapshot) };
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Dry run

export type PlanResult = { plan: ImportPlan; hash: string };

/** The plan of a file against the database as it is: nothing is written. */
export async function checkImport(actor: Actor, request: ImportRequest): Promise<PlanResult> {
  await authorizeImport(actor, request.file.kind, request.fileName);
  const { plan } = await getDb().$transaction((tx) => planWith(tx, actor, request.file), {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    timeout: 60_000,
  });
  return { plan, hash: planHash(plan) };
}

// ---------------------------------------------------------------------------------------------------
// Commit

export type CommitResult =
  | { outcome: "committed"; plan: ImportPlan; hash: string }
  /** Nothing to write: every row is as the database has it. */
  | { outcome: "unchanged"; plan: ImportPlan; hash: string }
  /** The plan now differs from the one checked (the data or the file changed): nothing was written. */
  | { outcome: "stale"; plan: ImportPlan; hash: string }
  /** Some rows have errors: nothing was written. */
  | { outcome: "blocked"; plan: ImportPlan; hash: string };

/** Locks what a file touches, in the order of the app's own writes, before the snapshot is read. */
async function lockTargets(tx: Tx, file: ParsedFile): Promise<void> {
  if (file.kind === "catalogue") {
    const rows = (file as ParsedFile<"catalogue">).rows;
    const numbers = rows.map((r) => r.values.number);
    // As updateProposal and setProposalRetired: the proposal rows, in number order.
    if (numbers.length) await tx.$queryRaw`SELECT id FROM "Proposal" WHERE number = ANY(${numbers}::int[]) ORDER BY number FOR UPDATE`;
    const emails = lower(rows.flatMap((r) => r.values.focalPoints));
    // As assignFocalPoint: the people FOR SHARE, so that a deactivation or a change of role waits.
    if (emails.length) await tx.$queryRaw`SELECT id FROM "User" WHERE lower(email) = ANY(${emails}::text[]) ORDER BY id FOR SHARE`;
  } else if (file.kind === "people") {
    // As updatePerson: the active admins (in id order), then the people of the file.
    await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
    const emails = lower((file as ParsedFile<"people">).rows.map((r) => r.values.email));
    if (emails.length) await tx.$queryRaw`SELECT id FROM "User" WHERE lower(email) = ANY(${emails}::text[]) ORDER BY id FOR UPDATE`;
  } else {
    const rows = (file as ParsedFile<"updates">).rows;
    const periods = [...new Set(rows.map((r) => r.values.period))];
    const numbers = [...new Set(rows.map((r) => r.values.proposal))];
    // As every save (lockPeriodForWrite): the periods FOR SHARE, so a lock, unlock or publication waits
    // for the import and the import waits (briefly) for one in progress; then the proposals (retirement
    // waits) and the updates themselves.
    await tx.$executeRaw`SELECT set_config('lock_timeout', ${PERIOD_WAIT}, true)`;
    if (periods.length) await tx.$queryRaw`SELECT id FROM "ReportingPeriod" WHERE number = ANY(${periods}::int[]) ORDER BY number FOR SHARE`;
    await tx.$executeRaw`SELECT set_config('lock_timeout', '0', true)`;
    if (numbers.length) await tx.$queryRaw`SELECT id FROM "Proposal" WHERE number = ANY(${numbers}::int[]) ORDER BY number FOR SHARE`;
    if (rows.length) {
      await tx.$queryRaw`
        SELECT s.id FROM "StatusUpdate" s
        JOIN "Proposal" p ON p.id = s."proposalId" JOIN "ReportingPeriod" rp ON rp.id = s."periodId"
        JOIN unnest(${rows.map((r) => r.values.proposal)}::int[], ${rows.map((r) => r.values.period)}::int[]) AS k(proposal_number, period_number)
          ON p.number = k.proposal_number AND rp.number = k.period_number
        ORDER BY s.id FOR UPDATE OF s`;
    }
  }
}

/**
 * Applies a file, all of it or nothing, if its plan is still the one the admin checked (`expectedHash`).
 * Returns what happened; only "committed" wrote anything.
 */
export async function commitImport(actor: Actor, request: ImportRequest & { expectedHash: string }, now = new Date()): Promise<CommitResult> {
  await authorizeImport(actor, request.file.kind, request.fileName);
  try {
    return await getDb().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`;
        await lockTargets(tx, request.file);
        const planned = await planWith(tx, actor, request.file);
        const { plan } = planned;
        const hash = planHash(plan);
        if (hash !== request.expectedHash) return { outcome: "stale", plan, hash };
        if (plan.errors.length) return { outcome: "blocked", plan, hash };
        if (!plan.hasWork) return { outcome: "unchanged", plan, hash };
        const applied = await apply(tx, actor, planned, now);
        await appendAll(tx, [
          {
            actorId: actor.id,
            action: "import.commit",
            entityType: "Import",
            entityId: planned.kind,
            after: {
              kind: planned.kind,
              fileName: request.fileName,
              rows: plan.rowCount,
              created: plan.creates.length,
              changed: plan.changes.length,
              unchanged: plan.unchanged.length,
              ...applied,
              planHash: hash,
            },
          },
        ]);
        return { outcome: "committed", plan, hash };
      },
      { timeout: 10 * 60_000, maxWait: 15_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Someone changed the same records while the import ran, so nothing was imported. Check the file again, then import.");
    }
    if (String((error as Error)?.message).includes("lock timeout")) {
      throw new AppError("CONFLICT", "A reporting period of the file is being locked or published right now, so nothing was imported. Try again in a moment.");
    }
    throw error;
  }
}

function apply(tx: Tx, actor: Actor, planned: Planned, now: Date): Promise<Record<string, Prisma.InputJsonValue>> {
  switch (planned.kind) {
    case "catalogue":
      return applyCatalogue(tx, actor, planned.operations, planned.snapshot, now);
    case "people":
      return applyPeople(tx, actor, planned.operations, planned.snapshot.organisationIds);
    case "updates":
      return applyUpdates(tx, actor, planned.operations, now);
  }
}

/**
 * appendAudit (lib/data/audit.ts) for many events: the same rows, one INSERT … SELECT FROM unnest per
 * chunk (a createMany of 1,000 events costs about ten times as much through the driver adapter).
 */
async function appendAll(tx: Tx, entries: AuditEntry[]): Promise<void> {
  const json = (value: AuditEntry["before"]) => (value === null || value === undefined ? null : JSON.stringify(value));
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    await tx.$executeRaw`
      INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId", "proposalId", "periodId", before, after)
      SELECT e.actor_id, e.action, e.entity_type, e.entity_id, e.proposal_id, e.period_id, e.before::jsonb, e.after::jsonb
      FROM unnest(
        ${chunk.map((e) => e.actorId)}::text[], ${chunk.map((e) => e.action)}::text[], ${chunk.map((e) => e.entityType)}::text[],
        ${chunk.map((e) => e.entityId)}::text[], ${chunk.map((e) => e.proposalId ?? null)}::text[], ${chunk.map((e) => e.periodId ?? null)}::text[],
        ${chunk.map((e) => json(e.before))}::text[], ${chunk.map((e) => json(e.after))}::text[]
      ) WITH ORDINALITY AS e(actor_id, action, entity_type, entity_id, proposal_id, period_id, before, after, n)
      ORDER BY e.n`;
  }
}

function slug(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return base || "area";
}

function freeId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  while (taken.has(id)) id = `${wanted}-${randomBytes(3).toString("hex")}`;
  taken.add(id);
  return id;
}

async function applyCatalogue(
  tx: Tx,
  actor: Actor,
  operations: CatalogueOperations,
  snapshot: Awaited<ReturnType<typeof loadCatalogue>>,
  now: Date,
): Promise<Record<string, Prisma.InputJsonValue>> {
  const audit: AuditEntry[] = [];
  const areaIds = new Map<string, string>();
  const takenAreaIds = new Set(snapshot.areas.map((a) => a.id));
  for (const area of operations.newAreas) {
    const id = freeId(slug(area.name), takenAreaIds);
    await tx.area.create({ data: { id, number: area.number, name: area.name, description: "" } });
    areaIds.set(area.name, id);
    audit.push({
      actorId: actor.id,
      action: "area.create",
      entityType: "Area",
      entityId: id,
      after: { name: area.name, number: area.number, description: "", via: VIA },
    });
  }
  const takenProposalIds = new Set(snapshot.proposals.map((p) => p.id));
  let focalPoints = 0;
  for (const op of operations.proposals) {
    const wording: ProposalWording = {
      title: op.wording.title,
      description: op.wording.description,
      areaId: op.areaId ?? areaIds.get(op.wording.areaName)!,
      set: op.wording.set as ProposalSet,
      edaInvolved: op.wording.edaInvolved,
    };
    let proposalId: string;
    if (!op.existing) {
      proposalId = freeId(`p${String(op.number).padStart(2, "0")}`, takenProposalIds);
      await tx.proposal.create({ data: { id: proposalId, number: op.number, ...wording } });
      // Its first wording applies from before any report, as for every proposal of the catalogue.
      await tx.proposalVersion.create({ data: { proposalId, number: op.number, ...wording, version: 1, validFrom: BEFORE_ANY_REPORT, changedById: actor.id } });
      audit.push({
        actorId: actor.id,
        action: "proposal.create",
        entityType: "Proposal",
        entityId: proposalId,
        proposalId,
        after: { number: op.number, ...wording, version: 1, via: VIA },
      });
    } else {
      proposalId = op.existing.id;
      if (op.wordingChanged) {
        const version = snapshot.latestVersion.get(proposalId) ?? 0;
        const before = op.existing.wording;
        // As updateProposal: a proposal without a version first gets its old wording as version 1.
        if (version === 0) await tx.proposalVersion.create({ data: { proposalId, number: op.number, ...before, version: 1, validFrom: BEFORE_ANY_REPORT } });
        const next = Math.max(version, 1) + 1;
        // Demo wording was never official: the imported wording replaces it in earlier periods' reports too.
        const validFrom = op.existing.demoWording ? BEFORE_ANY_REPORT : now;
        await tx.proposal.update({ where: { id: proposalId }, data: wording });
        await tx.proposalVersion.create({ data: { proposalId, number: op.number, ...wording, version: next, validFrom, changedById: actor.id } });
        const values = changedValues(before, wording, PROPOSAL_FIELDS);
        audit.push({
          actorId: actor.id,
          action: "proposal.update",
          entityType: "Proposal",
          entityId: proposalId,
          proposalId,
          before: { ...values.before, version },
          after: { ...values.after, version: next, via: VIA },
        });
      }
    }
    if (op.addFocalPoints.length) {
      const inserted = await tx.focalPoint.createManyAndReturn({
        data: op.addFocalPoints.map((f) => ({ proposalId, userId: f.userId })),
        skipDuplicates: true,
        select: { userId: true },
      });
      const added = new Set(inserted.map((r) => r.userId));
      focalPoints += added.size;
      for (const f of op.addFocalPoints.filter((f) => added.has(f.userId))) {
        audit.push({
          actorId: actor.id,
          action: "focal_point.assign",
          entityType: "FocalPoint",
          entityId: `${proposalId}/${f.userId}`,
          proposalId,
          after: { userId: f.userId, name: f.name, organisation: f.organisationCode, via: VIA },
        });
      }
    }
  }
  if (operations.removeNotice) await tx.appSetting.deleteMany({ where: { key: CATALOGUE_NOTICE_KEY } });
  await appendAll(tx, audit);
  return { newAreas: operations.newAreas.map((a) => a.name), focalPointsAdded: focalPoints, demoNoticeRemoved: operations.removeNotice };
}

async function applyPeople(
  tx: Tx,
  actor: Actor,
  operations: PeopleOperations,
  organisationIds: Map<string, string>,
): Promise<Record<string, Prisma.InputJsonValue>> {
  const organisationId = (code: string) => {
    const id = organisationIds.get(code);
    if (!id) throw new AppError("VALIDATION", `There is no organisation ${code}.`);
    return id;
  };
  const audit: AuditEntry[] = [];
  for (let i = 0; i < operations.creates.length; i += CHUNK) {
    const chunk = operations.creates.slice(i, i + CHUNK);
    // As invitePerson: active, without a password (the admin sends a one-time link from People).
    const created = await tx.user.createManyAndReturn({
      data: chunk.map((p) => ({
        email: p.email,
        name: p.name,
        role: p.role,
        organisationId: organisationId(p.organisation),
        body: p.body,
        passwordHash: null,
        active: true,
      })),
      select: { id: true, email: true },
    });
    const ids = new Map(created.map((u) => [u.email, u.id]));
    for (const p of chunk) {
      audit.push({
        actorId: actor.id,
        action: "user.create",
        entityType: "User",
        entityId: ids.get(p.email)!,
        after: { email: p.email, name: p.name, role: p.role, organisation: p.organisation, body: p.body, via: VIA },
      });
    }
  }
  for (const u of operations.updates) {
    await tx.user.update({
      where: { id: u.userId },
      data: { name: u.after.name, role: u.after.role, organisationId: organisationId(u.after.organisation), body: u.after.body },
    });
    audit.push({ actorId: actor.id, action: "user.update", entityType: "User", entityId: u.userId, before: { ...u.before }, after: { ...u.after, via: VIA } });
  }
  await appendAll(tx, audit);
  return {};
}

async function applyUpdates(tx: Tx, actor: Actor, operations: UpdatesOperations, now: Date): Promise<Record<string, Prisma.InputJsonValue>> {
  const audit: AuditEntry[] = [];
  const state: WorkflowState = IMPORTED_STATE;
  // The revision of every imported version is made by the importing admin (who ran it), for their organisation.
  const revisionBy = { authorId: actor.id, organisationId: actor.organisationId };

  for (let i = 0; i < operations.creates.length; i += CHUNK) {
    const chunk = operations.creates.slice(i, i + CHUNK);
    const created = await tx.statusUpdate.createManyAndReturn({
      data: chunk.map((c) => ({
        proposalId: c.proposalId,
        periodId: c.periodId,
        ...c.content,
        workflowState: state,
        reviewedAt: now,
        reviewedById: actor.id,
        authorId: c.authorId,
        organisationId: c.organisationId,
        version: 1,
      })),
      select: { id: true, proposalId: true, periodId: true },
    });
    const ids = new Map(created.map((u) => [`${u.proposalId}/${u.periodId}`, u.id]));
    await tx.statusUpdateRevision.createMany({
      data: chunk.map((c) => ({
        ...c.content,
        rationale: "",
        workflowState: state,
        returnNote: null,
        statusUpdateId: ids.get(`${c.proposalId}/${c.periodId}`)!,
        version: 1,
        ...revisionBy,
      })),
    });
    for (const c of chunk) {
      audit.push({
        actorId: actor.id,
        action: "status_update.import",
        entityType: "StatusUpdate",
        entityId: ids.get(`${c.proposalId}/${c.periodId}`)!,
        proposalId: c.proposalId,
        periodId: c.periodId,
        after: { ...c.content, authorId: c.authorId, workflowState: state, version: 1 },
      });
    }
  }

  for (let i = 0; i < operations.changes.length; i += CHUNK) {
    const chunk = operations.changes.slice(i, i + CHUNK);
    // One UPDATE per chunk (the count triggers run once per statement); the rows are locked and their
    // versions read under that lock, so version + 1 is the version the plan expects.
    const saved = await tx.$queryRaw<{ id: string; version: number; rationale: string; returnNote: string | null }[]>`
      UPDATE "StatusUpdate" s SET
        status = v.status::"ImplementationStatus",
        assessment = v.assessment::"Assessment",
        progress = v.progress,
        narrative = v.narrative,
        "nextSteps" = v.next_steps,
        "evidenceLinks" = v.links::jsonb,
        "workflowState" = 'APPROVED',
        "authorId" = v.author_id,
        "organisationId" = v.organisation_id,
        "reviewedAt" = ${now},
        "reviewedById" = ${actor.id},
        version = s.version + 1,
        "updatedAt" = ${now}
      FROM unnest(
        ${chunk.map((c) => c.id)}::text[], ${chunk.map((c) => c.content.status)}::text[], ${chunk.map((c) => c.content.assessment)}::text[],
        ${chunk.map((c) => c.content.progress)}::int[], ${chunk.map((c) => c.content.narrative)}::text[], ${chunk.map((c) => c.content.nextSteps)}::text[],
        ${chunk.map((c) => JSON.stringify(c.content.evidenceLinks))}::text[], ${chunk.map((c) => c.authorId)}::text[], ${chunk.map((c) => c.organisationId)}::text[]
      ) AS v(id, status, assessment, progress, narrative, next_steps, links, author_id, organisation_id)
      WHERE s.id = v.id
      RETURNING s.id, s.version, s.rationale, s."returnNote"`;
    const byId = new Map(saved.map((s) => [s.id, s]));
    await tx.statusUpdateRevision.createMany({
      data: chunk.map((c) => {
        const s = byId.get(c.id)!;
        return {
          ...c.content,
          rationale: s.rationale,
          workflowState: state,
          returnNote: s.returnNote,
          statusUpdateId: c.id,
          version: s.version,
          ...revisionBy,
        };
      }),
    });
    for (const c of chunk) {
      const { workflowState, authorId, ...content } = c.before;
      audit.push({
        actorId: actor.id,
        action: "status_update.import",
        entityType: "StatusUpdate",
        entityId: c.id,
        proposalId: c.proposalId,
        periodId: c.periodId,
        before: { ...content, authorId, workflowState, version: c.version },
        after: { ...c.content, authorId: c.authorId, workflowState: state, version: byId.get(c.id)!.version },
      });
    }
  }
  await appendAll(tx, audit);
  return {};
}

// ---------------------------------------------------------------------------------------------------
// The catalogue export

/** The catalogue in the import's columns, focal points by e-mail: it imports back unchanged. */
export async function exportCatalogue(actor: Actor): Promise<ExportTable> {
  if (!canImport(actor)) {
    await recordAuditEvent({
      actorId: actor.id,
      action: "permission.denied",
      entityType: "Export",
      entityId: "export_catalogue",
      after: { attempted: "export_catalogue" },
    });
    throw new AppError("FORBIDDEN", "Only admins export the catalogue for import.");
  }
  const proposals = await getDb().proposal.findMany({
    select: {
      number: true,
      set: true,
      title: true,
      description: true,
      edaInvolved: true,
      area: { select: { name: true } },
      focalPoints: { select: { user: { select: { email: true } } } },
    },
    orderBy: { number: "asc" },
  });
  return catalogueExportTable(
    proposals.map((p) => ({
      number: p.number,
      set: p.set,
      areaName: p.area.name,
      title: p.title,
      description: p.description,
      edaInvolved: p.edaInvolved,
      focalPointEmails: p.focalPoints.map((f) => f.user.email.toLowerCase()),
    })),
  );
}
