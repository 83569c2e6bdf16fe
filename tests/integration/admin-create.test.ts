// `npm run admin:create` (scripts/admin-create.ts) run for real, as a child process, against a fresh
// migrated database with no data: it creates an active ADMIN with no password and prints a one-time
// link whose token is stored only as its SHA-256; run again for the same e-mail it updates the account
// (and voids the earlier link) instead of adding one; bad arguments exit 1 with a clear message before
// touching any database. And the demo guard of scripts/serve.ts (scripts/lib/demo-guard.ts) on a
// demo-seeded database of its own: it names every demo account that keeps the published password, and
// no longer one whose password was changed or that was deactivated.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hashPassword } from "@/lib/auth/passwords";
import { INVITE_DAYS, RESET_HOURS } from "@/lib/data/password-tokens";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { users as demoUsers } from "@/prisma/seed-data/users";
import { seedDemoData } from "@/prisma/seed";
import { accountsWithPublishedPassword } from "../../scripts/lib/demo-guard";
import { createEmptyDatabase, createMigratedDatabase, dropTestDatabase } from "./support/databases";

const root = path.resolve(import.meta.dirname, "../..");
const PUBLIC_URL = "https://tracker.example.org";
const HOUR_MS = 3600 * 1000;
const USAGE = "Usage: npm run admin:create -- --email you@example.org --name 'Your Name' --organisation NATO|EU [--body EEAS|COMMISSION|EDA]";

type Run = { code: number | null; stdout: string; stderr: string };

/** The real command, as `npm run admin:create -- …` runs it (package.json), with its own environment. */
function adminCreate(databaseUrl: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/admin-create.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: PUBLIC_URL, NEXTAUTH_SECRET: undefined },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The token of the one link printed on its own line: PUBLIC_URL/set-password?token=… */
function printedToken(stdout: string): string {
  const links = [...stdout.matchAll(/^(\S+)\/set-password\?token=(\S+)$/gm)];
  expect(links, stdout).toHaveLength(1);
  expect(links[0]![1]).toBe(PUBLIC_URL);
  return decodeURIComponent(links[0]![2]!);
}

const sha256 = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

describe("npm run admin:create on a fresh database", () => {
  let url: string;
  let prisma: PrismaClient;
  const email = "ingrid.admin@example.org";

  beforeAll(async () => {
    url = await createMigratedDatabase("admin_create");
    prisma = createPrismaClient(url, 2);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    if (url) await dropTestDatabase(url);
  });

  const account = () =>
    prisma.user.findMany({
      select: { id: true, email: true, name: true, role: true, body: true, active: true, passwordHash: true, organisation: { select: { code: true } } },
    });
  const links = () =>
    prisma.passwordToken.findMany({
      select: { tokenHash: true, purpose: true, usedAt: true, expiresAt: true, createdById: true },
      orderBy: { createdAt: "asc" },
    });

  test("creates an active EU/EEAS admin with no password and prints a one-time invitation link", { timeout: 60_000 }, async () => {
    expect(await prisma.user.count()).toBe(0);
    const startedAt = Date.now();
    const run = await adminCreate(url, ["--email", "Ingrid.Admin@Example.ORG", "--name", "Ingrid Admin", "--organisation", "EU", "--body", "eeas"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Created the administrator ${email} (EU).`);
    expect(run.stdout).toContain("Open this link to set the password (it works once, until ");
    const token = printedToken(run.stdout);

    const users = await account();
    expect(users).toEqual([
      { id: expect.any(String), email, name: "Ingrid Admin", role: "ADMIN", body: "EEAS", active: true, passwordHash: null, organisation: { code: "EU" } },
    ]);
    const stored = await links();
    expect(stored).toEqual([{ tokenHash: sha256(token), purpose: "INVITE", usedAt: null, expiresAt: expect.any(Date), createdById: null }]);
    const expiresIn = stored[0]!.expiresAt.getTime() - startedAt;
    expect(expiresIn).toBeGreaterThan(INVITE_DAYS * 24 * HOUR_MS - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(INVITE_DAYS * 24 * HOUR_MS + 60_000);
    expect(run.stdout).toContain(`until ${stored[0]!.expiresAt.toISOString()}`);
    const events = await prisma.auditEvent.findMany({ select: { action: true, actorId: true, entityId: true } });
    expect(events).toEqual([{ action: "user.create", actorId: null, entityId: users[0]!.id }]);
  });

  test("run again for the same e-mail: updates the account, voids the first link, adds no second account", { timeout: 60_000 }, async () => {
    const [before] = await account();
    const firstLink = (await links())[0]!;
    const run = await adminCreate(url, ["--email", email, "--name", "Ingrid Admin-Solberg", "--organisation", "eu", "--body", "COMMISSION"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Updated the administrator ${email} (EU).`);
    const token = printedToken(run.stdout);

    expect(await account()).toEqual([{ ...before, name: "Ingrid Admin-Solberg", body: "COMMISSION" }]);
    const stored = await links();
    expect(stored.map((l) => l.tokenHash)).toEqual([firstLink.tokenHash, sha256(token)]);
    expect(stored[0]!.expiresAt.getTime(), "the first link is void").toBeLessThanOrEqual(Date.now());
    expect(stored[0]!.expiresAt.getTime()).toBeLessThan(firstLink.expiresAt.getTime());
    expect(stored[1]).toMatchObject({ purpose: "INVITE", usedAt: null });
    expect((await prisma.auditEvent.findMany({ select: { action: true }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual([
      "user.create",
      "user.update",
    ]);
  });

  test("for an account that has a password (now deactivated, not admin): reactivates it as admin with a reset link", { timeout: 60_000 }, async () => {
    const [before] = await account();
    await prisma.user.update({
      where: { id: before!.id },
      data: { passwordHash: await hashPassword("Quartz harbour lantern 917"), role: "VIEWER", active: false },
    });
    const run = await adminCreate(url, ["--email", email, "--name", "Ingrid Admin-Solberg", "--organisation", "NATO"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Updated the administrator ${email} (NATO).`);
    expect(run.stdout).toContain("Open this link to reset the password");
    const token = printedToken(run.stdout);
    const [after] = await account();
    expect(after).toMatchObject({ id: before!.id, role: "ADMIN", active: true, body: null, organisation: { code: "NATO" } });
    expect(after!.passwordHash).toMatch(/^\$argon2id\$/);
    const latest = (await links()).at(-1)!;
    expect(latest).toMatchObject({ tokenHash: sha256(token), purpose: "RESET", usedAt: null });
    expect(latest.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(RESET_HOURS * HOUR_MS);
    expect(await prisma.user.count()).toBe(1);
  });
});

describe("npm run admin:create with bad arguments", () => {
  let url: string;
  let prisma: PrismaClient;

  // An empty, unmigrated database: "writes nothing" means not even the migrations' tables appear.
  beforeAll(async () => {
    url = await createEmptyDatabase("admin_create_bad");
    prisma = createPrismaClient(url, 1);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    if (url) await dropTestDatabase(url);
  });

  test.each<[string, string[], string]>([
    ["no --email", ["--name", "Ingrid Admin", "--organisation", "EU"], "email: Enter the e-mail address"],
    [
      "a malformed --email",
      ["--email", "ingrid-at-example", "--name", "Ingrid Admin", "--organisation", "EU"],
      "email: Enter an e-mail address like name@example.org",
    ],
    ["no --name", ["--email", "ingrid@example.org", "--organisation", "EU"], "name: Enter the person's name"],
    [
      "--organisation XX",
      ["--email", "ingrid@example.org", "--name", "Ingrid Admin", "--organisation", "XX"],
      "organisation: --organisation must be NATO or EU",
    ],
    [
      "--body for NATO",
      ["--email", "ingrid@example.org", "--name", "Ingrid Admin", "--organisation", "NATO", "--body", "EEAS"],
      "body: --body is for EU users only",
    ],
    [
      "--body XX",
      ["--email", "ingrid@example.org", "--name", "Ingrid Admin", "--organisation", "EU", "--body", "XX"],
      "body: --body must be EEAS, COMMISSION or EDA",
    ],
  ])("%s: exit 1, says what is wrong and how to call it, and writes nothing", { timeout: 60_000 }, async (_case, args, message) => {
    const run = await adminCreate(url, args);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([message, USAGE]);
    expect(run.stdout).toBe("");
    const [tables] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`;
    expect(tables!.n, "tables in the database").toBe(0);
  });
});

describe("the demo guard on a demo-seeded database", () => {
  let url: string;
  let prisma: PrismaClient;
  const demoEmails = demoUsers.map((u) => u.email).sort();

  beforeAll(async () => {
    url = await createMigratedDatabase("demo_guard");
    prisma = createPrismaClient(url, 2);
    await seedDemoData(prisma, { log: () => undefined });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    if (url) await dropTestDatabase(url);
  });

  test("lists every demo account while it keeps the published password", async () => {
    expect(demoEmails).toHaveLength(10);
    expect((await accountsWithPublishedPassword(url)).sort()).toEqual(demoEmails);
  });

  test("an admin who resets a demo account's password, or deactivates one, takes it off the list", async () => {
    await prisma.user.update({ where: { email: "admin@nato.demo" }, data: { passwordHash: await hashPassword("Quartz harbour lantern 917") } });
    await prisma.user.update({ where: { email: "viewer@eu.demo" }, data: { active: false } });
    expect((await accountsWithPublishedPassword(url)).sort()).toEqual(demoEmails.filter((e) => e !== "admin@nato.demo" && e !== "viewer@eu.demo"));
  });

  test("with every demo account dealt with, the list is empty (the server would start)", async () => {
    await prisma.user.updateMany({ where: { email: { endsWith: ".demo" } }, data: { active: false } });
    expect(await accountsWithPublishedPassword(url)).toEqual([]);
  });
});
