import { expect, test } from "vitest";
import { periodSchema, reopenSchema } from "./periods";

const valid = { number: "12", name: "12th progress report", startsOn: "2026-06-01", cutOffOn: "2027-05-15", dueOn: "2027-06-15" };

test.each([
  [{}, null],
  [{ startsOn: "2027-02-30" }, ["startsOn", "Enter a real start date"]],
  [{ cutOffOn: "2027-04-31" }, ["cutOffOn", "Enter a real cut-off date"]],
  [{ dueOn: "15/06/2027" }, ["dueOn", "Enter the due date as a date"]],
  [{ cutOffOn: "2026-05-01" }, ["cutOffOn", "The cut-off cannot be before the start"]],
  [{ dueOn: "2027-05-14" }, ["dueOn", "The due date cannot be before the cut-off"]],
  [{ name: " " }, ["name", "Give the period a name, e.g. 12th progress report"]],
  [{ number: "0" }, ["number", "The number starts at 1"]],
] as const)("period %j -> %j", (patch, expected) => {
  const result = periodSchema.safeParse({ ...valid, ...patch });
  if (expected === null) {
    expect(result.success).toBe(true);
    if (result.success) expect(result.data.cutOffOn.toISOString()).toBe("2027-05-15T00:00:00.000Z");
  } else {
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(expected);
  }
});

test("a leap day is a real date, a non-leap 29 February is not", () => {
  expect(reopenSchema.safeParse({ periodId: "r", proposalId: "p", reason: "Late minutes", expiresOn: "2028-02-29" }).success).toBe(true);
  expect(reopenSchema.safeParse({ periodId: "r", proposalId: "p", reason: "Late minutes", expiresOn: "2027-02-29" }).success).toBe(false);
});
