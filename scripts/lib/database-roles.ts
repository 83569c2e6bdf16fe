// Least privilege in PostgreSQL: the migrations run as the role that owns the tables; the app runs as a
// role that owns nothing and may only read and write the app's rows. The append-only tables (the audit
// trail, update revisions, catalogue versions and published report editions with their sign-offs) take
// inserts only. Not owning the tables, the app role cannot alter them, disable or replace their triggers,
// or change session_replication_role; not being a superuser, it cannot run programs (COPY ... PROGRAM).
import pg from "pg";

/** Tables whose rows are never changed or removed once written (each also has a trigger that refuses it). */
export const APPEND_ONLY_TABLES = ["AuditEvent", "StatusUpdateRevision", "ProposalVersion", "ReportEdition", "ReportEditionEntry", "ReportSignOff"] as const;

/** The migration history belongs to the owner; the app neither reads nor writes it. */
const OWNER_ONLY_TABLES = ["_prisma_migrations"] as const;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The role a connection string signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Gives the app role exactly what it needs on the tables the connected owner has migrated: read and write
 * on the app's tables, insert-only on the append-only ones, nothing on the migration history. Run after
 * every migration (new tables get their grants too); idempotent.
 */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  if (!ROLE_NAME.test(appRole)) throw new Error(`The app's database role "${appRole}" must be a plain lower-case name.`);
  const role = quoteIdentifier(appRole);
  await withClient(ownerUrl, async (client) => {
    if (roleOf(ownerUrl) === appRole) throw new Error("The app's database role must not be the owner that runs the migrations.");
    const { rows } = await client.query<{ table: string }>(
      `SELECT tablename AS table FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user ORDER BY tablename`,
    );
    const tables = rows.map((r) => r.table);
    const appendOnly = new Set<string>(APPEND_ONLY_TABLES);
    const ownerOnly = new Set<string>(OWNER_ONLY_TABLES);
    await client.query("BEGIN");
    try {
      await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await client.query(`REVOKE CREATE ON SCHEMA public FROM ${role}`);
      for (const table of tables) {
        const name = quoteIdentifier(table);
        await client.query(`REVOKE ALL ON TABLE ${name} FROM ${role}`);
        if (ownerOnly.has(table)) continue;
        await client.query(`GRANT ${appendOnly.has(table) ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE"} ON TABLE ${name} TO ${role}`);
      }
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  });
}

export type RoleFacts = { role: string; superuser: boolean; ownsTables: number };

/** What a connection's role may do beyond the app's rows: for the warning when the app runs as an owner. */
export async function describeConnectionRole(url: string): Promise<RoleFacts> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ role: string; superuser: boolean; owns: string }>(
      `SELECT current_user AS role, r.rolsuper AS superuser,
              (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const row = rows[0]!;
    return { role: row.role, superuser: row.superuser, ownsTables: Number(row.owns) };
  });
}

/** Creates a login role that owns nothing (or sets its password when it exists). Needs CREATEROLE. */
export async function ensureLoginRole(adminUrl: string, role: string, password: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`Invalid role name "${role}".`);
  await withClient(adminUrl, async (client) => {
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    // The password is a literal in the statement (utility commands take no parameters): quoted.
    const literal = client.escapeLiteral(password);
    const attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
    await client.query(`${exists.rowCount ? "ALTER" : "CREATE"} ROLE ${quoteIdentifier(role)} WITH ${attributes} PASSWORD ${literal}`);
  });
}

/** The same connection string, signed in as another role. */
export function withCredentials(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
