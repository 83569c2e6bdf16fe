// lib/data/audit-log.ts on a real PostgreSQL: the filters of the audit page (proposal number, person,
// kind of event, dates, sign-ins hidden unless asked for) against SQL written independently here, the
// events read in plain words with names looked up, the CSV export of the filtered trail (BOM, CRLF,
// formula-like texts made inert, every page of the view), malformed filters that are named and ignored
// rather than failing, and a number of queries that does not grow with the rows.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { AUDIT_EXPORT_BATCH, AUDIT_PAGE_SIZE, auditCsvStream, listAuditActions, listAuditEvents, type AuditRow } from "@/lib/data/audit-log";
import { auditCsvRows } from "@/lib/domain/audit";
import { readAll } from "@/lib/export/stream";
import { Prisma, createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { parseAuditFilters, type AuditFilters } from "@/lib/validation/audit-filters";
import { createUser, uniqueSuffix, type CreatedUser } from "@/prisma/factories";
import { countStatements } from "./support/query-counter";

let prisma: PrismaClient;
let staff: CreatedUser;
let euStaff: CreatedUser;
let formulaUser: CreatedUser;
let busyUser: CreatedUser;
const marker = uniqueSuffix();

type NewEvent = Partial<Prisma.AuditEventCreateManyInput> & { action: string };

async function insert(events: NewEvent[]): Promise<void> {
  await prisma.auditEvent.createMany({ data: events.map((e) => ({ entityType: "StatusUpdate", entityId: `su-${marker}`, ...e })) });
}

/** Every row of the view, following the "Older events" cursor from page to page. */
async function allPages(query: Record<string, string>): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  let before: string | undefined;
  for (;;) {
    const { filters, problems } = parseAuditFilters({ ...query, ...(before ? { before } : {}) });
    expect(problems).toEqual([]);
    const page = await listAuditEvents(filters, "UTC");
    expect(page.rows.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
    rows.push(...page.rows);
    if (!page.nextBefore) return rows;
    before = page.nextBefore;
  }
}

const ids = (rows: { id: string | bigint }[]) => rows.map((r) => String(r.id));

async function selectedIds(condition: Prisma.Sql): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: bigint }[]>`SELECT e.id FROM "AuditEvent" e WHERE ${condition} ORDER BY e.id DESC`;
  return ids(rows);
}

const NOT_SIGN_IN = Prisma.sql`e.action NOT IN ('auth.sign_in', 'auth.sign_in_failed')`;

async function csvOf(filters: AuditFilters): Promise<{ bytes: Buffer; records: string[][] }> {
  const bytes = await readAll(auditCsvStream(filters));
  return { bytes, records: parse(bytes.toString("utf8"), { bom: true, relax_column_count: false }) as string[][] };
}

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  [staff, euStaff, formulaUser, busyUser] = await Promise.all([
    createUser(prisma, { role: "STAFF", name: `Zoë Ångström ${marker}` }),
    createUser(prisma, { role: "STAFF", organisationId: "eu", name: `Eamon Eu ${marker}` }),
    createUser(prisma, { role: "STAFF", name: `=cmd|' /C calc'!A0 ${marker}` }),
    createUser(prisma, { role: "MANAGER", name: `Busy Manager ${marker}` }),
  ]);
  await prisma.user.update({ where: { id: euStaff.id }, data: { body: "EEAS" } });
  const content = { status: "ONGOING", assessment: "ON_TRACK", progress: 40, narrative: "Staff talks held.", nextSteps: "", evidenceLinks: [], rationale: "" };
  // On p12, more than a page of them; then the one that must read in plain words, newest.
  await insert(
    Array.from({ length: AUDIT_PAGE_SIZE + 5 }, () => ({ action: "status_update.approve", actorId: busyUser.id, proposalId: "p12", periodId: "report-11" })),
  );
  await insert([
    { action: "status_update.create", actorId: staff.id, proposalId: "p02", periodId: "report-11", after: { ...content, workflowState: "DRAFT", version: 1 } },
    {
      action: "status_update.update",
      actorId: staff.id,
      proposalId: "p12",
      periodId: "report-11",
      before: { ...content, version: 1 },
      after: { ...content, status: "STALLED", version: 2 },
    },
    { action: "auth.sign_in", actorId: staff.id, entityType: "User", entityId: staff.id },
    { action: "auth.sign_in_failed", actorId: staff.id, entityType: "User", entityId: staff.email },
    { action: "permission.denied", actorId: euStaff.id, entityType: "Page", entityId: "view_audit", after: { attempted: "view_audit" } },
    {
      action: "period.lock",
      actorId: euStaff.id,
      entityType: "ReportingPeriod",
      entityId: "report-10",
      periodId: "report-10",
      before: { state: "OPEN" },
      after: { state: "LOCKED" },
    },
    // Long ago, to check the date range.
    {
      action: "period.open",
      actorId: euStaff.id,
      entityType: "ReportingPeriod",
      entityId: "report-01",
      periodId: "report-01",
      at: new Date("2001-02-03T23:59:59Z"),
    },
    {
      action: "period.close",
      actorId: euStaff.id,
      entityType: "ReportingPeriod",
      entityId: "report-01",
      periodId: "report-01",
      at: new Date("2001-02-04T00:00:00Z"),
    },
    // Texts a spreadsheet would run as a formula.
    {
      action: "status_update.return",
      actorId: formulaUser.id,
      proposalId: "p03",
      periodId: "report-11",
      before: { workflowState: "SUBMITTED", returnNote: null },
      after: { workflowState: "RETURNED", returnNote: '=HYPERLINK("http://evil.example","click")', note: '=HYPERLINK("http://evil.example","click")' },
    },
    {
      action: "status_update.update",
      actorId: formulaUser.id,
      proposalId: "p03",
      periodId: "report-11",
      before: { narrative: "Line one" },
      after: { narrative: "+SUM(A1:A3)\r\nsecond line, with a comma" },
    },
    { action: "auth.sign_in_failed", actorId: null, entityType: "User", entityId: `@nobody-${marker}@example.org` },
  ]);
  // More than an export batch, to read the export across batches.
  await insert(
    Array.from({ length: AUDIT_EXPORT_BATCH + 20 }, (_, i) => ({
      action: i % 2 ? "permission.denied" : "period.reminders_sent",
      actorId: busyUser.id,
      entityType: i % 2 ? "Page" : "ReportingPeriod",
      entityId: i % 2 ? "view_admin" : "report-11",
      periodId: i % 2 ? null : "report-11",
      after: i % 2 ? { attempted: "view_admin" } : { recipients: 3, sent: 3 },
    })),
  );
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

describe("the proposal filter: by number", () => {
  test.each(["P12", "p12", "12", " P 12 ", "P012", "012"])("%j returns exactly the events whose proposal is p12, newest first", async (proposal) => {
    const expected = await selectedIds(Prisma.sql`e."proposalId" = (SELECT id FROM "Proposal" WHERE number = 12) AND ${NOT_SIGN_IN}`);
    expect(expected.length).toBeGreaterThan(AUDIT_PAGE_SIZE);
    expect(ids(await allPages({ proposal }))).toEqual(expected);
  });

  test("a number that no proposal has: nothing, and the page says so", async () => {
    const { filters, problems } = parseAuditFilters({ proposal: "P99" });
    expect(problems).toEqual([]);
    expect(await listAuditEvents(filters, "UTC")).toEqual({ rows: [], nextBefore: null, problems: ["There is no proposal P99."] });
  });

  test("an event reads in plain words, with the proposal's code, the period's name and the person's name", async () => {
    const [row] = (await listAuditEvents(parseAuditFilters({ proposal: "12", person: staff.id }).filters, "UTC")).rows;
    expect(row).toMatchObject({
      action: "status_update.update",
      summary: "Edited the update of P12 for the 11th progress report: status changed from Ongoing to Stalled",
      changes: [{ field: "status", label: "Implementation status", before: "Ongoing", after: "Stalled" }],
      who: { name: staff.name, organisation: "NATO" },
      proposal: { id: "p12", code: "P12" },
      period: { id: "report-11", name: "11th progress report" },
    });
    const title = await prisma.proposal.findUniqueOrThrow({ where: { id: "p12" }, select: { title: true } });
    expect(row!.proposal!.title).toBe(title.title);
  });
});

describe("sign-ins", () => {
  test("are hidden by default, shown when asked for, and alone when their kind is chosen", async () => {
    const byStaff = Prisma.sql`e."actorId" = ${staff.id}`;
    const hidden = await allPages({ person: staff.id });
    expect(ids(hidden)).toEqual(await selectedIds(Prisma.sql`${byStaff} AND ${NOT_SIGN_IN}`));
    expect(hidden.map((r) => r.action)).not.toContain("auth.sign_in");

    const shown = await allPages({ person: staff.id, signIns: "1" });
    expect(ids(shown)).toEqual(await selectedIds(byStaff));
    expect(shown.map((r) => r.summary)).toEqual(expect.arrayContaining(["Signed in", "Failed to sign in: the password did not match"]));

    const only = await allPages({ person: staff.id, group: "signins" });
    expect(ids(only)).toEqual(await selectedIds(Prisma.sql`${byStaff} AND e.action LIKE 'auth.%'`));
    expect(only).toHaveLength(2);
  });

  test("a failed sign-in with an unknown e-mail address: an unknown visitor, and the address tried", async () => {
    const rows = await allPages({ group: "signins", from: new Date().toISOString().slice(0, 10) });
    const row = rows.find((r) => r.summary.includes(`@nobody-${marker}@example.org`));
    expect(row).toMatchObject({ who: { name: "Unknown visitor", organisation: "" }, actorId: null });
  });
});

describe("the person, kind-of-event, period and date filters", () => {
  test.each([
    ["the id", "person", () => euStaff.id],
    ["part of the name, in another case", "person", () => `eamon EU ${marker}`],
    ["part of the e-mail address", "person", () => euStaff.email.slice(0, 14).toUpperCase()],
    ["the older parameter name", "user", () => euStaff.id],
  ])("by %s (%s)", async (_, key, value) => {
    const query = { [key]: value() };
    const rows = await allPages(query);
    expect(ids(rows)).toEqual(await selectedIds(Prisma.sql`e."actorId" = ${euStaff.id} AND ${NOT_SIGN_IN}`));
    expect(rows[0]!.who).toEqual({ name: euStaff.name, organisation: "EU · EEAS" });
  });

  test.each(["%", "_", "\\", "%%%", "a_b"])("person search %j matches its characters literally, not as wildcards", async (person) => {
    const expected = await selectedIds(
      Prisma.sql`${NOT_SIGN_IN} AND (e."actorId" = ${person} OR EXISTS (SELECT 1 FROM "User" u WHERE u.id = e."actorId"
                 AND (strpos(lower(u.name), lower(${person})) > 0 OR strpos(lower(u.email), lower(${person})) > 0)))`,
    );
    expect(ids(await allPages({ person }))).toEqual(expected);
  });

  test.each([
    ["reviews", Prisma.sql`e.action IN ('status_update.approve', 'status_update.return')`],
    ["cycle", Prisma.sql`e.action LIKE 'period.%'`],
    ["refusals", Prisma.sql`(e.action LIKE 'permission.%' OR e.action = 'report.sign_off_refused')`],
    ["updates", Prisma.sql`e.action IN ('status_update.create', 'status_update.create_submit', 'status_update.update', 'status_update.submit')`],
  ])("kind of event %s (first page)", async (group, condition) => {
    const { filters } = parseAuditFilters({ group });
    const page = await listAuditEvents(filters, "UTC");
    expect(ids(page.rows)).toEqual((await selectedIds(Prisma.sql`${condition} AND ${NOT_SIGN_IN}`)).slice(0, AUDIT_PAGE_SIZE));
  });

  test("action, exact or by its start; period", async () => {
    const lock = await listAuditEvents(parseAuditFilters({ action: "period.lock", person: euStaff.id }).filters, "UTC");
    expect(lock.rows.map((r) => r.summary)).toEqual(["Locked the 10th progress report: no more edits without a reopening"]);
    const periodRows = await allPages({ action: "period", person: euStaff.id, period: "report-01" });
    expect(periodRows.map((r) => r.action)).toEqual(["period.close", "period.open"]);
  });

  test("dates are whole UTC days, `to` included", async () => {
    const day = async (from: string, to: string) => (await allPages({ person: euStaff.id, from, to })).map((r) => r.action);
    expect(await day("2001-02-03", "2001-02-03")).toEqual(["period.open"]);
    expect(await day("2001-02-04", "2001-02-04")).toEqual(["period.close"]);
    expect(await day("2001-02-03", "2001-02-04")).toEqual(["period.close", "period.open"]);
    expect(await allPages({ person: euStaff.id, to: "2001-02-02" })).toEqual([]);
  });

  test("the actions offered in the form are every action recorded, once each, in order", async () => {
    const expected = await prisma.$queryRaw<{ action: string }[]>`SELECT DISTINCT action FROM "AuditEvent" ORDER BY action`;
    expect(await listAuditActions()).toEqual(expected.map((r) => r.action));
  });
});

describe("malformed filters are named and ignored, never an error", () => {
  const long = "x".repeat(10_000);
  test.each<[string, Record<string, string | string[]>, RegExp | null]>([
    ["an impossible date", { from: "2026-02-30" }, /^From: “2026-02-30” is not a date \(use the form YYYY-MM-DD\); it was ignored\.$/],
    ["a date in words", { to: "yesterday" }, /^To: “yesterday” is not a date/],
    ["a month 13", { from: "2026-13-01" }, /is not a date/],
    ["a year out of range", { from: "0001-01-01" }, /is not a date/],
    ["a % for a proposal", { proposal: "%" }, /^“%” is not a proposal number \(use the form P12 or 12\); the proposal filter was ignored\.$/],
    ["SQL for a proposal", { proposal: "p12' OR 1=1 --" }, /is not a proposal number/],
    ["a 10,000-character person search", { person: long }, /^The person search is longer than 100 characters; it was ignored\.$/],
    ["a 10,000-character proposal", { proposal: long }, /^“x{39}…” is not a proposal number/],
    ["a NUL in the proposal", { proposal: "1\u00002" }, /is not a proposal number/],
    ["a NUL in the period", { period: "report-11\u0000" }, /is not a reporting period/],
    ["a NUL in the action", { action: "period.\u0000lock" }, /is not an action/],
    ["an unknown kind", { group: "everything" }, /^“everything” is not a kind of event; that filter was ignored\.$/],
    ["a NUL in a date", { from: "2026-01-01\u0000" }, /is not a date/],
    ["From after To", { from: "2026-02-01", to: "2026-01-01" }, /^The From date is after the To date, so no event can match\.$/],
    ["a cursor that is not a number", { before: "abc" }, null],
    ["a NUL in the person search", { person: "Zo\u0000ë" }, null],
    ["a repeated parameter", { proposal: ["12", "13"] }, null],
  ])("%s", async (_, query, message) => {
    const { filters, problems } = parseAuditFilters(query);
    if (message) {
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
    } else expect(problems).toEqual([]);
    // The page's query and the export run without an error on what is left.
    const page = await listAuditEvents(filters, "UTC");
    expect(Array.isArray(page.rows)).toBe(true);
    const { records } = await csvOf(filters);
    expect(records[0]![0]).toBe("When (UTC)");
  });

  test("the malformed filter is left out: the rest still applies", async () => {
    const { filters } = parseAuditFilters({ person: euStaff.id, from: "not-a-date", action: "period.lock" });
    expect(filters).toEqual({ person: euStaff.id, action: "period.lock", signIns: false });
    expect((await listAuditEvents(filters, "UTC")).rows.map((r) => r.action)).toEqual(["period.lock"]);
  });
});

describe("the CSV export", () => {
  const HEADER = ["When (UTC)", "Who", "Organisation", "What", "Proposal", "Period", "Field", "Before", "After"];

  test("BOM, CRLF, the header, and the rows of the filtered view: one per changed field, or one per event", async () => {
    const query = { person: formulaUser.id };
    const { bytes, records } = await csvOf(parseAuditFilters(query).filters);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    // Every record ends with CRLF: outside quoted cells, no line break is a bare LF.
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/"(?:[^"]|"")*"/g, "")).not.toMatch(/[^\r]\n/);
    expect(text.slice(1, text.indexOf("\r\n"))).toBe('"When (UTC)",Who,Organisation,What,Proposal,Period,Field,Before,After');
    const view = await allPages(query);
    expect(view).toHaveLength(2);
    const expected = view.flatMap((row) => auditCsvRows(row));
    expect(records).toEqual([HEADER, ...expected.map((r) => r.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)))]);
  });

  test("formula-like texts are made inert: names, notes and narratives", async () => {
    const { records } = await csvOf(parseAuditFilters({ person: formulaUser.id }).filters);
    const body = records.slice(1);
    for (const record of body) expect(record[1]).toBe(`'${formulaUser.name}`);
    const note = body.find((r) => r[6] === "Return note");
    expect(note).toBeDefined();
    expect(note![3]).toBe('Returned the update of P03 for the 11th progress report to its author with the note “=HYPERLINK("http://evil.example","click")”');
    expect(note![8]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    const narrative = body.find((r) => r[6] === "Narrative");
    expect(narrative![7]).toBe("Line one");
    expect(narrative![8]).toBe("'+SUM(A1:A3)\r\nsecond line, with a comma");
    for (const record of body) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  test("the whole filtered trail, across batches, in the order of the page", async () => {
    const query = { person: busyUser.id };
    const { records } = await csvOf(parseAuditFilters(query).filters);
    const events = await selectedIds(Prisma.sql`e."actorId" = ${busyUser.id} AND ${NOT_SIGN_IN}`);
    expect(events.length).toBeGreaterThan(AUDIT_EXPORT_BATCH);
    const view = await allPages(query);
    expect(ids(view)).toEqual(events);
    expect(records.slice(1)).toEqual(view.flatMap((row) => auditCsvRows(row)));
    expect(records.slice(1).filter((r) => r[3] === "Sent reminders about the 11th progress report to 3 people (3 e-mails sent)")).toHaveLength(
      (AUDIT_EXPORT_BATCH + 20) / 2,
    );
  });

  test("a filter that matches nothing: the header alone", async () => {
    const { records } = await csvOf(parseAuditFilters({ proposal: "P99" }).filters);
    expect(records).toEqual([HEADER]);
  });
});

describe("queries", () => {
  test("a page costs the same number of statements with 1 row or 50 (names looked up in one query)", async () => {
    const url = inject("databaseUrl");
    const one = await countStatements(url, () => listAuditEvents(parseAuditFilters({ action: "period.lock", person: euStaff.id }).filters, "UTC"));
    const full = await countStatements(url, () => listAuditEvents(parseAuditFilters({ person: busyUser.id }).filters, "UTC"));
    expect(one.result.rows).toHaveLength(1);
    expect(full.result.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(one.statements.length).toBe(full.statements.length);
    expect(full.statements.length).toBeLessThanOrEqual(2);
    // The proposal filter adds one lookup of the number.
    const byProposal = await countStatements(url, () => listAuditEvents(parseAuditFilters({ proposal: "P12" }).filters, "UTC"));
    expect(byProposal.result.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(byProposal.statements.length).toBe(full.statements.length + 1);
  });

  test("the export reads by batches: two statements a batch, whatever the batch holds", async () => {
    const url = inject("databaseUrl");
    const { result, statements } = await countStatements(url, () => readAll(auditCsvStream(parseAuditFilters({ person: busyUser.id }).filters)));
    const events = (await selectedIds(Prisma.sql`e."actorId" = ${busyUser.id} AND ${NOT_SIGN_IN}`)).length;
    expect(result.length).toBeGreaterThan(0);
    expect(statements.length).toBe(2 * Math.ceil(events / AUDIT_EXPORT_BATCH));
  });
});
