import { describe, expect, test } from "vitest";
import { bodyProblem, lastAdminBlocker, linkDeliveryMessage, personState, type AdminTarget } from "./people";
import type { Role } from "./vocabulary";

describe("personState", () => {
  test.each([
    [{ active: true, hasPassword: true }, "active"],
    [{ active: true, hasPassword: false }, "invited"],
    [{ active: false, hasPassword: true }, "deactivated"],
    [{ active: false, hasPassword: false }, "deactivated"],
  ] as const)("%o -> %s", (person, state) => {
    expect(personState(person)).toBe(state);
  });
});

describe("bodyProblem", () => {
  test.each([
    ["EU", "EEAS", null],
    ["EU", "COMMISSION", null],
    ["EU", "EDA", null],
    ["EU", null, /Choose the EU body/],
    ["EU", undefined, /Choose the EU body/],
    ["NATO", null, null],
    ["NATO", undefined, null],
    ["NATO", "EDA", /Only EU staff/],
  ] as const)("%s with body %s", (organisation, body, expected) => {
    const problem = bodyProblem(organisation, body);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe("lastAdminBlocker", () => {
  const admin = (id: string, over: Partial<AdminTarget> = {}): AdminTarget => ({ id, name: `Admin ${id}`, role: "ADMIN", active: true, ...over });
  const change = (role: Role, active: boolean) => ({ role, active });

  test.each([
    // [what, target, next, active admins, actor, blocked?]
    ["demoting the only admin", admin("a"), change("MANAGER", true), ["a"], "x", /Admin a is the last active admin: .* before changing their role/],
    ["deactivating the only admin", admin("a"), change("ADMIN", false), ["a"], "x", /Admin a is the last active admin: .* before deactivating them/],
    ["demoting yourself as the only admin", admin("a"), change("STAFF", true), ["a"], "a", /You are the last active admin: .* change your own role/],
    ["deactivating yourself as the only admin", admin("a"), change("ADMIN", false), ["a"], "a", /You are the last active admin: .* deactivate your account/],
    ["demoting one of two admins", admin("a"), change("VIEWER", true), ["a", "b"], "b", null],
    ["demoting yourself when another admin remains", admin("a"), change("VIEWER", true), ["a", "b"], "a", null],
    ["keeping the only admin an admin (renaming)", admin("a"), change("ADMIN", true), ["a"], "a", null],
    ["demoting an already deactivated admin", admin("a", { active: false }), change("STAFF", false), ["b"], "b", null],
    ["deactivating a manager when no admin is active (not this rule's business)", admin("m", { role: "MANAGER" }), change("MANAGER", false), [], "x", null],
    [
      "an admin missing from the list (read before a concurrent demotion) still counts as the last",
      admin("a"),
      change("STAFF", true),
      [],
      "x",
      /last active admin/,
    ],
  ] as const)("%s", (_what, target, next, activeAdminIds, actorId, expected) => {
    const blocker = lastAdminBlocker({ target, next, activeAdminIds, actorId });
    if (expected === null) expect(blocker).toBeNull();
    else expect(blocker).toMatch(expected);
  });
});

test.each([
  ["sent", /e-mailed this link to someone@eu\.test/],
  ["failed", /could not be sent: pass this link on yourself/],
  ["off", /E-mail is not configured .* pass this link on yourself/],
] as const)("linkDeliveryMessage(%s) says what happened to the e-mail", (delivery, expected) => {
  expect(linkDeliveryMessage(delivery, "someone@eu.test")).toMatch(expected);
});
