// The production server: the built app served by one Node.js process per CPU core (WEB_CONCURRENCY,
// default: all cores), sharing one port through node:cluster. Next.js renders on one thread per process,
// so on a machine with N cores one process leaves N-1 idle. Processes hold no state (sessions are
// signed cookies; everything else is in PostgreSQL), so any of them can answer any request; a worker
// that dies is replaced. Used by `npm start` (scripts/start.ts) and the benchmark.
// Environment: PORT (3000), BIND_ADDRESS (0.0.0.0), WEB_CONCURRENCY, and the app's own (DATABASE_URL, ...).
import cluster from "node:cluster";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.BIND_ADDRESS ?? "0.0.0.0";
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()));

if (cluster.isPrimary && workers > 1) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`App process ${worker.process.pid} ended (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.on(sig, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(sig);
      process.exit(0);
    });
  }
  console.log(`Serving on http://${hostname}:${port} with ${workers} app processes.`);
} else {
  const { default: next } = await import("next"); // only app processes load Next.js
  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  createServer((req, res) => void handle(req, res)).listen(port, hostname);
  if (workers === 1) console.log(`Serving on http://${hostname}:${port}.`);
}
