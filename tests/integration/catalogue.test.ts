// The catalogue on the real database: an edit of a proposal appends a version (valid from now) and an
// audit event with the changed fields only, in one transaction; a stale version is refused with what
// changed; area names are unique; a draft report of an earlier period keeps the wording valid at its
// cut-off (checked against SQL over ProposalVersion); a retired proposal leaves the periods that start
// after its retirement (lists, dashboard on both of its paths, cockpit, the bell, "what changed", the
// draft report) and stays in the open period and in history; proposals are never deleted; only admins
// edit, and a refusal is audited. Every change is put back: other files use the seeded catalogue, and the
// seeded 11th report is the only open period again at the end.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { getCatalogueArea, getCatalogueProposal, listCatalogue, setProposalRetired, updateArea, updateProposal } from "@/lib/data/catalogue";
import { getChanges } from "@/lib/data/changes";
import { getCockpit } from "@/lib/data/cockpit";
import { getDashboard } from "@/lib/data/dashboard";
import { getNotifications, sendDueReminders } from "@/lib/data/notifications";
import { countProposals, getProposal, listProposals } from "@/lib/data/proposals";
import { collectEntries, findPeriodByNumber, getDraftReport } from "@/lib/data/reports";
import { areaFingerprint, type ProposalWording } from "@/lib/domain/catalogue";
import type { StatusKey } from "@/lib/domain/dashboard";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { areaSchema, parseCatalogueFilters, proposalSchema, type ProposalInput } from "@/lib/validation/catalogue";
import { parseProposalFilters } from "@/lib/validation/proposal-filters";
import { toFieldErrors } from "@/lib/validation/status-update";
import { getOpenPeriodId } from "@/prisma/factories";
import { auditEventsAfter, createActor, expectAppError, lastAuditId, type TestActor } from "./support/app-helpers";
import { changeState, createTestPeriod, lockSeededOpenPeriod, periodNumbers, restoreSeededOpenPeriod } from "./support/periods";

let prisma: PrismaClient;
let admin: TestActor;
let manager: TestActor;
let openPeriodId: string;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  admin = await createActor(prisma, "ADMIN");
  manager = await createActor(prisma, "MANAGER");
  openPeriodId = await getOpenPeriodId(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

const DAY_MS = 24 * 3600 * 1000;

async function wordingOf(id: string): Promise<ProposalWording & { number: number }> {
  return prisma.proposal.findUniqueOrThrow({
    where: { id },
    select: { number: true, title: true, description: true, areaId: true, set: true, edaInvolved: true },
  });
}

async function latestVersion(id: string): Promise<number> {
  const row = await prisma.proposalVersion.findFirst({ where: { proposalId: id }, orderBy: { version: "desc" }, select: { version: true } });
  return row?.version ?? 0;
}

function edit(id: string, wording: ProposalWording, expectedVersion: number): ProposalInput {
  return proposalSchema.parse({ proposalId: id, ...wording, edaInvolved: wording.edaInvolved ? "on" : undefined, expectedVersion });
}

/** Rows of the tables an edit writes; equal before and after means nothing was written. */
async function catalogueCounts() {
  const [versions, auditEvents, areas] = await Promise.all([
    prisma.proposalVersion.count(),
    prisma.auditEvent.count({ where: { action: { not: "permission.denied" } } }),
    prisma.area.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { versions, auditEvents, areas };
}

/** The wording a report of the period must show for a proposal, by SQL over ProposalVersion. */
async function wordingAtCutOff(proposalId: string, periodNumber: number) {
  const [row] = await prisma.$queryRaw<{ title: string; areaNumber: number }[]>`
    SELECT v.title, a.number AS "areaNumber"
    FROM "ReportingPeriod" rp
    JOIN "ProposalVersion" v ON v."proposalId" = ${proposalId} AND v."validFrom" < rp."cutOffOn" + interval '1 day'
    JOIN "Area" a ON a.id = v."areaId"
    WHERE rp.number = ${periodNumber}
    ORDER BY v.version DESC LIMIT 1`;
  return row!;
}

async function draftEntries(periodNumber: number) {
  return collectEntries(await getDraftReport((await findPeriodByNumber(periodNumber))!), "number");
}

describe.sequential("editing a proposal", () => {
  let id: string;
  let original: ProposalWording & { number: number };
  let otherArea: { id: string; number: number };

  beforeAll(async () => {
    // A proposal with an approved update in the 10th report, so that its entry there is a full one.
    const [row] = await prisma.$queryRaw<{ id: string }[]>`
      SELECT p.id FROM "Proposal" p JOIN "StatusUpdate" s ON s."proposalId" = p.id JOIN "ReportingPeriod" rp ON rp.id = s."periodId"
      WHERE rp.number = 10 AND s."workflowState" = 'APPROVED' AND p."retiredAt" IS NULL ORDER BY p.number DESC LIMIT 1`;
    id = row!.id;
    original = await wordingOf(id);
    otherArea = await prisma.area.findFirstOrThrow({ where: { id: { not: original.areaId } }, orderBy: { number: "asc" }, select: { id: true, number: true } });
  });

  afterAll(async () => {
    if (!prisma || !id) return;
    const { number: _number, ...now } = await wordingOf(id);
    const { number: _n, ...before } = original;
    if (JSON.stringify(now) !== JSON.stringify(before)) await updateProposal(admin, edit(id, before, await latestVersion(id)));
  });

  test("a save appends a version valid from now and an audit event with the changed fields only, in one transaction", async () => {
    const version = await latestVersion(id);
    expect(version).toBeGreaterThanOrEqual(1);
    const before = await lastAuditId(prisma);
    const started = new Date();
    const saved = await updateProposal(admin, edit(id, { ...original, title: `${original.title} (reworded)`, areaId: otherArea.id }, version));
    expect(saved).toEqual({ version: version + 1, changed: true });

    expect(await wordingOf(id)).toMatchObject({ title: `${original.title} (reworded)`, areaId: otherArea.id, description: original.description });
    const row = await prisma.proposalVersion.findUniqueOrThrow({ where: { proposalId_version: { proposalId: id, version: version + 1 } } });
    expect(row).toMatchObject({ title: `${original.title} (reworded)`, areaId: otherArea.id, number: original.number, changedById: admin.id });
    expect(row.validFrom.getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);

    const events = await auditEventsAfter(prisma, before);
    expect(events.map((e) => [e.action, e.entityType, e.entityId, e.proposalId, e.actorId])).toEqual([["proposal.update", "Proposal", id, id, admin.id]]);
    expect(events[0]!.before).toEqual({ title: original.title, areaId: original.areaId, version });
    expect(events[0]!.after).toEqual({ title: `${original.title} (reworded)`, areaId: otherArea.id, version: version + 1 });
    // The proposal, its new version and the audit event were written by the same transaction.
    const [xmins] = await prisma.$queryRaw<{ proposal: string; version: string; audit: string }[]>`
      SELECT (SELECT xmin::text FROM "Proposal" WHERE id = ${id}) AS proposal,
             (SELECT xmin::text FROM "ProposalVersion" WHERE id = ${row.id}) AS version,
             (SELECT xmin::text FROM "AuditEvent" WHERE id = ${events[0]!.id}) AS audit`;
    expect(new Set([xmins!.proposal, xmins!.version, xmins!.audit]).size).toBe(1);
  });

  test("a save that changes nothing writes nothing", async () => {
    const counts = await catalogueCounts();
    const { number: _number, ...current } = await wordingOf(id);
    expect(await updateProposal(admin, edit(id, current, await latestVersion(id)))).toMatchObject({ changed: false });
    expect(await catalogueCounts()).toEqual(counts);
  });

  test("a save from a stale version is refused with what is saved now and what changed, and writes nothing", async () => {
    const version = await latestVersion(id);
    const counts = await catalogueCounts();
    const error = await expectAppError(updateProposal(admin, edit(id, { ...original, description: "Someone else's text." }, version - 1)), "CONFLICT");
    expect(error.details).toMatchObject({ current: { version, title: `${original.title} (reworded)` }, changedFields: ["Title", "Area"] });
    expect(await catalogueCounts()).toEqual(counts);
  });

  test("two saves of the same version at once: one is saved, the other refused", async () => {
    const version = await latestVersion(id);
    const { number: _number, ...current } = await wordingOf(id);
    const results = await Promise.allSettled([
      updateProposal(admin, edit(id, { ...current, description: "First writer." }, version)),
      updateProposal(admin, edit(id, { ...current, description: "Second writer." }, version)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT" });
    expect(await latestVersion(id)).toBe(version + 1);
    expect(["First writer.", "Second writer."]).toContain((await wordingOf(id)).description);
  });

  test("bad input is a message beside its field, and writes nothing", async () => {
    const counts = await catalogueCounts();
    const bad = proposalSchema.safeParse({ proposalId: id, title: " x ", description: "", areaId: "", set: "SET_2099", expectedVersion: "1" });
    expect(bad.success).toBe(false);
    expect(Object.keys(toFieldErrors(bad.error!)).sort()).toEqual(["areaId", "description", "set", "title"]);
    const { number: _number, ...current } = await wordingOf(id);
    const error = await expectAppError(updateProposal(admin, edit(id, { ...current, areaId: "no-such-area" }, await latestVersion(id))), "VALIDATION");
    expect(error.details).toEqual({ fields: { areaId: "Choose one of the areas" } });
    expect(await catalogueCounts()).toEqual(counts);
  });

  test("the draft of an earlier period keeps the wording valid at its cut-off; the open period's draft shows the new one", async () => {
    const [earlier, open] = await Promise.all([draftEntries(10), draftEntries(11)]);
    const atTen = await wordingAtCutOff(id, 10);
    expect(atTen).toEqual({ title: original.title, areaNumber: (await prisma.area.findUniqueOrThrow({ where: { id: original.areaId } })).number });
    expect(earlier.find((e) => e.proposalId === id)).toMatchObject({ title: atTen.title, areaNumber: atTen.areaNumber });
    expect(earlier.find((e) => e.proposalId === id)!.update).not.toBeNull();
    const atEleven = await wordingAtCutOff(id, 11);
    expect(atEleven).toEqual({ title: `${original.title} (reworded)`, areaNumber: otherArea.number });
    expect(open.find((e) => e.proposalId === id)).toMatchObject({ title: atEleven.title, areaNumber: atEleven.areaNumber });
    // The header's areas are read from the same entries.
    const report = await getDraftReport((await findPeriodByNumber(10))!);
    const counted = new Map<number, number>();
    for (const e of earlier) counted.set(e.areaNumber, (counted.get(e.areaNumber) ?? 0) + 1);
    expect(report.header.areas.map((a) => [a.number, a.proposals])).toEqual([...counted.entries()].sort((a, b) => a[0] - b[0]));
  });

  test("the proposal's page in the admin section lists every version, newest first, with who made it", async () => {
    const detail = (await getCatalogueProposal(id))!;
    const versions = await prisma.proposalVersion.findMany({ where: { proposalId: id }, orderBy: { version: "desc" } });
    expect(detail.version).toBe(versions[0]!.version);
    expect(detail.versions.map((v) => [v.version, v.title])).toEqual(versions.map((v) => [v.version, v.title]));
    expect(detail.versions[0]!.changedByName).toBe(admin.name);
    const listed = await listCatalogue(parseCatalogueFilters({ q: `P${original.number}` }));
    expect(listed.proposals.map((p) => [p.id, p.version])).toEqual([[id, versions[0]!.version]]);
  });
});

describe.sequential("editing an area", () => {
  let area: { id: string; name: string; description: string };
  let other: { name: string };

  beforeAll(async () => {
    [area, other] = (await prisma.area.findMany({ orderBy: { number: "desc" }, take: 2, select: { id: true, name: true, description: true } })) as [
      typeof area,
      typeof other,
    ];
  });

  afterAll(async () => {
    if (!prisma || !area) return;
    const now = await prisma.area.findUniqueOrThrow({ where: { id: area.id } });
    if (now.description !== area.description) {
      await updateArea(admin, { areaId: area.id, name: area.name, description: area.description, fingerprint: areaFingerprint(now) });
    }
  });

  const input = (values: Partial<{ name: string; description: string; fingerprint: string }>) =>
    areaSchema.parse({ areaId: area.id, name: area.name, description: area.description, fingerprint: areaFingerprint(area), ...values });

  test("another area's name, in any case or spacing, is a message beside the name, and writes nothing", async () => {
    const counts = await catalogueCounts();
    for (const name of [other.name, ` ${other.name.toUpperCase()} `, other.name.replace(/ /g, "  ")]) {
      const error = await expectAppError(updateArea(admin, input({ name })), "VALIDATION");
      expect(error.details).toEqual({ fields: { name: `Another area is already named “${other.name}”` } });
    }
    expect(await catalogueCounts()).toEqual(counts);
  });

  test("an edit is audited with the changed fields only; a save from the old wording is then refused", async () => {
    const before = await lastAuditId(prisma);
    expect(await updateArea(admin, input({ description: `${area.description} Edited.` }))).toEqual({ changed: true });
    const events = await auditEventsAfter(prisma, before);
    expect(events.map((e) => [e.action, e.entityType, e.entityId, e.actorId])).toEqual([["area.update", "Area", area.id, admin.id]]);
    expect([events[0]!.before, events[0]!.after]).toEqual([{ description: area.description }, { description: `${area.description} Edited.` }]);
    const counts = await catalogueCounts();
    const stale = await expectAppError(updateArea(admin, input({ name: `${area.name} (renamed)` })), "CONFLICT");
    expect(stale.message).toMatch(/Someone else changed this area/);
    expect(await catalogueCounts()).toEqual(counts);
    expect((await getCatalogueArea(area.id))!.changes[0]).toMatchObject({ actorName: admin.name, after: { description: `${area.description} Edited.` } });
  });
});

describe.sequential("retiring a proposal", () => {
  const nextNumber = periodNumbers(800);
  let retiree: { id: string; number: number };
  let kept: { id: string; number: number };
  let later: { id: string; number: number; startsOn: Date };
  let historyBefore: number;

  beforeAll(async () => {
    // A proposal with an approved update in the open period and in the 10th report, and none in a
    // period that starts after today (another file's test period), so that it can be retired now.
    const rows = await prisma.$queryRaw<{ id: string; number: number }[]>`
      SELECT p.id, p.number FROM "Proposal" p
      WHERE p."retiredAt" IS NULL
        AND EXISTS (SELECT 1 FROM "StatusUpdate" s WHERE s."proposalId" = p.id AND s."periodId" = ${openPeriodId} AND s."workflowState" = 'APPROVED')
        AND EXISTS (SELECT 1 FROM "StatusUpdate" s JOIN "ReportingPeriod" rp ON rp.id = s."periodId" WHERE s."proposalId" = p.id AND rp.number = 10 AND s."workflowState" = 'APPROVED')
        AND NOT EXISTS (SELECT 1 FROM "StatusUpdate" s JOIN "ReportingPeriod" rp ON rp.id = s."periodId" WHERE s."proposalId" = p.id AND rp."startsOn" >= now())
      ORDER BY p.number DESC LIMIT 2`;
    [retiree, kept] = rows as [typeof retiree, typeof kept];
    const id = await createTestPeriod(manager, nextNumber());
    later = await prisma.reportingPeriod.findUniqueOrThrow({ where: { id }, select: { id: true, number: true, startsOn: true } });
    historyBefore = (await getProposal(retiree.id))!.history.length;
  });

  afterAll(async () => {
    if (!prisma || !retiree) return;
    if ((await prisma.proposal.findUniqueOrThrow({ where: { id: retiree.id } })).retiredAt) {
      await setProposalRetired(admin, { proposalId: retiree.id, action: "unretire" });
    }
    await restoreSeededOpenPeriod(prisma, manager, openPeriodId);
  });

  test("it cannot be retired from a period in which it already has an update", async () => {
    const counts = await catalogueCounts();
    // As if it were retired before the open period began (1 June 2025): that period already has its update.
    const error = await expectAppError(setProposalRetired(admin, { proposalId: retiree.id, action: "retire" }, new Date("2025-01-01T00:00:00Z")), "CONFLICT");
    expect(error.message).toMatch(/already has an update in the .*11th progress report/);
    expect(await catalogueCounts()).toEqual(counts);
  });

  test("retired: audited, out of a period that starts later, still in the open one", async () => {
    const before = await lastAuditId(prisma);
    const { retiredAt } = await setProposalRetired(admin, { proposalId: retiree.id, action: "retire" });
    expect(retiredAt).toBeInstanceOf(Date);
    const events = await auditEventsAfter(prisma, before);
    expect(events.map((e) => [e.action, e.proposalId, e.before, e.after])).toEqual([
      ["proposal.retire", retiree.id, { retiredAt: null }, { retiredAt: retiredAt!.toISOString() }],
    ]);
    await expectAppError(setProposalRetired(admin, { proposalId: retiree.id, action: "retire" }), "CONFLICT");

    const total = await prisma.proposal.count();
    const ids = async (periodId: string) => (await listProposals(parseProposalFilters({}), periodId)).map((r) => r.id);
    expect(await ids(later.id)).not.toContain(retiree.id);
    expect(await ids(later.id)).toContain(kept.id);
    expect(await ids(openPeriodId)).toContain(retiree.id);
    expect(await countProposals(later.id)).toBe(total - 1);
    expect(await countProposals(openPeriodId)).toBe(total);
    const asOf = parseProposalFilters({ asOf: new Date().toISOString().slice(0, 10) });
    expect((await listProposals(asOf, later.id)).map((r) => r.id)).not.toContain(retiree.id);

    const cockpit = (periodId: string) =>
      prisma.reportingPeriod
        .findUniqueOrThrow({ where: { id: periodId }, select: { id: true, number: true, cutOffOn: true, dueOn: true } })
        .then((p) => getCockpit(p));
    expect((await cockpit(later.id)).total).toBe(total - 1);
    expect((await cockpit(later.id)).missing.map((m) => m.id)).not.toContain(retiree.id);
    expect((await cockpit(openPeriodId)).total).toBe(total);

    const [laterDraft, openDraft] = await Promise.all([draftEntries(later.number), draftEntries(11)]);
    expect(laterDraft.map((e) => e.proposalId)).not.toContain(retiree.id);
    expect(laterDraft).toHaveLength(total - 1);
    expect(openDraft.map((e) => e.proposalId)).toContain(retiree.id);
    const laterReport = await getDraftReport((await findPeriodByNumber(later.number))!);
    expect(laterReport.header.figures.totalProposals).toBe(total - 1);
    expect(laterReport.header.figures.bySet.reduce((sum, s) => sum + s.count, 0)).toBe(total - 1);

    // Its history is all there.
    expect((await getProposal(retiree.id))!.history).toHaveLength(historyBefore);
    // Between the open period and the later one, it is not shown as moving to "No update".
    const changes = await getChanges({
      include: "approved",
      area: [],
      org: [],
      assessment: [],
      asOf: undefined,
      fromPeriodId: openPeriodId,
      toPeriodId: later.id,
    });
    expect(JSON.stringify(changes)).not.toContain(`"${retiree.id}"`);
  });

  test("the dashboard of the later period leaves it out on both paths; the trend counts it in the periods it belongs to", async () => {
    const total = await prisma.proposal.count();
    const fromCounts = await getDashboard(later.id);
    const fromUpdates = await getDashboard(later.id, { asOf: new Date().toISOString().slice(0, 10) });
    for (const dashboard of [fromCounts, fromUpdates]) {
      expect(dashboard.totalProposals).toBe(total - 1);
      expect(dashboard.missingCount).toBe(total - 1);
    }
    // The 10th report's column: the retiree began before it, so it is in that period (as on the 10th
    // report's own dashboard): its approved updates by SQL, "No update" the rest of every proposal.
    const rows = await prisma.$queryRaw<{ status: StatusKey; count: number }[]>`
      SELECT s.status::text AS status, count(*)::int AS count FROM "StatusUpdate" s JOIN "ReportingPeriod" rp ON rp.id = s."periodId"
      WHERE rp.number = 10 AND s."workflowState" = 'APPROVED' GROUP BY s.status`;
    const expected: Partial<Record<StatusKey, number>> = Object.fromEntries(rows.map((r) => [r.status, r.count]));
    expected.NO_UPDATE = total - rows.reduce((sum, r) => sum + r.count, 0);
    const tenth = (await prisma.reportingPeriod.findUniqueOrThrow({ where: { number: 10 }, select: { id: true } })).id;
    for (const dashboard of [fromCounts, fromUpdates, await getDashboard(tenth)]) {
      const ten = dashboard.trend.find((t) => t.number === 10)!;
      expect(ten.total).toBe(total);
      expect(Object.fromEntries(Object.entries(ten.counts).filter(([, n]) => n > 0))).toEqual(
        Object.fromEntries(Object.entries(expected).filter(([, n]) => n! > 0)),
      );
    }
    // The open period still counts it.
    expect((await getDashboard(openPeriodId)).totalProposals).toBe(total);
  });

  test("once the later period is open, the bell and the reminders leave it out", async () => {
    const staff = await createActor(prisma, "STAFF", { focalPointOf: [retiree.id, kept.id] });
    await createActor(prisma, "STAFF", { focalPointOf: [retiree.id] });
    await lockSeededOpenPeriod(prisma, manager, openPeriodId);
    await changeState(prisma, manager, later.id, "open");
    const due = (await getNotifications(staff, new Date(later.startsOn.getTime() + DAY_MS))).filter((n) => n.kind === "due").map((n) => n.href);
    expect(due).toContain(`/proposals/${kept.id}/update`);
    expect(due).not.toContain(`/proposals/${retiree.id}/update`);
    // Reminders go to the focal points with a proposal of the period still due (nothing is submitted in
    // it yet): not to the one who follows only the retired proposal.
    const [expected] = await prisma.$queryRaw<{ inPeriod: number; all: number }[]>`
      SELECT count(DISTINCT u.id) FILTER (WHERE p."retiredAt" IS NULL OR p."retiredAt" > rp."startsOn")::int AS "inPeriod", count(DISTINCT u.id)::int AS all
      FROM "User" u JOIN "FocalPoint" f ON f."userId" = u.id JOIN "Proposal" p ON p.id = f."proposalId" JOIN "ReportingPeriod" rp ON rp.id = ${later.id}
      WHERE u.active AND u.role <> 'VIEWER'`;
    expect(expected!.all).toBeGreaterThan(expected!.inPeriod);
    expect((await sendDueReminders(manager, later.id)).recipients).toBe(expected!.inPeriod);
    await restoreSeededOpenPeriod(prisma, manager, openPeriodId);
  });

  test("brought back: audited, and in the later period again", async () => {
    const before = await lastAuditId(prisma);
    expect(await setProposalRetired(admin, { proposalId: retiree.id, action: "unretire" })).toEqual({ retiredAt: null });
    const events = await auditEventsAfter(prisma, before);
    expect(events.map((e) => [e.action, e.after])).toEqual([["proposal.unretire", { retiredAt: null }]]);
    expect((await listProposals(parseProposalFilters({}), later.id)).map((r) => r.id)).toContain(retiree.id);
    expect((await getDashboard(later.id)).totalProposals).toBe(await prisma.proposal.count());
    // Back in view, it moves from its open-period status to "No update" (so the check above could fail).
    const changes = await getChanges({
      include: "approved",
      area: [],
      org: [],
      assessment: [],
      asOf: undefined,
      fromPeriodId: openPeriodId,
      toPeriodId: later.id,
    });
    expect(JSON.stringify(changes)).toContain(`"${retiree.id}"`);
    await expectAppError(setProposalRetired(admin, { proposalId: retiree.id, action: "unretire" }), "CONFLICT");
  });
});

describe("proposals are never deleted", () => {
  test("the database refuses to delete a proposal with history, or any of its versions", async () => {
    const [row] = await prisma.$queryRaw<{ id: string }[]>`
      SELECT p.id FROM "Proposal" p WHERE EXISTS (SELECT 1 FROM "StatusUpdate" s WHERE s."proposalId" = p.id) ORDER BY p.number LIMIT 1`;
    const id = row!.id;
    const focalPoints = await prisma.focalPoint.count({ where: { proposalId: id } });
    await expect(prisma.$executeRaw`DELETE FROM "Proposal" WHERE id = ${id}`).rejects.toThrow(/foreign key/);
    await expect(prisma.$executeRaw`DELETE FROM "ProposalVersion" WHERE "proposalId" = ${id}`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`UPDATE "ProposalVersion" SET title = 'tampered' WHERE "proposalId" = ${id}`).rejects.toThrow(/append-only/);
    expect(await prisma.proposal.count({ where: { id } })).toBe(1);
    expect(await prisma.focalPoint.count({ where: { proposalId: id } })).toBe(focalPoints);
    expect(await prisma.proposalVersion.count({ where: { proposalId: id } })).toBeGreaterThanOrEqual(1);
  });
});

describe("only admins edit the catalogue", () => {
  test.each(["VIEWER", "STAFF", "MANAGER"] as const)("a %s is refused, the refusal audited, and nothing written", async (role) => {
    const actor = await createActor(prisma, role);
    const proposal = await prisma.proposal.findFirstOrThrow({ orderBy: { number: "asc" } });
    const area = await prisma.area.findFirstOrThrow({ orderBy: { number: "asc" } });
    const counts = await catalogueCounts();
    const before = await lastAuditId(prisma);
    await expectAppError(updateProposal(actor, edit(proposal.id, { ...proposal, title: "Not allowed" }, await latestVersion(proposal.id))), "FORBIDDEN");
    await expectAppError(
      updateArea(actor, { areaId: area.id, name: "Not allowed", description: area.description, fingerprint: areaFingerprint(area) }),
      "FORBIDDEN",
    );
    await expectAppError(setProposalRetired(actor, { proposalId: proposal.id, action: "retire" }), "FORBIDDEN");
    const events = await auditEventsAfter(prisma, before);
    expect(events.map((e) => [e.action, e.actorId, e.entityType, e.entityId, (e.after as { attempted: string }).attempted])).toEqual([
      ["permission.denied", actor.id, "Proposal", proposal.id, "update_proposal"],
      ["permission.denied", actor.id, "Area", area.id, "update_area"],
      ["permission.denied", actor.id, "Proposal", proposal.id, "retire_proposal"],
    ]);
    expect(await catalogueCounts()).toEqual(counts);
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).retiredAt).toBeNull();
  });
});
