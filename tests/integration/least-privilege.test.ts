// The app's database role, as scripts/lib/database-roles.ts sets it up after the real migrations: it reads
// and writes the app's rows and adds to the audit trail, and every way of rewriting the trail, or of doing
// more than the app does, is refused by PostgreSQL itself (SQLSTATE 42501, insufficient privilege).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { APPEND_ONLY_TABLES, ensureLoginRole, grantAppRole, withCredentials } from "../../scripts/lib/database-roles";
import { prepareDatabase } from "../../scripts/lib/migrate";
import { createEmptyDatabase, dropTestDatabase } from "./support/databases";

const role = `app_${randomBytes(4).toString("hex")}`;
const password = randomBytes(18).toString("base64url");
let ownerUrl: string;
let app: pg.Client;
let owner: pg.Client;

async function asApp(sql: string) {
  return app.query(sql);
}

async function refused(sql: string): Promise<string> {
  const error = await app.query(sql).then(
    () => undefined,
    (e: { code?: string; message: string }) => e,
  );
  expect(error, `${sql} must be refused`).toBeDefined();
  expect(error!.code, `${sql}: ${error!.message}`).toBe("42501");
  return error!.message;
}

beforeAll(async () => {
  ownerUrl = await createEmptyDatabase("least_privilege");
  await ensureLoginRole(inject("adminUrl"), role, password);
  const { leastPrivilege } = await prepareDatabase(ownerUrl, withCredentials(ownerUrl, role, password), { quiet: true });
  expect(leastPrivilege).toBe(true);
  owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  await owner.query(`INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('test.event', 'Test', 'one')`);
  app = new pg.Client({ connectionString: withCredentials(ownerUrl, role, password) });
  await app.connect();
}, 120_000);

afterAll(async () => {
  await app?.end();
  await owner?.end();
  await dropTestDatabase(ownerUrl);
  const admin = new pg.Client({ connectionString: inject("adminUrl") });
  await admin.connect();
  try {
    await admin.query(`DROP ROLE IF EXISTS "${role}"`);
  } finally {
    await admin.end();
  }
});

describe("the app's database role", () => {
  it("reads and writes the app's rows and adds to the audit trail", async () => {
    expect((await asApp(`SELECT count(*)::int AS n FROM "Organisation"`)).rows[0].n).toBe(2);
    await asApp(`UPDATE "Organisation" SET name = name`);
    await asApp(`INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('test.by_app', 'Test', 'two')`);
    expect((await asApp(`SELECT count(*)::int AS n FROM "AuditEvent"`)).rows[0].n).toBe(2);
    await asApp(`SELECT pg_advisory_xact_lock(1)`);
  });

  it("owns nothing and holds no power beyond the rows", async () => {
    const { rows } = await owner.query(
      `SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, r.rolreplication,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = $1`,
      [role],
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, rolreplication: false, owned: 0 });
  });

  it.each(APPEND_ONLY_TABLES)("cannot change, remove or empty the rows of %s", async (table) => {
    const { rows } = await owner.query<{ column: string }>(
      `SELECT column_name AS column FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position LIMIT 1`,
      [table],
    );
    await refused(`UPDATE "${table}" SET "${rows[0]!.column}" = "${rows[0]!.column}"`);
    await refused(`DELETE FROM "${table}"`);
    await refused(`TRUNCATE "${table}"`);
  });

  it("cannot switch off, replace or drop the triggers that keep the trail append-only", async () => {
    expect(await refused(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
    await refused(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await refused(`DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`);
    await refused(`CREATE OR REPLACE FUNCTION "forbid_append_only_change"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`);
    await refused(`DROP FUNCTION "forbid_append_only_change"() CASCADE`);
    await refused(`SET session_replication_role = replica`);
    await refused(`ALTER ROLE "${role}" SET session_replication_role = replica`);
  });

  it("cannot change the schema, read the migration history, run programs or raise its own rights", async () => {
    await refused(`ALTER TABLE "StatusUpdate" ADD COLUMN hidden text`);
    await refused(`DROP TABLE "StatusCount"`);
    await refused(`CREATE TABLE stash (x text)`);
    await refused(`SELECT * FROM "_prisma_migrations"`);
    await refused(`COPY "Organisation" FROM PROGRAM 'id'`);
    await refused(`COPY "Organisation" TO '/tmp/organisations.csv'`);
    await refused(`ALTER ROLE "${role}" SUPERUSER`);
    await refused(`CREATE ROLE intruder LOGIN`);
    // Granting itself more is no error in PostgreSQL (a warning), and grants nothing.
    await asApp(`GRANT ALL ON "AuditEvent" TO "${role}"`);
    const rights = await owner.query(
      `SELECT has_table_privilege($1, '"AuditEvent"', 'UPDATE') AS can_update, has_table_privilege($1, '"AuditEvent"', 'DELETE') AS can_delete`,
      [role],
    );
    expect(rights.rows[0]).toEqual({ can_update: false, can_delete: false });
    // The trail is as it was: the owner's row and the app's insert.
    expect((await owner.query(`SELECT action FROM "AuditEvent" ORDER BY id`)).rows.map((r) => r.action)).toEqual(["test.event", "test.by_app"]);
  });

  it("is never the owner that runs the migrations", async () => {
    await expect(grantAppRole(ownerUrl, new URL(ownerUrl).username)).rejects.toThrow(/must not be the owner/);
  });
});
