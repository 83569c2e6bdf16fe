import { describe, expect, test } from "vitest";
import { readStatusUpdateForm, statusUpdateSchema, statusUpdateSchemaWith, toFieldErrors } from "./status-update";

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
    [{ progress: "" }, "progress", "Enter progress as a whole number from 0 to 100"],
    [{ progress: "  " }, "progress", "Enter progress as a whole number from 0 to 100"],
    // Sent as JSON: nothing that is not a whole number is read as one (z.coerce read these as 0 or Infinity).
    [{ progress: null }, "progress", "Enter progress as a whole number from 0 to 100"],
    [{ progress: [] }, "progress", "Enter progress as a whole number from 0 to 100"],
    [{ progress: true }, "progress", "Enter progress as a whole number from 0 to 100"],
    [{ progress: "1e309" }, "progress", "Enter progress as a whole number from 0 to 100"],
    [{ progress: 1e309 }, "progress", "Enter progress as a whole number from 0 to 100"],
    [{ progress: "0x10" }, "progress", "Enter progress as a whole number from 0 to 100"],
    [{ narrative: "Talks\u0000 took place" }, "narrative", "Remove the invisible control characters from this text (such as text-direction overrides)"],
    [{ narrative: "Broken \uD800 surrogate" }, "narrative", "Remove the invisible control characters from this text (such as text-direction overrides)"],
    [{ nextSteps: "Open minutes\u202Eexe.txt" }, "nextSteps", "Remove the invisible control characters from this text (such as text-direction overrides)"],
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

describe("statusUpdateSchemaWith: every error in one answer", () => {
  const baseline = { status: "ONGOING", assessment: "ON_TRACK", periodName: "Report 10" } as const;
  const rationaleMessage = "Explain briefly why the status or assessment changed since the last period (Report 10).";

  test("an empty form gets every field's error at once", () => {
    const result = statusUpdateSchemaWith(baseline).safeParse({ proposalId: "p01", periodId: "r11", expectedVersion: "0", progress: "" });
    expect(result.success).toBe(false);
    // No status or assessment chosen: nothing to compare with the baseline yet, so no rationale error.
    expect(Object.keys(toFieldErrors(result.error!)).sort()).toEqual(["assessment", "narrative", "progress", "status"]);
  });

  test("the rationale error comes together with the others, not after them", () => {
    const result = statusUpdateSchemaWith(baseline).safeParse({ ...valid, status: "STALLED", progress: "150", narrative: "", rationale: "  " });
    expect(result.success).toBe(false);
    expect(toFieldErrors(result.error!)).toEqual({
      progress: "Progress cannot be above 100",
      narrative: "Describe the progress made in this period",
      rationale: rationaleMessage,
    });
  });

  test.each([
    ["status", { status: "STALLED" }],
    ["assessment", { assessment: "AT_RISK" }],
    ["assessment, while the status is invalid", { status: "DONE", assessment: "AT_RISK" }],
  ])("a changed %s without rationale is an error on the rationale field", (_what, patch) => {
    const result = statusUpdateSchemaWith(baseline).safeParse({ ...valid, ...patch, rationale: "" });
    expect(result.success).toBe(false);
    expect(toFieldErrors(result.error!).rationale).toBe(rationaleMessage);
  });

  test.each([
    ["the same judgement as the baseline", baseline, {}],
    ["a change with a rationale", baseline, { status: "STALLED", rationale: "Talks paused." }],
    ["no earlier period", null, { status: "STALLED" }],
  ] as const)("%s needs no rationale", (_case, base, patch) => {
    const result = statusUpdateSchemaWith(base).safeParse({ ...valid, ...patch });
    expect(result.success).toBe(true);
  });

  test("contradictions are warnings, not errors: Completed at 40 % and Stalled + On track are valid", () => {
    expect(statusUpdateSchemaWith(null).safeParse({ ...valid, status: "COMPLETED", progress: "40" }).success).toBe(true);
    expect(statusUpdateSchemaWith(null).safeParse({ ...valid, status: "STALLED", assessment: "ON_TRACK" }).success).toBe(true);
  });

  test("a form that is not an object is refused without a crash", () => {
    expect(statusUpdateSchemaWith(baseline).safeParse(null).success).toBe(false);
  });
});
