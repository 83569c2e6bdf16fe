// lib/data/proposals.ts against the seeded database: every filter of the proposal list is checked
// against SQL written independently here, on the data as it is when the test runs. Without `include`
// the list counts approved updates only (drafts and returned text reach it only when asked for); with
// it, the states it names.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { getProposal, listProposalPage, listProposals } from "@/lib/data/proposals";
import { ASSESSMENTS } from "@/lib/domain/vocabulary";
import { createPrismaClient, Prisma, type PrismaClient } from "@/lib/prisma-client";
import { parseProposalFilters, STATUS_FILTER_VALUES } from "@/lib/validation/proposal-filters";
import { getOpenPeriodId, uniqueSuffix } from "@/prisma/factories";
import { countStatements } from "./support/query-counter";
import { COUNTED } from "./support/counted";

const ALL = Array.from({ length: 74 }, (_, i) => i + 1);

let prisma: PrismaClient;
let openPeriodId: string;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  openPeriodId = await getOpenPeriodId(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

/** Proposal numbers that listProposals returns for a query string, as the page would parse it. */
async function listed(query: string, periodId: string = openPeriodId): Promise<number[]> {
  const rows = await listProposals(parseProposalFilters(new URLSearchParams(query)), periodId);
  return rows.map((r) => r.number);
}

/** Proposal numbers matching an SQL condition on `p` ("Proposal"), in number order. */
async function selected(condition: Prisma.Sql): Promise<number[]> {
  const rows = await prisma.$queryRaw<{ number: number }[]>`SELECT p.number FROM "Proposal" p WHERE ${condition} ORDER BY p.number`;
  return rows.map((r) => r.number);
}

const hasUpdate = (periodId: string, extra: Prisma.Sql = Prisma.sql`TRUE`) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "StatusUpdate" s WHERE s."proposalId" = p.id AND s."periodId" = ${periodId} AND ${extra})`;
/** An approved update of the period: what the list counts by default. */
const hasApproved = (periodId: string, extra: Prisma.Sql = Prisma.sql`TRUE`) => hasUpdate(periodId, Prisma.sql`${COUNTED.approved} AND ${extra}`);

const INCLUDES = ["approved", "submitted", "all"] as const;

const hasFocalPointIn = (code: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "FocalPoint" f JOIN "User" u ON u.id = f."userId" JOIN "Organisation" o ON o.id = u."organisationId"
                     WHERE f."proposalId" = p.id AND o.code = ${code})`;

/** Literal, case-insensitive substring match (no LIKE wildcards) on the fields the search covers. */
const matchesText = (q: string) =>
  Prisma.sql`(strpos(lower(p.title), lower(${q})) > 0 OR strpos(lower(p.description), lower(${q})) > 0
              OR EXISTS (SELECT 1 FROM "Area" a WHERE a.id = p."areaId" AND strpos(lower(a.name), lower(${q})) > 0))`;

describe("listProposals", () => {
  test("without filters: all 74 proposals in number order, each with its update for the period", async () => {
    const rows = await listProposals(parseProposalFilters({}), openPeriodId);
    expect(rows.map((r) => r.number)).toEqual(ALL);
    const updates = await prisma.statusUpdate.findMany({
      where: { periodId: openPeriodId, workflowState: "APPROVED" },
      select: { proposalId: true, id: true, version: true },
    });
    const expected = Object.fromEntries(rows.map((r) => [r.id, null as { id: string; version: number } | null]));
    for (const u of updates) expected[u.proposalId] = { id: u.id, version: u.version };
    expect(Object.fromEntries(rows.map((r) => [r.id, r.update && { id: r.update.id, version: r.update.version }]))).toEqual(expected);
  });

  test.each([["area=cyber"], ["area=cyber,capabilities"], ["area=hybrid-threats&area=operational-cooperation"], ["area=no-such-area"]])(
    "area filter %s",
    async (query) => {
      const areas = new URLSearchParams(query).getAll("area").flatMap((a) => a.split(","));
      const expected = await selected(Prisma.sql`p."areaId" IN (${Prisma.join(areas)})`);
      expect(await listed(query)).toEqual(expected);
    },
  );

  test.each(STATUS_FILTER_VALUES)("status filter %s (open period)", async (status) => {
    const expected = await selected(
      status === "NO_UPDATE" ? Prisma.sql`NOT ${hasApproved(openPeriodId)}` : hasApproved(openPeriodId, Prisma.sql`s.status::text = ${status}`),
    );
    expect(await listed(`status=${status}`)).toEqual(expected);
  });

  test("NO_UPDATE lists exactly the proposals without an approved update in the open period, some but not all", async () => {
    const [{ missing }] = await prisma.$queryRaw<[{ missing: number }]>`
      SELECT count(*)::int AS missing FROM "Proposal" p
      WHERE NOT EXISTS (SELECT 1 FROM "StatusUpdate" s WHERE s."proposalId" = p.id AND s."periodId" = ${openPeriodId} AND s."workflowState" = 'APPROVED')`;
    const rows = await listed("status=NO_UPDATE");
    expect(rows).toHaveLength(missing);
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(74);
  });

  test("several statuses are a union, NO_UPDATE included", async () => {
    const [completed, none, both] = await Promise.all([listed("status=COMPLETED"), listed("status=NO_UPDATE"), listed("status=COMPLETED,NO_UPDATE")]);
    expect(both).toEqual([...completed, ...none].sort((a, b) => a - b));
  });

  test("status refers to the period asked for: the 1st report holds only the 2016 set (1-42), every one reported", async () => {
    expect(await listed("", "report-01")).toEqual(ALL.filter((n) => n <= 42));
    expect(await listed("status=NO_UPDATE", "report-01")).toEqual([]);
    expect(await listed("status=NO_UPDATE", "report-02")).toEqual([]);
  });

  test.each(ASSESSMENTS)("assessment filter %s", async (assessment) => {
    const expected = await selected(hasApproved(openPeriodId, Prisma.sql`s.assessment::text = ${assessment}`));
    expect(await listed(`assessment=${assessment}`)).toEqual(expected);
  });

  test.each(["NATO", "EU", "nato"])("organisation filter %s: proposals with a focal point of that organisation", async (org) => {
    expect(await listed(`org=${org}`)).toEqual(await selected(hasFocalPointIn(org.toUpperCase())));
  });

  test("the NATO filter leaves out only proposals with a vacant NATO focal point (every ninth)", async () => {
    const nato = new Set(await listed("org=NATO"));
    const leftOut = ALL.filter((n) => !nato.has(n));
    expect(leftOut.length).toBeGreaterThan(0);
    expect(leftOut.every((n) => n % 9 === 0)).toBe(true);
  });

  test("an organisation's filter lists exactly the proposals its people follow", async () => {
    const suffix = uniqueSuffix();
    // Organisation codes are 2-10 capital letters (see the filter schema); the factory knows only nato/eu.
    const code = `TEST${[...suffix.slice(0, 6)].map((c) => String.fromCharCode(65 + parseInt(c, 16))).join("")}`;
    const org = await prisma.organisation.create({ data: { id: `test-org-${suffix}`, code, name: `Test organisation ${suffix}` } });
    const user = await prisma.user.create({
      data: { id: `test-user-${suffix}`, email: `staff-${suffix}@org.test`, name: "Org filter", role: "STAFF", organisationId: org.id, passwordHash: "x" },
    });
    await prisma.focalPoint.createMany({ data: ["p05", "p33", "p61"].map((proposalId) => ({ proposalId, userId: user.id })) });
    try {
      expect(await listed(`org=${code}`)).toEqual([5, 33, 61]);
    } finally {
      await prisma.user.delete({ where: { id: user.id } });
      await prisma.organisation.delete({ where: { id: org.id } });
    }
  });

  test("free text matches titles case-insensitively", async () => {
    const { title } = await prisma.proposal.findUniqueOrThrow({ where: { number: 30 }, select: { title: true } });
    const fragment = title.slice(2, 14);
    const swapped = [...fragment].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("");
    const rows = await listed(`q=${encodeURIComponent(swapped)}`);
    expect(rows).toContain(30);
    expect(rows).toEqual(await selected(matchesText(swapped)));
  });

  test.each(["P12", "p12", "12", " 12 "])("free text %j finds proposal 12 by its number", async (q) => {
    const rows = await listed(`q=${encodeURIComponent(q)}`);
    expect(rows).toContain(12);
    expect(rows).toEqual(await selected(Prisma.sql`(${matchesText(q.trim())} OR p.number = 12)`));
  });

  test.each(["%", "_", "zzz-no-such-text"])("free text %j is literal text, not a pattern", async (q) => {
    expect(await listed(`q=${encodeURIComponent(q)}`)).toEqual(await selected(matchesText(q)));
  });

  test("combined filters give the intersection of each filter alone", async () => {
    // Built from a real open-period update, so that the intersection is not empty.
    const sample = await prisma.statusUpdate.findFirstOrThrow({
      where: { periodId: openPeriodId, workflowState: "APPROVED" },
      select: { status: true, assessment: true, proposal: { select: { areaId: true } } },
      orderBy: { proposal: { number: "asc" } },
    });
    const parts = [`area=${sample.proposal.areaId}`, `status=${sample.status},NO_UPDATE`, `assessment=${sample.assessment}`, "org=EU"];
    const alone = await Promise.all(parts.map((part) => listed(part)));
    const intersection = alone.reduce((acc, numbers) => acc.filter((n) => numbers.includes(n)));
    const combined = await listed(parts.join("&"));
    expect(combined.length).toBeGreaterThan(0);
    expect(combined).toEqual(intersection);
  });

  test("the list counts approved updates only by default, as dashboards and reports do", () => {
    expect(parseProposalFilters({}).include).toBe("approved");
    expect(parseProposalFilters(new URLSearchParams("include=bogus")).include).toBe("approved");
  });

  test.each(INCLUDES)("include=%s: rows carry only the updates it counts, and the filters look at those only", async (include) => {
    const counted = COUNTED[include];
    const rows = await listProposals(parseProposalFilters(new URLSearchParams(`include=${include}`)), openPeriodId);
    const updates = await prisma.$queryRaw<{ proposalId: string; id: string }[]>`
      SELECT s."proposalId", s.id FROM "StatusUpdate" s WHERE s."periodId" = ${openPeriodId} AND ${counted}`;
    const expected = Object.fromEntries(rows.map((r) => [r.id, null as string | null]));
    for (const u of updates) expected[u.proposalId] = u.id;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.update?.id ?? null]))).toEqual(expected);

    expect(await listed(`include=${include}&status=NO_UPDATE`)).toEqual(await selected(Prisma.sql`NOT ${hasUpdate(openPeriodId, counted)}`));
    for (const status of ["IN_PROGRESS", "ONGOING"]) {
      expect(await listed(`include=${include}&status=${status}`)).toEqual(
        await selected(hasUpdate(openPeriodId, Prisma.sql`s.status::text = ${status} AND ${counted}`)),
      );
    }
    expect(await listed(`include=${include}&assessment=ON_TRACK`)).toEqual(
      await selected(hasUpdate(openPeriodId, Prisma.sql`s.assessment::text = 'ON_TRACK' AND ${counted}`)),
    );
  });

  test("the include options give different lists in the open period (so the cases above can tell them apart)", async () => {
    const missing = await Promise.all(INCLUDES.map((include) => listed(`include=${include}&status=NO_UPDATE`)));
    expect(missing[0]!.length).toBeGreaterThan(missing[1]!.length);
    expect(missing[1]!.length).toBeGreaterThan(missing[2]!.length);
  });

  test("no N+1: the number of SQL statements does not grow with the number of rows", async () => {
    const url = inject("databaseUrl");
    const all = await countStatements(url, () => listProposals(parseProposalFilters({}), openPeriodId));
    const one = await countStatements(url, () => listProposals(parseProposalFilters({ q: "P12" }), openPeriodId));
    expect(all.result).toHaveLength(74);
    expect(one.result.map((r) => r.number)).toContain(12);
    expect(all.statements.length).toBeGreaterThan(0);
    expect(all.statements.length).toBe(one.statements.length);
    expect(all.statements.length).toBeLessThanOrEqual(10);
  });
});

describe("getProposal", () => {
  test("returns the proposal with its history, newest period first", async () => {
    const detail = await getProposal("p12");
    expect(detail).not.toBeNull();
    expect(detail!.number).toBe(12);
    const periods = await prisma.$queryRaw<{ number: number }[]>`
      SELECT r.number FROM "StatusUpdate" s JOIN "ReportingPeriod" r ON r.id = s."periodId"
      WHERE s."proposalId" = 'p12' ORDER BY r.number DESC`;
    expect(periods.length).toBeGreaterThanOrEqual(10);
    expect(detail!.history.map((h) => h.period.number)).toEqual(periods.map((p) => p.number));
  });

  test("answers null for an unknown id", async () => {
    expect(await getProposal("p-does-not-exist")).toBeNull();
  });
});

describe("listProposalPage", () => {
  test("pages through the matching proposals in number order, with the total of all pages", async () => {
    const filters = parseProposalFilters({ status: ["NO_UPDATE", "ONGOING"] });
    const all = await listProposals(filters, openPeriodId);
    expect(all.length).toBeGreaterThan(10);
    const pages = [];
    for (let skip = 0; skip < all.length; skip += 7) {
      const page = await listProposalPage(filters, openPeriodId, { skip, take: 7 });
      expect(page.total).toBe(all.length);
      pages.push(...page.rows.map((r) => r.number));
    }
    expect(pages).toEqual(all.map((r) => r.number));
    const asOf = parseProposalFilters({ status: ["NO_UPDATE"], asOf: new Date().toISOString().slice(0, 10) });
    const asOfAll = await listProposals(asOf, openPeriodId);
    const asOfPage = await listProposalPage(asOf, openPeriodId, { skip: 5, take: 5 });
    expect(asOfPage.total).toBe(asOfAll.length);
    expect(asOfPage.rows.map((r) => r.number)).toEqual(asOfAll.slice(5, 10).map((r) => r.number));
  });
});
