import { describe, expect, test } from "vitest";
import { judgedFromForm, updateWarnings, warningMessages, type JudgedValues } from "./update-warnings";
import { ASSESSMENTS, IMPLEMENTATION_STATUSES } from "./vocabulary";

describe("updateWarnings", () => {
  test.each<[JudgedValues, string[]]>([
    [{ status: "STALLED", assessment: "ON_TRACK", progress: 30 }, ["Stalled but assessed On track"]],
    [{ status: "COMPLETED", assessment: "ON_TRACK", progress: 40 }, ["Completed at 40 % progress"]],
    [{ status: "COMPLETED", assessment: "ON_TRACK", progress: 0 }, ["Completed at 0 % progress"]],
    [{ status: "COMPLETED", assessment: "AT_RISK", progress: 100 }, ["Completed but assessed At risk"]],
    [{ status: "COMPLETED", assessment: "OFF_TRACK", progress: 100 }, ["Completed but assessed Off track"]],
    [{ status: "COMPLETED", assessment: "NOT_ASSESSED", progress: 100 }, ["Completed but not assessed"]],
    [{ status: "COMPLETED", assessment: "OFF_TRACK", progress: 99 }, ["Completed at 99 % progress", "Completed but assessed Off track"]],
    [{ status: "NOT_STARTED", assessment: "NOT_ASSESSED", progress: 1 }, ["Not started at 1 % progress"]],
    // One warning for one contradiction: not also "100 % progress but Not started".
    [{ status: "NOT_STARTED", assessment: "ON_TRACK", progress: 100 }, ["Not started at 100 % progress"]],
    [{ status: "IN_PROGRESS", assessment: "ON_TRACK", progress: 100 }, ["100 % progress but In progress, not Completed"]],
    [{ status: "ONGOING", assessment: "ON_TRACK", progress: 100 }, ["100 % progress but Ongoing, not Completed"]],
    [{ status: "STALLED", assessment: "ON_TRACK", progress: 100 }, ["Stalled but assessed On track", "100 % progress but Stalled, not Completed"]],
  ])("%j -> %j", (values, messages) => {
    expect(warningMessages(values)).toEqual(messages);
  });

  test.each<JudgedValues>([
    { status: "COMPLETED", assessment: "ON_TRACK", progress: 100 },
    { status: "NOT_STARTED", assessment: "NOT_ASSESSED", progress: 0 },
    { status: "STALLED", assessment: "AT_RISK", progress: 20 },
    { status: "STALLED", assessment: "OFF_TRACK", progress: 99 },
    { status: "IN_PROGRESS", assessment: "ON_TRACK", progress: 99 },
    { status: "ONGOING", assessment: "AT_RISK", progress: 60 },
  ])("%j is consistent: no warning", (values) => {
    expect(updateWarnings(values)).toEqual([]);
  });

  test.each<[JudgedValues, string[]]>([
    // Nothing chosen yet (a new form) or a progress that is not a valid number: only the rules that can be judged run.
    [{}, []],
    [{ status: "COMPLETED" }, []],
    [{ status: "COMPLETED", progress: Number.NaN }, []],
    [{ status: "COMPLETED", progress: 150 }, []],
    [{ status: "COMPLETED", progress: 12.5 }, []],
    [{ status: "COMPLETED", assessment: "AT_RISK" }, ["Completed but assessed At risk"]],
    [{ status: "NOT_STARTED", progress: 5 }, ["Not started at 5 % progress"]],
    [{ assessment: "ON_TRACK", progress: 100 }, []],
  ])("partial values %j -> %j", (values, messages) => {
    expect(warningMessages(values)).toEqual(messages);
  });

  test("each warning names the fields it is about", () => {
    expect(updateWarnings({ status: "STALLED", assessment: "ON_TRACK", progress: 100 }).map((w) => [w.code, w.fields])).toEqual([
      ["STALLED_ON_TRACK", ["status", "assessment"]],
      ["FULL_PROGRESS_NOT_COMPLETED", ["status", "progress"]],
    ]);
  });

  test("every combination gives at most one warning per rule and words every one", () => {
    for (const status of IMPLEMENTATION_STATUSES)
      for (const assessment of ASSESSMENTS)
        for (const progress of [0, 1, 50, 99, 100]) {
          const warnings = updateWarnings({ status, assessment, progress });
          expect(new Set(warnings.map((w) => w.code)).size).toBe(warnings.length);
          for (const w of warnings) expect(w.message).toMatch(/^\S.*\S$/);
        }
  });
});

describe("judgedFromForm", () => {
  test.each([
    [
      { status: "COMPLETED", assessment: "AT_RISK", progress: " 40 " },
      { status: "COMPLETED", assessment: "AT_RISK", progress: 40 },
    ],
    [
      { status: "", assessment: "", progress: "" },
      { status: undefined, assessment: undefined, progress: undefined },
    ],
    [
      { status: "DONE", assessment: "GOOD", progress: "12.5" },
      { status: undefined, assessment: undefined, progress: undefined },
    ],
    [
      { status: "NOT_STARTED", assessment: "ON_TRACK", progress: "-3" },
      { status: "NOT_STARTED", assessment: "ON_TRACK", progress: undefined },
    ],
  ])("%j -> %j", (raw, judged) => {
    expect(judgedFromForm(raw)).toEqual(judged);
  });

  test("the live form and the server flag the same thing", () => {
    expect(warningMessages(judgedFromForm({ status: "COMPLETED", assessment: "ON_TRACK", progress: "40" }))).toEqual(["Completed at 40 % progress"]);
  });
});
