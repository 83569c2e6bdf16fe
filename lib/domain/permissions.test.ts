import { describe, expect, test } from "vitest";
import { canEditProposal, canExport, canRecordStatus, canViewDashboard, type Actor } from "./permissions";
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

describe("canRecordStatus", () => {
  test.each([
    ["OPEN", true],
    ["CLOSED", false],
    ["UPCOMING", false],
  ] as const)("staff on a followed proposal in a %s period -> %s", (state, expected) => {
    expect(canRecordStatus(actor("STAFF"), followed, { state })).toBe(expected);
  });

  test("a manager cannot write into a closed period either", () => {
    expect(canRecordStatus(actor("MANAGER"), followed, { state: "CLOSED" })).toBe(false);
  });
});

test.each(["VIEWER", "STAFF", "MANAGER", "ADMIN"] as const)("%s reads dashboards and exports", (role) => {
  expect(canViewDashboard(actor(role))).toBe(true);
  expect(canExport(actor(role))).toBe(true);
});
