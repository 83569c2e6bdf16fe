// Applies the versioned SQL migrations in prisma/migrations with `prisma migrate deploy` (offline:
// bundled WASM schema engine + driver adapter, see prisma.config.ts).
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { grantAppRole, roleOf } from "./database-roles";

const root = path.resolve(import.meta.dirname, "../..");

export function runPrisma(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--require", path.join(root, "scripts/lib/prisma-cli-timers.cjs"), path.join(root, "node_modules/prisma/build/index.js"), ...args],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) {
        if (!options.quiet) process.stdout.write(output);
        resolve(output);
      } else {
        reject(new Error(`prisma ${args.join(" ")} failed (exit ${code}):\n${output}`));
      }
    });
  });
}

/** The migration folders of prisma/migrations, oldest first. */
function migrationNames(): string[] {
  return readdirSync(path.join(root, "prisma/migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Whether every migration folder is applied (finished, not rolled back) and none failed. Read with one
 * query, so that a restart of an up-to-date database does not pay for the CLI (about 10 s of the WASM
 * schema engine winding down). Any doubt (no table yet, a failed or unknown migration) answers false
 * and the CLI decides.
 */
export async function isUpToDate(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string; ok: boolean }>(
      `SELECT migration_name AS name, finished_at IS NOT NULL AND rolled_back_at IS NULL AS ok FROM "_prisma_migrations"`,
    );
    if (rows.some((r) => !r.ok && rows.filter((x) => x.name === r.name).every((x) => !x.ok))) return false;
    const applied = new Set(rows.filter((r) => r.ok).map((r) => r.name));
    return migrationNames().every((name) => applied.has(name)) && applied.size === migrationNames().length;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Applies pending migrations with `prisma migrate deploy`; nothing to do when the database is up to date. */
export async function migrateDatabase(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  if (await isUpToDate(databaseUrl)) {
    if (!options.quiet) console.log("The database is up to date: no migration to apply.");
    return;
  }
  await runPrisma(["migrate", "deploy"], databaseUrl, options);
}

/**
 * Migrates as the owner and, when the app signs in as another role, gives that role its rights on the
 * tables as they now are (scripts/lib/database-roles.ts). With one URL for both, the app runs as the owner:
 * the answer says so, for the launcher's warning.
 */
export async function prepareDatabase(ownerUrl: string, appUrl: string, options: { quiet?: boolean } = {}): Promise<{ leastPrivilege: boolean }> {
  await migrateDatabase(ownerUrl, options);
  const appRole = roleOf(appUrl);
  if (roleOf(ownerUrl) === appRole) return { leastPrivilege: false };
  await grantAppRole(ownerUrl, appRole);
  return { leastPrivilege: true };
}
