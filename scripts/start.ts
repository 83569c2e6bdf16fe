// `npm start`: one command from a fresh clone to a running tracker.
// Without DATABASE_URL it starts the embedded PostgreSQL (data in .data/postgres, kept across restarts);
// with DATABASE_URL it uses that server. Then: migrate, add the demo data to an empty database (only on
// the embedded default, or with SEED_DEMO_DATA=true), build if needed, and serve. Ctrl-C stops the app and
// the database cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDemoData } from "@/prisma/seed";
import { embeddedDataDir, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { rebuildReason, sourceFingerprint, writeBuildStamp } from "./lib/build-stamp";
import { describeConnectionRole } from "./lib/database-roles";
import { prepareDatabase } from "./lib/migrate";

const root = path.resolve(import.meta.dirname, "..");
const isDev = process.argv.includes("--dev");

// Launch options of this script (the app reads its own through lib/env.ts).
const options = z
  .object({
    DATABASE_URL: z.string().optional(),
    // The role that owns the tables and runs the migrations; DATABASE_URL is then the app's own role.
    DATABASE_OWNER_URL: z.string().optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Not HOSTNAME: containers export that as the machine name.
    BIND_ADDRESS: z.string().default("0.0.0.0"),
    DATA_DIR: z.string().default(path.join(root, ".data")),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    // Default: demo data on the embedded database (a newcomer's first run), none with DATABASE_URL.
    SEED_DEMO_DATA: z.enum(["true", "false"]).optional(),
    NEXTAUTH_SECRET: z.string().optional(),
    AUTH_SECRET: z.string().optional(),
    NEXTAUTH_URL: z.string().optional(),
  })
  .parse(process.env);

async function loadOrCreateSecret(dataDir: string): Promise<string> {
  const given = options.NEXTAUTH_SECRET ?? options.AUTH_SECRET;
  if (given) return given;
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  await writeFile(file, secret + "\n", { mode: 0o600 });
  console.log(`Generated a session secret in ${path.relative(root, file)} (kept for later runs; not committed).`);
  return secret;
}

/** Runs Node.js with `args`. TypeScript runs with tsx's loader (`--import tsx`), not tsx's CLI: on a signal
 * that CLI SIGKILLs its child unless the child confirms receipt within 30 ms (easily missed on a busy
 * machine), which would cut the app's requests in progress short. */
function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
}

function waitFor(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? 1);
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main() {
  let embedded: EmbeddedDatabase | undefined;
  let app: ChildProcess | undefined;
  let stopping = false;

  // The app first (it finishes the requests in progress, which need the database), then the database.
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (app && app.exitCode === null && app.signalCode === null) {
      console.log("Stopping the app...");
      app.kill("SIGTERM");
      await waitFor(app);
    }
    if (embedded) {
      console.log("Stopping the embedded PostgreSQL...");
      await embedded.stop();
    }
    console.log("Stopped.");
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

  try {
    let databaseUrl = options.DATABASE_URL;
    let ownerUrl = options.DATABASE_OWNER_URL ?? databaseUrl;
    if (options.DATABASE_OWNER_URL && !databaseUrl) throw new Error("DATABASE_OWNER_URL is set but DATABASE_URL (the app's role) is not.");
    if (!databaseUrl) {
      // E.g. a clone under /root (mode 700): the database is kept where the "postgres" user can reach it.
      const { dir: pgDir, moved } = await embeddedDataDir(root, options.DATA_DIR);
      if (moved) console.log(`The project folder is private to root, so PostgreSQL (which runs as the "postgres" user) keeps its data in ${pgDir}.`);
      console.log(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${pgDir})...`);
      // In a process group of its own: a Ctrl-C in the terminal reaches the app and this launcher, which
      // stops the database only once the app has finished.
      embedded = await startEmbeddedPostgres({ dataDir: pgDir, port: options.EMBEDDED_PG_PORT, detached: true });
      databaseUrl = embedded.appUrl;
      ownerUrl = embedded.url;
      console.log(`PostgreSQL is listening on 127.0.0.1:${embedded.port}.`);
    }

    const { leastPrivilege } = await prepareDatabase(ownerUrl!, databaseUrl, { quiet: true });
    console.log("Database schema is up to date.");
    if (!leastPrivilege) {
      const facts = await describeConnectionRole(databaseUrl);
      if (facts.superuser || facts.ownsTables > 0) {
        console.warn(
          `Warning: the app signs in to PostgreSQL as "${facts.role}", which ${facts.superuser ? "is a superuser" : "owns the tables"}: it could alter the audit trail. ` +
            'Give the app a role of its own (DATABASE_URL) and run the migrations as the owner (DATABASE_OWNER_URL): see the README, "Least privilege in the database".',
        );
      }
    }

    const demo = options.SEED_DEMO_DATA ?? (embedded ? "true" : "false");
    const prisma = createPrismaClient(ownerUrl!, 2);
    try {
      if (demo === "true" && (await prisma.proposal.count()) === 0) {
        console.log("Empty database: adding the demo catalogue, periods, users and history...");
        await seedDemoData(prisma);
      } else if ((await prisma.user.count({ where: { role: "ADMIN", active: true } })) === 0) {
        console.log(
          "No administrator yet. Create the first one with:\n  npm run admin:create -- --email you@example.org --name 'Your Name' --organisation NATO|EU",
        );
      }
    } finally {
      await prisma.$disconnect();
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: await loadOrCreateSecret(options.DATA_DIR),
      NEXTAUTH_URL: options.NEXTAUTH_URL ?? `http://localhost:${options.PORT}`,
      NODE_ENV: isDev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
      SEED_DEMO_DATA: demo,
    };
    const next = path.join(root, "node_modules/next/dist/bin/next");
    if (!isDev) {
      // Fingerprinted before building: a file changed during the build makes the next start build again.
      const fingerprint = await sourceFingerprint(root);
      const reason = await rebuildReason(root, fingerprint);
      if (reason) {
        console.log(`${reason}: building (about a minute)...`);
        const code = await waitFor(run([next, "build"], env));
        if (code !== 0) throw new Error("next build failed");
        await writeBuildStamp(root, fingerprint);
      } else {
        console.log("The production build matches the code.");
      }
    }
    if (stopping) return;
    app = isDev
      ? run([next, "dev", "--port", String(options.PORT), "--hostname", options.BIND_ADDRESS], env)
      : run(["--import", "tsx", path.join(root, "scripts/serve.ts")], { ...env, PORT: String(options.PORT), BIND_ADDRESS: options.BIND_ADDRESS });
    console.log(`Open http://localhost:${options.PORT}${demo === "true" ? " (demo sign-ins are listed in the README)" : ""}.`);
    const code = await waitFor(app);
    await shutdown(code);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

await main();
