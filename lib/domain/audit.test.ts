import { expect, test } from "vitest";
import { auditChanges } from "./audit";

test.each([
  [
    null,
    { status: "ONGOING", progress: 40 },
    [
      { field: "status", before: "", after: "ONGOING" },
      { field: "progress", before: "", after: "40" },
    ],
  ],
  [
    { status: "ONGOING", progress: 40, narrative: "a" },
    { status: "STALLED", progress: 40, narrative: "a" },
    [{ field: "status", before: "ONGOING", after: "STALLED" }],
  ],
  [{ evidenceLinks: [] }, { evidenceLinks: [{ url: "https://x" }] }, [{ field: "evidenceLinks", before: "[]", after: '[{"url":"https://x"}]' }]],
  [{ state: "OPEN" }, { state: "OPEN" }, []],
  [null, null, []],
])("auditChanges(%j, %j)", (before, after, expected) => {
  expect(auditChanges(before, after)).toEqual(expected);
});
