// Running reporting periods through lib/data/period-admin.ts on the real database: creating and editing
// (with a version), the lifecycle UPCOMING -> OPEN -> LOCKED (from the cut-off day) -> CLOSED with
// unlock back to OPEN, one open period at a time (also under concurrency), and who may do it.
// The seeded 11th report is open for every other file: tests that need it locked give it back in
// `finally` (see support/periods.ts). Test periods get report numbers from 900 up and are left behind
// (their audit events cannot be deleted), closed or upcoming.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { changePeriodState, createPeriod, reopenProposal, updatePeriod } from "@/lib/data/period-admin";
import type { Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { getOpenPeriodId } from "@/prisma/factories";
import { auditEventsAfter, createActor, expectAppError, lastAuditId, xminOf, type TestActor } from "./support/app-helpers";
import {
  addDays,
  changeState,
  createTestPeriod,
  getPeriodRow,
  lockSeededOpenPeriod,
  periodInput,
  periodNumbers,
  restoreSeededOpenPeriod,
} from "./support/periods";

let prisma: PrismaClient;
let seededOpenId: string;
let manager: TestActor;
let staff: TestActor;
let viewer: TestActor;
const nextNumber = periodNumbers(900);

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  seededOpenId = await getOpenPeriodId(prisma);
  manager = await createActor(prisma, "MANAGER");
  staff = await createActor(prisma, "STAFF");
  viewer = await createActor(prisma, "VIEWER");
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

/**
 * Holds every transaction back at its audit insert (a table lock on "AuditEvent" from another session)
 * until released, so that concurrent transactions really overlap: each has read and written its period
 * before any can commit. Without the app's advisory lock, two would then both see no open period.
 */
async function holdAuditInserts() {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE "AuditEvent" IN EXCLUSIVE MODE`);
  return {
    /** Waits until `count` other sessions of this database are waiting for a lock (or the time is up). */
    async waitForBlocked(count: number, timeoutMs = 1_500): Promise<number> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // Activity statistics are a snapshot per transaction: take a fresh one each time.
        await client.query("SELECT pg_stat_clear_snapshot()");
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if (rows[0]!.n >= count || Date.now() > deadline) return rows[0]!.n;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    async release(): Promise<void> {
      await client.query("COMMIT").catch(() => undefined);
      await client.end();
    },
  };
}

/** The period's audit events, oldest first. */
function periodTrail(periodId: string) {
  return prisma.auditEvent.findMany({ where: { entityType: "ReportingPeriod", entityId: periodId }, orderBy: { id: "asc" } });
}

/** A state change wrote the period row and its audit event in one transaction. */
async function expectChangeAudited(periodId: string, action: string, actor: Actor, states: [string, string]) {
  const [period, event] = await Promise.all([
    getPeriodRow(prisma, periodId),
    prisma.auditEvent.findFirstOrThrow({ where: { entityType: "ReportingPeriod", entityId: periodId }, orderBy: { id: "desc" } }),
  ]);
  expect(period.state).toBe(states[1]);
  expect(event).toMatchObject({
    action,
    actorId: actor.id,
    periodId,
    before: { state: states[0], version: period.version - 1 },
    after: { state: states[1], version: period.version },
  });
  expect(await xminOf(prisma, "ReportingPeriod", periodId)).toBe(await xminOf(prisma, "AuditEvent", event.id));
}

describe("creating and editing periods", () => {
  test("a new period starts UPCOMING at version 1, and its creation is audited", async () => {
    const number = nextNumber();
    const id = await createTestPeriod(manager, number, { name: `Created ${number}` });
    expect(id).toBe(`report-${number}`);
    expect(await getPeriodRow(prisma, id)).toMatchObject({
      number,
      name: `Created ${number}`,
      state: "UPCOMING",
      version: 1,
      lockedAt: null,
      cutOffOn: new Date("2030-03-31T00:00:00Z"),
    });
    expect(await periodTrail(id)).toEqual([
      expect.objectContaining({
        action: "period.create",
        actorId: manager.id,
        periodId: id,
        after: expect.objectContaining({ number, cutOffOn: "2030-03-31" }),
      }),
    ]);
  });

  test("a taken report number is VALIDATION on the number field, and nothing is written", async () => {
    const since = await lastAuditId(prisma);
    const count = await prisma.reportingPeriod.count();
    const error = await expectAppError(createPeriod(manager, periodInput(11)), "VALIDATION");
    expect(error.details).toEqual({ fields: { number: "Report number 11 already exists" } });
    expect(await prisma.reportingPeriod.count()).toBe(count);
    expect(await auditEventsAfter(prisma, since)).toEqual([]);
  });

  test("an edit from the current version bumps the version and records old and new values; a stale one is a CONFLICT", async () => {
    const number = nextNumber();
    const id = await createTestPeriod(manager, number);
    await updatePeriod(manager, id, periodInput(number, { name: "Renamed report", dueOn: "2030-04-30", expectedVersion: 1 }));
    const edited = await getPeriodRow(prisma, id);
    expect(edited).toMatchObject({ name: "Renamed report", dueOn: new Date("2030-04-30T00:00:00Z"), version: 2 });
    expect((await periodTrail(id)).at(-1)).toMatchObject({
      action: "period.update",
      before: { name: `Test report ${number}`, dueOn: "2030-04-15", version: 1 },
      after: { name: "Renamed report", dueOn: "2030-04-30", version: 2 },
    });

    const since = await lastAuditId(prisma);
    await expectAppError(updatePeriod(manager, id, periodInput(number, { name: "From an old copy", expectedVersion: 1 })), "CONFLICT");
    expect(await getPeriodRow(prisma, id)).toEqual(edited);
    expect(await auditEventsAfter(prisma, since)).toEqual([]);
  });
});

describe("who may run periods", () => {
  // Should a refusal fail to refuse, the seeded period is given back for the next test.
  afterEach(() => restoreSeededOpenPeriod(prisma, manager, seededOpenId));

  test.each([
    ["staff", () => staff],
    ["a viewer", () => viewer],
  ])("%s cannot create, edit, open, lock or reopen: FORBIDDEN, each refusal audited, nothing changed", async (_who, who) => {
    const actor = who();
    const number = nextNumber();
    const upcoming = await createTestPeriod(manager, number);
    const [seededBefore, upcomingBefore, periods, reopenings] = await Promise.all([
      getPeriodRow(prisma, seededOpenId),
      getPeriodRow(prisma, upcoming),
      prisma.reportingPeriod.count(),
      prisma.periodReopening.count(),
    ]);
    const since = await lastAuditId(prisma);

    await expectAppError(createPeriod(actor, periodInput(nextNumber())), "FORBIDDEN");
    await expectAppError(updatePeriod(actor, upcoming, periodInput(number, { name: "Hijacked", expectedVersion: 1 })), "FORBIDDEN");
    await expectAppError(changePeriodState(actor, upcoming, "open", 1), "FORBIDDEN");
    await expectAppError(changePeriodState(actor, seededOpenId, "lock", seededBefore.version, seededBefore.cutOffOn), "FORBIDDEN");
    await expectAppError(
      reopenProposal(actor, { periodId: seededOpenId, proposalId: "p01", reason: "Late evidence", expiresOn: seededBefore.cutOffOn }, seededBefore.cutOffOn),
      "FORBIDDEN",
    );

    expect(await getPeriodRow(prisma, seededOpenId)).toEqual(seededBefore);
    expect(await getPeriodRow(prisma, upcoming)).toEqual(upcomingBefore);
    expect([await prisma.reportingPeriod.count(), await prisma.periodReopening.count()]).toEqual([periods, reopenings]);
    const denied = await auditEventsAfter(prisma, since);
    expect(denied.map((e) => [e.action, e.actorId, e.entityType, e.entityId, e.after])).toEqual([
      ["permission.denied", actor.id, "ReportingPeriod", "new", { attempted: "create_period" }],
      ["permission.denied", actor.id, "ReportingPeriod", upcoming, { attempted: "update_period" }],
      ["permission.denied", actor.id, "ReportingPeriod", upcoming, { attempted: "period_open" }],
      ["permission.denied", actor.id, "ReportingPeriod", seededOpenId, { attempted: "period_lock" }],
      ["permission.denied", actor.id, "ReportingPeriod", seededOpenId, { attempted: "reopen_proposal" }],
    ]);
  });
});

describe("state changes that are refused", () => {
  afterEach(() => restoreSeededOpenPeriod(prisma, manager, seededOpenId));

  test("opening is refused while the seeded period is open: CONFLICT naming it, nothing changed", async () => {
    const id = await createTestPeriod(manager, nextNumber());
    const [before, since] = [await getPeriodRow(prisma, id), await lastAuditId(prisma)];
    const error = await expectAppError(changePeriodState(manager, id, "open", 1), "CONFLICT");
    expect(error.message).toContain("11th progress report is open");
    expect(await getPeriodRow(prisma, id)).toEqual(before);
    expect(await auditEventsAfter(prisma, since)).toEqual([]);
  });

  test("a stale period version is a CONFLICT and changes nothing", async () => {
    const id = await createTestPeriod(manager, nextNumber());
    await updatePeriod(manager, id, periodInput((await getPeriodRow(prisma, id)).number, { name: "Edited once", expectedVersion: 1 }));
    const [before, since] = [await getPeriodRow(prisma, id), await lastAuditId(prisma)];
    const error = await expectAppError(changePeriodState(manager, id, "open", 1), "CONFLICT");
    expect(error.message).toMatch(/Someone else changed this period/);
    const seeded = await getPeriodRow(prisma, seededOpenId);
    await expectAppError(changePeriodState(manager, seededOpenId, "lock", seeded.version - 1, addDays(seeded.cutOffOn, 1)), "CONFLICT");
    expect(await getPeriodRow(prisma, id)).toEqual(before);
    expect(await getPeriodRow(prisma, seededOpenId)).toEqual(seeded);
    expect(await auditEventsAfter(prisma, since)).toEqual([]);
  });

  test.each(["lock", "unlock", "close"] as const)("an upcoming period cannot be %sed: CONFLICT", async (action) => {
    const id = await createTestPeriod(manager, nextNumber());
    const error = await expectAppError(changePeriodState(manager, id, action, 1, new Date("2031-01-01T00:00:00Z")), "CONFLICT");
    expect(error.message).toContain("upcoming cannot be");
    expect((await getPeriodRow(prisma, id)).state).toBe("UPCOMING");
  });

  test("the open period cannot be locked before its cut-off day, nor closed or opened again", async () => {
    const seeded = await getPeriodRow(prisma, seededOpenId);
    const error = await expectAppError(changePeriodState(manager, seededOpenId, "lock", seeded.version, addDays(seeded.cutOffOn, -1)), "CONFLICT");
    expect(error.message).toContain("cut-off date has not passed");
    await expectAppError(changePeriodState(manager, seededOpenId, "close", seeded.version, addDays(seeded.cutOffOn, 1)), "CONFLICT");
    await expectAppError(changePeriodState(manager, seededOpenId, "open", seeded.version), "CONFLICT");
    expect(await getPeriodRow(prisma, seededOpenId)).toEqual(seeded);
  });

  test("a proposal can be reopened only in a locked period: CONFLICT in the open one, nothing written", async () => {
    const seeded = await getPeriodRow(prisma, seededOpenId);
    const [reopenings, since] = [await prisma.periodReopening.count(), await lastAuditId(prisma)];
    const error = await expectAppError(
      reopenProposal(
        manager,
        { periodId: seededOpenId, proposalId: "p01", reason: "Late evidence arrived", expiresOn: addDays(seeded.cutOffOn, 3) },
        seeded.cutOffOn,
      ),
      "CONFLICT",
    );
    expect(error.message).toContain("is open");
    expect(await prisma.periodReopening.count()).toBe(reopenings);
    expect(await auditEventsAfter(prisma, since)).toEqual([]);
  });

  test("unknown periods are NOT_FOUND", async () => {
    await expectAppError(changePeriodState(manager, "report-unknown", "open", 1), "NOT_FOUND");
    await expectAppError(updatePeriod(manager, "report-unknown", periodInput(nextNumber(), { expectedVersion: 1 })), "NOT_FOUND");
  });
});

describe("the full lifecycle", () => {
  test("lock the seeded period on its cut-off day, open, lock and close a new one, then unlock the seeded one", async () => {
    const id = await createTestPeriod(manager, nextNumber(), { startsOn: "2030-01-01", cutOffOn: "2030-03-31", dueOn: "2030-04-15" });
    try {
      // Lock the seeded period: allowed from its cut-off day on.
      const seeded = await getPeriodRow(prisma, seededOpenId);
      await changePeriodState(manager, seededOpenId, "lock", seeded.version, seeded.cutOffOn);
      await expectChangeAudited(seededOpenId, "period.lock", manager, ["OPEN", "LOCKED"]);
      expect(await getPeriodRow(prisma, seededOpenId)).toMatchObject({
        state: "LOCKED",
        lockedAt: seeded.cutOffOn,
        lockedById: manager.id,
        version: seeded.version + 1,
      });

      // A locked period does not count as open: the new one may open now.
      await changeState(prisma, manager, id, "open");
      await expectChangeAudited(id, "period.open", manager, ["UPCOMING", "OPEN"]);

      // ...and while it is open the seeded one cannot be unlocked.
      const error = await expectAppError(changeState(prisma, manager, seededOpenId, "unlock"), "CONFLICT");
      expect(error.message).toContain(`Test report`);
      expect((await getPeriodRow(prisma, seededOpenId)).state).toBe("LOCKED");

      await expectAppError(changeState(prisma, manager, id, "lock", new Date("2030-03-30T23:59:59Z")), "CONFLICT");
      const lockedAt = new Date("2030-04-02T09:30:00Z");
      await changeState(prisma, manager, id, "lock", lockedAt);
      await expectChangeAudited(id, "period.lock", manager, ["OPEN", "LOCKED"]);
      expect(await getPeriodRow(prisma, id)).toMatchObject({ lockedAt, lockedById: manager.id });

      await changeState(prisma, manager, id, "close", lockedAt);
      await expectChangeAudited(id, "period.close", manager, ["LOCKED", "CLOSED"]);

      // Closed is final.
      for (const action of ["open", "lock", "unlock", "close"] as const) await expectAppError(changeState(prisma, manager, id, action, lockedAt), "CONFLICT");
      await expectAppError(
        updatePeriod(manager, id, periodInput((await getPeriodRow(prisma, id)).number, { expectedVersion: (await getPeriodRow(prisma, id)).version })),
        "PERIOD_CLOSED",
      );

      await changeState(prisma, manager, seededOpenId, "unlock");
      await expectChangeAudited(seededOpenId, "period.unlock", manager, ["LOCKED", "OPEN"]);
      expect(await getPeriodRow(prisma, seededOpenId)).toMatchObject({ state: "OPEN", lockedAt: null, lockedById: null });

      expect((await periodTrail(id)).map((e) => e.action)).toEqual(["period.create", "period.open", "period.lock", "period.close"]);
    } finally {
      await restoreSeededOpenPeriod(prisma, manager, seededOpenId);
    }
  });

  test("10 concurrent 'open' of two upcoming periods while none is open: exactly one succeeds", async () => {
    const [a, b] = [await createTestPeriod(manager, nextNumber()), await createTestPeriod(manager, nextNumber())];
    try {
      await lockSeededOpenPeriod(prisma, manager, seededOpenId);
      expect(await prisma.reportingPeriod.count({ where: { state: "OPEN" } })).toBe(0);
      const since = await lastAuditId(prisma);

      const gate = await holdAuditInserts();
      let blocked: number;
      let results: PromiseSettledResult<void>[];
      try {
        const attempts = Promise.allSettled(Array.from({ length: 10 }, (_, i) => changePeriodState(manager, i % 2 ? b : a, "open", 1)));
        // As many transactions as the app's pool holds (DATABASE_POOL_SIZE) are in flight and waiting.
        blocked = await gate.waitForBlocked(Number(process.env.DATABASE_POOL_SIZE));
        await gate.release();
        results = await attempts;
      } finally {
        await gate.release();
      }
      expect(blocked, "transactions in flight at once").toBe(Number(process.env.DATABASE_POOL_SIZE));

      const fulfilled = results.flatMap((r, i) => (r.status === "fulfilled" ? [i % 2 ? b : a] : []));
      const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
      expect(fulfilled).toHaveLength(1);
      expect(rejected.map((e) => (e instanceof AppError ? e.code : String(e)))).toEqual(Array(9).fill("CONFLICT"));
      const open = await prisma.reportingPeriod.findMany({ where: { state: "OPEN" }, select: { id: true, version: true } });
      expect(open).toEqual([{ id: fulfilled[0], version: 2 }]);
      const loser = fulfilled[0] === a ? b : a;
      expect(await getPeriodRow(prisma, loser)).toMatchObject({ state: "UPCOMING", version: 1 });
      expect((await auditEventsAfter(prisma, since)).map((e) => [e.action, e.entityId])).toEqual([["period.open", fulfilled[0]]]);
    } finally {
      await restoreSeededOpenPeriod(prisma, manager, seededOpenId);
    }
  });
});
