import { describe, expect, test } from "vitest";
import { changedFieldLabels, compareVersions, diffText, type VersionSnapshot } from "./diff";

const v1: VersionSnapshot = {
  status: "IN_PROGRESS",
  assessment: "ON_TRACK",
  progress: 40,
  narrative: "Two staff talks were held in Brussels.",
  nextSteps: "Plan the next talks.",
  evidenceLinks: [{ label: "Minutes", url: "https://example.org/m" }],
  rationale: "",
  workflowState: "DRAFT",
  returnNote: null,
};

describe("diffText", () => {
  test("marks removed and added words and keeps the rest", () => {
    const segments = diffText("Two staff talks were held", "Three staff talks were held");
    expect(segments.filter((s) => s.change === "removed").map((s) => s.value.trim())).toEqual(["Two"]);
    expect(segments.filter((s) => s.change === "added").map((s) => s.value.trim())).toEqual(["Three"]);
    expect(segments.map((s) => (s.change === "removed" ? "" : s.value)).join("")).toBe("Three staff talks were held");
  });

  test("identical texts are one unchanged segment", () => {
    expect(diffText("same", "same")).toEqual([{ value: "same", change: "same" }]);
  });
});

describe("compareVersions", () => {
  test("no change between identical versions", () => {
    expect(compareVersions(v1, v1).every((c) => !c.changed)).toBe(true);
  });

  test("lists changed fields with labels, and word segments for texts only", () => {
    const v2: VersionSnapshot = {
      ...v1,
      status: "STALLED",
      progress: 40,
      narrative: "Two staff talks were cancelled.",
      rationale: "Talks cancelled",
      workflowState: "SUBMITTED",
    };
    const changes = compareVersions(v1, v2);
    expect(changes.filter((c) => c.changed).map((c) => c.field)).toEqual(["status", "narrative", "rationale", "workflowState"]);
    const status = changes.find((c) => c.field === "status")!;
    expect(status).toMatchObject({ before: "In progress", after: "Stalled" });
    expect(status.segments).toBeUndefined();
    expect(changes.find((c) => c.field === "narrative")!.segments!.some((s) => s.change === "added" && s.value.includes("cancelled"))).toBe(true);
  });

  test("evidence links compare by label and address", () => {
    expect(changedFieldLabels(v1, { ...v1, evidenceLinks: [{ label: "Minutes", url: "https://example.org/m2" }] })).toEqual(["Evidence"]);
  });
});
