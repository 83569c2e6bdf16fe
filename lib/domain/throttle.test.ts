import { describe, expect, test } from "vitest";
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  accountThrottleKey,
  addressThrottleKey,
  parseThrottledError,
  retryAfterSeconds,
  signInNoticeText,
  throttledErrorCode,
  throttledMessage,
  waitAfter,
  waitSchedule,
} from "./throttle";

describe("the account's schedule", () => {
  test.each([
    [1, 0],
    [4, 0],
    [5, 2],
    [6, 4],
    [7, 8],
    [8, 16],
    [9, 32],
    [10, 60],
    [19, 60],
    [20, 900],
    [25, 900],
  ])("after %i attempts that did not succeed, the next waits %i s", (count, seconds) => {
    expect(waitAfter(count, ACCOUNT_THROTTLE)).toBe(seconds);
  });

  test("the waits never shrink as failures grow, and the limit blocks for a whole window", () => {
    const schedule = waitSchedule(ACCOUNT_THROTTLE);
    expect(schedule).toHaveLength(20);
    expect(schedule).toEqual([0, 0, 0, 0, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 900]);
    expect(schedule.every((wait, i) => i === 0 || wait >= schedule[i - 1]!)).toBe(true);
  });

  test("the limit can be reached within one window, waiting out every delay", () => {
    const waits = waitSchedule(ACCOUNT_THROTTLE)
      .slice(0, -1)
      .reduce((a, b) => a + b, 0);
    expect(waits).toBeLessThan(ACCOUNT_THROTTLE.windowSeconds);
  });
});

describe("the address's schedule", () => {
  test.each([
    [1, 0],
    [50, 0],
    [99, 0],
    [100, 900],
  ])("after %i attempts that did not succeed, the next waits %i s", (count, seconds) => {
    expect(waitAfter(count, ADDRESS_THROTTLE)).toBe(seconds);
  });

  test("has no growing delay, only the limit", () => {
    expect(waitSchedule(ADDRESS_THROTTLE).filter((s) => s > 0)).toEqual([900]);
  });
});

test.each([
  [0, 1],
  [1, 1],
  [1001, 2],
  [2000, 2],
  [899_001, 900],
  [-5000, 1],
])("retryAfterSeconds: %i ms left -> %i s", (ms, seconds) => {
  const now = new Date("2026-12-01T10:00:00Z");
  expect(retryAfterSeconds(new Date(now.getTime() + ms), now)).toBe(seconds);
});

test.each([
  [1, "Too many attempts: try again in 1 second."],
  [2, "Too many attempts: try again in 2 seconds."],
  [59, "Too many attempts: try again in 59 seconds."],
  [60, "Too many attempts: try again in 1 minute."],
  [61, "Too many attempts: try again in 2 minutes."],
  [900, "Too many attempts: try again in 15 minutes."],
])("throttledMessage(%i)", (seconds, message) => {
  expect(throttledMessage(seconds)).toBe(message);
});

test.each([
  [2, "SignInThrottled:2"],
  [0.2, "SignInThrottled:1"],
  [899.5, "SignInThrottled:900"],
])("the error code of a %s s wait is %s and reads back", (seconds, code) => {
  expect(throttledErrorCode(seconds)).toBe(code);
  expect(parseThrottledError(code)).toBe(Math.max(1, Math.ceil(seconds)));
});

test.each([
  [null],
  [undefined],
  [""],
  ["CredentialsSignin"],
  ["SignInThrottled"],
  ["SignInThrottled:0"],
  ["SignInThrottled:-3"],
  ["SignInThrottled:2x"],
  ["xSignInThrottled:2"],
])("parseThrottledError(%j) is null", (code) => {
  expect(parseThrottledError(code)).toBeNull();
});

test("keys: accounts by normalised e-mail, addresses by bucket", () => {
  expect(accountThrottleKey("  Alice@NATO.test ")).toBe("account:alice@nato.test");
  expect(addressThrottleKey("192.0.2.1")).toBe("address:192.0.2.1");
});

test.each<[number, Date | null, string]>([
  [1, null, "1 failed sign-in attempt on your account since your last sign-in."],
  [3, new Date("2026-12-02T13:05:00Z"), "3 failed sign-in attempts on your account since your last sign-in (the last on 2 Dec 2026, 14:05 CET)."],
])("signInNoticeText(%i, %s) in Brussels", (failures, last, text) => {
  expect(signInNoticeText(failures, last, "Europe/Brussels")).toBe(text);
});
