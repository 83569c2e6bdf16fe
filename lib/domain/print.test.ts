import { expect, test } from "vitest";
import { describeFiltersInForce, describePeriodShown, formatPrintedAt, type FiltersInForce } from "./print";

test.each([
  ["2026-12-02T14:05:00Z", "UTC", "Printed 2 December 2026, 14:05 UTC"],
  ["2026-12-02T00:07:00Z", "UTC", "Printed 2 December 2026, 00:07 UTC"],
  // In Brussels (CET in winter, CEST in summer) the day can differ from UTC's.
  ["2026-12-31T23:30:00Z", "Europe/Brussels", "Printed 1 January 2027, 00:30 CET"],
  ["2026-07-01T09:00:00Z", "Europe/Brussels", "Printed 1 July 2026, 11:00 CEST"],
])("formatPrintedAt(%s, %s) = %s", (at, zone, expected) => {
  expect(formatPrintedAt(new Date(at), zone)).toBe(expected);
});

test("formatPrintedAt is in UTC unless told otherwise", () => {
  expect(formatPrintedAt(new Date("2026-12-02T14:05:00Z"))).toBe("Printed 2 December 2026, 14:05 UTC");
});

const none: FiltersInForce = { areas: [], organisations: [], assessments: [], include: "approved", asOf: null };

test.each<[string, Partial<FiltersInForce>, string]>([
  ["no filter", {}, "Filters: none (every area, organisation and assessment); counting approved updates only."],
  [
    "one area and one organisation",
    { areas: ["Cyber security and defence"], organisations: ["NATO"] },
    "Filters: area Cyber security and defence; organisation NATO; counting approved updates only.",
  ],
  [
    "several of each, with submitted updates",
    { areas: ["Countering hybrid threats", "Exercises"], organisations: ["EU", "NATO"], assessments: ["ON_TRACK", "AT_RISK"], include: "submitted" },
    "Filters: areas Countering hybrid threats, Exercises; organisations EU, NATO; assessments On track, At risk; counting approved and submitted updates.",
  ],
  [
    "an assessment only, every update",
    { assessments: ["OFF_TRACK"], include: "all" },
    "Filters: assessment Off track; counting every update, drafts and returned ones included.",
  ],
  [
    "as of a past day",
    { asOf: new Date("2022-01-15T00:00:00Z") },
    "Filters: none (every area, organisation and assessment); counting approved updates only; as it stood at the end of 15 Jan 2022 (UTC).",
  ],
])("describeFiltersInForce: %s", (_name, filters, expected) => {
  expect(describeFiltersInForce({ ...none, ...filters })).toBe(expected);
});

test.each<[{ name: string; state: "OPEN" | "LOCKED" | "CLOSED" | "UPCOMING" }, string | undefined, string]>([
  [{ name: "11th progress report", state: "OPEN" }, undefined, "Period: 11th progress report (open for updates)."],
  [{ name: "11th progress report", state: "LOCKED" }, "10th progress report", "Period: 11th progress report (locked), compared with the 10th progress report."],
  [{ name: "1st progress report", state: "CLOSED" }, undefined, "Period: 1st progress report (closed)."],
])("describePeriodShown(%o, %s) = %s", (period, comparedWith, expected) => {
  expect(describePeriodShown(period, comparedWith)).toBe(expected);
});
