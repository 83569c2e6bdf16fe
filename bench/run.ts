// `npm run bench`: seeds separate throwaway databases at the real size and at 100x, serves the production
// build against each, and measures latency (p50/p95) and throughput under concurrent load for the
// dashboard, the proposal list, a proposal page and the CSV export, next to a baseline route that does one
// trivial query through the same stack (/api/health). Also reports the dashboard's first-load JavaScript
// (gzip), the server's peak memory, and how long publishing an edition and producing each of its file
// formats take. Writes bench/results.json and prints a markdown table.
// Not part of the test suite: numbers depend on the machine.
import autocannon from "autocannon";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDemoData } from "@/prisma/seed";
import { findFreePort, startEmbeddedPostgres } from "../scripts/lib/embedded-postgres";
import { migrateDatabase } from "../scripts/lib/migrate";
import { createDatabase } from "../tests/support/database";
import { growToScale, SCALES, type Scale } from "./scale-data";

const root = path.resolve(import.meta.dirname, "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const sizes = (process.env.BENCH_SIZES ?? "real,100x").split(",");

type RouteResult = { route: string; path: string; p50: number | null; p95: number | null; rps: number; requests: number; errors: number };
type ReportResult = {
  periodNumber: number;
  publishMs: number;
  /**
   * Time to the last byte of each format of the edition, one request at a time: the first request of the
   * format (libraries and fonts still loading in that process) and the median of the next three.
   */
  formats: { format: string; firstMs: number; ms: number; bytes: number }[];
  /** The server's peak RSS before the first export and after the last one (VmHWM only grows). */
  peakRssBeforeMb: number;
  peakRssAfterMb: number;
};
type SizeResult = { size: string; routes: RouteResult[]; dashboardFirstLoadJsGzipKb: number; peakRssMb: number; report?: ReportResult };

const REPORT_FORMATS = ["docx", "pdf", "xlsx", "json", "csv"] as const;

/** The p-th percentile (nearest rank) in ms, to 0.1 ms; null when nothing answered. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
}

async function load(url: string, cookie: string, duration: number): Promise<{ latencies: number[]; rps: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration, timeout: 60, headers: { cookie } }, (error, res) =>
      error ? reject(error) : resolve(res),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 400) errors += 1;
      latencies.push(responseTime);
    });
  });
  return { latencies, rps: result.requests.average, errors: errors + result.errors + result.timeouts };
}

async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: "manager@eu.demo", password: "demo-password-2026", json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Sign-in failed (${response.status})`);
  return session.split(";")[0]!;
}

/** Sum of gzip sizes of the scripts the dashboard's HTML loads. */
async function firstLoadJs(base: string, cookie: string): Promise<number> {
  const html = await (await fetch(`${base}/dashboard`, { headers: { cookie } })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!))];
  let total = 0;
  for (const src of sources) total += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return Math.round((total / 1024) * 10) / 10;
}

/** Peak resident memory (VmHWM) of a process and its children, in MB (Linux). */
function peakRssMb(pid: number): number {
  const pids = [pid];
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (pids.includes(ppid)) pids.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  let kb = 0;
  for (const p of pids) {
    try {
      kb += Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // The process ended meanwhile.
    }
  }
  return Math.round(kb / 1024);
}

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The app did not become healthy");
}

async function benchSize(adminUrl: string, scale: Scale): Promise<SizeResult> {
  const url = await createDatabase(adminUrl, "bench");
  await migrateDatabase(url, { quiet: true });
  const prisma = createPrismaClient(url, 2);
  const started = Date.now();
  await seedDemoData(prisma, { log: () => undefined });
  await growToScale(prisma, scale);
  const counts = await prisma.$queryRawUnsafe<{ proposals: number; updates: number; revisions: number }[]>(
    `SELECT (SELECT count(*)::int FROM "Proposal") AS proposals, (SELECT count(*)::int FROM "StatusUpdate") AS updates, (SELECT count(*)::int FROM "StatusUpdateRevision") AS revisions`,
  );
  await prisma.$disconnect();
  console.log(`${scale.name}: ${JSON.stringify(counts[0])} loaded in ${Math.round((Date.now() - started) / 1000)} s`);

  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  // The production server of `npm start`: one app process per core unless WEB_CONCURRENCY says otherwise.
  const server: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/serve.ts")], {
    cwd: root,
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      NEXTAUTH_URL: base,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      BIND_ADDRESS: "127.0.0.1",
      SEED_DEMO_DATA: "true",
    },
  });
  try {
    await waitForHealth(base);
    const cookie = await signIn(base);
    const routes = [
      { route: "baseline (one trivial query)", path: "/api/health" },
      { route: "dashboard", path: "/dashboard" },
      { route: "proposal list", path: "/proposals" },
      { route: "proposal page", path: "/proposals/p01" },
      { route: "CSV export", path: "/api/proposals/export" },
    ];
    const results: RouteResult[] = [];
    for (const r of routes) {
      await load(`${base}${r.path}`, cookie, 2); // warm-up
      const { latencies, rps, errors } = await load(`${base}${r.path}`, cookie, DURATION);
      const sorted = latencies.sort((a, b) => a - b);
      results.push({ ...r, p50: percentile(sorted, 50), p95: percentile(sorted, 95), rps: Math.round(rps), requests: sorted.length, errors });
      console.log(`  ${r.route}: p50 ${percentile(sorted, 50) ?? "-"} ms, p95 ${percentile(sorted, 95) ?? "-"} ms, ${Math.round(rps)} req/s, ${errors} errors`);
    }
    const dashboardFirstLoadJsGzipKb = await firstLoadJs(base, cookie);
    const peak = peakRssMb(server.pid!);
    const report = await benchReport(url, base, cookie, server.pid!);
    return { size: scale.name, routes: results, dashboardFirstLoadJsGzipKb, peakRssMb: peak, report };
  } finally {
    server.kill("SIGTERM");
  }
}

/**
 * Publishes an edition of the latest closed period with the app's own code (bench/publish-edition.ts, in a
 * child process), then downloads each format of it from the server, one at a time, to the last byte.
 */
async function benchReport(databaseUrl: string, base: string, cookie: string, serverPid: number): Promise<ReportResult> {
  const prisma = createPrismaClient(databaseUrl, 1);
  const period = await prisma.reportingPeriod.findFirstOrThrow({ where: { state: "CLOSED" }, orderBy: { number: "desc" }, select: { number: true } });
  await prisma.$disconnect();
  const output = execFileSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(root, "bench/publish-edition.ts"), String(period.number)],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret" }, encoding: "utf8" },
  );
  const { edition, publishMs } = JSON.parse(output.trim().split("\n").pop()!) as { edition: number; publishMs: number };
  console.log(`  published edition ${edition} of report ${period.number} in ${publishMs} ms`);
  const peakRssBeforeMb = peakRssMb(serverPid);
  const formats: ReportResult["formats"] = [];
  for (const format of REPORT_FORMATS) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 4; i++) {
      const started = performance.now();
      const response = await fetch(`${base}/reports/${period.number}/${edition}.${format}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${format}: ${response.status} ${await response.text()}`);
      bytes = (await response.arrayBuffer()).byteLength;
      times.push(Math.round(performance.now() - started));
    }
    const [firstMs, ...rest] = times as [number, ...number[]];
    const ms = rest.sort((a, b) => a - b)[1]!;
    formats.push({ format, firstMs, ms, bytes });
    console.log(`  ${format}: first ${firstMs} ms, then ${ms} ms (median of 3), ${Math.round(bytes / 1024)} KB`);
  }
  return { periodNumber: period.number, publishMs, formats, peakRssBeforeMb, peakRssAfterMb: peakRssMb(serverPid) };
}

function table(results: SizeResult[]): string {
  const lines = ["| size | route | p50 (ms) | p95 (ms) | req/s | % of baseline | errors |", "|---|---|---:|---:|---:|---:|---:|"];
  for (const size of results) {
    const baseline = size.routes[0]!.rps;
    for (const r of size.routes)
      lines.push(`| ${size.size} | ${r.route} | ${r.p50 ?? "-"} | ${r.p95 ?? "-"} | ${r.rps} | ${Math.round((r.rps / baseline) * 100)}% | ${r.errors} |`);
  }
  lines.push("", "| size | dashboard first-load JS (gzip) | server peak RSS |", "|---|---:|---:|");
  for (const size of results) lines.push(`| ${size.size} | ${size.dashboardFirstLoadJsGzipKb} KB | ${size.peakRssMb} MB |`);
  lines.push(
    "",
    "| size | report | publish | " + REPORT_FORMATS.join(" | ") + " | server peak RSS before → after |",
    "|---|---|---:|" + REPORT_FORMATS.map(() => "---:|").join("") + "---:|",
  );
  for (const size of results) {
    const r = size.report;
    if (!r) continue;
    const cells = REPORT_FORMATS.map((f) => {
      const x = r.formats.find((y) => y.format === f)!;
      return `${x.ms} ms, first ${x.firstMs} (${Math.round(x.bytes / 1024)} KB)`;
    });
    lines.push(`| ${size.size} | ${r.periodNumber} | ${r.publishMs} ms | ${cells.join(" | ")} | ${r.peakRssBeforeMb} → ${r.peakRssAfterMb} MB |`);
  }
  return lines.join("\n");
}

function targets(results: SizeResult[]): string[] {
  const out: string[] = [];
  const real = results.find((r) => r.size.startsWith("real"));
  const big = results.find((r) => r.size.startsWith("100x"));
  const dash = (s: SizeResult) => s.routes.find((r) => r.route === "dashboard")!;
  if (real) {
    out.push(`real size: dashboard p95 ${dash(real).p95 ?? "-"} ms (target <= 30): ${(dash(real).p95 ?? Infinity) <= 30 ? "met" : "NOT met"}`);
    const share = Math.round((dash(real).rps / real.routes[0]!.rps) * 100);
    out.push(`real size: dashboard throughput ${share}% of baseline (target >= 50%): ${share >= 50 ? "met" : "NOT met"}`);
    out.push(
      `dashboard first-load JS ${real.dashboardFirstLoadJsGzipKb} KB gzip (target <= 180): ${real.dashboardFirstLoadJsGzipKb <= 180 ? "met" : "NOT met"}`,
    );
  }
  if (big) out.push(`100x: dashboard p95 ${dash(big).p95 ?? "-"} ms (target <= 150): ${(dash(big).p95 ?? Infinity) <= 150 ? "met" : "NOT met"}`);
  // Each format of an edition: under 1 s at the real size, under 30 s at 100x.
  for (const [size, limit] of [
    [real, 1000],
    [big, 30_000],
  ] as const) {
    if (!size?.report) continue;
    const slowest = size.report.formats.reduce((a, b) => (Math.max(b.ms, b.firstMs) > Math.max(a.ms, a.firstMs) ? b : a));
    const worst = Math.max(slowest.ms, slowest.firstMs);
    out.push(
      `${size.size}: slowest report format ${slowest.format} ${worst} ms, first request included (target < ${limit}): ${worst < limit ? "met" : "NOT met"}`,
    );
  }
  return out;
}

async function main() {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    console.log("No production build: running next build...");
    execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }
  const parent = await mkdtemp(path.join(os.tmpdir(), "tracker-bench-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(parent, "postgres"), persistent: false, database: "postgres" });
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) {
      const scale = SCALES[size];
      if (!scale) throw new Error(`Unknown size ${size}; use ${Object.keys(SCALES).join(", ")}`);
      results.push(await benchSize(pg.adminUrl, scale));
    }
  } finally {
    await pg.stop();
    await rm(parent, { recursive: true, force: true });
  }
  // As scripts/serve.ts counts them.
  const requested = Number.parseInt(process.env.WEB_CONCURRENCY ?? "", 10);
  const appProcesses = Number.isInteger(requested) && requested >= 1 ? requested : Math.min(4, os.availableParallelism());
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    appProcesses,
  };
  const summary = targets(results);
  await writeFile(
    path.join(root, "bench/results.json"),
    JSON.stringify({ at: new Date().toISOString(), machine, durationSeconds: DURATION, connections: CONNECTIONS, results, targets: summary }, null, 2) + "\n",
  );
  console.log(
    `\n${machine.cpus} cores, ${appProcesses} app process(es) (WEB_CONCURRENCY), ${CONNECTIONS} connections, ${DURATION} s per route.\n\n${table(results)}\n\n${summary.map((s) => `- ${s}`).join("\n")}\n\nWritten to bench/results.json.`,
  );
}

await main();
