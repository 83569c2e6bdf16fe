// The review queue: updates awaiting a manager's decision in the current period, one at a time, each
// shown against the proposal's update of the period before. Pure: rows come from lib/data/review-queue.ts.
import { compareVersions, diffText, type FieldChange, type VersionSnapshot } from "./diff";
import type { EvidenceLink } from "./proposals";

export type ReviewQueueFilters = {
  area: string[];
  /** Organisation codes (the update's organisation: NATO, EU). */
  org: string[];
  /** Author user ids. */
  author: string[];
};

export type ReviewQueueItem = {
  proposalId: string;
  number: number;
  title: string;
  areaName: string;
  authorId: string;
  authorName: string;
  organisationCode: string;
  /** UTC; when the update was last saved (its submission, or a manager's correction). */
  updatedAt: Date;
  /** Written (or last changed) by the person looking at the queue: another manager approves it. */
  own: boolean;
};

/** The query string of a queue view: its filters, the item shown and what was just decided. */
export function reviewQueueHref(filters: ReviewQueueFilters, at?: string | null, done?: "approved" | "returned"): string {
  const params = new URLSearchParams();
  for (const key of ["area", "org", "author"] as const) for (const value of filters[key]) params.append(key, value);
  if (at) params.set("at", at);
  if (done) params.set("done", done);
  const query = params.toString();
  return query ? `/review?${query}` : "/review";
}

/** A path a review may lead back to: the queue, with a query of plain characters only (no open redirect). */
export function isReviewQueuePath(value: unknown): value is string {
  return typeof value === "string" && value.length <= 2000 && /^\/review(\?[A-Za-z0-9_.~%=&-]*)?$/.test(value);
}

export type QueuePosition = {
  current: ReviewQueueItem | null;
  /** 1-based position of the current item. */
  index: number;
  /** The item "… and next" and "Skip" lead to: the one after the current, wrapping round; null when alone. */
  next: ReviewQueueItem | null;
  previous: ReviewQueueItem | null;
};

/**
 * Which item the queue shows: the one asked for (`at`, a proposal id) while it still awaits review, else the
 * first. An item just decided has left the queue, so "… and next" names the following item in advance.
 */
export function queuePosition(items: readonly ReviewQueueItem[], at: string | null | undefined): QueuePosition {
  if (items.length === 0) return { current: null, index: 0, next: null, previous: null };
  const found = items.findIndex((i) => i.proposalId === at);
  const index = found >= 0 ? found : 0;
  const next = items.length > 1 ? items[(index + 1) % items.length]! : null;
  const previous = items.length > 1 ? items[(index - 1 + items.length) % items.length]! : null;
  return { current: items[index]!, index: index + 1, next, previous };
}

/** The fields a reviewer compares with the previous period: the content, not the workflow bookkeeping. */
const REVIEWED_FIELDS = new Set<FieldChange["field"]>(["status", "assessment", "progress", "narrative", "nextSteps", "rationale"]);

export type ReviewDiff = {
  /** Status, assessment, progress, narrative, next steps and rationale, before and now. */
  fields: FieldChange[];
  evidenceAdded: EvidenceLink[];
  evidenceRemoved: EvidenceLink[];
  changedCount: number;
};

/**
 * What changed since the previous period, field by field (texts as word diffs), and the evidence links
 * added or removed (by address). Without a previous update, everything reads as new.
 */
export function reviewDiff(previous: VersionSnapshot | null, current: VersionSnapshot): ReviewDiff {
  const empty: VersionSnapshot = {
    ...current,
    narrative: "",
    nextSteps: "",
    rationale: "",
    evidenceLinks: [],
  };
  const fields = compareVersions(previous ?? empty, current)
    .filter((c) => REVIEWED_FIELDS.has(c.field))
    .map((c) => {
      if (previous) return c;
      // No earlier update: nothing to compare with; the values are shown as they are.
      const text = c.field === "narrative" || c.field === "nextSteps" || c.field === "rationale";
      return { ...c, before: "", changed: c.after !== "", segments: text && c.after ? diffText("", c.after) : undefined };
    });
  const before = new Set((previous?.evidenceLinks ?? []).map((l) => l.url));
  const after = new Set(current.evidenceLinks.map((l) => l.url));
  const evidenceAdded = current.evidenceLinks.filter((l) => !before.has(l.url));
  const evidenceRemoved = (previous?.evidenceLinks ?? []).filter((l) => !after.has(l.url));
  return {
    fields,
    evidenceAdded,
    evidenceRemoved,
    changedCount: fields.filter((f) => f.changed).length + (evidenceAdded.length || evidenceRemoved.length ? 1 : 0),
  };
}

/** "7 updates await review, 2 of them yours (for another manager)." */
export function describeQueue(total: number, own: number, filtered: boolean): string {
  if (total === 0) return filtered ? "No update awaiting review matches these filters." : "Nothing awaits review: every submitted update has been decided.";
  const base = `${total} ${total === 1 ? "update awaits" : "updates await"} review${filtered ? " in this selection" : ""}`;
  return own > 0 ? `${base}, ${own} of them yours (another manager approves those).` : `${base}.`;
}
