// prisma/schema.prisma is the source of truth and prisma/migrations must build exactly the same database.
// Prisma's introspection does not run offline here, so the test builds two databases — one from the
// migrations, one from the SQL Prisma derives from the schema — and compares their catalogues.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrateDatabase, runPrisma } from "../../scripts/lib/migrate";
import { diffSnapshots, executeScript, snapshotSchema, type SchemaSnapshot } from "./support/catalogue";
import { createEmptyDatabase, dropTestDatabase } from "./support/databases";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma/migrations");

/** `migrate diff --script` output without the CLI's own lines (e.g. "Loaded Prisma config from …"). */
function sqlOnly(output: string): string {
  return output
    .split("\n")
    .filter((line) => !/^(Loaded Prisma config|Prisma config detected|Prisma schema loaded)/.test(line))
    .join("\n");
}

describe("schema.prisma and prisma/migrations", () => {
  let fromMigrations: string;
  let fromSchema: string;
  let snapshots: { migrations: SchemaSnapshot; schema: SchemaSnapshot };

  beforeAll(async () => {
    [fromMigrations, fromSchema] = await Promise.all([createEmptyDatabase("drift_migrations"), createEmptyDatabase("drift_schema")]);
    await migrateDatabase(fromMigrations, { quiet: true });
    const output = await runPrisma(["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"], fromSchema, {
      quiet: true,
    });
    const script = sqlOnly(output);
    expect(script).toMatch(/CREATE TABLE "StatusUpdate"/);
    await executeScript(fromSchema, script);
    snapshots = { migrations: await snapshotSchema(fromMigrations), schema: await snapshotSchema(fromSchema) };
  });

  afterAll(async () => {
    await Promise.all([fromMigrations, fromSchema].filter(Boolean).map(dropTestDatabase));
  });

  test("the snapshot sees the whole schema (so an empty comparison cannot pass by accident)", () => {
    const { migrations } = snapshots;
    expect(migrations.tables).toEqual(
      [
        "AppSetting",
        "Area",
        "AuditEvent",
        "FocalPoint",
        "Organisation",
        "PasswordToken",
        "PeriodReopening",
        "Proposal",
        "ProposalVersion",
        "ReportEdition",
        "ReportEditionEntry",
        "ReportSignOff",
        "ReportingPeriod",
        "SignInThrottle",
        "StatusCount",
        "StatusUpdate",
        "StatusUpdateRevision",
        "User",
        "UserSession",
      ].sort(),
    );
    expect(migrations.enums).toContain(`"ImplementationStatus": NOT_STARTED, IN_PROGRESS, ONGOING, COMPLETED, STALLED`);
    expect(migrations.enums).toContain(`"WorkflowState": DRAFT, SUBMITTED, APPROVED, RETURNED`);
    expect(migrations.columns.some((line) => line.startsWith(`"ReportingPeriod".version: integer (int4) NOT NULL default=1`))).toBe(true);
    expect(migrations.indexes.some((line) => line.startsWith(`"StatusUpdate_proposalId_periodId_key": CREATE UNIQUE INDEX`))).toBe(true);
    expect(migrations.constraints.some((line) => line.includes("AuditEvent_actorId_fkey") && line.includes("ON DELETE SET NULL"))).toBe(true);
    expect(migrations.columns.some((line) => line.startsWith(`"StatusUpdate".version: integer (int4) NOT NULL default=1`))).toBe(true);
  });

  test("the migrations build exactly the database that schema.prisma describes", () => {
    // A non-empty diff names every table, column, enum, index or constraint that differs.
    expect(diffSnapshots({ migrations: snapshots.migrations, "schema.prisma": snapshots.schema })).toEqual({});
  });

  test("the comparison notices drift (a column made nullable, an extra index)", async () => {
    await executeScript(fromSchema, `ALTER TABLE "Area" ALTER COLUMN "description" DROP NOT NULL; CREATE INDEX "Area_drift_idx" ON "Area"("description");`);
    const diff = diffSnapshots({ migrations: snapshots.migrations, "schema.prisma": await snapshotSchema(fromSchema) });
    expect(diff.columns!["only in schema.prisma"]).toEqual([expect.stringMatching(/^"Area".description: text \(text\) NULL /)]);
    expect(diff.indexes!["only in schema.prisma"]).toEqual([expect.stringContaining("Area_drift_idx")]);
  });
});

describe("migration folders", () => {
  const folders = readdirSync(migrationsDir).filter((name) => statSync(path.join(migrationsDir, name)).isDirectory());

  test("there is at least one migration and a lock file for PostgreSQL", () => {
    expect(folders.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toMatch(/provider = "postgresql"/);
  });

  test.each(folders)("%s is named YYYYMMDDHHMMSS_name and holds a migration.sql", (folder) => {
    const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_[a-z0-9_]+$/.exec(folder);
    expect(match, `folder name ${folder}`).not.toBeNull();
    const [year, month, day, hour, minute, second] = match!.slice(1).map(Number) as [number, number, number, number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    // A real calendar timestamp (no month 13, no 31 February).
    expect([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]).toEqual([
      year,
      month,
      day,
      hour,
      minute,
      second,
    ]);
    const sql = path.join(migrationsDir, folder, "migration.sql");
    expect(existsSync(sql)).toBe(true);
    expect(readFileSync(sql, "utf8").trim().length).toBeGreaterThan(0);
  });
});
