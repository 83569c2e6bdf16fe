import { expect, test } from "vitest";
import type { VersionSnapshot } from "./diff";
import { describeQueue, isReviewQueuePath, queuePosition, reviewDiff, reviewQueueHref, type ReviewQueueItem } from "./review-queue";

const item = (number: number, own = false): ReviewQueueItem => ({
  proposalId: `p${number}`,
  number,
  title: `Proposal ${number}`,
  areaName: "Area",
  authorId: own ? "me" : "u1",
  authorName: "Author",
  organisationCode: "NATO",
  updatedAt: new Date("2026-12-01T09:00:00Z"),
  own,
});

test("the queue shows the item asked for, else the first; next and previous wrap round", () => {
  const items = [item(1), item(4), item(9)];
  expect(queuePosition(items, "p4")).toMatchObject({ index: 2, current: { number: 4 }, next: { number: 9 }, previous: { number: 1 } });
  expect(queuePosition(items, "p9")).toMatchObject({ index: 3, next: { number: 1 } });
  // An item decided meanwhile has left the queue: start from the first.
  expect(queuePosition(items, "p5")).toMatchObject({ index: 1, current: { number: 1 } });
  expect(queuePosition([item(2)], "p2")).toMatchObject({ next: null, previous: null });
  expect(queuePosition([], null)).toEqual({ current: null, index: 0, next: null, previous: null });
});

test("queue links keep the filters and refuse anything but the queue as a place to return to", () => {
  const href = reviewQueueHref({ area: ["area-1"], org: ["EU"], author: [] }, "p4", "approved");
  expect(href).toBe("/review?area=area-1&org=EU&at=p4&done=approved");
  expect(isReviewQueuePath(href)).toBe(true);
  expect(isReviewQueuePath("/review")).toBe(true);
  for (const bad of ["https://evil.example/review", "//evil.example", "/review/../admin", "/review?x=<script>", "/reviewer", "/review\n", 42]) {
    expect(isReviewQueuePath(bad)).toBe(false);
  }
});

const version = (over: Partial<VersionSnapshot>): VersionSnapshot => ({
  status: "IN_PROGRESS",
  assessment: "ON_TRACK",
  progress: 40,
  narrative: "Staff talks continued in Brussels.",
  nextSteps: "",
  evidenceLinks: [{ label: "Minutes", url: "https://example.org/a" }],
  rationale: "",
  workflowState: "SUBMITTED",
  returnNote: null,
  ...over,
});

test("the diff names each changed field, words the narrative, and lists evidence added and removed", () => {
  const before = version({ status: "COMPLETED", progress: 100 });
  const now = version({
    status: "STALLED",
    progress: 40,
    narrative: "Staff talks stalled in Brussels.",
    evidenceLinks: [{ label: "Letter", url: "https://example.org/b" }],
  });
  const diff = reviewDiff(before, now);
  const changed = diff.fields.filter((f) => f.changed).map((f) => [f.field, f.before, f.after]);
  expect(changed).toEqual([
    ["status", "Completed", "Stalled"],
    ["progress", "100%", "40%"],
    ["narrative", "Staff talks continued in Brussels.", "Staff talks stalled in Brussels."],
  ]);
  const narrative = diff.fields.find((f) => f.field === "narrative")!;
  expect(narrative.segments?.filter((s) => s.change !== "same").map((s) => [s.change, s.value])).toEqual([
    ["removed", "continued"],
    ["added", "stalled"],
  ]);
  expect(diff.evidenceAdded.map((l) => l.url)).toEqual(["https://example.org/b"]);
  expect(diff.evidenceRemoved.map((l) => l.url)).toEqual(["https://example.org/a"]);
  expect(diff.changedCount).toBe(4);
  // The workflow bookkeeping is not part of what a reviewer compares.
  expect(diff.fields.map((f) => f.field)).not.toContain("workflowState");
});

test("without an earlier update everything reads as new", () => {
  const diff = reviewDiff(null, version({}));
  expect(diff.fields.find((f) => f.field === "narrative")).toMatchObject({ before: "", changed: true });
  expect(diff.evidenceAdded).toHaveLength(1);
});

test("the queue's summary", () => {
  expect(describeQueue(0, 0, false)).toBe("Nothing awaits review: every submitted update has been decided.");
  expect(describeQueue(0, 0, true)).toBe("No update awaiting review matches these filters.");
  expect(describeQueue(7, 2, false)).toBe("7 updates await review, 2 of them yours (another manager approves those).");
  expect(describeQueue(1, 0, true)).toBe("1 update awaits review in this selection.");
});
