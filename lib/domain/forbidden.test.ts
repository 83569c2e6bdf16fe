import { expect, test } from "vitest";
import { forbiddenText } from "./forbidden";

test.each([
  ["/audit", "The audit trail is for administrators"],
  ["/audit/export", "The audit trail is for administrators"],
  ["/admin", "The admin section is for administrators"],
  ["/admin/users/abc", "The admin section is for administrators"],
  ["/periods/new", "Managers run the reporting cycle"],
  ["/periods/report-11/edit", "Managers run the reporting cycle"],
  ["/proposals/p12/update", "You cannot record an update for this proposal now"],
  ["/reports/11", "This report is not available to you yet"],
  ["/auditing", "You cannot open this page"],
  ["/periods/report-11", "You cannot open this page"],
  [null, "You cannot open this page"],
])("%s: %s", (path, title) => {
  expect(forbiddenText(path).title).toBe(title);
});

test("only the update form's page explains the focal-point rule", () => {
  for (const path of ["/audit", "/admin/users", "/periods/new", "/reports/3", "/x"])
    expect(forbiddenText(path).body).not.toMatch(/where they are a focal point/);
  expect(forbiddenText("/proposals/p1/update").body).toMatch(/where they are a focal point/);
});
