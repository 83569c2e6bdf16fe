// lib/data/focal-points.ts on the real database: vacancies against a count written here in SQL; assign,
// remove, a whole area, a hand-over, each with its audit event in the same transaction; who may (not) be
// a focal point; two admins doing the same thing at once; non-admins refused and audited; and the point
// of it all: once assigned, a staff member may record an update, and once removed, no longer.
// Every person here is made by the factories; focal points of seeded people are never touched, and each
// test's rows are removed at the end, so the demo data is left as it was found.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import {
  assignArea,
  assignFocalPoint,
  countVacancies,
  getPersonFocalPoints,
  getProposalFocalPoints,
  handOverFocalPoints,
  listFocalPointRows,
  removeArea,
  removeFocalPoint,
} from "@/lib/data/focal-points";
import { recordStatusUpdate } from "@/lib/data/status-updates";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { statusUpdateSchema } from "@/lib/validation/status-update";
import { createUser, getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { auditEventsAfter, createActor, expectAppError, lastAuditId, type TestActor } from "./support/app-helpers";

let prisma: PrismaClient;
let admin: TestActor;
const created: string[] = [];

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  admin = await createActor(prisma, "ADMIN");
});

afterAll(async () => {
  // Leave the demo data as it was: this file's people follow nothing any more.
  await prisma?.focalPoint.deleteMany({ where: { userId: { in: created } } });
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

type Options = { organisationId?: "nato" | "eu"; active?: boolean; focalPointOf?: string[] };

/** A fresh person of this file (their focal points are removed at the end). */
async function person(role: "VIEWER" | "STAFF" | "MANAGER" | "ADMIN", options: Options = {}): Promise<TestActor> {
  const user = await createUser(prisma, { role, ...options });
  created.push(user.id);
  return { id: user.id, role: user.role, organisationId: user.organisationId, email: user.email, name: user.name };
}

/** Vacancies per organisation code, counted here: current proposals with no active focal point of it. */
async function sqlVacancies(): Promise<Record<string, number>> {
  const rows = await prisma.$queryRawUnsafe<{ code: string; n: number }[]>(
    `SELECT o.code,
            (SELECT count(*) FROM "Proposal" p
             WHERE p."retiredAt" IS NULL
               AND NOT EXISTS (SELECT 1 FROM "FocalPoint" f JOIN "User" u ON u.id = f."userId"
                               WHERE f."proposalId" = p.id AND u."organisationId" = o.id AND u.active))::int AS n
     FROM "Organisation" o`,
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.n]));
}

async function appVacancies(): Promise<Record<string, number>> {
  return Object.fromEntries((await countVacancies()).map((s) => [s.code, s.vacancies]));
}

async function followedBy(userId: string): Promise<string[]> {
  const rows = await prisma.focalPoint.findMany({ where: { userId }, select: { proposalId: true }, orderBy: { proposalId: "asc" } });
  return rows.map((r) => r.proposalId);
}

/** Current proposals of an area, by id. */
async function areaProposals(areaId: string): Promise<string[]> {
  const rows = await prisma.proposal.findMany({ where: { areaId, retiredAt: null }, select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((r) => r.id);
}

/** A current proposal with no active NATO focal point (the demo data has one every ninth). */
async function natoVacancy(): Promise<string> {
  const [row] = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT p.id FROM "Proposal" p WHERE p."retiredAt" IS NULL AND NOT EXISTS (
       SELECT 1 FROM "FocalPoint" f JOIN "User" u ON u.id = f."userId" WHERE f."proposalId" = p.id AND u."organisationId" = 'nato' AND u.active)
     ORDER BY p.number DESC LIMIT 1`,
  );
  if (!row) throw new Error("The demo data has no NATO vacancy");
  return row.id;
}

async function xmin(table: "FocalPoint" | "AuditEvent", where: string, value: string | bigint): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ xmin: string }[]>(`SELECT xmin::text AS xmin FROM "${table}" WHERE ${where} = $1`, value);
  return rows.map((r) => r.xmin);
}

describe("vacancies", () => {
  test("equal a count made in SQL, before and after a vacancy is filled and its person deactivated", async () => {
    expect(await appVacancies()).toEqual(await sqlVacancies());
    const before = await sqlVacancies();
    expect(before.NATO).toBeGreaterThan(0);

    const proposalId = await natoVacancy();
    const staff = await person("STAFF");
    await assignFocalPoint(admin, { proposalId, userId: staff.id });
    expect(await appVacancies()).toEqual(await sqlVacancies());
    expect((await sqlVacancies()).NATO).toBe(before.NATO! - 1);
    let vacant = await listFocalPointRows({ side: "NATO", vacant: true, page: 1, area: undefined }, 1000);
    expect(vacant.rows.map((r) => r.id)).not.toContain(proposalId);
    expect(vacant.total).toBe(before.NATO! - 1);

    // A deactivated focal point no longer counts: the proposal is vacant again, and they are not offered.
    await prisma.user.update({ where: { id: staff.id }, data: { active: false } });
    expect(await appVacancies()).toEqual(await sqlVacancies());
    expect((await sqlVacancies()).NATO).toBe(before.NATO);
    vacant = await listFocalPointRows({ side: "NATO", vacant: true, page: 1, area: undefined }, 1000);
    expect(vacant.rows.map((r) => r.id)).toContain(proposalId);
    const row = vacant.rows.find((r) => r.id === proposalId)!;
    expect(row.focalPoints).toContainEqual({ userId: staff.id, name: staff.name, organisationCode: "NATO", active: false, role: "STAFF" });
    const page = await getProposalFocalPoints(proposalId);
    const natoSide = page!.sides.find((s) => s.code === "NATO")!;
    expect(natoSide.candidates.map((c) => c.id)).not.toContain(staff.id);
  });

  test("the vacant filter lists exactly the proposals vacant on either side, in one area when asked", async () => {
    const expected = await prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT p.id FROM "Proposal" p WHERE p."retiredAt" IS NULL AND p."areaId" = 'hybrid-threats' AND EXISTS (
         SELECT 1 FROM "Organisation" o WHERE NOT EXISTS (
           SELECT 1 FROM "FocalPoint" f JOIN "User" u ON u.id = f."userId" WHERE f."proposalId" = p.id AND u."organisationId" = o.id AND u.active))
       ORDER BY p.number`,
    );
    const { rows, total } = await listFocalPointRows({ area: "hybrid-threats", vacant: true, side: undefined, page: 1 }, 1000);
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(total).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
  });

  test("a retired proposal is not a vacancy and gets no new focal point", async () => {
    const proposalId = await natoVacancy();
    const before = await sqlVacancies();
    const staff = await person("STAFF");
    await prisma.proposal.update({ where: { id: proposalId }, data: { retiredAt: new Date() } });
    try {
      expect((await appVacancies()).NATO).toBe(before.NATO! - 1);
      expect(await appVacancies()).toEqual(await sqlVacancies());
      const error = await expectAppError(assignFocalPoint(admin, { proposalId, userId: staff.id }), "VALIDATION");
      expect(error.message).toMatch(/is retired/);
      expect(await followedBy(staff.id)).toEqual([]);
    } finally {
      await prisma.proposal.update({ where: { id: proposalId }, data: { retiredAt: null } });
    }
  });
});

describe("one proposal", () => {
  test("assign and remove: the row, the audit event in the same transaction, and a repeat that changes nothing", async () => {
    const staff = await person("STAFF", { organisationId: "eu" });
    const proposalId = "p03";
    const mark = await lastAuditId(prisma);

    expect(await assignFocalPoint(admin, { proposalId, userId: staff.id })).toEqual({ assigned: true, person: staff.name, proposal: "P03" });
    expect(await followedBy(staff.id)).toEqual([proposalId]);
    const [assigned] = await auditEventsAfter(prisma, mark);
    expect(assigned).toMatchObject({
      actorId: admin.id,
      action: "focal_point.assign",
      entityType: "FocalPoint",
      entityId: `${proposalId}/${staff.id}`,
      proposalId,
      after: { userId: staff.id, name: staff.name, organisation: "EU" },
    });
    expect(await xmin("FocalPoint", `"userId"`, staff.id)).toEqual(await xmin("AuditEvent", "id", assigned!.id));
    // The page shows them on the EU side, and no longer offers them there.
    const page = await getProposalFocalPoints(proposalId);
    const eu = page!.sides.find((s) => s.code === "EU")!;
    expect(eu.focalPoints.map((fp) => fp.userId)).toContain(staff.id);
    expect(eu.candidates.map((c) => c.id)).not.toContain(staff.id);
    expect(page!.sides.find((s) => s.code === "NATO")!.focalPoints.map((fp) => fp.userId)).not.toContain(staff.id);

    const afterAssign = await lastAuditId(prisma);
    expect(await assignFocalPoint(admin, { proposalId, userId: staff.id })).toMatchObject({ assigned: false });
    expect(await auditEventsAfter(prisma, afterAssign)).toEqual([]);

    expect(await removeFocalPoint(admin, { proposalId, userId: staff.id })).toEqual({ removed: true, person: staff.name, proposal: "P03" });
    expect(await followedBy(staff.id)).toEqual([]);
    const [removed] = await auditEventsAfter(prisma, afterAssign);
    expect(removed).toMatchObject({ action: "focal_point.remove", proposalId, before: { userId: staff.id, organisation: "EU" } });

    const afterRemove = await lastAuditId(prisma);
    expect(await removeFocalPoint(admin, { proposalId, userId: staff.id })).toMatchObject({ removed: false });
    expect(await auditEventsAfter(prisma, afterRemove)).toEqual([]);
  });

  test("a viewer, a deactivated person, an unknown person or proposal cannot be assigned, and nothing is written", async () => {
    const viewer = await person("VIEWER");
    const gone = await person("STAFF", { active: false });
    const mark = await lastAuditId(prisma);

    const refused = await expectAppError(assignFocalPoint(admin, { proposalId: "p04", userId: viewer.id }), "VALIDATION");
    expect(refused.message).toBe(`${viewer.name} is a viewer: viewers read and export only, so they cannot be focal points. Make them staff first.`);
    expect(refused.details).toEqual({ fields: { userId: refused.message } });
    expect((await expectAppError(assignFocalPoint(admin, { proposalId: "p04", userId: gone.id }), "VALIDATION")).message).toMatch(/deactivated/);
    expect((await expectAppError(assignArea(admin, { userId: viewer.id, areaId: "cyber" }), "VALIDATION")).message).toMatch(/viewer/);
    await expectAppError(assignFocalPoint(admin, { proposalId: "p04", userId: "no-such-user" }), "NOT_FOUND");
    await expectAppError(assignFocalPoint(admin, { proposalId: "no-such-proposal", userId: (await person("STAFF")).id }), "NOT_FOUND");
    await expectAppError(assignArea(admin, { userId: (await person("STAFF")).id, areaId: "no-such-area" }), "NOT_FOUND");

    expect(await prisma.focalPoint.count({ where: { userId: { in: [viewer.id, gone.id] } } })).toBe(0);
    expect(await auditEventsAfter(prisma, mark)).toEqual([]);
    // Neither is offered on the proposal's page.
    const nato = (await getProposalFocalPoints("p04"))!.sides.find((s) => s.code === "NATO")!;
    expect(nato.candidates.map((c) => c.id)).not.toContain(viewer.id);
    expect(nato.candidates.map((c) => c.id)).not.toContain(gone.id);
    expect(nato.candidates.every((c) => c.role !== "VIEWER")).toBe(true);
  });

  test("non-admins are refused, the refusal is audited, and nothing changes", async () => {
    const staff = await person("STAFF");
    const target = await person("STAFF");
    for (const role of ["STAFF", "MANAGER"] as const) {
      const actor = role === "STAFF" ? staff : await person("MANAGER");
      const mark = await lastAuditId(prisma);
      await expectAppError(assignFocalPoint(actor, { proposalId: "p05", userId: target.id }), "FORBIDDEN");
      await expectAppError(assignArea(actor, { userId: target.id, areaId: "cyber" }), "FORBIDDEN");
      await expectAppError(handOverFocalPoints(actor, { fromUserId: target.id, toUserId: staff.id }), "FORBIDDEN");
      const events = await auditEventsAfter(prisma, mark);
      expect(events.map((e) => [e.actorId, e.action, e.entityType, (e.after as { attempted: string }).attempted])).toEqual([
        [actor.id, "permission.denied", "FocalPoint", "assign_focal_point"],
        [actor.id, "permission.denied", "FocalPoint", "assign_area"],
        [actor.id, "permission.denied", "FocalPoint", "handover"],
      ]);
    }
    expect(await followedBy(target.id)).toEqual([]);
  });
});

describe("a whole area", () => {
  test("assign all current proposals, say which were followed already, then remove them all", async () => {
    const cyber = await areaProposals("cyber");
    expect(cyber.length).toBeGreaterThan(2);
    const staff = await person("STAFF", { focalPointOf: [cyber[0]!] });
    const mark = await lastAuditId(prisma);

    expect(await assignArea(admin, { userId: staff.id, areaId: "cyber" })).toEqual({
      assigned: cyber.length - 1,
      alreadyFollowed: 1,
      person: staff.name,
      area: "Cyber security and defence",
    });
    expect(await followedBy(staff.id)).toEqual(cyber);
    const [event] = await auditEventsAfter(prisma, mark);
    expect(event).toMatchObject({
      actorId: admin.id,
      action: "focal_point.assign_area",
      entityType: "User",
      entityId: staff.id,
      after: { areaId: "cyber", proposalIds: cyber.slice(1), alreadyFollowed: [cyber[0]] },
    });
    // The new rows were written by the same transaction as the audit event.
    const added = await Promise.all(cyber.slice(1).map((id) => xmin("FocalPoint", `"userId" = '${staff.id}' AND "proposalId"`, id)));
    expect(new Set(added.flat())).toEqual(new Set(await xmin("AuditEvent", "id", event!.id)));

    // Grouped by area on the person's page.
    const page = (await getPersonFocalPoints(staff.id))!;
    expect(page.followedCount).toBe(cyber.length);
    const area = page.areas.find((a) => a.id === "cyber")!;
    expect(area.followed.map((p) => p.id).sort()).toEqual(cyber);
    expect(area.current).toBe(cyber.length);
    expect(page.areas.filter((a) => a.id !== "cyber").every((a) => a.followed.length === 0)).toBe(true);
    expect(page.areas.map((a) => a.number)).toEqual([...page.areas.map((a) => a.number)].sort((a, b) => a - b));

    const again = await lastAuditId(prisma);
    expect(await assignArea(admin, { userId: staff.id, areaId: "cyber" })).toMatchObject({ assigned: 0, alreadyFollowed: cyber.length });
    expect(await auditEventsAfter(prisma, again)).toEqual([]);

    expect(await removeArea(admin, { userId: staff.id, areaId: "cyber" })).toMatchObject({ removed: cyber.length });
    expect(await followedBy(staff.id)).toEqual([]);
    const [removed] = await auditEventsAfter(prisma, again);
    expect(removed).toMatchObject({ action: "focal_point.remove_area", entityId: staff.id, before: { areaId: "cyber", proposalIds: cyber } });
    expect(await removeArea(admin, { userId: staff.id, areaId: "cyber" })).toMatchObject({ removed: 0 });
  });

  test("a retired proposal of the area is left out", async () => {
    const [retired, ...rest] = await areaProposals("exercises");
    const staff = await person("MANAGER", { organisationId: "eu" });
    await prisma.proposal.update({ where: { id: retired! }, data: { retiredAt: new Date() } });
    try {
      expect(await assignArea(admin, { userId: staff.id, areaId: "exercises" })).toMatchObject({ assigned: rest.length, alreadyFollowed: 0 });
      expect(await followedBy(staff.id)).toEqual(rest);
    } finally {
      await prisma.proposal.update({ where: { id: retired! }, data: { retiredAt: null } });
    }
  });
});

describe("hand-over", () => {
  test("moves every current proposal in one transaction, counting those already theirs; retired ones stay", async () => {
    const mobility = await areaProposals("military-mobility");
    const [retired] = await areaProposals("political-dialogue");
    const leaving = await person("STAFF", { focalPointOf: [...mobility, retired!] });
    const successor = await person("STAFF", { focalPointOf: [mobility[0]!, mobility[1]!] });
    // Candidates: active writers of the same organisation, never the person themself.
    const page = (await getPersonFocalPoints(leaving.id))!;
    expect(page.handoverCandidates.map((c) => c.id)).toContain(successor.id);
    expect(page.handoverCandidates.map((c) => c.id)).not.toContain(leaving.id);
    expect(page.handoverCandidates.every((c) => c.role !== "VIEWER")).toBe(true);

    // The leaver may be deactivated already: their proposals can still go.
    await prisma.user.update({ where: { id: leaving.id }, data: { active: false } });
    await prisma.proposal.update({ where: { id: retired! }, data: { retiredAt: new Date() } });
    const mark = await lastAuditId(prisma);
    try {
      expect(await handOverFocalPoints(admin, { fromUserId: leaving.id, toUserId: successor.id })).toEqual({
        moved: mobility.length - 2,
        alreadyTheirs: 2,
        retiredKept: 1,
        from: leaving.name,
        to: successor.name,
      });
    } finally {
      await prisma.proposal.update({ where: { id: retired! }, data: { retiredAt: null } });
    }
    expect(await followedBy(leaving.id)).toEqual([retired]);
    expect(await followedBy(successor.id)).toEqual(mobility);
    const [event] = await auditEventsAfter(prisma, mark);
    expect(event).toMatchObject({
      actorId: admin.id,
      action: "focal_point.handover",
      entityType: "User",
      entityId: leaving.id,
      before: { userId: leaving.id, proposalIds: expect.arrayContaining(mobility) },
      after: { userId: successor.id, moved: mobility.length - 2, alreadyTheirs: 2, alreadyTheirsProposalIds: expect.arrayContaining(mobility.slice(0, 2)) },
    });
    // The moved rows were written by the same transaction as the audit event.
    const movedXmins = await Promise.all(mobility.slice(2).map((id) => xmin("FocalPoint", `"userId" = '${successor.id}' AND "proposalId"`, id)));
    expect(new Set(movedXmins.flat())).toEqual(new Set(await xmin("AuditEvent", "id", event!.id)));
  });

  test("a second hand-over of the same person finds nothing to move", async () => {
    const leaving = await person("STAFF", { focalPointOf: ["p10"] });
    const successor = await person("MANAGER");
    expect(await handOverFocalPoints(admin, { fromUserId: leaving.id, toUserId: successor.id })).toMatchObject({ moved: 1, alreadyTheirs: 0 });
    const mark = await lastAuditId(prisma);
    expect(await handOverFocalPoints(admin, { fromUserId: leaving.id, toUserId: successor.id })).toMatchObject({ moved: 0, alreadyTheirs: 0 });
    expect(await auditEventsAfter(prisma, mark)).toEqual([]);
  });

  test.each([
    ["someone of the other organisation", { organisationId: "eu" as const }, /other organisation/],
    ["a viewer", { role: "VIEWER" as const }, /viewer/],
    ["a deactivated person", { active: false }, /deactivated/],
    ["the same person", { self: true }, /someone else/],
  ])("to %s is refused and nothing moves", async (_label, target, message) => {
    const leaving = await person("STAFF", { focalPointOf: ["p06", "p07"] });
    const to = "self" in target ? leaving : await person("role" in target ? target.role : "STAFF", target as Options);
    const mark = await lastAuditId(prisma);
    const error = await expectAppError(handOverFocalPoints(admin, { fromUserId: leaving.id, toUserId: to.id }), "VALIDATION");
    expect(error.message).toMatch(message);
    expect(await followedBy(leaving.id)).toEqual(["p06", "p07"]);
    if (to !== leaving) expect(await followedBy(to.id)).toEqual([]);
    expect(await auditEventsAfter(prisma, mark)).toEqual([]);
  });
});

describe("two admins at once", () => {
  test("the same assignment twice: one row, one audit event, the other told nothing changed", async () => {
    const staff = await person("STAFF");
    const other = await createActor(prisma, "ADMIN");
    const mark = await lastAuditId(prisma);
    const outcomes = await Promise.all([
      assignFocalPoint(admin, { proposalId: "p08", userId: staff.id }),
      assignFocalPoint(other, { proposalId: "p08", userId: staff.id }),
    ]);
    expect(outcomes.map((o) => o.assigned).sort()).toEqual([false, true]);
    expect(await followedBy(staff.id)).toEqual(["p08"]);
    expect((await auditEventsAfter(prisma, mark)).map((e) => e.action)).toEqual(["focal_point.assign"]);

    const removals = await Promise.all([
      removeFocalPoint(admin, { proposalId: "p08", userId: staff.id }),
      removeFocalPoint(other, { proposalId: "p08", userId: staff.id }),
    ]);
    expect(removals.map((o) => o.removed).sort()).toEqual([false, true]);
    expect((await auditEventsAfter(prisma, mark)).map((e) => e.action)).toEqual(["focal_point.assign", "focal_point.remove"]);
  });

  test("the same area and the same hand-over twice: each proposal moves once", async () => {
    const capabilities = await areaProposals("capabilities");
    const staff = await person("STAFF", { organisationId: "eu" });
    const successor = await person("ADMIN", { organisationId: "eu" });
    const areas = await Promise.all([
      assignArea(admin, { userId: staff.id, areaId: "capabilities" }),
      assignArea(admin, { userId: staff.id, areaId: "capabilities" }),
    ]);
    expect(areas.map((a) => a.assigned).sort((a, b) => a - b)).toEqual([0, capabilities.length]);
    expect(await followedBy(staff.id)).toEqual(capabilities);

    const mark = await lastAuditId(prisma);
    const handovers = await Promise.all([
      handOverFocalPoints(admin, { fromUserId: staff.id, toUserId: successor.id }),
      handOverFocalPoints(admin, { fromUserId: staff.id, toUserId: successor.id }),
    ]);
    expect(handovers.map((h) => h.moved).sort((a, b) => a - b)).toEqual([0, capabilities.length]);
    expect(await followedBy(staff.id)).toEqual([]);
    expect(await followedBy(successor.id)).toEqual(capabilities);
    expect((await auditEventsAfter(prisma, mark)).map((e) => e.action)).toEqual(["focal_point.handover"]);
  });
});

describe("an assignment is what lets staff record an update", () => {
  test("refused before, saved after assignment, refused again once removed", async () => {
    const periodId = await getOpenPeriodId(prisma);
    // The last proposal without an open-period update: other files take theirs from the front.
    const proposalId = (await proposalsWithoutOpenUpdate(prisma)).at(-1)!;
    const staff = await person("STAFF");
    const input = (expectedVersion: number) =>
      statusUpdateSchema.parse({
        proposalId,
        periodId,
        status: "IN_PROGRESS",
        assessment: "ON_TRACK",
        progress: 30,
        narrative: "Work continued with the new focal point.",
        nextSteps: "",
        evidenceLinks: [],
        rationale: "New focal point's first assessment.",
        expectedVersion,
        intent: "save",
      });

    await expectAppError(recordStatusUpdate(staff, input(0)), "FORBIDDEN");
    await assignFocalPoint(admin, { proposalId, userId: staff.id });
    const saved = await recordStatusUpdate(staff, input(0));
    expect(saved).toMatchObject({ version: 1, workflowState: "DRAFT" });
    expect(await prisma.statusUpdate.findUniqueOrThrow({ where: { id: saved.id }, select: { authorId: true, organisationId: true } })).toEqual({
      authorId: staff.id,
      organisationId: "nato",
    });

    await removeFocalPoint(admin, { proposalId, userId: staff.id });
    await expectAppError(recordStatusUpdate(staff, input(1)), "FORBIDDEN");
  });
});
