// The production server: the built app served by several Node.js processes sharing one port through
// node:cluster (WEB_CONCURRENCY; default one per core, at most 4, so that processes x DATABASE_POOL_SIZE
// stays well under PostgreSQL's default max_connections of 100). Next.js renders on one thread per
// process, so on a machine with N cores one process leaves N-1 idle. Processes hold no state (sessions
// are signed cookies; everything else is in PostgreSQL), so any of them can answer any request. A
// process that dies is replaced, unless processes keep dying right after starting (no build, port taken):
// then the server stops with an error instead of looping. Used by `npm start` (scripts/start.ts), the
// browser tests and the benchmark. Environment: PORT (3000), BIND_ADDRESS (0.0.0.0), WEB_CONCURRENCY,
// SEED_DEMO_DATA (true: a demonstration, where demo accounts may keep their published password),
// TRUST_PROXY (unset: the client address is the socket's; "true" or a number of proxies: the address
// the nearest trusted proxy appended to X-Forwarded-For).
import cluster, { type Worker } from "node:cluster";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { parseTrustProxy, resolveClientAddress } from "../lib/domain/client-address";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.BIND_ADDRESS ?? "0.0.0.0";
const requested = Number.parseInt(process.env.WEB_CONCURRENCY ?? "", 10);
const workers = Number.isInteger(requested) && requested >= 1 ? requested : Math.min(4, os.availableParallelism());
const EARLY_EXIT_MS = 15_000;
const trustedProxies = parseTrustProxy(process.env.TRUST_PROXY);
if (trustedProxies === null) {
  console.error(`TRUST_PROXY must be "true", "false" or a number of proxies from 1 to 10, not ${JSON.stringify(process.env.TRUST_PROXY)}.`);
  process.exit(1);
}

// A deployment that did not ask for demo data refuses to serve while a demo account keeps its published
// password (SEED_DEMO_DATA=true: a demonstration, as `npm start` on the embedded database is).
if (cluster.isPrimary && process.env.SEED_DEMO_DATA !== "true" && process.env.DATABASE_URL) {
  const { accountsWithPublishedPassword, DEMO_GUARD_HELP } = await import("./lib/demo-guard");
  const exposed = await accountsWithPublishedPassword(process.env.DATABASE_URL);
  if (exposed.length > 0) {
    console.error(`Refusing to start: ${exposed.length} account(s) still use the published demo password (${exposed.join(", ")}).\n${DEMO_GUARD_HELP}`);
    process.exit(1);
  }
}

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  const startedAt = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  const stop = (code: number, signal: NodeJS.Signals = "SIGTERM") => {
    if (stopping) return;
    stopping = true;
    const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    if (running.length === 0) process.exit(code);
    // Let each process finish its requests; exit when all have ended (or after 10 s).
    let left = running.length;
    for (const worker of running) {
      worker.once("exit", () => --left === 0 && process.exit(code));
      worker.process.kill(signal);
    }
    setTimeout(() => process.exit(code), 10_000).unref();
  };
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    if (Date.now() - (startedAt.get(worker.id) ?? 0) < EARLY_EXIT_MS) {
      console.error(`An app process ended while starting (${signal ?? `exit code ${code}`}); stopping.`);
      stop(1);
      return;
    }
    console.error(`App process ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another.`);
    fork();
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => stop(0, sig));
  console.log(`Serving on http://${hostname}:${port} with ${workers} app processes.`);
} else {
  const { default: next } = await import("next"); // only app processes load Next.js
  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    // Route handlers cannot see the socket, and Next.js keeps an X-Forwarded-For the client sent. So the
    // header is replaced by the one address sign-in throttling should count (lib/domain/client-address.ts).
    const forwardedFor = req.headers["x-forwarded-for"];
    req.headers["x-forwarded-for"] = resolveClientAddress({ forwardedFor, socketAddress: req.socket.remoteAddress, trustedProxies });
    void handle(req, res);
  });
  server.on("error", (error) => {
    console.error(`Cannot serve on ${hostname}:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname);
  // Finish the requests in progress, then exit. Once: a Ctrl-C reaches this process both from the
  // terminal and from the primary (or the launcher), and a second close() would exit at once.
  let closing = false;
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      if (closing) return;
      closing = true;
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 8_000).unref();
    });
  }
  if (workers === 1) console.log(`Serving on http://${hostname}:${port}.`);
}
