// Throwaway PostgreSQL databases for tests: an embedded server in a temporary folder (deleted after the
// run), or, when TEST_DATABASE_ADMIN_URL points at an existing server, fresh databases on it.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

export type TestServer = { adminUrl: string; stop: () => Promise<void> };

export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_ADMIN_URL;
  if (external) return { adminUrl: external, stop: async () => undefined };
  const parent = await mkdtemp(path.join(os.tmpdir(), "tracker-test-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(parent, "postgres"), persistent: false, database: "postgres" });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}

/** Creates an empty database on the server and returns its URL. */
export async function createDatabase(adminUrl: string, prefix = "test"): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
