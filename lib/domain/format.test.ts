import { expect, test } from "vitest";
import { daysUntil, describeDaysLeft, formatDate, formatDateTime, formatDay } from "./format";

// Instants in the reader's zone, with the zone's abbreviation (Brussels: CET in winter, CEST in summer).
test.each([
  ["winter, Brussels", "2026-12-02T13:05:00Z", "Europe/Brussels", "2 Dec 2026, 14:05 CET"],
  ["summer, Brussels", "2026-07-02T12:05:00Z", "Europe/Brussels", "2 Jul 2026, 14:05 CEST"],
  ["late evening UTC is the next day in Brussels", "2026-11-26T23:30:00Z", "Europe/Brussels", "27 Nov 2026, 00:30 CET"],
  ["the last minute of CET before the clocks go forward", "2026-03-29T00:59:00Z", "Europe/Brussels", "29 Mar 2026, 01:59 CET"],
  ["the first minute of CEST", "2026-03-29T01:00:00Z", "Europe/Brussels", "29 Mar 2026, 03:00 CEST"],
  ["UTC", "2026-11-26T23:30:00Z", "UTC", "26 Nov 2026, 23:30 UTC"],
  ["London in summer", "2026-07-02T12:05:00Z", "Europe/London", "2 Jul 2026, 13:05 BST"],
  ["a zone without an English abbreviation gets its offset", "2026-12-02T13:05:00Z", "America/New_York", "2 Dec 2026, 08:05 GMT-5"],
  ["midnight is 00:00, never 24:00", "2026-12-01T23:00:00Z", "Europe/Brussels", "2 Dec 2026, 00:00 CET"],
])("formatDateTime: %s", (_case, iso, zone, expected) => {
  expect(formatDateTime(new Date(iso), zone)).toBe(expected);
});

test.each([
  ["2026-12-02T23:30:00Z", "Europe/Brussels", "3 Dec 2026"],
  ["2026-12-02T23:30:00Z", "UTC", "2 Dec 2026"],
  ["2026-12-02T03:00:00Z", "America/Los_Angeles", "1 Dec 2026"],
])("formatDay(%s, %s): the day the instant fell on there", (iso, zone, expected) => {
  expect(formatDay(new Date(iso), zone)).toBe(expected);
});

// A calendar date (a cut-off, a due date) is stored as 00:00 UTC of its day: it never shifts, even where
// that instant is still the day before (America) or where the clock already reads 01:00 (Brussels).
test.each(["2027-01-22T00:00:00Z", "2026-07-01T00:00:00Z"])("formatDate(%s) is that calendar day, whatever the zone", (iso) => {
  const day = new Date(iso);
  const expected = iso.startsWith("2027") ? "22 Jan 2027" : "1 Jul 2026";
  expect(formatDate(day)).toBe(expected);
  expect(formatDay(day, "America/New_York")).not.toBe(expected);
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
