// Sign-in throttling rules (pure). The counters live in PostgreSQL (lib/data/sign-in-throttle.ts), so
// that every app process sees the same ones; this file decides what a count means.
//
// A key (an account or a client address) counts the attempts of a window that did not succeed. The
// window starts with the first such attempt and lasts `windowSeconds`. After the `delayFrom`-th one, each
// further attempt must wait 2, 4, 8 … seconds (at most `maxDelaySeconds`); at `limit` the key is blocked
// for a whole window. An attempt made while a key is blocked is refused with 429 and Retry-After, and is
// not counted for that key (it tested no password).

import { formatDateTime } from "./format";

export type ThrottlePolicy = {
  /** Length of a counting window, in seconds. */
  windowSeconds: number;
  /** The count from which each further attempt waits (2^(count - delayFrom + 1) s); null: no waits. */
  delayFrom: number | null;
  maxDelaySeconds: number;
  /** The count at which the key is blocked for `windowSeconds`. */
  limit: number;
};

/**
 * Per account (the e-mail as typed, normalised, whether or not an account has it, so that the answer
 * tells nothing about which accounts exist): 5 free attempts, then 2 s, 4 s … 60 s, then blocked for
 * 15 minutes at 20.
 */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { windowSeconds: 15 * 60, delayFrom: 5, maxDelaySeconds: 60, limit: 20 };

/**
 * Per client address: no waits (an office behind one address must not slow down for one person's typo),
 * blocked for 15 minutes once 100 attempts from it failed or were refused in 15 minutes: this stops one
 * address from trying one password on many accounts. Successful sign-ins do not count.
 */
export const ADDRESS_THROTTLE: ThrottlePolicy = { windowSeconds: 15 * 60, delayFrom: null, maxDelaySeconds: 0, limit: 100 };

/** Seconds a key must wait after its `count`-th counted attempt of a window (0: none). */
export function waitAfter(count: number, policy: ThrottlePolicy): number {
  if (count >= policy.limit) return policy.windowSeconds;
  if (policy.delayFrom === null || count < policy.delayFrom) return 0;
  return Math.min(policy.maxDelaySeconds, 2 ** (count - policy.delayFrom + 1));
}

/**
 * `waitAfter` for counts 1..limit, in that order: what the counting statement indexes in SQL (1-based),
 * so that the database applies exactly these rules in the same statement that counts.
 */
export function waitSchedule(policy: ThrottlePolicy): number[] {
  return Array.from({ length: policy.limit }, (_, i) => waitAfter(i + 1, policy));
}

/** Whole seconds until `blockedUntil` (at least 1): the Retry-After of a refused attempt. */
export function retryAfterSeconds(blockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000));
}

/** "Too many attempts: try again in 2 seconds." / "… in 1 minute." / "… in 15 minutes." */
export function throttledMessage(seconds: number): string {
  const wait = Math.max(1, Math.ceil(seconds));
  if (wait < 60) return `Too many attempts: try again in ${wait} second${wait === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(wait / 60);
  return `Too many attempts: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * How a refusal travels through next-auth: the credentials provider throws an Error with this message,
 * next-auth puts it in the `error` parameter of its answer, the route handler turns that answer into a
 * 429 with Retry-After, and next-auth's `signIn()` hands the same text to the sign-in form.
 */
export const THROTTLED_ERROR = "SignInThrottled";

export function throttledErrorCode(seconds: number): string {
  return `${THROTTLED_ERROR}:${Math.max(1, Math.ceil(seconds))}`;
}

/** The wait in seconds carried by a throttled error code, or null for any other error. */
export function parseThrottledError(code: string | null | undefined): number | null {
  const match = /^SignInThrottled:([1-9]\d{0,6})$/.exec(code ?? "");
  return match ? Number(match[1]) : null;
}

/** The throttling key of an account: the e-mail as typed, trimmed and in lower case. */
export function accountThrottleKey(email: string): string {
  return `account:${email.trim().toLowerCase()}`;
}

/** The throttling key of a client address bucket (lib/domain/client-address.ts). */
export function addressThrottleKey(bucket: string): string {
  return `address:${bucket}`;
}

/** What the owner reads after signing in: "3 failed sign-in attempts on your account since your last sign-in (the last on …)." */
/** Failed attempts on an account since its owner's previous sign-in, shown until they dismiss it. */
export type SignInNotice = { failures: number; lastFailureAt: Date | null };

export function signInNoticeText(failures: number, lastFailureAt: Date | null, timeZone: string): string {
  const attempts = `${failures} failed sign-in attempt${failures === 1 ? "" : "s"}`;
  const last = lastFailureAt ? ` (the last on ${formatDateTime(lastFailureAt, timeZone)})` : "";
  return `${attempts} on your account since your last sign-in${last}.`;
}
