// The notifications on the real database, uncapped: a focal point of most proposals gets one item per
// proposal still owed and per returned update (more than the bell's 25 lines), a manager one item per
// update awaiting review; the lists and their order match an independent count with Prisma, and reading
// them costs the same round trips whoever asks.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { getNotifications } from "@/lib/data/notifications";
import { BELL_MAX_ITEMS, toBell } from "@/lib/domain/notifications";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { getOpenPeriodId } from "@/prisma/factories";
import { createActor, type TestActor } from "./support/app-helpers";
import { countStatements } from "./support/query-counter";

let prisma: PrismaClient;
let period: { id: string; name: string; startsOn: Date };
let staff: TestActor;
let manager: TestActor;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  period = await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: await getOpenPeriodId(prisma) }, select: { id: true, name: true, startsOn: true } });
  const proposals = await prisma.proposal.findMany({ where: { retiredAt: null }, select: { id: true } });
  staff = await createActor(prisma, "STAFF", { organisationId: "eu", focalPointOf: proposals.map((p) => p.id) });
  manager = await createActor(prisma, "MANAGER");
});

afterAll(async () => {
  await prisma.focalPoint.deleteMany({ where: { userId: staff.id } });
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

/** Proposal ids in number order, counted apart from the app's SQL. */
async function owedBy(userId: string): Promise<string[]> {
  const rows = await prisma.proposal.findMany({
    where: {
      focalPoints: { some: { userId } },
      OR: [{ retiredAt: null }, { retiredAt: { gt: period.startsOn } }],
      statusUpdates: { none: { periodId: period.id, workflowState: { in: ["SUBMITTED", "APPROVED", "RETURNED"] } } },
    },
    select: { id: true },
    orderBy: { number: "asc" },
  });
  return rows.map((r) => r.id);
}

async function inState(state: "RETURNED" | "SUBMITTED", where: object = {}): Promise<string[]> {
  const rows = await prisma.statusUpdate.findMany({
    where: { periodId: period.id, workflowState: state, ...where },
    select: { proposalId: true },
    orderBy: { proposal: { number: "asc" } },
  });
  return rows.map((r) => r.proposalId);
}

describe("getNotifications, every item", () => {
  test("a focal point of every proposal: each returned update, then each proposal owed, with no cap", async () => {
    const returned = await inState("RETURNED", { proposal: { focalPoints: { some: { userId: staff.id } } } });
    const due = await owedBy(staff.id);
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.length + due.length).toBeGreaterThan(BELL_MAX_ITEMS);

    const items = await getNotifications(staff);
    expect(items.map((n) => [n.kind, n.href])).toEqual([
      ...returned.map((id) => ["returned", `/proposals/${id}`]),
      ...due.map((id) => ["due", `/proposals/${id}/update`]),
    ]);

    // The bell shows 25 lines and says how many are left out; its badge counts them all.
    const bell = toBell(items, period);
    expect(bell.items).toHaveLength(BELL_MAX_ITEMS);
    expect(bell.hiddenCount).toBe(items.length - BELL_MAX_ITEMS);
    expect(bell.label).toBe(`Notifications: ${items.length} need your action`);
  });

  test("a manager: one item per update awaiting review, each leading to it in the review queue; the badge counts them all", async () => {
    const submitted = await inState("SUBMITTED");
    expect(submitted.length).toBeGreaterThan(1);
    const items = await getNotifications(manager);
    expect(items.every((n) => n.kind === "review")).toBe(true);
    expect(items.map((n) => n.href)).toEqual(submitted.map((id) => `/review?at=${id}`));
    expect(items[0]!.detail).toContain(period.name);

    const bell = toBell(items, period);
    expect(bell.items).toEqual([expect.objectContaining({ title: `${submitted.length} updates awaiting review`, count: submitted.length })]);
    expect(bell.actionCount).toBe(submitted.length);
  });

  test("one round trip for the items whatever their number (the period list aside)", async () => {
    const url = inject("databaseUrl");
    const many = await countStatements(url, () => getNotifications(staff));
    const reviews = await countStatements(url, () => getNotifications(manager));
    expect(many.result.length).toBeGreaterThan(BELL_MAX_ITEMS);
    expect(many.statements.length).toBeLessThanOrEqual(2);
    expect(reviews.statements.length).toBe(many.statements.length);
  });
});
