import { describe, expect, test } from "vitest";
import { readStatusUpdateForm, statusUpdateSchema, toFieldErrors } from "./status-update";

const valid = {
  proposalId: "p01",
  periodId: "r11",
  status: "ONGOING",
  assessment: "ON_TRACK",
  progress: "60",
  narrative: "Two staff talks held.",
  nextSteps: "",
  evidenceLinks: [{ label: "Minutes", url: "https://example.org/minutes" }],
  expectedVersion: "0",
};

describe("statusUpdateSchema", () => {
  test("accepts a complete update and coerces numbers", () => {
    const parsed = statusUpdateSchema.parse(valid);
    expect(parsed.progress).toBe(60);
    expect(parsed.expectedVersion).toBe(0);
  });

  test.each([
    [{ progress: "101" }, "progress", "Progress cannot be above 100"],
    [{ progress: "-1" }, "progress", "Progress cannot be below 0"],
    [{ progress: "12.5" }, "progress", "Enter progress as a whole number from 0 to 100"],
    [{ progress: "abc" }, "progress", "Enter progress as a whole number from 0 to 100"],
    [{ status: "DONE" }, "status", "Choose an implementation status"],
    [{ assessment: "" }, "assessment", "Choose an assessment"],
    [{ narrative: "   " }, "narrative", "Describe the progress made in this period"],
    [{ evidenceLinks: [{ label: "x", url: "javascript:alert(1)" }] }, "evidenceLinks.0.url", "Enter a full web address starting with https://"],
    [{ evidenceLinks: [{ label: "x", url: "" }] }, "evidenceLinks.0.url", "Enter the link's address"],
  ])("%j -> error on %s", (patch, field, message) => {
    const result = statusUpdateSchema.safeParse({ ...valid, ...patch });
    expect(result.success).toBe(false);
    if (!result.success) expect(toFieldErrors(result.error)[field]).toBe(message);
  });
});

test("readStatusUpdateForm keeps typed values and drops blank evidence rows", () => {
  const form = new FormData();
  form.set("proposalId", "p01");
  form.set("status", "STALLED");
  form.set("progress", "abc");
  form.set("evidence.0.label", "Report");
  form.set("evidence.0.url", "https://example.org/r");
  form.set("evidence.1.label", " ");
  form.set("evidence.1.url", "");
  form.set("evidence.2.url", "https://example.org/x");
  const values = readStatusUpdateForm(form);
  expect(values.progress).toBe("abc");
  expect(values.status).toBe("STALLED");
  expect(values.narrative).toBe("");
  expect(values.evidenceLinks).toEqual([
    { label: "Report", url: "https://example.org/r" },
    { label: "", url: "https://example.org/x" },
  ]);
});
