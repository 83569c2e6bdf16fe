// A period's lock holds under concurrency, on the real database. The bug this guards against: a save
// that checked the period while it was open, before its transaction began, committed after the manager
// had locked it, seconds after the manager saw "Done". The fix (lib/data/periods.ts): every write
// re-checks the period under a share lock of its row (lockPeriodForWrite); a lock, unlock or close first
// takes the table's EXCLUSIVE lock (freezePeriodWrites), which waits for writes in flight and, being
// granted in order, holds back the writes that come after it.
//
// 1. Races, round after round (support/race.ts): workers call the app's write in a loop, each on its
//    own update; once they are under way the manager changes the period's state; the moment that
//    returns the period's rows are read in one statement (one snapshot); the workers go on until each
//    has made a few calls that began after the change, then stop, and the rows are read again. Per
//    round, from the database: nothing was written after the change returned (both reads are equal),
//    every write a caller saw succeed was already there when the change returned, every refusal is the
//    clean one of the new state, and the round added exactly one version, revision and audit event per
//    success (so refusals wrote nothing). Staff saves race `lock`; reviews, and highlights, race `close`.
//    AuditEvent ids are not used to order anything: they are taken at insert, not at commit.
// 2. Two interleavings forced with a row lock the test holds, so they do not depend on timing: a save in
//    flight when the lock comes must commit before it; a save that begins while the lock waits must wait
//    for it and be refused, else saves that keep coming starve the lock.
//
// The periods are test periods, not the seeded open one, whose proposals without an update are few and
// taken by other files: the seeded period is locked for this file (as on its cut-off day) and reopened
// in afterAll, and every test period ends closed. Saves are by focal points of proposals whose update in
// the seeded period is submitted or approved already, so no other file's reminders or "due" lists
// change; the other writes are a manager's.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { setHighlight } from "@/lib/data/highlights";
import { changePeriodState } from "@/lib/data/period-admin";
import { PERIOD_BUSY } from "@/lib/data/periods";
import { recordStatusUpdate, reviewStatusUpdate } from "@/lib/data/status-updates";
import type { Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { highlightSchema } from "@/lib/validation/reports";
import { reviewSchema, statusUpdateSchema } from "@/lib/validation/status-update";
import { getOpenPeriodId } from "@/prisma/factories";
import { createActor, type TestActor } from "./support/app-helpers";
import { changeState, createTestPeriod, getPeriodRow, lockSeededOpenPeriod, periodNumbers, restoreSeededOpenPeriod } from "./support/periods";
import { raceChange, type RaceResult, type RaceWorker } from "./support/race";

// The code under test writes through the app's pool (getDb). With the 5 connections of setup-env.ts most
// racing writes would wait for a connection rather than for PostgreSQL; 20 lets a dozen writers hold
// transactions at once, as several app processes do. lib/env.ts reads the environment on the first
// getDb(), which no import makes, so this assignment (after setup-env, before any test) takes effect:
// beforeAll checks that it did.
const POOL_SIZE = 20;
process.env.DATABASE_POOL_SIZE = String(POOL_SIZE);

const SAVE_ROUNDS = 10;
const SAVE_WORKERS = 12;
const REVIEW_ROUNDS = 6;
const REVIEW_WORKERS = 8;
const REVIEW_ITEMS = 3;
const HIGHLIGHT_ROUNDS = 4;
const HIGHLIGHT_WORKERS = 8;
/** Calls each worker may begin while the change is under way (see support/race.ts): no real limit, so
 * writers never pause and a lock that let them jump the queue would never get through. */
const BUDGET = 1_000;
/** Calls each worker makes after the change returned before a round stops: all must be refused. */
const TAIL_CALLS = 2;
/** A guard against a hang, not a speed target: a race test takes a few seconds on an idle machine. */
const RACE_TIMEOUT_MS = 120_000;

const nextNumber = periodNumbers(600);

let prisma: PrismaClient;
let seededId: string;
let manager: TestActor;
let reviewer: TestActor;

beforeAll(async () => {
  expect(getEnv().DATABASE_POOL_SIZE, "the app's pool is sized for the race").toBe(POOL_SIZE);
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  seededId = await getOpenPeriodId(prisma);
  manager = await createActor(prisma, "MANAGER");
  reviewer = await createActor(prisma, "MANAGER");
  await lockSeededOpenPeriod(prisma, manager, seededId);
});

afterAll(async () => {
  if (prisma && manager) await restoreSeededOpenPeriod(prisma, manager, seededId);
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

type TestPeriod = { id: string; cutOff: Date };

/** A test period, open (the seeded one is locked meanwhile); its cut-off day is when it may be locked. */
async function openTestPeriod(): Promise<TestPeriod> {
  const id = await createTestPeriod(manager, nextNumber());
  await changeState(prisma, manager, id, "open");
  return { id, cutOff: (await getPeriodRow(prisma, id)).cutOffOn };
}

function save(actor: Actor, period: TestPeriod, proposalId: string, expectedVersion: number, intent: "save" | "submit" = "save") {
  const input = statusUpdateSchema.parse({
    proposalId,
    periodId: period.id,
    status: "IN_PROGRESS",
    assessment: "ON_TRACK",
    progress: 40,
    narrative: `Version ${expectedVersion + 1}: minutes of the staff talks.`,
    nextSteps: "",
    evidenceLinks: [],
    rationale: "Reassessed after the staff talks.",
    intent,
    expectedVersion,
  });
  return recordStatusUpdate(actor, input, period.cutOff);
}

function review(period: TestPeriod, proposalId: string, decision: "approve" | "return", expectedVersion: number) {
  const note = decision === "return" ? "Add the date of the next talks." : "";
  // The manager wrote these updates: another manager reviews them (four eyes).
  return reviewStatusUpdate(reviewer, reviewSchema.parse({ proposalId, periodId: period.id, decision, note, expectedVersion }), period.cutOff);
}

/** What one period's writes touch, read in ONE statement, so from one snapshot. */
type Snapshot = { state: string; updates: number; versions: number; revisions: number; auditEvents: number; highlighted: number };

async function snapshot(periodId: string): Promise<Snapshot> {
  const [row] = await prisma.$queryRaw<Snapshot[]>`
    SELECT p.state::text AS state,
      (SELECT count(*)::int FROM "StatusUpdate" u WHERE u."periodId" = p.id) AS updates,
      (SELECT coalesce(sum(u.version), 0)::int FROM "StatusUpdate" u WHERE u."periodId" = p.id) AS versions,
      (SELECT count(*)::int FROM "StatusUpdate" u WHERE u."periodId" = p.id AND u.highlight) AS highlighted,
      (SELECT count(*)::int FROM "StatusUpdateRevision" r JOIN "StatusUpdate" u ON u.id = r."statusUpdateId" WHERE u."periodId" = p.id) AS revisions,
      (SELECT count(*)::int FROM "AuditEvent" a WHERE a."periodId" = p.id AND a."entityType" = 'StatusUpdate') AS "auditEvents"
    FROM "ReportingPeriod" p WHERE p.id = ${periodId}`;
  if (!row) throw new Error(`No period ${periodId}`);
  return row;
}

function rowsAdded(after: Snapshot, before: Snapshot) {
  return {
    updates: after.updates - before.updates,
    versions: after.versions - before.versions,
    revisions: after.revisions - before.revisions,
    auditEvents: after.auditEvents - before.auditEvents,
    highlighted: after.highlighted - before.highlighted,
  };
}

type Refusal = { code: AppError["code"]; message: RegExp };

function isRefusal(error: unknown, expected: Refusal): boolean {
  return error instanceof AppError && error.code === expected.code && expected.message.test(error.message);
}

/** What one round shows. */
function roundOutcome(round: number, before: Snapshot, result: RaceResult<Snapshot>, refusals: Record<string, Refusal>) {
  const { calls, changeStartedAt, changedAt, atChange, settled } = result;
  const succeeded = calls.filter((c) => c.error === undefined);
  const inFlight = calls.filter((c) => c.startedAt < changeStartedAt && c.endedAt > changeStartedAt);
  return {
    round,
    stateAtChange: atChange.state,
    /** Rows that appeared after the change had returned: the bug. */
    committedAfterChange: rowsAdded(settled, atChange),
    /** Every write adds one audit event: successes minus the events there when the change returned. */
    succeededNotThereAtChange: succeeded.length - (atChange.auditEvents - before.auditEvents),
    succeededAfterChange: succeeded.filter((c) => c.startedAt >= changedAt).length,
    unexpectedFailures: calls
      .filter((c) => c.error !== undefined && !isRefusal(c.error, refusals[c.kind]!))
      .map((c) => `${c.kind}: ${c.error instanceof AppError ? `${c.error.code} ${c.error.message}` : String(c.error)}`),
    successes: (kind: string) => succeeded.filter((c) => c.kind === kind).length,
    added: rowsAdded(settled, before),
    inFlight: inFlight.length,
    inFlightSucceeded: inFlight.filter((c) => c.error === undefined).length,
  };
}

type Outcome = ReturnType<typeof roundOutcome>;

/** The invariants of every round, each asserted over all rounds at once, so a failure lists every round. */
function expectChangeHeld(outcomes: Outcome[], stateAfter: string) {
  const each = <T>(value: T) => outcomes.map(() => value);
  expect(
    outcomes.map((o) => o.stateAtChange),
    "the period's state as soon as the change returned",
  ).toEqual(each(stateAfter));
  expect(
    outcomes.map((o) => o.committedAfterChange),
    "rows per round that committed after the manager's change had returned",
  ).toEqual(each({ updates: 0, versions: 0, revisions: 0, auditEvents: 0, highlighted: 0 }));
  expect(
    outcomes.map((o) => o.succeededNotThereAtChange),
    "writes per round that succeeded but were not in the database when the change returned",
  ).toEqual(each(0));
  expect(
    outcomes.map((o) => o.succeededAfterChange),
    "writes per round that began after the change returned and succeeded",
  ).toEqual(each(0));
  expect(
    outcomes.flatMap((o) => o.unexpectedFailures),
    "every refusal is the clean one of the period's new state",
  ).toEqual([]);
  // The race was real: in every round writes were under way when the change began, and some of those
  // went through before it.
  expect(
    outcomes.filter((o) => o.inFlight === 0).map((o) => o.round),
    "rounds with no write in flight when the change began",
  ).toEqual([]);
  expect(
    outcomes.reduce((sum, o) => sum + o.inFlightSucceeded, 0),
    "writes in flight when the change began that went through before it",
  ).toBeGreaterThan(0);
}

/** A new period (closing is final), locked, with updates submitted for review and updates approved. */
async function lockedPeriodWith(submitted: string[], approved: string[]): Promise<TestPeriod> {
  const period = await openTestPeriod();
  await Promise.all([...submitted, ...approved].map((proposalId) => save(manager, period, proposalId, 0, "submit")));
  await Promise.all(approved.map((proposalId) => review(period, proposalId, "approve", 1)));
  await changeState(prisma, manager, period.id, "lock", period.cutOff);
  return period;
}

/** One round of writes in a locked period against the manager's close. */
async function raceClose(round: number, period: TestPeriod, workers: RaceWorker[], refusals: Record<string, Refusal>): Promise<Outcome> {
  const before = await snapshot(period.id);
  expect(before.state).toBe("LOCKED");
  const { version } = await getPeriodRow(prisma, period.id);
  const result = await raceChange({
    workers,
    change: () => changePeriodState(manager, period.id, "close", version, period.cutOff),
    read: () => snapshot(period.id),
    leadCalls: workers.length * (1 + (round % 2)),
    budget: BUDGET,
    tailCalls: TAIL_CALLS,
  });
  return roundOutcome(round, before, result, refusals);
}

describe.sequential("writes racing a change of the period's state", () => {
  test(
    `staff saves against the manager's lock: none commits after it (${SAVE_ROUNDS} rounds)`,
    async () => {
      const period = await openTestPeriod();
      const proposals = await prisma.proposal.findMany({
        where: { statusUpdates: { some: { periodId: seededId, workflowState: { in: ["SUBMITTED", "APPROVED"] } } } },
        select: { id: true },
        orderBy: { number: "desc" },
        take: SAVE_WORKERS,
      });
      expect(proposals).toHaveLength(SAVE_WORKERS);
      const staff = await Promise.all(proposals.map(({ id }) => createActor(prisma, "STAFF", { focalPointOf: [id] })));
      /** Each focal point edits the draft of its own proposal again and again. */
      const writers = proposals.map(({ id }, i) => ({ proposalId: id, actor: staff[i]!, version: 0, saves: 0 }));
      const workers: RaceWorker[] = writers.map((writer) => ({
        kind: "save",
        next: () => async () => {
          writer.version = (await save(writer.actor, period, writer.proposalId, writer.version)).version;
          writer.saves++;
        },
      }));

      const outcomes: Outcome[] = [];
      /** Per round: updates created (a writer's first save), then one version, revision and audit event per save. */
      const expectedRows: ReturnType<typeof rowsAdded>[] = [];
      for (let round = 1; round <= SAVE_ROUNDS; round++) {
        if (round > 1) await changeState(prisma, manager, period.id, "unlock");
        const withoutUpdate = writers.filter((w) => w.version === 0).length;
        const before = await snapshot(period.id);
        expect(before.state).toBe("OPEN");
        const { version } = await getPeriodRow(prisma, period.id);
        const result = await raceChange({
          workers,
          change: () => changePeriodState(manager, period.id, "lock", version, period.cutOff),
          read: () => snapshot(period.id),
          // After one or two saves per writer, so that the lock meets them at different steps.
          leadCalls: SAVE_WORKERS * (1 + (round % 2)),
          budget: BUDGET,
          tailCalls: TAIL_CALLS,
        });
        const outcome = roundOutcome(round, before, result, { save: { code: "PERIOD_CLOSED", message: /is locked\.$/ } });
        outcomes.push(outcome);
        const saves = outcome.successes("save");
        const created = withoutUpdate - writers.filter((w) => w.version === 0).length;
        expectedRows.push({ updates: created, versions: saves, revisions: saves, auditEvents: saves, highlighted: 0 });
      }

      expectChangeHeld(outcomes, "LOCKED");
      expect(
        outcomes.map((o) => o.added),
        "rows added per round",
      ).toEqual(expectedRows);
      // Per writer, from the database: one update at version n, revisions 1..n, n audit events, all its own.
      for (const writer of writers) {
        const update = await prisma.statusUpdate.findUniqueOrThrow({ where: { proposalId_periodId: { proposalId: writer.proposalId, periodId: period.id } } });
        const [revisions, events] = await Promise.all([
          prisma.statusUpdateRevision.findMany({ where: { statusUpdateId: update.id }, orderBy: { version: "asc" }, select: { version: true } }),
          prisma.auditEvent.findMany({ where: { entityType: "StatusUpdate", entityId: update.id }, select: { actorId: true } }),
        ]);
        expect(writer.saves).toBeGreaterThan(0);
        expect({ version: update.version, revisions: revisions.map((r) => r.version), actors: events.map((e) => e.actorId) }).toEqual({
          version: writer.saves,
          revisions: Array.from({ length: writer.saves }, (_, i) => i + 1),
          actors: Array.from({ length: writer.saves }, () => writer.actor.id),
        });
      }
      expect(await prisma.auditEvent.count({ where: { actorId: { in: staff.map((s) => s.id) }, action: "permission.denied" } })).toBe(0);
    },
    RACE_TIMEOUT_MS,
  );

  test(
    `manager reviews against the close of a locked period: none commits after it (${REVIEW_ROUNDS} rounds)`,
    async () => {
      const proposals = await prisma.proposal.findMany({ select: { id: true }, orderBy: { number: "desc" }, take: REVIEW_WORKERS * REVIEW_ITEMS });
      const outcomes: Outcome[] = [];
      /** Per round, from the database and from the reviewers' bookkeeping: they must agree. */
      const recorded: unknown[] = [];
      const expected: unknown[] = [];
      for (let round = 1; round <= REVIEW_ROUNDS; round++) {
        const period = await lockedPeriodWith(
          proposals.map((p) => p.id),
          [],
        );
        // A reviewer approves each of its submitted updates, then returns it: two writes per update.
        const items = proposals.map(({ id }) => ({ proposalId: id, version: 1, state: "SUBMITTED" }));
        const workers: RaceWorker[] = Array.from({ length: REVIEW_WORKERS }, (_, w) => ({
          kind: "review",
          next: () => {
            const item = items.slice(w * REVIEW_ITEMS, (w + 1) * REVIEW_ITEMS).find((i) => i.state !== "RETURNED");
            if (!item) return null;
            return async () => {
              const done = await review(period, item.proposalId, item.state === "SUBMITTED" ? "approve" : "return", item.version);
              [item.version, item.state] = [done.version, done.workflowState];
            };
          },
        }));
        const outcome = await raceClose(round, period, workers, {
          review: { code: "CONFLICT", message: /cannot be (approved|returned) in a closed period\.$/ },
        });
        outcomes.push(outcome);
        const reviews = outcome.successes("review");
        const versions = await prisma.statusUpdate.findMany({ where: { periodId: period.id }, select: { proposalId: true, version: true } });
        const byProposal = new Map(versions.map((v) => [v.proposalId, v.version]));
        recorded.push({ round, added: outcome.added, versions: items.map((i) => byProposal.get(i.proposalId)) });
        expected.push({
          round,
          added: { updates: 0, versions: reviews, revisions: reviews, auditEvents: reviews, highlighted: 0 },
          versions: items.map((i) => i.version),
        });
      }

      expectChangeHeld(outcomes, "CLOSED");
      // Each review added one version, one revision and one audit event; a refusal nothing.
      expect(recorded, "rows added per round, and each update's version").toEqual(expected);
    },
    RACE_TIMEOUT_MS,
  );

  test(
    `highlights against the close of a locked period: none commits after it (${HIGHLIGHT_ROUNDS} rounds)`,
    async () => {
      const proposals = await prisma.proposal.findMany({ select: { id: true }, orderBy: { number: "desc" }, take: HIGHLIGHT_WORKERS });
      const outcomes: Outcome[] = [];
      const recorded: unknown[] = [];
      const expected: unknown[] = [];
      for (let round = 1; round <= HIGHLIGHT_ROUNDS; round++) {
        const period = await lockedPeriodWith(
          [],
          proposals.map((p) => p.id),
        );
        // A manager marks an approved update as a highlight and unmarks it, again and again.
        const marks = proposals.map(({ id }) => ({ proposalId: id, highlight: false }));
        const workers: RaceWorker[] = marks.map((mark) => ({
          kind: "highlight",
          next: () => async () => {
            const input = highlightSchema.parse({ proposalId: mark.proposalId, periodId: period.id, highlight: String(!mark.highlight), expectedVersion: "2" });
            if (!(await setHighlight(manager, input, period.cutOff)).changed) throw new Error("the highlight was already as asked");
            mark.highlight = !mark.highlight;
          },
        }));
        const outcome = await raceClose(round, period, workers, {
          highlight: { code: "CONFLICT", message: /is closed: its highlights can no longer change\.$/ },
        });
        outcomes.push(outcome);
        const rows = await prisma.statusUpdate.findMany({ where: { periodId: period.id }, select: { proposalId: true, highlight: true } });
        const byProposal = new Map(rows.map((r) => [r.proposalId, r.highlight]));
        const { highlighted: _flags, ...added } = outcome.added;
        recorded.push({ round, added, flags: marks.map((m) => byProposal.get(m.proposalId)) });
        expected.push({
          round,
          added: { updates: 0, versions: 0, revisions: 0, auditEvents: outcome.successes("highlight") },
          flags: marks.map((m) => m.highlight),
        });
      }

      expectChangeHeld(outcomes, "CLOSED");
      // Each mark added one audit event and left the flag as asked; a refusal nothing.
      expect(recorded, "rows added per round, and each update's highlight flag").toEqual(expected);
    },
    RACE_TIMEOUT_MS,
  );
});

// ---------------------------------------------------------------------------------------------------
// Forced interleavings: the test holds a lock on one update's row (a connection of its own), so that a
// save of that update stops inside its transaction, after the period check, until the test lets it go.

/** Sessions of this database waiting for a lock (a row, a transaction, an advisory lock). */
async function waitingForLocks(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return row!.n;
}

/** True once `n` sessions wait for a lock; false if `finished` says the call watched ended first (it did not wait). */
async function untilWaiting(n: number, finished: () => boolean = () => false): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if ((await waitingForLocks()) >= n) return true;
    if (finished()) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`Fewer than ${n} sessions waited for a lock within 10 s`);
}

/** A promise's outcome, readable at any time. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  const done = promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return { state, done };
}

/** Locks the update's row from a connection of the test's own until `release`. */
async function holdUpdateRow(updateId: string) {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  await client.query("BEGIN");
  await client.query(`SELECT 1 FROM "StatusUpdate" WHERE id = $1 FOR UPDATE`, [updateId]);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    await client.query("COMMIT");
    await client.end();
  };
}

describe.sequential("forced interleavings of a save and the manager's lock", () => {
  test("a save kept waiting by a lock or publication that takes too long is refused clearly, and writes nothing", async () => {
    const period = await openTestPeriod();
    const proposalId = (await prisma.proposal.findFirstOrThrow({ select: { id: true }, orderBy: { number: "desc" } })).id;
    const before = await snapshot(period.id);
    // What a lock or a publication holds while it works (freezePeriodWrites), here for longer than a save waits.
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    await client.query("BEGIN");
    await client.query(`LOCK TABLE "ReportingPeriod" IN EXCLUSIVE MODE`);
    try {
      const error = await save(manager, period, proposalId, 0).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect({ code: (error as AppError).code, message: (error as AppError).message }).toEqual({ code: "CONFLICT", message: PERIOD_BUSY });
    } finally {
      await client.query("COMMIT");
      await client.end();
    }
    expect(rowsAdded(await snapshot(period.id), before)).toEqual({ updates: 0, versions: 0, revisions: 0, auditEvents: 0, highlighted: 0 });
    // Once the lock is gone, the same save goes through; then the test period is locked, as the others end.
    await save(manager, period, proposalId, 0);
    await changeState(prisma, manager, period.id, "lock", period.cutOff);
  });

  test("a save in flight when the lock comes (past the period check, inside its transaction): the lock waits, the save commits first", async () => {
    const period = await openTestPeriod();
    const proposalId = (await prisma.proposal.findFirstOrThrow({ select: { id: true }, orderBy: { number: "desc" } })).id;
    const first = await save(manager, period, proposalId, 0);
    const release = await holdUpdateRow(first.id);
    try {
      const inFlight = track(save(manager, period, proposalId, 1));
      expect(await untilWaiting(1, () => inFlight.state.settled), "the save waits inside its transaction").toBe(true);
      const before = await snapshot(period.id);
      const { version } = await getPeriodRow(prisma, period.id);
      // The rows are read the moment the lock returns, whenever that is.
      const lock = track(changePeriodState(manager, period.id, "lock", version, period.cutOff).then(() => snapshot(period.id)));
      const lockWaited = await untilWaiting(2, () => lock.state.settled);
      await release();
      await Promise.all([lock.done, inFlight.done]);
      expect(lock.state.error).toBeUndefined();
      expect(inFlight.state.error).toBeUndefined();
      const atLock = lock.state.value!;
      expect({ lockWaited, state: atLock.state, addedAtLock: rowsAdded(atLock, before), addedAfterLock: rowsAdded(await snapshot(period.id), atLock) }).toEqual(
        {
          lockWaited: true,
          state: "LOCKED",
          addedAtLock: { updates: 0, versions: 1, revisions: 1, auditEvents: 1, highlighted: 0 },
          addedAfterLock: { updates: 0, versions: 0, revisions: 0, auditEvents: 0, highlighted: 0 },
        },
      );
    } finally {
      await release();
    }
  });

  test("a save that begins while the lock waits for one in flight waits for the lock too, then is refused (PERIOD_CLOSED)", async () => {
    // Otherwise saves that keep coming hold the period's row without a break, and the lock waits until its
    // transaction times out: PostgreSQL grants FOR SHARE on a row while a FOR UPDATE of it waits.
    const period = await openTestPeriod();
    const [x, y] = (await prisma.proposal.findMany({ select: { id: true }, orderBy: { number: "desc" }, take: 2 })).map((p) => p.id) as [string, string];
    const first = await save(manager, period, x, 0);
    const release = await holdUpdateRow(first.id);
    try {
      const inFlight = track(save(manager, period, x, 1));
      expect(await untilWaiting(1, () => inFlight.state.settled), "the save of X waits inside its transaction").toBe(true);
      const { version } = await getPeriodRow(prisma, period.id);
      const lock = track(changePeriodState(manager, period.id, "lock", version, period.cutOff));
      expect(await untilWaiting(2, () => lock.state.settled), "the lock waits for the save of X").toBe(true);
      const later = track(save(manager, period, y, 0));
      const laterWaited = await untilWaiting(3, () => later.state.settled);
      await release();
      await Promise.all([lock.done, inFlight.done, later.done]);
      expect(lock.state.error).toBeUndefined();
      expect(inFlight.state.error).toBeUndefined();
      const refusal = later.state.error;
      expect({
        laterWaitedForTheLock: laterWaited,
        laterOutcome: refusal instanceof AppError ? refusal.code : later.state.settled && !refusal ? "saved" : String(refusal),
        updateOfY: await prisma.statusUpdate.count({ where: { periodId: period.id, proposalId: y } }),
      }).toEqual({ laterWaitedForTheLock: true, laterOutcome: "PERIOD_CLOSED", updateOfY: 0 });
    } finally {
      await release();
    }
  });
});
