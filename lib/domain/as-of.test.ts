import { describe, expect, test } from "vitest";
import { asOfProblem, describeAsOfEnd, endOfAsOfDay, parseDay, toDay } from "./as-of";

describe("as-of dates", () => {
  const now = new Date("2026-11-27T10:00:00Z");

  test("parses real calendar days only", () => {
    expect(parseDay("2026-02-28")?.toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(parseDay("2026-02-29")).toBeNull();
    expect(parseDay("2026-13-01")).toBeNull();
    expect(parseDay("26-1-1")).toBeNull();
    expect(parseDay("2026-11-27T00:00")).toBeNull();
  });

  test("accepts today and earlier days, refuses the future and nonsense with a message", () => {
    expect(asOfProblem("2026-11-27", now)).toBeNull();
    expect(asOfProblem("2017-06-01", now)).toBeNull();
    expect(asOfProblem("2026-11-28", now)).toMatch(/future/);
    expect(asOfProblem("2015-12-31", now)).toMatch(/2016/);
    expect(asOfProblem("yesterday", now)).toMatch(/YYYY-MM-DD/);
  });

  test("a day includes everything recorded until its end (UTC)", () => {
    expect(endOfAsOfDay("2026-03-31").toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(toDay(new Date("2026-03-31T23:59:59Z"))).toBe("2026-03-31");
    expect(() => endOfAsOfDay("nope")).toThrow();
  });

  // The day stays a UTC day for every reader (a shared link shows the same view); the notice also gives
  // that moment on the reader's clock.
  test.each([
    ["2026-12-03", "Europe/Brussels", "the end of 3 Dec 2026 UTC (4 Dec 2026, 01:00 CET your time)"],
    ["2026-07-03", "Europe/Brussels", "the end of 3 Jul 2026 UTC (4 Jul 2026, 02:00 CEST your time)"],
    ["2026-12-03", "America/New_York", "the end of 3 Dec 2026 UTC (3 Dec 2026, 19:00 GMT-5 your time)"],
    ["2026-12-03", "UTC", "the end of 3 Dec 2026 UTC"],
  ])("describeAsOfEnd(%s, %s)", (asOf, zone, expected) => {
    expect(describeAsOfEnd(asOf, zone)).toBe(expected);
  });
});
