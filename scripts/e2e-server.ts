// The server the browser tests run against: a throwaway embedded PostgreSQL (deleted on exit), migrated
// and seeded, and the production build served by `next start`. Started by playwright.config.ts.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDemoData } from "@/prisma/seed";
import { E2E_APP_PORT, E2E_DATABASE_FILE, E2E_PG_PORT } from "../e2e/support/config";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/migrate";

const root = path.resolve(import.meta.dirname, "..");
const parent = await mkdtemp(path.join(os.tmpdir(), "tracker-e2e-"));
const db = await startEmbeddedPostgres({ dataDir: path.join(parent, "postgres"), port: E2E_PG_PORT, persistent: false });
// Migrated as the owner; the app runs as its own role, which owns nothing (as `npm start` does).
await prepareDatabase(db.url, db.appUrl, { quiet: true });
// The tests' own connection (fixtures, and reading what the database holds), as the owner.
await mkdir(path.dirname(E2E_DATABASE_FILE), { recursive: true });
await writeFile(E2E_DATABASE_FILE, `${db.url}\n`, { mode: 0o600 });
const prisma = createPrismaClient(db.url, 2);
await seedDemoData(prisma);
await prisma.$disconnect();

// The production server of `npm start` (scripts/serve.ts), with one app process: the journeys run
// against exactly what users run.
// Node with tsx's loader, not tsx's CLI, which SIGKILLs its child when a relayed signal is not confirmed
// within 30 ms.
const app = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/serve.ts")], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: db.appUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_URL: `http://127.0.0.1:${E2E_APP_PORT}`,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(E2E_APP_PORT),
    BIND_ADDRESS: "127.0.0.1",
    WEB_CONCURRENCY: "1",
    // The journeys sign in with the demo accounts.
    SEED_DEMO_DATA: "true",
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // The app first (its requests in progress need the database), then the database.
  if (app.exitCode === null && app.signalCode === null) {
    const exited = new Promise((resolve) => app.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await db.stop();
  await rm(parent, { recursive: true, force: true });
  await rm(E2E_DATABASE_FILE, { force: true });
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
app.on("exit", (code) => void stop(code ?? 0));
