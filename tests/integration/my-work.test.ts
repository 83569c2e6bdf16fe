// "My work", the list's personal filters and the review queue on the real database: one focal point
// following a proposal with no update and one with an update in each review state (the demo data's, so no
// proposal other files need is used up), checked against counts written apart with Prisma; "My work",
// "needs my action" and the bell agree; the queue holds every submitted update, marks the one a manager
// corrected as theirs, and their bell leaves it out (four eyes).
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { getMyWorkRows } from "@/lib/data/my-work";
import { getNotifications } from "@/lib/data/notifications";
import { listPeriods } from "@/lib/data/periods";
import { listProposals } from "@/lib/data/proposals";
import { getReviewQueue } from "@/lib/data/review-queue";
import { recordStatusUpdate } from "@/lib/data/status-updates";
import { groupMyWork, MY_WORK_ACTION_GROUPS } from "@/lib/domain/my-work";
import type { PeriodSummary } from "@/lib/data/periods";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { parseProposalFilters } from "@/lib/validation/proposal-filters";
import { statusUpdateSchema } from "@/lib/validation/status-update";
import { getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { createActor, type TestActor } from "./support/app-helpers";

let prisma: PrismaClient;
let period: PeriodSummary;
let staff: TestActor;
let manager: TestActor;
let ownManager: TestActor;
/** The staff member's proposals by the state their update is left in ("none": no update). */
const mine: Record<"none" | "draft" | "submitted" | "returned" | "approved", string> = { none: "", draft: "", submitted: "", returned: "", approved: "" };
let managersOwn: string;

const input = (proposalId: string, intent: "save" | "submit", expectedVersion = 0) =>
  statusUpdateSchema.parse({
    proposalId,
    periodId: period.id,
    status: "IN_PROGRESS",
    assessment: "ON_TRACK",
    progress: 30,
    narrative: "Staff talks took place.",
    nextSteps: "",
    evidenceLinks: [],
    rationale: "Reassessed after the staff talks.",
    intent,
    expectedVersion,
  });

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  const openId = await getOpenPeriodId(prisma);
  period = (await listPeriods()).find((p) => p.id === openId)!;
  // The demo data's updates in each review state: following them costs no proposal other files need
  // (those without an update in the open period are few, and no update is created here).
  const inState = async (state: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED", skip = 0) =>
    (
      await prisma.statusUpdate.findMany({
        where: { periodId: period.id, workflowState: state, proposal: { retiredAt: null, number: { lt: 73 } } },
        select: { proposalId: true },
        orderBy: { proposal: { number: "asc" } },
        skip,
        take: 1,
      })
    )[0]!.proposalId;
  const free = await proposalsWithoutOpenUpdate(prisma);
  mine.none = free.at(-1)!;
  mine.draft = await inState("DRAFT");
  mine.submitted = await inState("SUBMITTED");
  mine.returned = await inState("RETURNED");
  mine.approved = await inState("APPROVED");
  staff = await createActor(prisma, "STAFF", { organisationId: "eu", focalPointOf: [mine.none, mine.draft, mine.submitted, mine.returned, mine.approved] });
  manager = await createActor(prisma, "MANAGER", { organisationId: "nato" });
  ownManager = await createActor(prisma, "MANAGER", { organisationId: "eu" });
  // A manager's correction of a submitted update makes it theirs to leave to another manager (four eyes).
  managersOwn = await inState("SUBMITTED", 1);
  const current = await prisma.statusUpdate.findFirstOrThrow({ where: { periodId: period.id, proposalId: managersOwn }, select: { version: true } });
  await recordStatusUpdate(ownManager, { ...input(managersOwn, "save", current.version), narrative: "Corrected by a manager." });
});

const created: string[] = [];

afterAll(async () => {
  // Focal points fill vacancies other files count: leave the assignments as the seed made them.
  await prisma?.focalPoint.deleteMany({ where: { userId: { in: [...created, ...(staff ? [staff.id] : [])] } } });
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

const sorted = (ids: string[]) => [...ids].sort();
const ids = (rows: { id: string }[]) => sorted(rows.map((r) => r.id));

describe("My work", () => {
  test("every proposal in its group, with a link into the form where the person can still write", async () => {
    const work = groupMyWork(await getMyWorkRows(staff, period), period, new Date());
    const byGroup = Object.fromEntries(work.groups.map((g) => [g.key, sorted(g.items.map((i) => i.proposalId))]));
    expect(byGroup).toEqual({
      returned: [mine.returned],
      draft: [mine.draft],
      notStarted: [mine.none],
      submitted: [mine.submitted],
      approved: [mine.approved],
    });
    expect(work.groups.find((g) => g.key === "draft")!.items[0]).toMatchObject({ writable: true, href: `/proposals/${mine.draft}/update?from=my-work` });
    expect(work.groups.find((g) => g.key === "submitted")!.items[0]).toMatchObject({ href: `/proposals/${mine.submitted}` });
  });

  test("a focal point of every proposal sees each of them (counted apart with Prisma)", async () => {
    const all = await prisma.proposal.findMany({ where: { retiredAt: null }, select: { id: true } });
    const everyone = await createActor(prisma, "STAFF", { focalPointOf: all.map((p) => p.id) });
    created.push(everyone.id);
    const rows = await getMyWorkRows(everyone, period);
    const expected = await prisma.proposal.count({
      where: { focalPoints: { some: { userId: everyone.id } }, OR: [{ retiredAt: null }, { retiredAt: { gt: period.startsOn } }] },
    });
    expect(rows).toHaveLength(expected);
    const states = await prisma.statusUpdate.groupBy({
      by: ["workflowState"],
      where: { periodId: period.id, proposalId: { in: rows.map((r) => r.proposalId) } },
      _count: true,
    });
    const work = groupMyWork(rows, period, new Date());
    const count = (key: string) => work.groups.find((g) => g.key === key)!.items.length;
    const of = (state: string) => states.find((s) => s.workflowState === state)?._count ?? 0;
    expect([count("draft"), count("submitted"), count("returned"), count("approved")]).toEqual([of("DRAFT"), of("SUBMITTED"), of("RETURNED"), of("APPROVED")]);
    expect(count("notStarted")).toBe(rows.length - states.reduce((sum, s) => sum + s._count, 0));
  });
});

describe("the list's personal filters", () => {
  const list = (query: string, viewer: TestActor) => listProposals(parseProposalFilters(new URLSearchParams(query)), period.id, { viewer }).then(ids);

  test("'proposals I follow' is exactly the focal-point assignments", async () => {
    const follows = await prisma.focalPoint.findMany({ where: { userId: staff.id }, select: { proposalId: true } });
    expect(await list("mine=1&include=all", staff)).toEqual(sorted(follows.map((f) => f.proposalId)));
  });

  test("'needs my action' is what My work and the bell say needs action", async () => {
    const work = groupMyWork(await getMyWorkRows(staff, period), period, new Date());
    const action = work.groups.filter((g) => MY_WORK_ACTION_GROUPS.includes(g.key)).flatMap((g) => g.items.map((i) => i.proposalId));
    expect(await list("action=1&include=all", staff)).toEqual(sorted(action));
    expect(sorted(action)).toEqual(sorted([mine.none, mine.draft, mine.returned]));
    const bell = await getNotifications(staff);
    expect(sorted(bell.map((n) => n.href.split("/")[2]!))).toEqual(sorted(action));
  });

  test("the review state, alone or with 'mine'", async () => {
    expect(await list("mine=1&state=SUBMITTED&include=all", staff)).toEqual([mine.submitted]);
    expect(await list("mine=1&state=NONE&include=all", staff)).toEqual([mine.none]);
    expect(await list("mine=1&state=DRAFT,RETURNED&include=all", staff)).toEqual(sorted([mine.draft, mine.returned]));
    const submitted = await prisma.statusUpdate.findMany({ where: { periodId: period.id, workflowState: "SUBMITTED" }, select: { proposalId: true } });
    expect(await list("state=SUBMITTED&include=all", staff)).toEqual(sorted(submitted.map((s) => s.proposalId)));
  });

  test("for a manager, 'needs my action' includes the updates others submitted, never their own", async () => {
    const action = await list("action=1&include=all", ownManager);
    expect(action).toContain(mine.submitted);
    expect(action).not.toContain(managersOwn);
    expect(await list("action=1&include=all", manager)).toContain(managersOwn);
  });
});

describe("the review queue", () => {
  test("every submitted update of the period, in number order, with its author; filters by author, area and organisation", async () => {
    const { items, authors } = await getReviewQueue(manager, period.id, { area: [], org: [], author: [] });
    const submitted = await prisma.statusUpdate.findMany({
      where: { periodId: period.id, workflowState: "SUBMITTED" },
      select: { proposalId: true, authorId: true, proposal: { select: { number: true, areaId: true } }, organisation: { select: { code: true } } },
      orderBy: { proposal: { number: "asc" } },
    });
    expect(items.map((i) => [i.proposalId, i.authorId])).toEqual(submitted.map((s) => [s.proposalId, s.authorId]));
    const author = submitted[0]!.authorId;
    expect(authors.map((a) => a.id)).toContain(author);
    const byAuthor = await getReviewQueue(manager, period.id, { area: [], org: [], author: [author] });
    expect(byAuthor.items.map((i) => i.proposalId)).toEqual(submitted.filter((s) => s.authorId === author).map((s) => s.proposalId));
    const area = submitted[0]!.proposal.areaId;
    const byArea = await getReviewQueue(manager, period.id, { area: [area], org: [], author: [] });
    expect(byArea.items.map((i) => i.proposalId)).toEqual(submitted.filter((s) => s.proposal.areaId === area).map((s) => s.proposalId));
    const eu = await getReviewQueue(manager, period.id, { area: [], org: ["EU"], author: [] });
    expect(eu.items.map((i) => i.proposalId)).toEqual(submitted.filter((s) => s.organisation.code === "EU").map((s) => s.proposalId));
  });

  test("a manager's own update is marked in their queue and left out of their bell", async () => {
    const { items } = await getReviewQueue(ownManager, period.id, { area: [], org: [], author: [] });
    expect(items.find((i) => i.proposalId === managersOwn)).toMatchObject({ own: true });
    expect(items.filter((i) => i.own).map((i) => i.proposalId)).toEqual([managersOwn]);
    const bell = await getNotifications(ownManager);
    expect(bell.some((n) => n.href.includes(managersOwn))).toBe(false);
    expect(bell.filter((n) => n.kind === "review")).toHaveLength(items.length - 1);
  });
});
