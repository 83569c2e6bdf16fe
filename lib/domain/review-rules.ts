// Rules of the reporting cycle that do not depend on who acts: rationale, locks, staleness.
import type { Assessment, ImplementationStatus, PeriodState } from "./vocabulary";

type Judgement = { status: ImplementationStatus; assessment: Assessment };

/**
 * A change of implementation status or assessment from the previous period needs a short rationale. A
 * part of `next` left out (not chosen, or invalid) is not compared: the other part may still require it.
 */
export function requiresRationale(previous: Judgement | null, next: Partial<Judgement>): boolean {
  if (!previous) return false;
  return (next.status !== undefined && previous.status !== next.status) || (next.assessment !== undefined && previous.assessment !== next.assessment);
}

export type LockablePeriod = { state: PeriodState };
export type Reopening = { expiresAt: Date };

/**
 * Whether updates may be written in a period for one proposal at `now`: open periods yes; locked
 * periods only while a reopening of that proposal has not expired (it re-locks by itself).
 */
export function isWritable(period: LockablePeriod, reopening: Reopening | null, now: Date): boolean {
  if (period.state === "OPEN") return true;
  if (period.state === "LOCKED") return reopening !== null && reopening.expiresAt.getTime() > now.getTime();
  return false;
}

/**
 * Stale: the status has not changed for `threshold` or more consecutive periods, counting back from the
 * latest. `statuses` are in period order, oldest first, one per period with an update.
 */
export function isStale(statuses: readonly ImplementationStatus[], threshold = 3): boolean {
  if (statuses.length < threshold) return false;
  const last = statuses[statuses.length - 1];
  // A healthy steady state and finished work are not "stale".
  if (last === "ONGOING" || last === "COMPLETED") return false;
  return statuses.slice(-threshold).every((s) => s === last);
}
