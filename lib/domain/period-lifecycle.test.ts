import { describe, expect, test } from "vitest";
import { nextPeriodState, periodActionBlocker, PERIOD_ACTIONS } from "./period-lifecycle";
import { PERIOD_STATES, type PeriodState } from "./vocabulary";

const EXPECTED: Record<PeriodState, Record<(typeof PERIOD_ACTIONS)[number], PeriodState | null>> = {
  UPCOMING: { open: "OPEN", lock: null, unlock: null, close: null },
  OPEN: { open: null, lock: "LOCKED", unlock: null, close: null },
  LOCKED: { open: null, lock: null, unlock: "OPEN", close: "CLOSED" },
  CLOSED: { open: null, lock: null, unlock: null, close: null },
};

test.each(PERIOD_STATES.flatMap((state) => PERIOD_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const)))(
  "%s + %s -> %s",
  (state, action, expected) => {
    expect(nextPeriodState(state, action)).toBe(expected);
  },
);

describe("periodActionBlocker", () => {
  const now = new Date("2026-12-10T09:00:00Z");
  const past = new Date("2026-12-10T00:00:00Z");
  const future = new Date("2026-12-11T00:00:00Z");
  test.each([
    ["lock after the cut-off", { state: "OPEN", cutOffOn: past }, "lock", null, null],
    ["lock before the cut-off", { state: "OPEN", cutOffOn: future }, "lock", null, /cut-off date has not passed/],
    ["open while another is open", { state: "UPCOMING", cutOffOn: future }, "open", { name: "11th progress report" }, /11th progress report is open/],
    ["unlock while another is open", { state: "LOCKED", cutOffOn: past }, "unlock", { name: "X" }, /one period is open at a time/],
    ["open when none is open", { state: "UPCOMING", cutOffOn: future }, "open", null, null],
    ["close a locked period", { state: "LOCKED", cutOffOn: past }, "close", null, null],
    ["close an open period", { state: "OPEN", cutOffOn: past }, "close", null, /cannot be closed/],
  ] as const)("%s", (_name, period, action, otherOpen, expected) => {
    const blocker = periodActionBlocker(period, action, { otherOpen, now });
    if (expected === null) expect(blocker).toBeNull();
    else expect(blocker).toMatch(expected);
  });
});
