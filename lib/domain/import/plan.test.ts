import { describe, expect, test } from "vitest";
import { toCsv } from "../csv";
import { errorCsvRows, isCommittable, planCsvRows, planHash, toPlanView, type ImportPlan } from "./plan";

const plan: ImportPlan = {
  kind: "people",
  rowCount: 4,
  creates: [{ row: 3, key: "new@x.org", label: "Nina", changes: [{ label: "Name", before: "", after: "Nina" }] }],
  changes: [{ row: 2, key: "ana@x.org", label: "Ana", changes: [{ label: "Role", before: "Staff", after: "Manager" }] }],
  unchanged: [{ row: 4, key: "bo@x.org", label: "Bo" }],
  errors: [{ row: 5, column: "E-mail", value: '=HYPERLINK("x")', reason: '“=HYPERLINK("x")” is not an e-mail address' }],
  notes: [],
  hasWork: true,
};

describe("plans", () => {
  test("any row error blocks the commit; so does a plan with nothing to do", () => {
    expect(isCommittable(plan)).toBe(false);
    expect(isCommittable({ ...plan, errors: [] })).toBe(true);
    expect(isCommittable({ ...plan, errors: [], hasWork: false })).toBe(false);
  });

  test("the hash changes with any old or new value, row or error", () => {
    const hash = planHash(plan);
    expect(planHash(structuredClone(plan))).toBe(hash);
    const changedOld = structuredClone(plan);
    changedOld.changes[0]!.changes[0]!.before = "Viewer";
    expect(planHash(changedOld)).not.toBe(hash);
    expect(planHash({ ...plan, errors: [] })).not.toBe(hash);
    expect(planHash({ ...plan, unchanged: [] })).not.toBe(hash);
  });

  test("the error file: row, column, value, reason; a formula-like value is made inert by the CSV writer", () => {
    const csv = toCsv(errorCsvRows(plan.errors));
    expect(csv.startsWith("\uFEFFRow,Column,Value,Reason\r\n")).toBe(true);
    expect(csv).toContain(`5,E-mail,"'=HYPERLINK(""x"")"`);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  test("the plan file has one line per field, in row order, then the errors", () => {
    expect(planCsvRows(plan).map((r) => [r[0], r[3], r[4]])).toEqual([
      ["Row", "Outcome", "Field"],
      ["2", "Change", "Role"],
      ["3", "Create", "Name"],
      ["4", "Unchanged", ""],
      ["5", "Error", "E-mail"],
    ]);
  });

  test("the page shows the first entries of each list and every count", () => {
    const view = toPlanView({ ...plan, unchanged: Array.from({ length: 5 }, (_, i) => ({ row: i + 10, key: `k${i}`, label: "" })) }, 2);
    expect(view.unchanged).toHaveLength(2);
    expect(view.counts).toEqual({ creates: 1, changes: 1, unchanged: 5, errors: 1, errorRows: 1 });
  });
});
