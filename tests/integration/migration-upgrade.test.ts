// Upgrading a database that already holds data to the reporting cycle: a database at the first migration
// gets rows of the old shape, then `prisma migrate deploy` (the real runner, prisma.config.ts) applies the
// reporting-cycle migration. Published (closed) periods' updates become approved, the others submitted,
// and the audit trail and revisions become append-only.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isUpToDate, migrateDatabase, runPrisma } from "../../scripts/lib/migrate";
import { executeScript } from "./support/catalogue";
import { createEmptyDatabase, dropTestDatabase } from "./support/databases";

const INIT = "20261127000000_init";
const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

const OLD_DATA = `
  INSERT INTO "Organisation" (id, code, name) VALUES ('nato', 'NATO', 'NATO');
  INSERT INTO "User" (id, email, name, "passwordHash", role, "organisationId", "updatedAt")
    VALUES ('u1', 'staff@nato.test', 'Staff', 'x', 'STAFF', 'nato', now());
  INSERT INTO "Area" (id, number, name, description) VALUES ('cyber', 1, 'Cyber', 'Cyber security');
  INSERT INTO "Proposal" (id, number, set, "areaId", title, description) VALUES ('p01', 1, 'SET_2016', 'cyber', 'One', 'One');
  INSERT INTO "ReportingPeriod" (id, number, name, "startsOn", "cutOffOn", "dueOn", state, "updatedAt") VALUES
    ('report-01', 1, '1st', '2017-01-01', '2017-05-31', '2017-06-15', 'CLOSED', now()),
    ('report-02', 2, '2nd', '2017-06-01', '2017-11-30', '2017-12-15', 'OPEN', now()),
    ('report-03', 3, '3rd', '2018-01-01', '2018-05-31', '2018-06-15', 'UPCOMING', now());
  INSERT INTO "StatusUpdate" (id, "proposalId", "periodId", status, assessment, progress, narrative, "nextSteps", "authorId", "organisationId", version, "updatedAt") VALUES
    ('su-closed', 'p01', 'report-01', 'IN_PROGRESS', 'ON_TRACK', 40, 'Published.', '', 'u1', 'nato', 2, '2017-05-20T10:00:00Z'),
    ('su-open', 'p01', 'report-02', 'ONGOING', 'ON_TRACK', 80, 'In progress.', '', 'u1', 'nato', 1, '2017-10-01T08:30:00Z');
  INSERT INTO "StatusUpdateRevision" (id, "statusUpdateId", version, status, assessment, progress, narrative, "nextSteps", "evidenceLinks", "authorId", "organisationId") VALUES
    ('r1', 'su-closed', 1, 'IN_PROGRESS', 'ON_TRACK', 30, 'Draft.', '', '[]', 'u1', 'nato'),
    ('r2', 'su-closed', 2, 'IN_PROGRESS', 'ON_TRACK', 40, 'Published.', '', '[]', 'u1', 'nato'),
    ('r3', 'su-open', 1, 'ONGOING', 'ON_TRACK', 80, 'In progress.', '', '[]', 'u1', 'nato');
  INSERT INTO "AuditEvent" ("actorId", action, "entityType", "entityId") VALUES ('u1', 'status_update.create', 'StatusUpdate', 'su-open');
`;

describe("upgrading a database with data to the reporting cycle", () => {
  let url: string;
  let client: pg.Client;
  let upToDateBefore: boolean;

  beforeAll(async () => {
    url = await createEmptyDatabase("upgrade");
    await executeScript(url, readFileSync(path.join(migrationsDir, INIT, "migration.sql"), "utf8"));
    await runPrisma(["migrate", "resolve", "--applied", INIT], url, { quiet: true });
    await executeScript(url, OLD_DATA);
    upToDateBefore = await isUpToDate(url);
    await migrateDatabase(url, { quiet: true });
    client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    if (url) await dropTestDatabase(url);
  });

  test("pending migrations are seen (the CLI runs); once applied, a restart skips the CLI", async () => {
    expect(upToDateBefore).toBe(false);
    expect(await isUpToDate(url)).toBe(true);
    await migrateDatabase(url, { quiet: true });
    // A failed migration, or one this code does not know, is left to the CLI.
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('x', 'x', '29990101000000_unknown', now(), 0)`,
    );
    expect(await isUpToDate(url)).toBe(false);
    await client.query(`DELETE FROM _prisma_migrations WHERE id = 'x'`);
    expect(await isUpToDate(url)).toBe(true);
    expect(await isUpToDate("postgresql://nobody:wrong@127.0.0.1:1/none")).toBe(false);
  });

  test("every migration is recorded as applied and finished", async () => {
    const { rows } = await client.query<{ migration_name: string; finished: boolean }>(
      `SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const folders = readdirSync(migrationsDir)
      .filter((name) => /^\d{14}_/.test(name))
      .sort();
    expect(rows).toEqual(folders.map((migration_name) => ({ migration_name, finished: true })));
  });

  test("closed periods' updates become APPROVED, the open period's SUBMITTED, submitted when last saved", async () => {
    const { rows } = await client.query(
      `SELECT id, "workflowState"::text AS state, "submittedAt", "updatedAt", rationale, "returnNote" FROM "StatusUpdate" ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        id: "su-closed",
        state: "APPROVED",
        submittedAt: new Date("2017-05-20T10:00:00Z"),
        updatedAt: new Date("2017-05-20T10:00:00Z"),
        rationale: "",
        returnNote: null,
      },
      {
        id: "su-open",
        state: "SUBMITTED",
        submittedAt: new Date("2017-10-01T08:30:00Z"),
        updatedAt: new Date("2017-10-01T08:30:00Z"),
        rationale: "",
        returnNote: null,
      },
    ]);
  });

  test("each update's latest revision carries the same workflow state", async () => {
    const { rows } = await client.query(`
      SELECT r.id, r."workflowState"::text AS state FROM "StatusUpdateRevision" r
      JOIN "StatusUpdate" s ON s.id = r."statusUpdateId" AND s.version = r.version ORDER BY r.id`);
    expect(rows).toEqual([
      { id: "r2", state: "APPROVED" },
      { id: "r3", state: "SUBMITTED" },
    ]);
  });

  test("periods keep their state, start at version 1 and are not locked", async () => {
    const { rows } = await client.query(`SELECT id, state::text AS state, version, "lockedAt" FROM "ReportingPeriod" ORDER BY id`);
    expect(rows).toEqual([
      { id: "report-01", state: "CLOSED", version: 1, lockedAt: null },
      { id: "report-02", state: "OPEN", version: 1, lockedAt: null },
      { id: "report-03", state: "UPCOMING", version: 1, lockedAt: null },
    ]);
  });

  test("old audit events and revisions can no longer be changed or removed", async () => {
    for (const sql of [
      `UPDATE "AuditEvent" SET action = 'x'`,
      `DELETE FROM "AuditEvent"`,
      `UPDATE "StatusUpdateRevision" SET narrative = 'x'`,
      `DELETE FROM "StatusUpdateRevision"`,
    ]) {
      await client.query("BEGIN");
      try {
        await expect(client.query(sql), sql).rejects.toThrow(/is append-only/);
      } finally {
        await client.query("ROLLBACK");
      }
    }
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM "AuditEvent") AS audit, (SELECT count(*)::int FROM "StatusUpdateRevision") AS revisions`,
    );
    expect(rows).toEqual([{ audit: 1, revisions: 3 }]);
  });
});
