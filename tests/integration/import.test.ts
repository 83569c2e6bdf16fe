// Imports on a real PostgreSQL, through the real boundary (lib/actions/import.ts runImport, with the session
// and the cache revalidation as seams) and lib/data/imports.ts: real .xlsx and .csv files from
// tests/fixtures/import. Each dry-run plan is checked against the database read with SQL and the fixture
// read with csv-parse / exceljs directly (not through the import's reader); commits write what the plan
// said and nothing else; broken files, row errors, stale plans and non-admins change nothing (a fingerprint
// of every table an import writes); importing a file twice changes nothing; an export imports back
// unchanged; replacing the demo catalogue keeps every proposal's history linked by its number; the demo
// notice goes only once no demo record remains.
//
// This file runs on a database of its own (migrated and seeded with the demo data): it replaces the demo
// catalogue, which the other files rely on. lib/env.ts reads the environment once per module instance, so
// DATABASE_URL is set before the app modules are imported.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { ImportResult, ImportSeams } from "@/lib/actions/import";
import type { SessionUser } from "@/lib/auth/session";
import type { ImportKind } from "@/lib/domain/import/columns";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { seedDemoData } from "@/prisma/seed";
import { createActor, expectAppError, type TestActor } from "./support/app-helpers";
import { createMigratedDatabase, dropTestDatabase } from "./support/databases";

type App = {
  actions: typeof import("@/lib/actions/import");
  imports: typeof import("@/lib/data/imports");
  catalogue: typeof import("@/lib/data/catalogue");
  workbooks: typeof import("@/lib/import/workbooks");
  db: typeof import("@/lib/db");
};

const FIXTURES = path.join(import.meta.dirname, "../fixtures/import");
const BEFORE_ANY_REPORT = new Date("2016-01-01T00:00:00Z");

let databaseUrl: string;
let app: App;
let prisma: PrismaClient;
let admin: TestActor;

beforeAll(async () => {
  databaseUrl = await createMigratedDatabase("import");
  vi.stubEnv("DATABASE_URL", databaseUrl);
  prisma = createPrismaClient(databaseUrl, 4);
  await seedDemoData(prisma, { log: () => undefined });
  app = {
    actions: await import("@/lib/actions/import"),
    imports: await import("@/lib/data/imports"),
    catalogue: await import("@/lib/data/catalogue"),
    workbooks: await import("@/lib/import/workbooks"),
    db: await import("@/lib/db"),
  };
  admin = await createActor(prisma, "ADMIN", { name: "Ida Importer", organisationId: "eu" });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await app?.db.getDb().$disconnect();
  if (databaseUrl) await dropTestDatabase(databaseUrl);
  vi.unstubAllEnvs();
});

// ---------------------------------------------------------------------------------------------------
// Helpers

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));

function sessionOf(actor: TestActor): SessionUser {
  return { ...actor, body: null } as unknown as SessionUser;
}

/** The real boundary: a form with the file, as the page sends it; the session and the clock as seams. */
async function run(
  kind: ImportKind | string,
  mode: "check" | "commit",
  file: { name: string; bytes: Uint8Array },
  options: { hash?: string; actor?: TestActor; seams?: Partial<ImportSeams> } = {},
): Promise<ImportResult> {
  const form = new FormData();
  form.set("mode", mode);
  if (options.hash) form.set("planHash", options.hash);
  form.set("file", new File([file.bytes as BlobPart], file.name));
  return app.actions.runImport(kind, async () => form, {
    getUser: async () => sessionOf(options.actor ?? admin),
    revalidate: () => undefined,
    ...options.seams,
  });
}

const named = (name: string) => ({ name, bytes: fixture(name) });

/** A dry run, then a commit of the plan it showed. */
async function checkAndCommit(kind: ImportKind, file: { name: string; bytes: Uint8Array }) {
  const checked = await run(kind, "check", file);
  expect(checked.outcome, checked.message).toBe("checked");
  const committed = await run(kind, "commit", file, { hash: checked.hash });
  return { checked, committed };
}

const TABLES: Record<string, string> = {
  Area: "id",
  Proposal: "id",
  ProposalVersion: "id",
  FocalPoint: `"proposalId", "userId"`,
  User: "id",
  StatusUpdate: "id",
  StatusUpdateRevision: "id",
  StatusCount: `"periodId", "areaId", status, assessment, "workflowState"`,
  AuditEvent: "id",
  AppSetting: "key",
  PasswordToken: "id",
};

/** Row count and an md5 of every row (in key order) of each table an import may write: equal means nothing was written. */
async function fingerprint(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number; md5: string | null }[]>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY ${order.replace(/(^|, )/g, "$1t.")})) AS md5 FROM "${table}" t`,
    );
    out[table] = `${row!.n}:${row!.md5 ?? ""}`;
  }
  return out;
}

async function lastAuditId(): Promise<bigint> {
  return (await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
}

async function actionsAfter(id: bigint): Promise<Record<string, number>> {
  const rows = await prisma.auditEvent.groupBy({ by: ["action"], where: { id: { gt: id } }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.action, r._count._all]));
}

/** A fixture CSV read with csv-parse directly (not through the import's reader), as objects by heading. */
function csvRecords(name: string): Record<string, string>[] {
  return parse(readFileSync(path.join(FIXTURES, name)), { bom: true, columns: true }) as Record<string, string>[];
}

/** A fixture workbook's sheet read with exceljs directly, as objects by heading. */
async function xlsxRecords(name: string, sheetName: string): Promise<Record<string, string>[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path.join(FIXTURES, name)) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(sheetName)!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const records: Record<string, string>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    records.push(Object.fromEntries(header.map((h, i) => [h, values[i] === undefined || values[i] === null ? "" : String(values[i])])));
  });
  return records;
}

type SqlProposal = { number: number; id: string; title: string; description: string; set: string; area: string; eda: boolean; focal: string[] };

async function sqlCatalogue(): Promise<Map<number, SqlProposal>> {
  const rows = await prisma.$queryRaw<SqlProposal[]>`
    SELECT p.number, p.id, p.title, p.description, p.set::text AS set, a.name AS area, p."edaInvolved" AS eda,
           coalesce(array_agg(lower(u.email) ORDER BY u.email) FILTER (WHERE u.id IS NOT NULL), '{}') AS focal
    FROM "Proposal" p JOIN "Area" a ON a.id = p."areaId"
    LEFT JOIN "FocalPoint" f ON f."proposalId" = p.id LEFT JOIN "User" u ON u.id = f."userId"
    GROUP BY p.id, a.name`;
  return new Map(rows.map((r) => [r.number, r]));
}

const SETS: Record<string, string> = { "December 2016 set": "SET_2016", "December 2017 set": "SET_2017" };

/** What a catalogue file changes, judged from SQL and the file read independently: [created, changed, unchanged] numbers. */
async function expectedCatalogue(records: Record<string, string>[]) {
  const db = await sqlCatalogue();
  const out = { created: [] as number[], changed: [] as number[], unchanged: [] as number[] };
  for (const r of records) {
    const number = Number(r.Number);
    const current = db.get(number);
    if (!current) {
      out.created.push(number);
      continue;
    }
    const focal = r["Focal points"] ? r["Focal points"].split(/[,;]\s*/).map((e) => e.toLowerCase()) : [];
    const differs =
      current.title !== r.Title ||
      current.description !== r.Description ||
      current.area !== r.Area ||
      current.set !== SETS[r.Set ?? ""] ||
      current.eda !== (r["EDA involved"] === "Yes") ||
      focal.some((e) => !current.focal.includes(e));
    (differs ? out.changed : out.unchanged).push(number);
  }
  return out;
}

const numbersOf = (entries: { key: string }[] = []) => entries.map((e) => Number(e.key.replace(/^P/, "")));

// ---------------------------------------------------------------------------------------------------

describe("who may import", () => {
  test.each(["VIEWER", "STAFF", "MANAGER"] as const)("a %s is refused (403) and the refusal is audited; nothing else is written", async (role) => {
    const actor = await createActor(prisma, role);
    const before = await fingerprint();
    const since = await lastAuditId();
    for (const mode of ["check", "commit"] as const) {
      await expectAppError(run("people", mode, named("people.csv"), { actor, hash: "a".repeat(64) }), "FORBIDDEN");
    }
    const events = await prisma.auditEvent.findMany({ where: { id: { gt: since } } });
    expect(events.map((e) => [e.actorId, e.action, e.entityType, e.entityId])).toEqual([
      [actor.id, "permission.denied", "Import", "people"],
      [actor.id, "permission.denied", "Import", "people"],
    ]);
    const after = await fingerprint();
    expect({ ...after, AuditEvent: "" }).toEqual({ ...before, AuditEvent: "" });
  });

  test("without a session: 401, nothing written; an unknown kind: 404", async () => {
    const before = await fingerprint();
    const { AppError } = await import("@/lib/errors");
    await expectAppError(
      run("people", "check", named("people.csv"), {
        seams: {
          getUser: async () => {
            throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
          },
        },
      }),
      "UNAUTHENTICATED",
    );
    await expectAppError(run("passwords", "check", named("people.csv")), "NOT_FOUND");
    expect(await fingerprint()).toEqual(before);
  });
});

describe("files that are not what they claim, and rows with errors, change nothing", () => {
  test.each([
    ["catalogue", "renamed-pdf.xlsx", /^This is a PDF document, not a spreadsheet/],
    ["catalogue", "zip-bomb.xlsx", /zip bomb/],
    ["people", "windows-1252.csv", /not UTF-8.*CSV UTF-8/],
    ["catalogue", "people.csv", /^Missing columns: “Number”, “Set”, “Area”, “Title”, “Description”, “EDA involved”\. Unknown columns: “E-mail” \(column A\)/],
  ] as const)("%s file %s is refused with a clear message", async (kind, name, message) => {
    const before = await fingerprint();
    const result = await run(kind, "check", named(name));
    expect(result.outcome).toBe("refused");
    expect(result.message).toMatch(message);
    expect(result.plan).toBeUndefined();
    expect(await run(kind, "commit", named(name), { hash: "b".repeat(64) })).toMatchObject({ outcome: "refused" });
    expect(await fingerprint()).toEqual(before);
  });

  test.each([
    ["catalogue", "formulas.xlsx", [[2, "Title", '=UPPER("staff participation")', /^Formulas are not imported/]], 1],
    [
      "people",
      "merged-cells.xlsx",
      [
        [2, "Organisation", "NATO", /^Merged cells/],
        [2, "EU body", "NATO", /^Merged cells/],
      ],
      1,
    ],
    [
      "updates",
      "dates-as-text.xlsx",
      [
        [2, "Period", "2018-06-01", /^This is a date, not a number/],
        [3, "Progress (%)", "1 June 2018", /^This is a date, not a number/],
        [4, "Progress (%)", "12.0", /^Enter progress as a whole number/],
      ],
      0,
    ],
    [
      "updates",
      "unknown-proposals.csv",
      [
        [3, "Proposal", "99", /^There is no proposal P99 in the catalogue\.$/],
        [4, "Proposal", "150", /^There is no proposal P150 in the catalogue\.$/],
      ],
      1,
    ],
    ["catalogue", "duplicate-rows.csv", [[4, "Number", "5", /^Proposal P05 is already on row 2/]], 2],
    ["updates", "unknown-author.csv", [[2, "Author e-mail", "nobody@nowhere.example", /^No account has the e-mail nobody@nowhere\.example/]], 1],
    [
      "updates",
      "outside-period.csv",
      [[2, "Proposal", "43", /^P43 belongs to the December 2017 set, endorsed on 5 December 2017, after the cut-off of the 2nd progress report/]],
      1,
    ],
    [
      "catalogue",
      "catalogue-e2e-broken.csv",
      [
        [2, "Set", "2019", /^Enter the set as 2016 or 2017/],
        [3, "Number", "73", /^Proposal P73 is already on row 2/],
      ],
      0,
    ],
  ] as const)("%s file %s: every row error (row, column, value, reason); the commit is blocked", async (kind, name, errors, valid) => {
    const before = await fingerprint();
    const checked = await run(kind, "check", named(name));
    expect(checked.outcome).toBe("checked");
    expect(checked.plan!.errors.map((e) => [e.row, e.column, e.value, e.reason])).toEqual(
      errors.map(([row, column, value, reason]) => [row, column, value, expect.stringMatching(reason)]),
    );
    // The valid rows are still shown: the admin sees the whole plan.
    expect(checked.plan!.counts.creates + checked.plan!.counts.changes + checked.plan!.counts.unchanged).toBe(valid);
    // The error file: BOM, CRLF, the same errors.
    expect(checked.errorsCsv!.startsWith("\uFEFFRow,Column,Value,Reason\r\n")).toBe(true);
    const rows = parse(checked.errorsCsv!, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [Number(r.Row), r.Column])).toEqual(errors.map(([row, column]) => [row, column]));
    expect(await run(kind, "commit", named(name), { hash: checked.hash })).toMatchObject({
      outcome: "blocked",
      message: expect.stringMatching(/^Nothing was imported: the file has/),
    });
    expect(await fingerprint()).toEqual(before);
  });

  test("10 MB in one cell: refused as a file over the limit (CSV); in a workbook (small on disk), a row error; a 1 MB cell in a CSV is refused naming its row", async () => {
    const before = await fingerprint();
    const header = "E-mail,Name,Organisation,EU body,Role\r\n";
    const big = "x".repeat(10 * 1024 * 1024);
    const csv = await run("people", "check", { name: "big.csv", bytes: new TextEncoder().encode(`${header}a@b.org,${big},NATO,,Staff\r\n`) });
    expect(csv).toMatchObject({ outcome: "refused", message: "The file is 10.0 MB; at most 5 MB can be imported." });
    const mid = await run("people", "check", {
      name: "mid.csv",
      bytes: new TextEncoder().encode(`${header}a@b.org,${"y".repeat(1024 * 1024)},NATO,,Staff\r\n`),
    });
    expect(mid).toMatchObject({ outcome: "refused", message: expect.stringMatching(/^Row 2 of the CSV file holds far more text than can be imported/) });

    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("People");
    sheet.addRow(["E-mail", "Name", "Organisation", "EU body", "Role"]);
    sheet.addRow(["a@b.org", big, "NATO", "", "Staff"]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const xlsx = await run("people", "check", { name: "big.xlsx", bytes });
    expect(xlsx.plan!.errors).toEqual([
      { row: 2, column: "Name", value: `${"x".repeat(40)}…`, reason: "The cell holds 10,485,760 characters; at most 10,000 are imported." },
    ]);
    expect(await run("people", "commit", { name: "big.xlsx", bytes }, { hash: xlsx.hash })).toMatchObject({ outcome: "blocked" });
    expect(await fingerprint()).toEqual(before);
  });

  test("an upload over the body limit is refused before it is read; a commit without a checked plan is refused", async () => {
    const before = await fingerprint();
    const tooLarge = await app.actions.runImport("people", async () => null, { getUser: async () => sessionOf(admin), revalidate: () => undefined });
    expect(tooLarge).toEqual({ outcome: "refused", kind: "people", message: app.actions.TOO_LARGE });
    expect(await run("people", "commit", named("people.csv"))).toMatchObject({ outcome: "refused", message: "Check the file first, then import it" });
    expect(await run("people", "commit", named("people.csv"), { hash: "c".repeat(64) })).toMatchObject({ outcome: "stale" });
    expect(await fingerprint()).toEqual(before);
  });
});

describe("people", () => {
  test("the dry run matches SQL; the commit creates accounts without a password and changes the known one; twice changes nothing", async () => {
    const records = csvRecords("people.csv");
    const existing = await prisma.$queryRaw<
      { email: string }[]
    >`SELECT lower(email) AS email FROM "User" WHERE lower(email) = ANY(${records.map((r) => r["E-mail"]!.toLowerCase())}::text[])`;
    const known = new Set(existing.map((e) => e.email));
    const since = await lastAuditId();
    const { checked, committed } = await checkAndCommit("people", named("people.csv"));
    expect(checked.plan!.creates.map((c) => c.key).sort()).toEqual(
      records
        .map((r) => r["E-mail"]!.toLowerCase())
        .filter((e) => !known.has(e))
        .sort(),
    );
    expect(checked.plan!.changes).toEqual([
      {
        row: 5,
        key: "viewer@eu.demo",
        label: "Sofia Almeida",
        changes: [
          { label: "Role", before: "Viewer", after: "Staff" },
          { label: "EU body", before: "", after: "European Commission" },
        ],
      },
    ]);
    expect(committed.outcome).toBe("committed");
    const created = await prisma.user.findMany({
      where: { email: { in: ["mara.lindqvist@nato.example", "jean.dupont@eeas.example", "katarzyna.wojcik@eda.example"] } },
      select: { email: true, name: true, role: true, organisationId: true, body: true, active: true, passwordHash: true },
      orderBy: { email: "asc" },
    });
    expect(created).toEqual([
      { email: "jean.dupont@eeas.example", name: "Jean Dupont", role: "MANAGER", organisationId: "eu", body: "EEAS", active: true, passwordHash: null },
      { email: "katarzyna.wojcik@eda.example", name: "Katarzyna Wójcik", role: "STAFF", organisationId: "eu", body: "EDA", active: true, passwordHash: null },
      { email: "mara.lindqvist@nato.example", name: "Mara Lindqvist", role: "STAFF", organisationId: "nato", body: null, active: true, passwordHash: null },
    ]);
    expect(await prisma.user.findUniqueOrThrow({ where: { email: "viewer@eu.demo" }, select: { role: true, body: true } })).toEqual({
      role: "STAFF",
      body: "COMMISSION",
    });
    expect(await actionsAfter(since)).toEqual({ "user.create": 3, "user.update": 1, "import.commit": 1 });
    const commit = await prisma.auditEvent.findFirstOrThrow({ where: { id: { gt: since }, action: "import.commit" } });
    expect(commit).toMatchObject({
      actorId: admin.id,
      entityType: "Import",
      entityId: "people",
      after: expect.objectContaining({ fileName: "people.csv", created: 3, changed: 1, unchanged: 0 }),
    });

    // The same file again: every row unchanged, nothing written (not even an audit event).
    const before = await fingerprint();
    const again = await checkAndCommit("people", named("people.csv"));
    expect(again.checked.plan!.counts).toMatchObject({ creates: 0, changes: 0, unchanged: 4 });
    expect(again.committed.outcome).toBe("unchanged");
    expect(await fingerprint()).toEqual(before);
  });

  test("a workbook: the sheet named People is read, not the first one", async () => {
    const { checked, committed } = await checkAndCommit("people", named("people.xlsx"));
    expect(checked.plan!.creates.map((c) => c.key)).toEqual(["piet.janssens@nato.example", "lea.moreau@ec.example"]);
    expect(committed.outcome).toBe("committed");
    expect(await prisma.user.count({ where: { email: { in: ["piet.janssens@nato.example", "lea.moreau@ec.example"] }, passwordHash: null } })).toBe(2);
  });

  test("two imports of the same file at once: the advisory lock lets one apply it; the other finds its plan out of date", async () => {
    const csv = ["E-mail,Name,Organisation,EU body,Role", "race.one@nato.example,Race One,NATO,,Staff", "race.two@eu.example,Race Two,EU,EDA,Viewer"].join(
      "\r\n",
    );
    const file = { name: "race.csv", bytes: new TextEncoder().encode(csv) };
    const checked = await run("people", "check", file);
    const since = await lastAuditId();
    const results = await Promise.all([run("people", "commit", file, { hash: checked.hash }), run("people", "commit", file, { hash: checked.hash })]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["committed", "stale"]);
    expect(results.find((r) => r.outcome === "stale")!.plan!.counts).toMatchObject({ creates: 0, unchanged: 2 });
    expect(await actionsAfter(since)).toEqual({ "user.create": 2, "import.commit": 1 });
  });
});

describe("the catalogue", () => {
  test("replacing the demo catalogue with the official list: the plan matches SQL; history stays linked by number", async () => {
    const records = csvRecords("catalogue-official.csv");
    const expected = await expectedCatalogue(records);
    expect(expected.changed).toHaveLength(74);
    const historyBefore = await prisma.statusUpdate.groupBy({ by: ["proposalId"], _count: { _all: true }, orderBy: { proposalId: "asc" } });
    const idsBefore = await prisma.proposal.findMany({ select: { id: true, number: true }, orderBy: { number: "asc" } });
    const focalBefore = await prisma.focalPoint.count();
    const since = await lastAuditId();

    const started = performance.now();
    const checked = await run("catalogue", "check", named("catalogue-official.csv"));
    const checkMs = performance.now() - started;
    expect(numbersOf(checked.plan!.changes)).toEqual(expected.changed);
    expect(checked.plan!.counts).toMatchObject({ creates: 0, changes: 74, unchanged: 0, errors: 0 });
    const p07 = checked.plan!.changes.find((c) => c.key === "P07")!;
    expect(p07.changes.map((c) => c.label)).toEqual(["Title", "Description"]);
    expect(p07.changes[0]!.after).toBe(records.find((r) => r.Number === "7")!.Title);
    expect(checked.plan!.changes[0]!.changes.at(-1)).toEqual({
      label: "Focal points",
      before: expect.any(String),
      after: expect.stringContaining("staff2@nato.demo"),
    });
    expect(checked.plan!.notes).toContain(
      "74 proposals replace the demo wording: the new wording also applies to the reports of earlier periods, since the demo wording was never official.",
    );
    expect(checked.plan!.notes.some((n) => n.startsWith("The demo-data notice stays:") && n.includes("10 demo accounts"))).toBe(true);

    const commitStarted = performance.now();
    const committed = await run("catalogue", "commit", named("catalogue-official.csv"), { hash: checked.hash });
    const commitMs = performance.now() - commitStarted;
    console.info(`catalogue (74 rows): dry run ${checkMs.toFixed(0)} ms, commit ${commitMs.toFixed(0)} ms`);
    expect(committed.outcome, committed.message).toBe("committed");

    // Ids kept, updates still attached, the wording as in the file, one version appended per proposal.
    expect(await prisma.proposal.findMany({ select: { id: true, number: true }, orderBy: { number: "asc" } })).toEqual(idsBefore);
    expect(await prisma.statusUpdate.groupBy({ by: ["proposalId"], _count: { _all: true }, orderBy: { proposalId: "asc" } })).toEqual(historyBefore);
    expect((await expectedCatalogue(records)).unchanged).toHaveLength(74);
    const versions = await prisma.proposalVersion.findMany({ where: { version: 2 }, select: { proposalId: true, changedById: true, validFrom: true } });
    expect(versions).toHaveLength(74);
    expect(new Set(versions.map((v) => v.changedById))).toEqual(new Set([admin.id]));
    expect(new Set(versions.map((v) => v.validFrom.toISOString()))).toEqual(new Set([BEFORE_ANY_REPORT.toISOString()]));
    expect(await prisma.proposalVersion.count({ where: { version: 1 } })).toBe(74);
    expect(await prisma.focalPoint.count()).toBe(focalBefore + 1);
    expect(await actionsAfter(since)).toEqual({ "proposal.update": 74, "focal_point.assign": 1, "import.commit": 1 });

    // A report of an earlier period now reads the official wording (the demo wording was never official).
    const [wording] = await prisma.$queryRaw<{ description: string }[]>`
      SELECT v.description FROM "ProposalVersion" v JOIN "ReportingPeriod" rp ON rp.number = 3
      WHERE v."proposalId" = 'p07' AND v."validFrom" < rp."cutOffOn" + interval '1 day' ORDER BY v.version DESC LIMIT 1`;
    expect(wording!.description).toBe(records.find((r) => r.Number === "7")!.Description);

    // Demo accounts are still active: the notice stays.
    expect(await prisma.appSetting.count({ where: { key: "catalogue.notice" } })).toBe(1);
  });

  test("the same list as a workbook, and the same CSV again, change nothing", async () => {
    const before = await fingerprint();
    for (const name of ["catalogue-official.xlsx", "catalogue-official.csv"]) {
      const { checked, committed } = await checkAndCommit("catalogue", named(name));
      expect(checked.plan!.counts).toMatchObject({ creates: 0, changes: 0, unchanged: 74, errors: 0 });
      expect(checked.plan!.hasWork).toBe(false);
      expect(committed.outcome).toBe("unchanged");
    }
    expect(await fingerprint()).toEqual(before);
  });

  test("a new proposal in a new area: the area gets the next number; the proposal's first version applies from before any report", async () => {
    const records = csvRecords("catalogue-additions.csv");
    expect((await expectedCatalogue(records)).created).toEqual([75]);
    const since = await lastAuditId();
    const { checked, committed } = await checkAndCommit("catalogue", named("catalogue-additions.csv"));
    expect(checked.plan!.notes[0]).toBe("New area “Space and security” (number 12): no area has this name yet.");
    expect(committed.outcome).toBe("committed");
    const p75 = await prisma.proposal.findUniqueOrThrow({
      where: { number: 75 },
      select: {
        id: true,
        set: true,
        edaInvolved: true,
        area: { select: { number: true, name: true } },
        focalPoints: { select: { user: { select: { email: true } } } },
      },
    });
    expect(p75).toMatchObject({ id: "p75", set: "SET_2017", edaInvolved: true, area: { number: 12, name: "Space and security" } });
    expect(p75.focalPoints.map((f) => f.user.email).sort()).toEqual(["staff2@eu.demo", "staff@nato.demo"]);
    expect(await prisma.proposalVersion.findMany({ where: { proposalId: "p75" }, select: { version: true, validFrom: true, changedById: true } })).toEqual([
      { version: 1, validFrom: BEFORE_ANY_REPORT, changedById: admin.id },
    ]);
    expect(await actionsAfter(since)).toEqual({ "area.create": 1, "proposal.create": 1, "focal_point.assign": 2, "import.commit": 1 });
  });

  test("round trip: the catalogue exported (CSV and Excel) imports back with nothing to change, also with a deactivated focal point", async () => {
    await prisma.user.update({ where: { email: "staff2@nato.demo" }, data: { active: false } });
    try {
      const table = await app.imports.exportCatalogue(admin);
      expect(table.rows).toHaveLength(75);
      const before = await fingerprint();
      for (const file of [
        { name: "catalogue.csv", bytes: new TextEncoder().encode(app.workbooks.tableToCsv(table)) },
        { name: "catalogue.xlsx", bytes: await app.workbooks.tableToXlsx("catalogue", table) },
      ]) {
        const { checked, committed } = await checkAndCommit("catalogue", file);
        expect(checked.plan!.counts, file.name).toMatchObject({ creates: 0, changes: 0, unchanged: 75, errors: 0 });
        expect(committed.outcome).toBe("unchanged");
      }
      expect(await fingerprint()).toEqual(before);
      await expectAppError(app.imports.exportCatalogue(await createActor(prisma, "MANAGER")), "FORBIDDEN");
    } finally {
      await prisma.user.update({ where: { email: "staff2@nato.demo" }, data: { active: true } });
    }
  });

  test("the data changed between the dry run and the commit: the hash catches it, nothing is written, the new plan is shown", async () => {
    const table = await app.imports.exportCatalogue(admin);
    const row = table.rows.find((r) => r[0] === 10)!;
    row[3] = "Official title of P10, imported";
    const file = { name: "p10.csv", bytes: new TextEncoder().encode(app.workbooks.tableToCsv({ header: table.header, rows: [row] })) };
    const checked = await run("catalogue", "check", file);
    expect(checked.plan!.changes[0]!.changes).toEqual([{ label: "Title", before: expect.any(String), after: "Official title of P10, imported" }]);

    // Another admin edits P10 meanwhile, through the catalogue's own write.
    const current = await app.catalogue.getCatalogueProposal("p10");
    await app.catalogue.updateProposal(admin, { proposalId: "p10", ...current!, title: "Edited meanwhile", expectedVersion: current!.version });
    const before = await fingerprint();
    const stale = await run("catalogue", "commit", file, { hash: checked.hash });
    expect(stale.outcome).toBe("stale");
    expect(stale.message).toMatch(/^The data changed since you checked the file, so nothing was imported/);
    expect(stale.plan!.changes[0]!.changes).toEqual([{ label: "Title", before: "Edited meanwhile", after: "Official title of P10, imported" }]);
    expect(await fingerprint()).toEqual(before);
    // Looked at again: the new plan commits.
    expect((await run("catalogue", "commit", file, { hash: stale.hash })).outcome).toBe("committed");
    expect((await prisma.proposal.findUniqueOrThrow({ where: { id: "p10" } })).title).toBe("Official title of P10, imported");
  });

  test("the demo notice disappears once no demo record remains, and only then", async () => {
    const file = { name: "catalogue.csv", bytes: new TextEncoder().encode(app.workbooks.tableToCsv(await app.imports.exportCatalogue(admin))) };
    // Demo accounts active: nothing to do, the notice stays.
    const withDemo = await run("catalogue", "check", file);
    expect(withDemo.plan!.hasWork).toBe(false);
    expect(withDemo.plan!.notes).toContain("The demo-data notice stays: 10 demo accounts (e-mail ending in .demo) are active.");

    await prisma.user.updateMany({ where: { email: { endsWith: ".demo" } }, data: { active: false } });
    try {
      const since = await lastAuditId();
      const { checked, committed } = await checkAndCommit("catalogue", file);
      expect(checked.plan!.counts).toMatchObject({ changes: 0, unchanged: 75 });
      expect(checked.plan!.notes).toContain("The demo-data notice will be removed: no proposal keeps its demo wording and no demo account is active.");
      expect(committed.outcome).toBe("committed");
      expect(await prisma.appSetting.count({ where: { key: "catalogue.notice" } })).toBe(0);
      expect(await actionsAfter(since)).toEqual({ "import.commit": 1 });
      const event = await prisma.auditEvent.findFirstOrThrow({ where: { id: { gt: since } } });
      expect(event.after).toMatchObject({ demoNoticeRemoved: true, created: 0, changed: 0 });
      // And once gone, the same file changes nothing.
      expect((await checkAndCommit("catalogue", file)).committed.outcome).toBe("unchanged");
    } finally {
      await prisma.user.updateMany({ where: { email: { endsWith: ".demo" } }, data: { active: true } });
    }
  });
});

describe("status updates of past periods", () => {
  test("the dry run matches SQL; the commit records approved updates by their authors, with a revision by the importing admin", async () => {
    const records = await xlsxRecords("updates-past.xlsx", "Updates");
    const pairs = records.map((r) => ({ proposal: Number(r.Proposal!.replace(/^P/, "")), period: Number(r.Period) }));
    const existing = await prisma.$queryRaw<{ proposal: number; period: number }[]>`
      SELECT p.number AS proposal, rp.number AS period FROM "StatusUpdate" s
      JOIN "Proposal" p ON p.id = s."proposalId" JOIN "ReportingPeriod" rp ON rp.id = s."periodId"
      JOIN unnest(${pairs.map((p) => p.proposal)}::int[], ${pairs.map((p) => p.period)}::int[]) AS k(proposal, period) ON k.proposal = p.number AND k.period = rp.number`;
    const known = new Set(existing.map((e) => `${e.proposal}/${e.period}`));
    const expectedCreates = pairs.filter((p) => !known.has(`${p.proposal}/${p.period}`));
    // P75 comes from the catalogue additions imported above.
    expect(await prisma.proposal.count({ where: { number: 75 } })).toBe(1);
    expect(expectedCreates).toEqual([
      { proposal: 75, period: 3 },
      { proposal: 75, period: 4 },
      { proposal: 75, period: 5 },
    ]);
    const revisionsBefore = await prisma.statusUpdateRevision.count();
    const since = await lastAuditId();
    const { checked, committed } = await checkAndCommit("updates", named("updates-past.xlsx"));
    expect(checked.plan!.counts).toMatchObject({ creates: 3, changes: 20, unchanged: 0, errors: 0 });
    expect(checked.plan!.creates.map((c) => c.key)).toEqual(["P75 · 3rd progress report", "P75 · 4th progress report", "P75 · 5th progress report"]);
    expect(committed.outcome).toBe("committed");

    const updates = await prisma.statusUpdate.findMany({
      where: { OR: pairs.map((p) => ({ proposal: { number: p.proposal }, period: { number: p.period } })) },
      select: {
        id: true,
        progress: true,
        narrative: true,
        evidenceLinks: true,
        workflowState: true,
        reviewedById: true,
        version: true,
        organisationId: true,
        author: { select: { email: true, organisationId: true } },
        proposal: { select: { number: true } },
        period: { select: { number: true } },
        revisions: { select: { version: true, authorId: true, workflowState: true }, orderBy: { version: "desc" }, take: 1 },
      },
    });
    expect(updates).toHaveLength(23);
    for (const u of updates) {
      const r = records.find((x) => Number(x.Proposal!.replace(/^P/, "")) === u.proposal.number && Number(x.Period) === u.period.number)!;
      expect(u).toMatchObject({
        workflowState: "APPROVED",
        reviewedById: admin.id,
        progress: Number(String(r["Progress (%)"]).replace("%", "")),
        narrative: r.Narrative,
      });
      expect(u.author.email).toBe(r["Author e-mail"]);
      expect(u.organisationId).toBe(u.author.organisationId);
      expect(u.revisions[0]).toEqual({ version: u.version, authorId: admin.id, workflowState: "APPROVED" });
    }
    expect(updates.find((u) => u.proposal.number === 3 && u.period.number === 3)!.evidenceLinks).toEqual([
      { label: "Meeting record", url: "https://www.nato.int/example/3-3" },
      { label: "", url: "https://www.eeas.europa.eu/example/3" },
    ]);
    expect(await prisma.statusUpdateRevision.count()).toBe(revisionsBefore + 23);
    expect(await actionsAfter(since)).toEqual({ "status_update.import": 23, "import.commit": 1 });

    // The dashboard's counts follow (their triggers ran on the bulk statements).
    const [drift] = await prisma.$queryRaw<{ n: number }[]>`
      WITH kept AS (SELECT "periodId", "areaId", status, assessment, "workflowState", count, "progressSum" FROM "StatusCount" WHERE count <> 0 OR "progressSum" <> 0),
      recount AS (SELECT s."periodId", p."areaId", s.status, s.assessment, s."workflowState", count(*)::int AS count, sum(s.progress)::int AS "progressSum"
                  FROM "StatusUpdate" s JOIN "Proposal" p ON p.id = s."proposalId" GROUP BY 1, 2, 3, 4, 5)
      SELECT count(*)::int AS n FROM kept k FULL JOIN recount r USING ("periodId", "areaId", status, assessment, "workflowState")
      WHERE k.count IS DISTINCT FROM r.count OR k."progressSum" IS DISTINCT FROM r."progressSum"`;
    expect(drift!.n).toBe(0);

    const before = await fingerprint();
    const again = await checkAndCommit("updates", named("updates-past.xlsx"));
    expect(again.checked.plan!.counts).toMatchObject({ creates: 0, changes: 0, unchanged: 23 });
    expect(again.committed.outcome).toBe("unchanged");
    expect(await fingerprint()).toEqual(before);
  });

  test("the open period and a locked one: the open one is refused by row; a change in a locked one keeps the rationale", async () => {
    const open = await prisma.reportingPeriod.findFirstOrThrow({ where: { state: "OPEN" }, select: { number: true, name: true } });
    const header = "Proposal,Period,Status,Assessment,Progress (%),Narrative,Author e-mail";
    const before = await fingerprint();
    const refused = await run("updates", "check", {
      name: "open.csv",
      bytes: new TextEncoder().encode(`${header}\r\n1,${open.number},Ongoing,On track,50,Now.,staff@nato.demo\r\n`),
    });
    expect(refused.plan!.errors).toEqual([
      {
        row: 2,
        column: "Period",
        value: String(open.number),
        reason: `The ${open.name} is open: record its updates in the tracker. Import is for past periods (locked or closed).`,
      },
    ]);
    expect(await fingerprint()).toEqual(before);

    const target = await prisma.statusUpdate.findFirstOrThrow({
      where: { proposal: { number: 20 }, period: { number: 10 } },
      select: { id: true, rationale: true, version: true },
    });
    await prisma.$executeRaw`UPDATE "StatusUpdate" SET rationale = 'Kept from the tracker' WHERE id = ${target.id}`;
    const file = { name: "p20.csv", bytes: new TextEncoder().encode(`${header}\r\n20,10,Stalled,Off track,5,Blocked by a dispute.,staff@eu.demo\r\n`) };
    const { committed } = await checkAndCommit("updates", file);
    expect(committed.outcome).toBe("committed");
    const after = await prisma.statusUpdate.findUniqueOrThrow({
      where: { id: target.id },
      select: {
        rationale: true,
        version: true,
        status: true,
        revisions: { orderBy: { version: "desc" }, take: 1, select: { rationale: true, version: true } },
      },
    });
    expect(after).toEqual({
      rationale: "Kept from the tracker",
      version: target.version + 1,
      status: "STALLED",
      revisions: [{ rationale: "Kept from the tracker", version: target.version + 1 }],
    });
  });

  test("5,000 rows: created in one transaction, then a second import changes nothing (timings logged)", async () => {
    // 5,032 (proposal, period) pairs: 74 proposals x 68 extra closed periods of this test.
    await prisma.reportingPeriod.createMany({
      data: Array.from({ length: 68 }, (_, i) => ({
        id: `import-test-${i}`,
        number: 200 + i,
        name: `Import test period ${200 + i}`,
        startsOn: new Date(Date.UTC(2030 + i, 0, 1)),
        cutOffOn: new Date(Date.UTC(2030 + i, 5, 1)),
        dueOn: new Date(Date.UTC(2030 + i, 5, 15)),
        state: "CLOSED" as const,
      })),
    });
    const lines = ["Proposal,Period,Status,Assessment,Progress (%),Narrative,Next steps,Evidence links,Author e-mail"];
    for (let period = 200; period < 268 && lines.length <= 5000; period++) {
      for (let number = 1; number <= 74 && lines.length <= 5000; number++) {
        lines.push(
          `${number},${period},Ongoing,On track,${(number + period) % 101},"Narrative of P${number} in ${period}: staff met and agreed next steps.",Next.,https://www.nato.int/x/${number},staff@nato.demo`,
        );
      }
    }
    const file = { name: "five-thousand.csv", bytes: new TextEncoder().encode(lines.join("\r\n")) };
    const updatesBefore = await prisma.statusUpdate.count();
    const since = await lastAuditId();

    let started = performance.now();
    const checked = await run("updates", "check", file);
    const checkMs = performance.now() - started;
    expect(checked.plan!.counts).toMatchObject({ creates: 5000, errors: 0 });
    expect(checked.plan!.creates).toHaveLength(200);
    started = performance.now();
    const committed = await run("updates", "commit", file, { hash: checked.hash });
    const commitMs = performance.now() - started;
    expect(committed.outcome).toBe("committed");
    expect(await prisma.statusUpdate.count()).toBe(updatesBefore + 5000);
    expect(await actionsAfter(since)).toEqual({ "status_update.import": 5000, "import.commit": 1 });

    started = performance.now();
    const again = await run("updates", "check", file);
    const againMs = performance.now() - started;
    expect(again.plan!.counts).toMatchObject({ creates: 0, changes: 0, unchanged: 5000 });

    // And 5,000 changes (one bulk UPDATE per 1,000 rows).
    const changedFile = {
      name: "five-thousand-changed.csv",
      bytes: new TextEncoder().encode(lines.map((l, i) => (i === 0 ? l : l.replace(",Ongoing,", ",Completed,"))).join("\r\n")),
    };
    const changedCheck = await run("updates", "check", changedFile);
    started = performance.now();
    expect((await run("updates", "commit", changedFile, { hash: changedCheck.hash })).outcome).toBe("committed");
    const changeMs = performance.now() - started;
    expect(await prisma.statusUpdate.count({ where: { period: { number: { gte: 200 } }, status: "COMPLETED", version: 2 } })).toBe(5000);
    console.info(
      `updates (5,000 rows): dry run ${checkMs.toFixed(0)} ms, commit (create) ${commitMs.toFixed(0)} ms, dry run again (unchanged) ${againMs.toFixed(0)} ms, commit (change) ${changeMs.toFixed(0)} ms`,
    );
  }, 180_000);
});
