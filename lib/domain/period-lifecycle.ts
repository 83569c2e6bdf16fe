// Reporting periods: UPCOMING -> OPEN -> LOCKED (after the cut-off) -> CLOSED, with LOCKED -> OPEN to
// unlock. Only one period is open at a time (enforced in lib/data under an advisory lock).
import { daysUntil } from "./format";
import type { PeriodState } from "./vocabulary";

export const PERIOD_ACTIONS = ["open", "lock", "unlock", "close"] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

export const PERIOD_ACTION_LABELS: Record<PeriodAction, string> = {
  open: "Open for updates",
  lock: "Lock",
  unlock: "Unlock",
  close: "Close",
};

const TRANSITIONS: Record<PeriodAction, Partial<Record<PeriodState, PeriodState>>> = {
  open: { UPCOMING: "OPEN" },
  lock: { OPEN: "LOCKED" },
  unlock: { LOCKED: "OPEN" },
  close: { LOCKED: "CLOSED" },
};

const PAST: Record<PeriodAction, string> = { open: "opened", lock: "locked", unlock: "unlocked", close: "closed" };

export function nextPeriodState(state: PeriodState, action: PeriodAction): PeriodState | null {
  return TRANSITIONS[action][state] ?? null;
}

/** Why an action cannot be taken now, or null when it can. `otherOpen` is another period that is open. */
export function periodActionBlocker(
  period: { state: PeriodState; cutOffOn: Date },
  action: PeriodAction,
  context: { otherOpen: { name: string } | null; now: Date },
): string | null {
  if (nextPeriodState(period.state, action) === null) return `A period that is ${period.state.toLowerCase()} cannot be ${PAST[action]}.`;
  if ((action === "open" || action === "unlock") && context.otherOpen) {
    return `The ${context.otherOpen.name} is open; lock it first (one period is open at a time).`;
  }
  if (action === "lock" && daysUntil(period.cutOffOn, context.now) > 0) {
    return "The cut-off date has not passed yet; move the cut-off date to lock earlier.";
  }
  return null;
}
