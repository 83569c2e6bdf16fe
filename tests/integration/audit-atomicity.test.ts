// A change and its audit event commit together or not at all, and the audit trail and the revision
// history are append-only in the database itself. To make writes fail on demand, this file installs two
// triggers (dropped in afterAll) that raise for one marker value only: one on the "AuditEvent" insert,
// and one deferred to the commit of a "StatusUpdate" change, after the audit event was written.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { createPeriod, updatePeriod } from "@/lib/data/period-admin";
import { recordStatusUpdate, reviewStatusUpdate } from "@/lib/data/status-updates";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { periodSchema } from "@/lib/validation/periods";
import { statusUpdateSchema, type StatusUpdateInput } from "@/lib/validation/status-update";
import { getOpenPeriodId, proposalsWithoutOpenUpdate, uniqueSuffix } from "@/prisma/factories";
import { createActor, ProposalPool, tableCounts, type TestActor } from "./support/app-helpers";

const suffix = uniqueSuffix();
const MARKER = `FAIL-AUDIT-${suffix}`;
const TRIGGER = `test_fail_audit_${suffix}`;
const COMMIT_MARKER = `FAIL-COMMIT-${suffix}`;
const COMMIT_TRIGGER = `test_fail_commit_${suffix}`;

let prisma: PrismaClient;
let openPeriodId: string;
let pool: ProposalPool;
let manager: TestActor;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  openPeriodId = await getOpenPeriodId(prisma);
  pool = new ProposalPool(await proposalsWithoutOpenUpdate(prisma));
  manager = await createActor(prisma, "MANAGER");
  await prisma.$executeRawUnsafe(`
    CREATE FUNCTION "${TRIGGER}"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.after->>'narrative' = '${MARKER}' OR NEW.after->>'note' = '${MARKER}' OR NEW.after->>'name' = '${MARKER}' THEN
        RAISE EXCEPTION 'test trigger refused the audit event %', NEW.action;
      END IF;
      RETURN NEW;
    END $$`);
  await prisma.$executeRawUnsafe(`CREATE TRIGGER "${TRIGGER}" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION "${TRIGGER}"()`);
  await prisma.$executeRawUnsafe(`
    CREATE FUNCTION "${COMMIT_TRIGGER}"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.narrative = '${COMMIT_MARKER}' THEN
        RAISE EXCEPTION 'test trigger refused the commit of %', NEW.id;
      END IF;
      RETURN NULL;
    END $$`);
  await prisma.$executeRawUnsafe(
    `CREATE CONSTRAINT TRIGGER "${COMMIT_TRIGGER}" AFTER INSERT OR UPDATE ON "StatusUpdate" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "${COMMIT_TRIGGER}"()`,
  );
});

afterAll(async () => {
  if (prisma) {
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${TRIGGER}" ON "AuditEvent"`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "${TRIGGER}"()`);
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${COMMIT_TRIGGER}" ON "StatusUpdate"`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "${COMMIT_TRIGGER}"()`);
    await prisma.$disconnect();
  }
  // A transaction whose COMMIT fails (the deferred-trigger test) is never given back to the app's pool
  // by @prisma/adapter-pg, so ending the pool would wait for it forever: give it two seconds at most.
  await Promise.race([getDb().$disconnect(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
});

function input(proposalId: string, expectedVersion: number, overrides: Partial<Record<keyof StatusUpdateInput, unknown>> = {}): StatusUpdateInput {
  return statusUpdateSchema.parse({
    proposalId,
    periodId: openPeriodId,
    status: "IN_PROGRESS",
    assessment: "ON_TRACK",
    progress: 20,
    narrative: "Contacts established.",
    nextSteps: "",
    evidenceLinks: [],
    rationale: "Work started.",
    expectedVersion,
    ...overrides,
  });
}

/** Rows of every table the writes under test touch. */
async function allCounts() {
  const [counts, periods, reopenings] = await Promise.all([tableCounts(prisma), prisma.reportingPeriod.count(), prisma.periodReopening.count()]);
  return { ...counts, periods, reopenings };
}

/** The write must fail because a test trigger refused it (not for another reason), leaving every table as it was. */
async function expectRolledBack(write: () => Promise<unknown>, reason = /test trigger refused the audit event/) {
  const before = await allCounts();
  await expect(write()).rejects.toThrow(reason);
  expect(await allCounts()).toEqual(before);
}

describe("a change and its audit event commit together", () => {
  test("a first save whose audit event fails leaves no update, no revision and no audit event", async () => {
    const proposalId = pool.take();
    const staff = await createActor(prisma, "STAFF", { focalPointOf: [proposalId] });
    await expectRolledBack(() => recordStatusUpdate(staff, input(proposalId, 0, { narrative: MARKER })));
    expect(await prisma.statusUpdate.findUnique({ where: { proposalId_periodId: { proposalId, periodId: openPeriodId } } })).toBeNull();

    // The same save with another narrative goes through: the trigger refuses the marker only.
    const saved = await recordStatusUpdate(staff, input(proposalId, 0));
    expect(saved.version).toBe(1);
  });

  test("an edit whose audit event fails leaves the saved version as it was", async () => {
    const proposalId = pool.take();
    const staff = await createActor(prisma, "STAFF", { focalPointOf: [proposalId] });
    await recordStatusUpdate(staff, input(proposalId, 0, { intent: "submit" }));
    const row = () => prisma.statusUpdate.findUniqueOrThrow({ where: { proposalId_periodId: { proposalId, periodId: openPeriodId } } });
    const before = await row();

    await expectRolledBack(() => recordStatusUpdate(manager, input(proposalId, 1, { narrative: MARKER })));
    expect(await row()).toEqual(before);

    // A review whose audit event fails (the note is in it) leaves the update submitted.
    await expectRolledBack(() => reviewStatusUpdate(manager, { proposalId, periodId: openPeriodId, decision: "return", note: MARKER, expectedVersion: 1 }));
    expect(await row()).toEqual(before);
    expect(before.workflowState).toBe("SUBMITTED");
  });

  test("a save that fails at commit, after its audit event was written, leaves no audit event either", async () => {
    const proposalId = pool.take();
    const staff = await createActor(prisma, "STAFF", { focalPointOf: [proposalId] });
    await expectRolledBack(() => recordStatusUpdate(staff, input(proposalId, 0, { narrative: COMMIT_MARKER })), /test trigger refused the commit/);
    expect(await prisma.statusUpdate.findUnique({ where: { proposalId_periodId: { proposalId, periodId: openPeriodId } } })).toBeNull();

    // An edit of a saved update, likewise.
    await recordStatusUpdate(staff, input(proposalId, 0));
    await expectRolledBack(
      () => recordStatusUpdate(staff, input(proposalId, 1, { narrative: COMMIT_MARKER, intent: "submit" })),
      /test trigger refused the commit/,
    );
    expect(await prisma.statusUpdate.findUniqueOrThrow({ where: { proposalId_periodId: { proposalId, periodId: openPeriodId } } })).toMatchObject({
      version: 1,
      workflowState: "DRAFT",
      narrative: "Contacts established.",
    });
  });

  test("creating or renaming a period whose audit event fails changes no period", async () => {
    const number = 800 + Math.floor(Math.random() * 90);
    const values = (name: string, expectedVersion = 0) =>
      periodSchema.parse({ number, name, startsOn: "2031-01-01", cutOffOn: "2031-05-31", dueOn: "2031-06-15", expectedVersion });

    await expectRolledBack(() => createPeriod(manager, values(MARKER)));
    expect(await prisma.reportingPeriod.findUnique({ where: { number } })).toBeNull();

    const { id } = await createPeriod(manager, values(`Atomicity test period ${suffix}`));
    const before = await prisma.reportingPeriod.findUniqueOrThrow({ where: { id } });
    await expectRolledBack(() => updatePeriod(manager, id, values(MARKER, before.version)));
    expect(await prisma.reportingPeriod.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });
});

describe("the database refuses to change or remove audit events and revisions", () => {
  const statements = (table: "AuditEvent" | "StatusUpdateRevision") =>
    [
      [
        "UPDATE",
        table === "AuditEvent"
          ? `UPDATE "AuditEvent" SET action = 'tampered' WHERE id = $1`
          : `UPDATE "StatusUpdateRevision" SET narrative = 'tampered' WHERE id = $1`,
      ],
      ["DELETE", `DELETE FROM "${table}" WHERE id = $1`],
      ["TRUNCATE", `TRUNCATE "${table}"`],
    ] as const;

  const cases = (["AuditEvent", "StatusUpdateRevision"] as const).flatMap((table) => statements(table).map(([op, sql]) => [table, op, sql] as const));

  /** Runs the statement as a plain client would, in a transaction that is always rolled back (so a missing guard cannot wipe the shared database). */
  async function attempt(sql: string, id: string | null): Promise<unknown> {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await client.query("BEGIN");
      const result = await client.query(sql, sql.includes("$1") ? [id] : []).then(
        (r) => ({ rowCount: r.rowCount }),
        (e: unknown) => e,
      );
      return result;
    } finally {
      await client.query("ROLLBACK").catch(() => undefined);
      await client.end();
    }
  }

  test.each(cases)("%s: %s is refused as append-only", async (table, op, sql) => {
    const latest =
      table === "AuditEvent"
        ? await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } })
        : await prisma.statusUpdateRevision.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { id: true } });
    const before = await tableCounts(prisma);
    const outcome = await attempt(sql, String(latest.id));
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toContain(`${table} is append-only: ${op} is not allowed`);
    expect(await tableCounts(prisma)).toEqual(before);
  });
});
