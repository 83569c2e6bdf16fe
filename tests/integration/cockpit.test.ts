// getCockpit for the open period against SQL written here: reported (submitted or approved), awaiting
// review (submitted), returned, missing (no update, or a draft), overdue after the cut-off, coverage by
// area, organisation and focal point, and stale proposals (status unchanged for three periods, unless
// ongoing or completed). Then an update moving through the workflow, and a stale proposal made here.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { getCockpit } from "@/lib/data/cockpit";
import { recordStatusUpdate, reviewStatusUpdate } from "@/lib/data/status-updates";
import type { Cockpit } from "@/lib/domain/cockpit";
import type { Assessment, ImplementationStatus } from "@/lib/domain/vocabulary";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { statusUpdateSchema } from "@/lib/validation/status-update";
import { getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { createActor, ProposalPool, type TestActor } from "./support/app-helpers";
import { addDays } from "./support/periods";

type Period = { id: string; number: number; cutOffOn: Date; dueOn: Date };

let prisma: PrismaClient;
let period: Period;
let pool: ProposalPool;
let manager: TestActor;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  const openPeriodId = await getOpenPeriodId(prisma);
  period = await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: openPeriodId }, select: { id: true, number: true, cutOffOn: true, dueOn: true } });
  pool = new ProposalPool(await proposalsWithoutOpenUpdate(prisma));
  manager = await createActor(prisma, "MANAGER");
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

const REPORTED = `s."workflowState" IN ('SUBMITTED', 'APPROVED')`;

/** The cockpit's numbers and lists (as proposal numbers), computed in SQL only. */
async function expectedCockpit(p: Period) {
  const [lists] = await prisma.$queryRawUnsafe<
    { total: number; reported: number; missing: number[] | null; awaiting: number[] | null; returned: number[] | null }[]
  >(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE ${REPORTED})::int AS reported,
            array_agg(p.number ORDER BY p.number) FILTER (WHERE s.id IS NULL OR s."workflowState" = 'DRAFT') AS missing,
            array_agg(p.number ORDER BY p.number) FILTER (WHERE s."workflowState" = 'SUBMITTED') AS awaiting,
            array_agg(p.number ORDER BY p.number) FILTER (WHERE s."workflowState" = 'RETURNED') AS returned
     FROM "Proposal" p LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = $1`,
    p.id,
  );
  const byArea = await prisma.$queryRawUnsafe<{ key: string; label: string; total: number; reported: number }[]>(
    `SELECT a.id AS key, a.name AS label, count(*)::int AS total, count(*) FILTER (WHERE ${REPORTED})::int AS reported
     FROM "Area" a JOIN "Proposal" p ON p."areaId" = a.id LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = $1
     GROUP BY a.id, a.name, a.number ORDER BY a.number`,
    p.id,
  );
  const byOrganisation = await prisma.$queryRawUnsafe<{ key: string; label: string; total: number; reported: number }[]>(
    `SELECT o.code AS key, o.code AS label, count(*)::int AS total, count(*) FILTER (WHERE ${REPORTED})::int AS reported
     FROM "Organisation" o
     JOIN "Proposal" p ON EXISTS (SELECT 1 FROM "FocalPoint" f JOIN "User" u ON u.id = f."userId" WHERE f."proposalId" = p.id AND u."organisationId" = o.id)
     LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = $1
     GROUP BY o.code ORDER BY o.code`,
    p.id,
  );
  const byFocalPoint = await prisma.$queryRawUnsafe<{ key: string; total: number; reported: number }[]>(
    `SELECT f."userId" AS key, count(*)::int AS total, count(*) FILTER (WHERE ${REPORTED})::int AS reported
     FROM "FocalPoint" f LEFT JOIN "StatusUpdate" s ON s."proposalId" = f."proposalId" AND s."periodId" = $1
     GROUP BY f."userId" ORDER BY f."userId"`,
    p.id,
  );
  // Stale: the last three updates up to this period share one status, and it is not ONGOING or COMPLETED.
  const stale = await prisma.$queryRawUnsafe<{ number: number; run: number }[]>(
    `WITH h AS (
       SELECT s."proposalId", s.status, row_number() OVER (PARTITION BY s."proposalId" ORDER BY r.number DESC) AS k
       FROM "StatusUpdate" s JOIN "ReportingPeriod" r ON r.id = s."periodId" WHERE r.number <= $1)
     SELECT p.number FROM "Proposal" p JOIN h ON h."proposalId" = p.id AND h.k <= 3
     GROUP BY p.number
     HAVING count(*) = 3 AND count(DISTINCT h.status) = 1 AND min(h.status::text) NOT IN ('ONGOING', 'COMPLETED')
     ORDER BY p.number`,
    p.number,
  );
  const percent = (part: number, whole: number) => (whole ? Math.round((100 * part) / whole) : 0);
  return {
    total: lists!.total,
    reported: lists!.reported,
    coveragePercent: percent(lists!.reported, lists!.total),
    missing: lists!.missing ?? [],
    awaitingReview: lists!.awaiting ?? [],
    returned: lists!.returned ?? [],
    stale: stale.map((r) => r.number),
    byArea: byArea.map((r) => ({ ...r, percent: percent(r.reported, r.total) })),
    byOrganisation: byOrganisation.map((r) => ({ ...r, percent: percent(r.reported, r.total) })),
    byFocalPoint: byFocalPoint.map((r) => ({ ...r, percent: percent(r.reported, r.total) })),
  };
}

function cockpitNumbers(c: Cockpit) {
  const numbers = (items: { number: number }[]) => items.map((i) => i.number);
  return {
    total: c.total,
    reported: c.reported,
    coveragePercent: c.coveragePercent,
    missing: numbers(c.missing),
    awaitingReview: numbers(c.awaitingReview),
    returned: numbers(c.returned),
    stale: numbers(c.stale),
    byArea: c.byArea,
    byOrganisation: c.byOrganisation,
    byFocalPoint: [...c.byFocalPoint]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ key, total, reported, percent }) => ({ key, total, reported, percent })),
  };
}

async function expectCockpitMatchesSql(now: Date): Promise<Cockpit> {
  const [cockpit, expected] = await Promise.all([getCockpit(period, now), expectedCockpit(period)]);
  expect(cockpitNumbers(cockpit)).toEqual(expected);
  return cockpit;
}

describe("getCockpit for the open period", () => {
  test("before the cut-off: every number and list equals the SQL, nothing is overdue yet", async () => {
    const now = addDays(period.cutOffOn, -10);
    const cockpit = await expectCockpitMatchesSql(now);
    expect(cockpit.total).toBe(74);
    // The seeded open period mixes all workflow states, so each list has something in it.
    for (const list of [cockpit.missing, cockpit.awaitingReview, cockpit.returned, cockpit.stale]) expect(list.length).toBeGreaterThan(0);
    expect(cockpit.reported).toBeGreaterThan(cockpit.awaitingReview.length);
    expect(cockpit.reported + cockpit.missing.length + cockpit.returned.length).toBe(74);
    expect(cockpit.isPastCutOff).toBe(false);
    expect(cockpit.overdue).toEqual([]);
    expect(cockpit.daysLeft).toBe(Math.round((period.dueOn.getTime() - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) / 86_400_000));
    expect(cockpit.returned.every((item) => typeof item.note === "string" && item.note.length > 0)).toBe(true);
  });

  test("after the cut-off: what is missing is overdue", async () => {
    const cockpit = await expectCockpitMatchesSql(addDays(period.cutOffOn, 1));
    expect(cockpit.isPastCutOff).toBe(true);
    expect(cockpit.overdue.map((i) => i.number)).toEqual(cockpit.missing.map((i) => i.number));
    expect(cockpit.overdue.length).toBeGreaterThan(0);
  });

  test("an update moves from missing (draft) to awaiting review to returned, and the numbers follow", async () => {
    const proposalId = pool.take();
    const { number } = await prisma.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { number: true } });
    const staff = await createActor(prisma, "STAFF", { focalPointOf: [proposalId] });
    const now = addDays(period.cutOffOn, -5);
    const item = (c: Cockpit, list: "missing" | "awaitingReview" | "returned") => c[list].find((i) => i.number === number);
    const lists = (c: Cockpit) => (["missing", "awaitingReview", "returned"] as const).filter((list) => item(c, list));
    const save = (intent: "save" | "submit", expectedVersion: number) =>
      recordStatusUpdate(
        staff,
        statusUpdateSchema.parse({
          proposalId,
          periodId: period.id,
          status: "IN_PROGRESS",
          assessment: "AT_RISK",
          progress: 20,
          narrative: "Started.",
          rationale: "Started.",
          intent,
          expectedVersion,
        }),
      );

    const start = await expectCockpitMatchesSql(now);
    expect(item(start, "missing")?.note).toBe("No update");

    await save("save", 0);
    const drafted = await expectCockpitMatchesSql(now);
    expect(lists(drafted)).toEqual(["missing"]);
    expect(item(drafted, "missing")?.note).toBe("Draft not yet submitted");
    expect(drafted.reported).toBe(start.reported);

    await save("submit", 1);
    const submitted = await expectCockpitMatchesSql(now);
    expect(lists(submitted)).toEqual(["awaitingReview"]);
    expect(item(submitted, "awaitingReview")?.note).toBe(`Submitted by ${staff.name}`);
    expect(submitted.reported).toBe(start.reported + 1);

    await reviewStatusUpdate(manager, { proposalId, periodId: period.id, decision: "return", note: "Say what started.", expectedVersion: 2 });
    const returned = await expectCockpitMatchesSql(now);
    expect(lists(returned)).toEqual(["returned"]);
    expect(item(returned, "returned")?.note).toBe("Say what started.");
    expect(returned.reported).toBe(start.reported);
  });

  test("a proposal whose status has not changed for a third period becomes stale", async () => {
    const before = await getCockpit(period, new Date());
    const staleBefore = new Set(before.stale.map((i) => i.number));
    // Candidates: the same status (not ONGOING/COMPLETED) in the last two earlier periods, and an
    // open-period update that a manager may still edit (none, a draft or a returned one).
    const candidates = await prisma.$queryRawUnsafe<
      { id: string; number: number; status: ImplementationStatus; assessment: Assessment; version: number | null }[]
    >(
      `WITH h AS (
         SELECT s."proposalId", s.status, s.assessment, row_number() OVER (PARTITION BY s."proposalId" ORDER BY r.number DESC) AS k
         FROM "StatusUpdate" s JOIN "ReportingPeriod" r ON r.id = s."periodId" WHERE r.number < $1)
       SELECT p.id, p.number, h1.status::text AS status, h1.assessment::text AS assessment, cur.version
       FROM "Proposal" p
       JOIN h h1 ON h1."proposalId" = p.id AND h1.k = 1
       JOIN h h2 ON h2."proposalId" = p.id AND h2.k = 2
       LEFT JOIN "StatusUpdate" cur ON cur."proposalId" = p.id AND cur."periodId" = $2
       WHERE h1.status = h2.status AND h1.status NOT IN ('ONGOING', 'COMPLETED')
         AND (cur.id IS NULL OR cur."workflowState" IN ('DRAFT', 'RETURNED'))
       ORDER BY p.number DESC`,
      period.number,
      period.id,
    );
    const candidate = candidates.find((c) => !staleBefore.has(c.number));
    expect(candidate, "a proposal that is not stale yet but will be with one more unchanged status").toBeDefined();

    await recordStatusUpdate(
      manager,
      statusUpdateSchema.parse({
        proposalId: candidate!.id,
        periodId: period.id,
        status: candidate!.status,
        assessment: candidate!.assessment,
        progress: 30,
        narrative: "No change this period.",
        intent: "save",
        expectedVersion: candidate!.version ?? 0,
      }),
    );
    const after = await expectCockpitMatchesSql(new Date());
    expect(after.stale.find((i) => i.number === candidate!.number)).toMatchObject({
      id: candidate!.id,
      note: expect.stringMatching(/^Status unchanged for \d+ periods$/),
    });
    expect(after.stale.map((i) => i.number).filter((n) => !staleBefore.has(n))).toEqual([candidate!.number]);
  });
});
