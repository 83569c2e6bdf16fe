// Journey: a real deployment starts with no demo data. An operator points `npm start` (scripts/start.ts)
// at an empty PostgreSQL database of their own, with no SEED_DEMO_DATA: the app serves, the database
// holds no user and no proposal, and the log says how to create the first administrator. The operator
// runs admin:create (scripts/admin-create.ts); the new admin opens the printed one-time link, meets the
// password policy (the error beside the field), sets a good password, lands on sign-in with the e-mail
// filled in, signs in and reaches the admin section. Then the demo guard: the same database with the demo
// data added, started again without SEED_DEMO_DATA, refuses to serve and names the demo accounts.
//
// Not the shared web server: its own database on the e2e PostgreSQL server (scripts/e2e-server.ts), its
// own app processes on a free port, all stopped and the database dropped at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { passwordProblem } from "@/lib/domain/password-policy";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDemoData } from "@/prisma/seed";
import { users as demoUsers } from "@/prisma/seed-data/users";
import { expectNoAxeViolations } from "./support/axe";
import { e2eDatabaseUrl } from "./support/config";

const root = path.resolve(import.meta.dirname, "..");
const databaseName = `first_run_${randomBytes(5).toString("hex")}`;
// Read once the test server is up (it writes its URL when started).
const databaseUrl = () => e2eDatabaseUrl(databaseName);
const ADMIN = { email: "first.admin@example.org", name: "Maren Lindqvist" };
const WEAK_PASSWORD = "password1234";
const GOOD_PASSWORD = "Quartz harbour lantern 917";

/** A child process and everything it printed so far. */
type Running = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

const running: Running[] = [];

/** Runs `node node_modules/tsx/dist/cli.mjs <args>` in its own process group (so that it can be stopped whole). */
function runTsx(args: string[], env: Record<string, string>): Running {
  const { SEED_DEMO_DATA: _ignored, DATABASE_URL: _notThis, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), ...args], {
    cwd: root,
    env: { ...inherited, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const run = { child, output: () => output, exited };
  running.push(run);
  return run;
}

function groupAlive(run: Running): boolean {
  try {
    process.kill(-run.child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a run the way Ctrl-C or a service manager does: SIGTERM to its whole process group (the tsx
 * wrappers, start.ts, serve.ts and its app process). True once every process of the group has ended;
 * after `graceMs` the rest is killed and the answer is false.
 */
async function stopGroup(run: Running, graceMs = 15_000): Promise<boolean> {
  if (!groupAlive(run)) return true;
  process.kill(-run.child.pid!, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!groupAlive(run)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (groupAlive(run)) process.kill(-run.child.pid!, "SIGKILL");
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function healthStatus(appUrl: string): Promise<number | "no answer"> {
  return fetch(`${appUrl}/api/health`).then(
    (r) => r.status,
    () => "no answer",
  );
}

/** Polls /api/health until it answers 200; fails with the log if the process ends first or it takes too long. */
async function waitForHealth(appUrl: string, app: Running, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`The app exited (${app.child.exitCode}) before serving:\n${app.output()}`);
    if ((await healthStatus(appUrl)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`No answer from ${appUrl}/api/health within ${timeoutMs} ms:\n${app.output()}`);
}

test.beforeAll(async () => {
  await sql(e2eDatabaseUrl("postgres"), `CREATE DATABASE "${databaseName}"`);
});

// On failure, what the app and the command printed: the reason is usually there.
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const [i, run] of running.entries()) {
    const file = testInfo.outputPath(`output-${i + 1}.txt`);
    await writeFile(file, run.output());
    await testInfo.attach(`output-${i + 1}.txt`, { path: file, contentType: "text/plain" });
  }
});

test.afterAll(async () => {
  await Promise.all(running.map((run) => stopGroup(run)));
  await sql(e2eDatabaseUrl("postgres"), `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

test("a real deployment starts with no demo data, gets its first admin by command, and refuses the demo passwords", async ({ browser }) => {
  test.setTimeout(150_000);
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  // What an operator sets; no SEED_DEMO_DATA.
  const operatorEnv = {
    DATABASE_URL: databaseUrl(),
    PORT: String(port),
    BIND_ADDRESS: "127.0.0.1",
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    NEXTAUTH_URL: appUrl,
    WEB_CONCURRENCY: "1",
  };

  const app = runTsx(["scripts/start.ts"], operatorEnv);
  await test.step("npm start on an empty database: serves, with no demo data, and says how to create the first admin", async () => {
    await waitForHealth(appUrl, app);
    const [counts] = await sql<{ users: number; proposals: number; periods: number; organisations: number }>(
      databaseUrl(),
      `SELECT (SELECT count(*)::int FROM "User") AS users, (SELECT count(*)::int FROM "Proposal") AS proposals,
              (SELECT count(*)::int FROM "ReportingPeriod") AS periods, (SELECT count(*)::int FROM "Organisation") AS organisations`,
    );
    expect(counts).toEqual({ users: 0, proposals: 0, periods: 0, organisations: 2 });
    expect(app.output()).toContain("No administrator yet. Create the first one with:");
    expect(app.output()).toContain("npm run admin:create -- --email you@example.org --name 'Your Name' --organisation NATO|EU");
    expect(app.output()).not.toContain("adding the demo catalogue");
    // One URL for the app and the migrations: the launcher warns that the app could alter the audit trail.
    expect(app.output()).toContain('Warning: the app signs in to PostgreSQL as "postgres", which is a superuser');
  });

  let link = "";
  await test.step("admin:create prints a one-time link to this app", async () => {
    const command = runTsx(["--conditions=react-server", "scripts/admin-create.ts", "--email", ADMIN.email, "--name", ADMIN.name, "--organisation", "NATO"], {
      DATABASE_URL: databaseUrl(),
      NEXTAUTH_URL: appUrl,
    });
    expect(await command.exited, command.output()).toBe(0);
    expect(command.output()).toContain(`Created the administrator ${ADMIN.email} (NATO).`);
    link = /^(http\S+\/set-password\?token=\S+)$/m.exec(command.output())?.[1] ?? "";
    expect(link.startsWith(`${appUrl}/set-password?token=`), command.output()).toBe(true);
  });

  const context = await browser.newContext({ baseURL: appUrl, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  try {
    await test.step("the link: a weak password is refused beside the field", async () => {
      await page.goto(link);
      await expect(page.getByRole("heading", { level: 1, name: "Welcome: choose your password" })).toBeVisible();
      await expect(page.getByText(`For ${ADMIN.name} (${ADMIN.email})`)).toBeVisible();
      await expectNoAxeViolations(page);
      const password = page.getByLabel("New password");
      await password.fill(WEAK_PASSWORD);
      await page.getByLabel("Type it again").fill(WEAK_PASSWORD);
      await page.getByRole("button", { name: "Set password" }).click();
      await expect(page.locator("form[data-state='error']")).toBeVisible();
      const problem = passwordProblem(WEAK_PASSWORD, ADMIN)!;
      await expect(page.locator("#password-error")).toHaveText(`Error: ${problem}`);
      await expect(password).toHaveAttribute("aria-invalid", "true");
      await expect(password).toHaveAccessibleDescription(new RegExp(problem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      await expect(page).toHaveURL(link);
      await expectNoAxeViolations(page);
      const [user] = await sql<{ passwordHash: string | null }>(databaseUrl(), `SELECT "passwordHash" FROM "User"`);
      expect(user!.passwordHash).toBeNull();
    });

    await test.step("a good password: sign-in with the e-mail filled in, then the admin section", async () => {
      await page.getByLabel("New password").fill(GOOD_PASSWORD);
      await page.getByLabel("Type it again").fill(GOOD_PASSWORD);
      await page.getByRole("button", { name: "Set password" }).click();
      await expect(page).toHaveURL(/\/signin\?passwordSet=1&email=/);
      await expect(page.getByRole("status")).toHaveText("Your password is set. Sign in with it now.");
      await expect(page.getByLabel("E-mail address")).toHaveValue(ADMIN.email);
      await expectNoAxeViolations(page);
      await page.getByLabel("Password").fill(GOOD_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
      const admin = await page.goto("/admin");
      expect(admin?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
      const reports = await page.goto("/reports");
      expect(reports?.status()).toBe(200);
      // The link is spent.
      await page.goto(link);
      await expect(page.getByRole("heading", { level: 1, name: "This link cannot be used" })).toBeVisible();
    });
  } finally {
    await context.close();
  }

  await test.step("the demo guard: with demo data added, a start without SEED_DEMO_DATA refuses and names the demo accounts", async () => {
    expect(await stopGroup(app), `every process of npm start ended:\n${app.output()}`).toBe(true);
    expect(await healthStatus(appUrl)).toBe("no answer");
    const prisma = createPrismaClient(databaseUrl(), 2);
    try {
      await seedDemoData(prisma, { force: true, log: () => undefined });
    } finally {
      await prisma.$disconnect();
    }
    const again = runTsx(["scripts/start.ts"], operatorEnv);
    // Either it exits, or (the guard broken) it serves: then fail at once instead of waiting for a timeout.
    const outcome = await Promise.race([
      again.exited,
      waitForHealth(appUrl, again).then(
        () => "served",
        () => again.exited,
      ),
    ]);
    expect(outcome, again.output()).toBe(1);
    expect(groupAlive(again), "no process of the refused start is left").toBe(false);
    expect(again.output()).toContain(`Refusing to start: ${demoUsers.length} account(s) still use the published demo password`);
    for (const { email } of demoUsers) expect(again.output()).toContain(email);
    expect(again.output()).not.toContain(ADMIN.email);
    expect(again.output()).toContain("npm run admin:create");
    expect(await healthStatus(appUrl)).toBe("no answer");
  });
});
