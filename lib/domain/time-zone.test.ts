import { describe, expect, test } from "vitest";
import { DEFAULT_TIME_ZONE, isSupportedTimeZone, resolveTimeZone, supportedTimeZones, timeZoneGroups } from "./time-zone";

describe("the zones a person may choose", () => {
  test.each([
    ["Europe/Brussels", true],
    ["Europe/Lisbon", true],
    ["America/New_York", true],
    ["UTC", true],
    ["Mars/Olympus_Mons", false],
    ["europe/brussels", false],
    ["", false],
    ["+01:00", false],
  ])("%s: %s", (zone, expected) => {
    expect(isSupportedTimeZone(zone)).toBe(expected);
  });

  test("sorted, without duplicates", () => {
    const zones = supportedTimeZones();
    expect([...zones].sort()).toEqual(zones);
    expect(new Set(zones).size).toBe(zones.length);
  });

  test("grouped by region for the select, every zone once, the rest (UTC) last", () => {
    const groups = timeZoneGroups();
    expect(groups.flatMap((g) => g.zones.map((z) => z.value)).sort()).toEqual([...supportedTimeZones()]);
    expect(groups.at(-1)).toMatchObject({ region: "Other" });
    expect(groups.at(-1)!.zones.map((z) => z.value)).toContain("UTC");
    expect(groups.find((g) => g.region === "Europe")!.zones).toContainEqual({ value: "Europe/Brussels", label: "Europe/Brussels" });
    expect(groups.find((g) => g.region === "America")!.zones).toContainEqual({ value: "America/New_York", label: "America/New York" });
  });
});

test.each([
  [null, DEFAULT_TIME_ZONE],
  [undefined, DEFAULT_TIME_ZONE],
  ["", DEFAULT_TIME_ZONE],
  ["Asia/Tokyo", "Asia/Tokyo"],
  // A stored name this runtime does not know (an older or newer time zone database) falls back.
  ["Mars/Olympus_Mons", DEFAULT_TIME_ZONE],
])("resolveTimeZone(%s) = %s", (stored, expected) => {
  expect(resolveTimeZone(stored)).toBe(expected);
});

test("the default is Brussels, where the users work", () => {
  expect(DEFAULT_TIME_ZONE).toBe("Europe/Brussels");
});
