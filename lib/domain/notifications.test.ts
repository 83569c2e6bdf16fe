import { expect, test } from "vitest";
import { describeActionCount, describeNotifications, groupNotifications, toBell, type Notification, type NotificationKind } from "./notifications";

function item(kind: NotificationKind, n: number): Notification {
  return { kind, title: `P${n} ${kind}`, detail: `detail ${n}`, href: `/proposals/p${n}${kind === "due" ? "/update" : ""}` };
}

function items(kind: NotificationKind, count: number, from = 1): Notification[] {
  return Array.from({ length: count }, (_, i) => item(kind, from + i));
}

const PERIOD = { id: "report-11", name: "11th progress report" };

test.each([
  [0, "Notifications: nothing needs your action"],
  [1, "Notifications: 1 needs your action"],
  [10, "Notifications: 10 need your action"],
])("describeActionCount(%i) = %s", (count, expected) => {
  expect(describeActionCount(count)).toBe(expected);
});

test.each([
  ["nothing", [], 0, []],
  ["returned and due, one line each", [...items("returned", 2), ...items("due", 3, 10)], 5, ["P1 returned", "P2 returned", "P10 due", "P11 due", "P12 due"]],
  ["ten reviews: one line, ten actions", items("review", 10), 10, ["10 updates awaiting review"]],
  ["one review", items("review", 1), 1, ["1 update awaiting review"]],
  [
    "a focal point who also reviews",
    [item("returned", 1), item("due", 2), ...items("review", 4, 3)],
    6,
    ["P1 returned", "P2 due", "4 updates awaiting review"],
  ],
])("toBell: %s", (_name, given, actionCount, titles) => {
  const bell = toBell(given, PERIOD);
  expect(bell.actionCount).toBe(actionCount);
  expect(bell.label).toBe(describeActionCount(actionCount));
  expect(bell.items.map((i) => i.title)).toEqual(titles);
  expect(bell.hiddenCount).toBe(0);
});

test("toBell: the review line leads to the period's list of updates awaiting review and counts them", () => {
  const [line] = toBell(items("review", 3), PERIOD).items;
  expect(line).toEqual({ kind: "review", title: "3 updates awaiting review", detail: PERIOD.name, href: "/review", count: 3 });
});

test.each([
  ["exactly the cap", items("due", 25), 25, 0, "P25 due"],
  ["one past the cap", items("due", 26), 25, 1, "P25 due"],
  ["past the cap with reviews: the review line stays, last", [...items("due", 30), ...items("review", 5, 40)], 25, 6, "5 updates awaiting review"],
])("toBell caps the panel: %s", (_name, given, shown, hidden, last) => {
  const bell = toBell(given, PERIOD);
  expect(bell.items).toHaveLength(shown);
  expect(bell.hiddenCount).toBe(hidden);
  expect(bell.items.at(-1)!.title).toBe(last);
  // The badge still counts everything.
  expect(bell.actionCount).toBe(given.length);
});

test("toBell with a smaller cap", () => {
  const bell = toBell([...items("returned", 2), ...items("due", 2, 5), item("review", 9)], PERIOD, 3);
  expect(bell.items.map((i) => i.title)).toEqual(["P1 returned", "P2 returned", "1 update awaiting review"]);
  expect(bell.hiddenCount).toBe(2);
});

test("groupNotifications: returned, due, review, each in the order given; empty groups left out", () => {
  const groups = groupNotifications([item("review", 7), item("due", 3), item("returned", 9), item("due", 1)]);
  expect(groups.map((g) => [g.kind, g.title, g.items.map((i) => i.title)])).toEqual([
    ["returned", "Returned to you for changes", ["P9 returned"]],
    ["due", "Updates due from you", ["P3 due", "P1 due"]],
    ["review", "Awaiting your review", ["P7 review"]],
  ]);
  expect(groupNotifications([])).toEqual([]);
});

test.each([
  ["no period", [], null, "No reporting period is open or locked, so nothing needs your action."],
  ["nothing to do", [], PERIOD.name, "Nothing needs your action for the 11th progress report."],
  ["one thing", [item("due", 1)], PERIOD.name, "1 thing needs your action for the 11th progress report: 1 due."],
  [
    "several kinds",
    [item("returned", 1), ...items("due", 2, 2), ...items("review", 30, 10)],
    PERIOD.name,
    "33 things need your action for the 11th progress report: 1 returned, 2 due, 30 to review.",
  ],
])("describeNotifications: %s", (_name, given, periodName, expected) => {
  expect(describeNotifications(groupNotifications(given), periodName)).toBe(expected);
});
