// The demo seed on a database of its own: the catalogue and periods it promises, idempotence, and its
// refusal to touch a database holding data it did not create.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyPassword } from "@/lib/auth/passwords";
import { ROLES } from "@/lib/domain/vocabulary";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { createUser } from "@/prisma/factories";
import { seedDemoData, SeedRefused } from "@/prisma/seed";
import { createMigratedDatabase, dropTestDatabase } from "./support/databases";

const quiet = { log: () => undefined };

/** Row counts of every table the seed writes. */
async function countRows(prisma: PrismaClient) {
  const [organisations, areas, proposals, periods, users, focalPoints, updates, revisions, settings] = await Promise.all([
    prisma.organisation.count(),
    prisma.area.count(),
    prisma.proposal.count(),
    prisma.reportingPeriod.count(),
    prisma.user.count(),
    prisma.focalPoint.count(),
    prisma.statusUpdate.count(),
    prisma.statusUpdateRevision.count(),
    prisma.appSetting.count(),
  ]);
  return { organisations, areas, proposals, periods, users, focalPoints, updates, revisions, settings };
}

describe("seedDemoData", () => {
  let url: string;
  let prisma: PrismaClient;

  beforeAll(async () => {
    url = await createMigratedDatabase("seed");
    prisma = createPrismaClient(url, 2);
    await seedDemoData(prisma, quiet);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    if (url) await dropTestDatabase(url);
  });

  test("74 proposals numbered 1-74: 1-42 in the 2016 set, 43-74 in the 2017 set, in 11 areas", async () => {
    const proposals = await prisma.proposal.findMany({ select: { number: true, set: true }, orderBy: { number: "asc" } });
    expect(proposals.map((p) => p.number)).toEqual(Array.from({ length: 74 }, (_, i) => i + 1));
    expect(proposals.filter((p) => p.set === "SET_2016").map((p) => p.number)).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
    expect(proposals.filter((p) => p.set === "SET_2017")).toHaveLength(32);
    expect(await prisma.area.count()).toBe(11);
    const emptyAreas = await prisma.area.count({ where: { proposals: { none: {} } } });
    expect(emptyAreas).toBe(0);
  });

  test("11 periods: ten closed, one open with its due date ahead", async () => {
    const periods = await prisma.reportingPeriod.findMany({ select: { number: true, state: true, dueOn: true }, orderBy: { number: "asc" } });
    expect(periods.map((p) => p.number)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(periods.filter((p) => p.state === "CLOSED")).toHaveLength(10);
    const open = periods.filter((p) => p.state === "OPEN");
    expect(open).toHaveLength(1);
    expect(open[0]!.dueOn.getTime()).toBeGreaterThan(Date.now());
  });

  test.each(["nato", "eu"])("demo users of every role in %s, with argon2id hashes of the demo password", async (organisationId) => {
    const users = await prisma.user.findMany({
      where: { organisationId, id: { startsWith: "seed-" } },
      select: { role: true, passwordHash: true, active: true },
    });
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(ROLES));
    for (const user of users) {
      expect(user.active).toBe(true);
      expect(user.passwordHash!.startsWith("$argon2id$")).toBe(true);
    }
    expect(await verifyPassword(users[0]!.passwordHash!, "demo-password-2026")).toBe(true);
    expect(await verifyPassword(users[0]!.passwordHash!, "demo-password-2027")).toBe(false);
  });

  test("every ninth proposal has no NATO focal point, every proposal has an EU one", async () => {
    const withoutNato = await prisma.proposal.findMany({
      where: { focalPoints: { none: { user: { organisationId: "nato" } } } },
      select: { number: true },
      orderBy: { number: "asc" },
    });
    expect(withoutNato.map((p) => p.number)).toEqual([9, 18, 27, 36, 45, 54, 63, 72]);
    expect(await prisma.proposal.count({ where: { focalPoints: { none: { user: { organisationId: "eu" } } } } })).toBe(0);
  });

  test("status history: every proposal in every closed period it belongs to, some (not all) in the open one", async () => {
    const rows = await prisma.$queryRaw<{ number: number; state: string; updates: number }[]>`
      SELECT r.number, r.state::text AS state, count(s.id)::int AS updates
      FROM "ReportingPeriod" r LEFT JOIN "StatusUpdate" s ON s."periodId" = r.id
      GROUP BY r.number, r.state ORDER BY r.number`;
    // The 2017 set (32 proposals) starts reporting with the 3rd report.
    const expectedClosed = Array.from({ length: 10 }, (_, i) => ({ number: i + 1, state: "CLOSED", updates: i < 2 ? 42 : 74 }));
    expect(rows.slice(0, 10)).toEqual(expectedClosed);
    const open = rows[10]!;
    expect(open.state).toBe("OPEN");
    expect(open.updates).toBeGreaterThan(0);
    expect(open.updates).toBeLessThan(74);
  });

  test("one revision (version 1) per seeded update", async () => {
    const [check] = await prisma.$queryRaw<{ updates: number; matched: number; revisions: number }[]>`
      SELECT (SELECT count(*)::int FROM "StatusUpdate") AS updates,
             (SELECT count(*)::int FROM "StatusUpdate" s
               WHERE s.version = 1
                 AND (SELECT count(*) FROM "StatusUpdateRevision" r WHERE r."statusUpdateId" = s.id AND r.version = 1
                        AND r.status = s.status AND r.progress = s.progress AND r."authorId" = s."authorId"
                        AND r."workflowState" = s."workflowState" AND r.rationale = s.rationale
                        AND r."returnNote" IS NOT DISTINCT FROM s."returnNote") = 1) AS matched,
             (SELECT count(*)::int FROM "StatusUpdateRevision") AS revisions`;
    expect(check!.updates).toBeGreaterThan(0);
    expect(check).toEqual({ updates: check!.updates, matched: check!.updates, revisions: check!.updates });
  });

  test("review workflow: closed periods are all approved, the open one mixes all four states", async () => {
    const rows = await prisma.$queryRaw<{ state: string; workflowState: string; n: number }[]>`
      SELECT r.state::text AS state, s."workflowState"::text AS "workflowState", count(*)::int AS n
      FROM "StatusUpdate" s JOIN "ReportingPeriod" r ON r.id = s."periodId"
      GROUP BY r.state, s."workflowState"`;
    expect(rows.filter((r) => r.state === "CLOSED").map((r) => r.workflowState)).toEqual(["APPROVED"]);
    const open = Object.fromEntries(rows.filter((r) => r.state === "OPEN").map((r) => [r.workflowState, r.n]));
    expect(Object.keys(open).sort()).toEqual(["APPROVED", "DRAFT", "RETURNED", "SUBMITTED"]);
  });

  test("review fields agree with the workflow state: notes on returned items only, submission and review dates where due", async () => {
    const [check] = await prisma.$queryRaw<{ bad: number; total: number }[]>`
      SELECT count(*) FILTER (WHERE NOT (
               ("returnNote" IS NOT NULL) = ("workflowState" = 'RETURNED')
               AND ("submittedAt" IS NULL) = ("workflowState" = 'DRAFT')
               AND ("reviewedAt" IS NOT NULL) = ("workflowState" IN ('APPROVED', 'RETURNED'))
               AND ("reviewedById" IS NOT NULL) = ("reviewedAt" IS NOT NULL)))::int AS bad,
             count(*)::int AS total
      FROM "StatusUpdate"`;
    expect(check!.total).toBeGreaterThan(0);
    expect(check!.bad).toBe(0);
  });

  test("a rationale exactly where status or assessment differs from the proposal's previous period", async () => {
    const [check] = await prisma.$queryRaw<{ changed: number; bad: number }[]>`
      WITH ordered AS (
        SELECT s.rationale, s.status, s.assessment,
               lag(s.status) OVER w AS "prevStatus", lag(s.assessment) OVER w AS "prevAssessment"
        FROM "StatusUpdate" s JOIN "ReportingPeriod" r ON r.id = s."periodId"
        WINDOW w AS (PARTITION BY s."proposalId" ORDER BY r.number))
      SELECT count(*) FILTER (WHERE status <> "prevStatus" OR assessment <> "prevAssessment")::int AS changed,
             count(*) FILTER (WHERE (rationale <> '') <> coalesce(status <> "prevStatus" OR assessment <> "prevAssessment", false))::int AS bad
      FROM ordered`;
    expect(check!.changed).toBeGreaterThan(0);
    expect(check!.bad).toBe(0);
  });

  test("running it again changes nothing", async () => {
    const before = await countRows(prisma);
    await seedDemoData(prisma, quiet);
    expect(await countRows(prisma)).toEqual(before);
  });

  test("refuses a database holding a user it did not create, and with force leaves that user alone", async () => {
    const stranger = await createUser(prisma, { role: "STAFF", organisationId: "eu", focalPointOf: ["p01"] });
    const strangerRow = () => prisma.user.findUniqueOrThrow({ where: { id: stranger.id }, include: { focalPointOf: true } });
    const before = await strangerRow();
    const counts = await countRows(prisma);

    await expect(seedDemoData(prisma, quiet)).rejects.toBeInstanceOf(SeedRefused);
    expect(await countRows(prisma)).toEqual(counts);

    await seedDemoData(prisma, { ...quiet, force: true });
    expect(await strangerRow()).toEqual(before);
    expect(await countRows(prisma)).toEqual(counts);
  });
});
