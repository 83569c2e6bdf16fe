import { describe, expect, test } from "vitest";
import type { ParsedFile, UpdateRow } from "./rows";
import { planUpdates, type UpdatesSnapshot } from "./updates";

const snapshot = (over: Partial<UpdatesSnapshot> = {}): UpdatesSnapshot => ({
  proposals: [
    { id: "p1", number: 1, title: "Cyber exercises", set: "SET_2016", retiredAt: null },
    { id: "p2", number: 2, title: "Retired one", set: "SET_2016", retiredAt: new Date("2020-01-01T00:00:00Z") },
    { id: "p50", number: 50, title: "Of the 2017 set", set: "SET_2017", retiredAt: null },
  ],
  periods: [
    {
      id: "r2",
      number: 2,
      name: "2nd progress report",
      state: "CLOSED",
      startsOn: new Date("2017-06-01T00:00:00Z"),
      cutOffOn: new Date("2017-11-30T00:00:00Z"),
      editions: 0,
    },
    {
      id: "r3",
      number: 3,
      name: "3rd progress report",
      state: "CLOSED",
      startsOn: new Date("2018-01-01T00:00:00Z"),
      cutOffOn: new Date("2018-05-25T00:00:00Z"),
      editions: 0,
    },
    {
      id: "r10",
      number: 10,
      name: "10th progress report",
      state: "LOCKED",
      startsOn: new Date("2024-06-01T00:00:00Z"),
      cutOffOn: new Date("2025-05-31T00:00:00Z"),
      editions: 1,
    },
    {
      id: "r11",
      number: 11,
      name: "11th progress report",
      state: "OPEN",
      startsOn: new Date("2025-06-01T00:00:00Z"),
      cutOffOn: new Date("2026-05-31T00:00:00Z"),
      editions: 0,
    },
    {
      id: "r12",
      number: 12,
      name: "12th progress report",
      state: "UPCOMING",
      startsOn: new Date("2026-06-01T00:00:00Z"),
      cutOffOn: new Date("2027-05-31T00:00:00Z"),
      editions: 0,
    },
  ],
  people: [
    { id: "u-sam", email: "sam@nato.int", name: "Sam Staff", organisationId: "nato" },
    { id: "u-eve", email: "eve@eu.int", name: "Eve Eu", organisationId: "eu" },
  ],
  existing: [],
  ...over,
});

function row(over: Partial<UpdateRow> = {}): UpdateRow {
  return {
    proposal: 1,
    period: 3,
    status: "IN_PROGRESS",
    assessment: "ON_TRACK",
    progress: 40,
    narrative: "Met twice.",
    nextSteps: "",
    evidenceLinks: [],
    author: "sam@nato.int",
    ...over,
  };
}

function file(rows: UpdateRow[]): ParsedFile<"updates"> {
  return { kind: "updates", rowCount: rows.length, rows: rows.map((values, i) => ({ row: i + 2, values })), errors: [] };
}

const existing = (over: Partial<UpdatesSnapshot["existing"][number]> = {}): UpdatesSnapshot["existing"][number] => ({
  id: "s1",
  proposalId: "p1",
  periodId: "r3",
  version: 2,
  status: "IN_PROGRESS",
  assessment: "ON_TRACK",
  progress: 40,
  narrative: "Met twice.",
  nextSteps: "",
  evidenceLinks: [],
  workflowState: "APPROVED",
  authorId: "u-sam",
  authorName: "Sam Staff",
  authorEmail: "sam@nato.int",
  ...over,
});

describe("planUpdates", () => {
  test("a new (proposal, period) is created as approved, for the author's organisation", () => {
    const { plan, operations } = planUpdates(file([row({ author: "eve@eu.int" })]), snapshot());
    expect(plan.creates).toEqual([
      {
        row: 2,
        key: "P01 · 3rd progress report",
        label: "Cyber exercises",
        changes: [
          { label: "Status", before: "", after: "In progress" },
          { label: "Assessment", before: "", after: "On track" },
          { label: "Progress (%)", before: "", after: "40" },
          { label: "Narrative", before: "", after: "Met twice." },
          { label: "Author", before: "", after: "Eve Eu (eve@eu.int)" },
          { label: "Review state", before: "", after: "Approved" },
        ],
      },
    ]);
    expect(operations.creates).toEqual([
      {
        row: 2,
        proposalId: "p1",
        periodId: "r3",
        authorId: "u-eve",
        organisationId: "eu",
        content: expect.objectContaining({ status: "IN_PROGRESS", progress: 40 }),
      },
    ]);
    expect(plan.notes[0]).toMatch(/^1 update will be recorded as approved.*rationale applies to saves in the tracker, not to imported history\.$/);
  });

  test("the same values, author and approval are unchanged; anything else is a change, field by field", () => {
    expect(planUpdates(file([row()]), snapshot({ existing: [existing()] })).plan.unchanged).toHaveLength(1);
    const { plan, operations } = planUpdates(file([row({ progress: 60 })]), snapshot({ existing: [existing({ workflowState: "SUBMITTED" })] }));
    expect(plan.changes[0]!.changes).toEqual([
      { label: "Progress (%)", before: "40", after: "60" },
      { label: "Review state", before: "Submitted", after: "Approved" },
    ]);
    expect(operations.changes[0]).toMatchObject({ id: "s1", version: 2 });
    expect(
      planUpdates(file([row()]), snapshot({ existing: [existing({ authorId: "u-eve", authorName: "Eve Eu", authorEmail: "eve@eu.int" })] })).plan.changes[0]!
        .changes,
    ).toEqual([{ label: "Author", before: "Eve Eu (eve@eu.int)", after: "Sam Staff (sam@nato.int)" }]);
  });

  test.each([
    [{ proposal: 99 }, "Proposal", "There is no proposal P99 in the catalogue."],
    [{ period: 40 }, "Period", "There is no reporting period 40."],
    [{ period: 11 }, "Period", "The 11th progress report is open: record its updates in the tracker. Import is for past periods (locked or closed)."],
    [{ period: 12 }, "Period", "The 12th progress report has not begun: import is for past periods (locked or closed)."],
    [{ proposal: 2, period: 10 }, "Proposal", "P02 was retired before the 10th progress report began: it takes no updates in it."],
    [
      { proposal: 50, period: 2 },
      "Proposal",
      "P50 belongs to the December 2017 set, endorsed on 5 December 2017, after the cut-off of the 2nd progress report: it takes no updates in it.",
    ],
    [{ author: "nobody@x.org" }, "Author e-mail", "No account has the e-mail nobody@x.org: import or invite the person first."],
  ] as const)("%j is a row error", (over, column, reason) => {
    const { plan } = planUpdates(file([row(over)]), snapshot());
    expect(plan.errors).toEqual([{ row: 2, column, value: expect.any(String), reason }]);
    expect(plan.hasWork).toBe(false);
  });

  test("a period with a published edition takes imports, and the plan says the edition does not change", () => {
    const { plan } = planUpdates(file([row({ period: 10 })]), snapshot());
    expect(plan.creates).toHaveLength(1);
    expect(plan.notes).toContain(
      "The 10th progress report has a published report edition: it does not change. Publish a new edition of it to include these updates.",
    );
  });
});
