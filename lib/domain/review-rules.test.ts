import { describe, expect, test } from "vitest";
import { isStale, isWritable, requiresRationale } from "./review-rules";

describe("requiresRationale", () => {
  const prev = { status: "IN_PROGRESS", assessment: "ON_TRACK" } as const;
  test.each([
    [null, { status: "STALLED", assessment: "OFF_TRACK" }, false],
    [prev, { status: "IN_PROGRESS", assessment: "ON_TRACK" }, false],
    [prev, { status: "STALLED", assessment: "ON_TRACK" }, true],
    [prev, { status: "IN_PROGRESS", assessment: "AT_RISK" }, true],
    // A part not chosen (or invalid) is not compared; the other part still counts.
    [prev, {}, false],
    [prev, { assessment: "ON_TRACK" }, false],
    [prev, { assessment: "AT_RISK" }, true],
    [prev, { status: "STALLED" }, true],
  ] as const)("%o -> %o: %s", (previous, next, expected) => {
    expect(requiresRationale(previous, next)).toBe(expected);
  });
});

describe("isWritable", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  test.each([
    ["OPEN", null, true],
    ["UPCOMING", null, false],
    ["CLOSED", null, false],
    ["LOCKED", null, false],
    ["LOCKED", { expiresAt: new Date("2026-12-02T00:00:00Z") }, true],
    ["LOCKED", { expiresAt: new Date("2026-12-01T12:00:00Z") }, false],
    ["LOCKED", { expiresAt: new Date("2026-11-30T00:00:00Z") }, false],
    ["CLOSED", { expiresAt: new Date("2026-12-02T00:00:00Z") }, false],
  ] as const)("%s with reopening %o -> %s", (state, reopening, expected) => {
    expect(isWritable({ state }, reopening, now)).toBe(expected);
  });
});

describe("isStale", () => {
  test.each([
    [[], false],
    [["IN_PROGRESS", "IN_PROGRESS"], false],
    [["IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS"], true],
    [["NOT_STARTED", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS"], true],
    [["IN_PROGRESS", "IN_PROGRESS", "STALLED"], false],
    [["STALLED", "STALLED", "STALLED"], true],
    [["ONGOING", "ONGOING", "ONGOING"], false],
    [["COMPLETED", "COMPLETED", "COMPLETED"], false],
  ] as const)("%j -> %s", (statuses, expected) => {
    expect(isStale(statuses)).toBe(expected);
  });
});
