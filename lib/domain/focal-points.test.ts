import { describe, expect, test } from "vitest";
import {
  areaAssignMessage,
  areaRemoveMessage,
  assignMessage,
  focalPointRefusal,
  groupByArea,
  handoverMessage,
  handoverRefusal,
  isVacant,
  mayBeFocalPoint,
  orderSides,
  removeMessage,
  vacantSides,
} from "./focal-points";
import type { Role } from "./vocabulary";

describe("who may be a focal point", () => {
  test.each([
    ["VIEWER", true, false],
    ["STAFF", true, true],
    ["MANAGER", true, true],
    ["ADMIN", true, true],
    ["STAFF", false, false],
    ["ADMIN", false, false],
  ] as const)("%s, active %s -> %s", (role, active, expected) => {
    const person = { name: "Ana", role: role as Role, active };
    expect(mayBeFocalPoint(person)).toBe(expected);
    expect(focalPointRefusal(person) === null).toBe(expected);
  });

  test("the refusal says why", () => {
    expect(focalPointRefusal({ name: "Ana", role: "VIEWER", active: true })).toMatch(/^Ana is a viewer: .*cannot be focal points/);
    expect(focalPointRefusal({ name: "Ana", role: "STAFF", active: false })).toMatch(/^Ana is deactivated/);
  });
});

describe("handoverRefusal", () => {
  const from = { id: "a", name: "Ana", organisationId: "nato" };
  const to = (over: Partial<{ id: string; organisationId: string; role: Role; active: boolean }> = {}) => ({
    id: "b",
    name: "Ben",
    organisationId: "nato",
    role: "STAFF" as Role,
    active: true,
    ...over,
  });
  test.each([
    ["a colleague of the same organisation", to(), null],
    ["the same person", to({ id: "a" }), /someone else/],
    ["someone of the other organisation", to({ organisationId: "eu" }), /other organisation/],
    ["a viewer", to({ role: "VIEWER" }), /viewer/],
    ["a deactivated person", to({ active: false }), /deactivated/],
  ])("to %s", (_label, target, expected) => {
    const refusal = handoverRefusal(from, target);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});

describe("vacancies", () => {
  const nato = { organisationCode: "NATO", active: true };
  const eu = { organisationCode: "EU", active: true };
  const gone = { organisationCode: "NATO", active: false };
  test.each([
    ["both sides followed", false, [nato, eu], []],
    ["no focal point at all", false, [], ["NATO", "EU"]],
    ["only the EU side", false, [eu], ["NATO"]],
    ["a deactivated NATO focal point counts as none", false, [gone, eu], ["NATO"]],
    ["a deactivated and an active one", false, [gone, nato], ["EU"]],
    ["a retired proposal is never vacant", true, [], []],
  ])("%s", (_label, retired, focalPoints, expected) => {
    expect(vacantSides({ retired, focalPoints }, ["NATO", "EU"])).toEqual(expected);
    expect(isVacant({ retired, focalPoints }, "NATO")).toBe(expected.includes("NATO"));
  });
});

test("sides: NATO first, then the EU, then others by code", () => {
  expect(orderSides([{ code: "EU" }, { code: "XX" }, { code: "NATO" }, { code: "AA" }]).map((s) => s.code)).toEqual(["NATO", "EU", "AA", "XX"]);
});

test("groupByArea keeps every area, in number order, even an empty one", () => {
  const areas = [
    { id: "b", number: 2, name: "B" },
    { id: "a", number: 1, name: "A" },
  ];
  const grouped = groupByArea(areas, [
    { areaId: "a", n: 1 },
    { areaId: "a", n: 2 },
  ]);
  expect(grouped.map((g) => [g.area.id, g.items.map((i) => i.n)])).toEqual([
    ["a", [1, 2]],
    ["b", []],
  ]);
});

describe("messages say what changed, and when nothing did", () => {
  test.each([
    [assignMessage({ assigned: true, person: "Ana", proposal: "P12" }), "Ana is now a focal point for P12."],
    [assignMessage({ assigned: false, person: "Ana", proposal: "P12" }), "Ana was already a focal point for P12: nothing changed."],
    [removeMessage({ removed: true, person: "Ana", proposal: "P12" }), "Ana is no longer a focal point for P12."],
    [removeMessage({ removed: false, person: "Ana", proposal: "P12" }), "Ana was not a focal point for P12 any more: nothing changed."],
    [areaAssignMessage({ assigned: 5, alreadyFollowed: 0, person: "Ana", area: "Cyber" }), "Ana now follows 5 proposals more in Cyber."],
    [areaAssignMessage({ assigned: 1, alreadyFollowed: 2, person: "Ana", area: "Cyber" }), "Ana now follows 1 proposal more in Cyber (2 already followed)."],
    [areaAssignMessage({ assigned: 0, alreadyFollowed: 3, person: "Ana", area: "Cyber" }), "Ana already followed all 3 proposals of Cyber: nothing changed."],
    [areaAssignMessage({ assigned: 0, alreadyFollowed: 0, person: "Ana", area: "Cyber" }), "Cyber has no current proposals: nothing changed."],
    [areaRemoveMessage({ removed: 4, person: "Ana", area: "Cyber" }), "Ana no longer follows 4 proposals of Cyber."],
    [areaRemoveMessage({ removed: 0, person: "Ana", area: "Cyber" }), "Ana followed no proposal in Cyber: nothing changed."],
    [handoverMessage({ moved: 6, alreadyTheirs: 0, retiredKept: 0, from: "Ana", to: "Ben" }), "6 proposals moved from Ana to Ben."],
    [
      handoverMessage({ moved: 1, alreadyTheirs: 2, retiredKept: 1, from: "Ana", to: "Ben" }),
      "1 proposal moved from Ana to Ben; 2 Ben already followed (now theirs alone); 1 retired stays with Ana.",
    ],
    [handoverMessage({ moved: 0, alreadyTheirs: 0, retiredKept: 0, from: "Ana", to: "Ben" }), "Ana follows no current proposal: nothing to hand over."],
  ])("%s", (actual, expected) => {
    expect(actual).toBe(expected);
  });
});
