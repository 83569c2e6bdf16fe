import { expect, test } from "vitest";
import { describeMyWork, groupMyWork, type MyWorkRow } from "./my-work";

const row = (number: number, workflowState: MyWorkRow["workflowState"], extra: Partial<MyWorkRow> = {}): MyWorkRow => ({
  proposalId: `p${number}`,
  number,
  title: `Proposal ${number}`,
  areaName: "Area",
  workflowState,
  status: workflowState ? "IN_PROGRESS" : null,
  assessment: workflowState ? "ON_TRACK" : null,
  progress: workflowState ? 40 : null,
  returnNote: workflowState === "RETURNED" ? "Add the dates" : null,
  updatedAt: workflowState ? new Date("2026-11-20T10:00:00Z") : null,
  follows: true,
  writable: true,
  ...extra,
});

const OPEN = { state: "OPEN" as const, cutOffOn: new Date("2026-12-15T00:00:00Z") };
const NOW = new Date("2026-12-02T12:00:00Z");

test("every row lands in its group, in number order, with no cap; empty groups are kept", () => {
  const rows = [
    row(9, "APPROVED"),
    row(3, null),
    row(7, "RETURNED"),
    row(1, "DRAFT"),
    row(5, "SUBMITTED"),
    ...Array.from({ length: 40 }, (_, i) => row(100 + i, null)),
  ];
  const work = groupMyWork(rows, OPEN, NOW);
  expect(work.groups.map((g) => [g.key, g.items.map((i) => i.number).slice(0, 2)])).toEqual([
    ["returned", [7]],
    ["draft", [1]],
    ["notStarted", [3, 100]],
    ["submitted", [5]],
    ["approved", [9]],
  ]);
  expect(work.groups.find((g) => g.key === "notStarted")!.items).toHaveLength(41);
  expect(work.total).toBe(45);
  expect(work.actionCount).toBe(43);
  expect(work.daysLeft).toBe("13 days left");
  // The first thing to do: what was returned.
  expect(work.next?.code).toBe("P07");
});

test("links open the form while the person can write, the proposal page otherwise", () => {
  const work = groupMyWork([row(1, "DRAFT"), row(2, "SUBMITTED"), row(3, null, { writable: false })], OPEN, NOW);
  const items = work.groups.flatMap((g) => g.items);
  expect(items.find((i) => i.number === 1)).toMatchObject({ href: "/proposals/p1/update?from=my-work", action: "Finish the draft" });
  expect(items.find((i) => i.number === 2)).toMatchObject({ href: "/proposals/p2", action: "View" });
  expect(items.find((i) => i.number === 3)).toMatchObject({ href: "/proposals/p3", action: "View" });
  expect(work.next?.number).toBe(1);
});

test("a locked period has no days left, and nothing to start when nothing is writable", () => {
  const work = groupMyWork([row(3, null, { writable: false })], { state: "LOCKED", cutOffOn: OPEN.cutOffOn }, NOW);
  expect(work.daysLeft).toBeNull();
  expect(work.next).toBeNull();
  expect(work.actionCount).toBe(1);
});

test("the summary counts each group in words", () => {
  const work = groupMyWork([row(1, "DRAFT"), row(2, "DRAFT"), row(3, null), row(4, "APPROVED")], OPEN, NOW);
  expect(describeMyWork(work, "11th progress report")).toBe(
    "4 proposals in the 11th progress report: 2 drafts, 1 not started, 1 approved. 3 need your action.",
  );
  expect(describeMyWork(groupMyWork([], OPEN, NOW), "11th progress report")).toBe(
    "You follow no proposal in the 11th progress report, and wrote no update in it.",
  );
});
