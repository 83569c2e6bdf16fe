import { describe, expect, test } from "vitest";
import { canEditProposal, canExport, canManagePeriods, canReviewUpdates, canViewAudit, canViewDashboard, type Actor } from "./permissions";
import type { Role } from "./vocabulary";

const actor = (role: Role, id = "u1"): Actor => ({ id, role, organisationId: "nato" });
const followed = { focalPointUserIds: ["u1"] };
const notFollowed = { focalPointUserIds: ["someone-else"] };

describe("canEditProposal", () => {
  test.each([
    ["VIEWER", followed, false],
    ["VIEWER", notFollowed, false],
    ["STAFF", followed, true],
    ["STAFF", notFollowed, false],
    ["MANAGER", notFollowed, true],
    ["ADMIN", notFollowed, true],
  ] as const)("%s on %o -> %s", (role, proposal, expected) => {
    expect(canEditProposal(actor(role), proposal)).toBe(expected);
  });
});

test.each([
  ["VIEWER", false, false],
  ["STAFF", false, false],
  ["MANAGER", true, false],
  ["ADMIN", true, true],
] as const)("%s: reviews and runs periods %s, reads the audit trail %s", (role, manages, audits) => {
  expect(canReviewUpdates(actor(role))).toBe(manages);
  expect(canManagePeriods(actor(role))).toBe(manages);
  expect(canViewAudit(actor(role))).toBe(audits);
});

test.each(["VIEWER", "STAFF", "MANAGER", "ADMIN"] as const)("%s reads dashboards and exports", (role) => {
  expect(canViewDashboard(actor(role))).toBe(true);
  expect(canExport(actor(role))).toBe(true);
});
