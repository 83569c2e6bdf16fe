import { expect, test } from "vitest";
import { daysUntil, describeDaysLeft, formatDate, formatDateTime } from "./format";

test("formats dates in UTC whatever the server's zone", () => {
  expect(formatDate(new Date("2027-01-22T00:00:00Z"))).toBe("22 Jan 2027");
  expect(formatDateTime(new Date("2026-11-26T23:30:00Z"))).toBe("26 Nov 2026, 23:30 UTC");
});

test.each([
  ["2027-01-22", "2026-11-26T23:59:00Z", 57],
  ["2026-11-26", "2026-11-26T08:00:00Z", 0],
  ["2026-11-25", "2026-11-26T08:00:00Z", -1],
])("daysUntil(%s) from %s = %i", (date, now, expected) => {
  expect(daysUntil(new Date(date), new Date(now))).toBe(expected);
});

test.each([
  [3, "3 days left"],
  [1, "1 day left"],
  [0, "due today"],
  [-1, "1 day overdue"],
  [-4, "4 days overdue"],
])("describeDaysLeft(%i) = %s", (days, expected) => {
  expect(describeDaysLeft(days)).toBe(expected);
});
