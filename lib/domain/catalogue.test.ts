import { describe, expect, test } from "vitest";
import {
  areaFingerprint,
  changedFields,
  changedValues,
  compareWording,
  conventionalSet,
  isInPeriod,
  notInPeriodReason,
  setChangeBlocker,
  setsEndorsedBy,
  PROPOSAL_FIELDS,
  retireBlocker,
  sameAreaName,
  type ProposalWording,
} from "./catalogue";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const wording: ProposalWording = {
  title: "Staff talks on hybrid threats",
  description: "Regular staff talks.",
  areaId: "hybrid-threats",
  set: "SET_2016",
  edaInvolved: false,
};

const AREA_NAMES: Record<string, string> = { "hybrid-threats": "Countering hybrid threats", cyber: "Cyber security and defence" };
const areaName = (id: string) => AREA_NAMES[id] ?? id;

describe("isInPeriod", () => {
  const span = (startsOn: string, cutOffOn = "2030-05-31") => ({ startsOn: day(startsOn), cutOffOn: day(cutOffOn) });
  test.each([
    { retiredAt: null, startsOn: "2030-01-01", expected: true, why: "never retired" },
    { retiredAt: "2029-12-31T23:59:59.999Z", startsOn: "2030-01-01", expected: false, why: "retired before the period began" },
    { retiredAt: "2030-01-01T00:00:00.000Z", startsOn: "2030-01-01", expected: false, why: "retired the instant the period began" },
    { retiredAt: "2030-01-01T00:00:00.001Z", startsOn: "2030-01-01", expected: true, why: "retired after the period began" },
    { retiredAt: "2031-06-01T10:00:00.000Z", startsOn: "2030-01-01", expected: true, why: "retired long after" },
  ])("$why: $expected", ({ retiredAt, startsOn, expected }) => {
    expect(isInPeriod({ set: "SET_2016", retiredAt: retiredAt ? new Date(retiredAt) : null }, span(startsOn))).toBe(expected);
  });

  // The real calendar (DOMAIN.md): the 2017 set joins with the 3rd report.
  test.each([
    { set: "SET_2016", period: span("2016-12-06", "2017-05-31"), expected: true, why: "the 2016 set in the 1st report" },
    { set: "SET_2017", period: span("2016-12-06", "2017-05-31"), expected: false, why: "the 2017 set in the 1st report" },
    { set: "SET_2017", period: span("2017-06-01", "2017-11-30"), expected: false, why: "the 2017 set in the 2nd report (cut-off before 5 December 2017)" },
    { set: "SET_2017", period: span("2017-06-01", "2017-12-05"), expected: true, why: "a cut-off on the day of endorsement" },
    { set: "SET_2017", period: span("2017-06-01", "2017-12-04"), expected: false, why: "a cut-off the day before" },
    { set: "SET_2017", period: span("2018-01-01", "2018-05-25"), expected: true, why: "the 2017 set in the 3rd report" },
    { set: "SET_2016", period: span("2016-06-01", "2016-12-05"), expected: false, why: "the 2016 set before its endorsement" },
  ] as const)("$why: $expected", ({ set, period, expected }) => {
    expect(isInPeriod({ set, retiredAt: null }, period)).toBe(expected);
  });

  test("setsEndorsedBy and the reasons given", () => {
    expect(setsEndorsedBy(day("2017-11-30"))).toEqual(["SET_2016"]);
    expect(setsEndorsedBy(day("2018-05-25"))).toEqual(["SET_2016", "SET_2017"]);
    const second = { name: "2nd progress report", ...span("2017-06-01", "2017-11-30") };
    expect(notInPeriodReason({ number: 43, set: "SET_2017", retiredAt: null }, second)).toBe(
      "P43 belongs to the December 2017 set, endorsed on 5 December 2017, after the cut-off of the 2nd progress report: it takes no updates in it.",
    );
    expect(notInPeriodReason({ number: 7, set: "SET_2016", retiredAt: day("2017-01-01") }, second)).toBe(
      "P07 was retired before the 2nd progress report began: it takes no updates in it.",
    );
    expect(notInPeriodReason({ number: 7, set: "SET_2016", retiredAt: null }, second)).toBeNull();
  });

  test("setChangeBlocker: a proposal cannot move to a set endorsed after a period it has an update in", () => {
    const periods = [{ name: "2nd progress report", cutOffOn: day("2017-11-30") }];
    expect(setChangeBlocker(7, "SET_2017", periods)).toBe(
      "P07 already has an update in the 2nd progress report, before the December 2017 set was endorsed: it cannot move to that set.",
    );
    expect(setChangeBlocker(7, "SET_2016", periods)).toBeNull();
    expect(setChangeBlocker(7, "SET_2017", [{ name: "3rd progress report", cutOffOn: day("2018-05-25") }])).toBeNull();
  });
});

describe("retireBlocker", () => {
  test.each([
    { retiredAt: null, action: "retire", later: [], expected: null },
    { retiredAt: null, action: "retire", later: ["12th progress report"], expected: /already has an update in the 12th progress report/ },
    { retiredAt: day("2026-01-01"), action: "retire", later: [], expected: /P07 is already retired/ },
    { retiredAt: day("2026-01-01"), action: "unretire", later: [], expected: null },
    { retiredAt: null, action: "unretire", later: [], expected: /P07 is not retired/ },
  ] as const)("$action (retired: $retiredAt, later updates: $later)", ({ retiredAt, action, later, expected }) => {
    const blocker = retireBlocker({ number: 7, retiredAt }, action, later);
    if (expected === null) expect(blocker).toBeNull();
    else expect(blocker).toMatch(expected);
  });
});

describe("changedFields and changedValues", () => {
  test.each([
    { after: { ...wording }, fields: [] },
    { after: { ...wording, title: "New title" }, fields: ["title"] },
    { after: { ...wording, areaId: "cyber", edaInvolved: true }, fields: ["areaId", "edaInvolved"] },
    { after: { ...wording, set: "SET_2017" as const, description: "Other." }, fields: ["description", "set"] },
  ])("$fields", ({ after, fields }) => {
    expect(changedFields(wording, after, PROPOSAL_FIELDS)).toEqual(fields);
    const values = changedValues(wording, after, PROPOSAL_FIELDS);
    expect(Object.keys(values.before)).toEqual(fields);
    expect(Object.keys(values.after)).toEqual(fields);
    for (const field of fields) {
      expect(values.before[field as keyof ProposalWording]).toBe(wording[field as keyof ProposalWording]);
      expect(values.after[field as keyof ProposalWording]).toBe(after[field as keyof ProposalWording]);
    }
  });
});

describe("compareWording", () => {
  test("the first version lists every field as it was set, without a diff", () => {
    const changes = compareWording(null, wording, areaName);
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ["Title", "", "Staff talks on hybrid threats"],
      ["Description", "", "Regular staff talks."],
      ["Area", "", "Countering hybrid threats"],
      ["Set", "", "December 2016 set"],
      ["EDA involved", "", "No"],
    ]);
    expect(changes.every((c) => c.segments === undefined)).toBe(true);
  });

  test("a later version lists the changed fields only, the title with a word diff", () => {
    const changes = compareWording(wording, { ...wording, title: "Staff talks on cyber threats", areaId: "cyber", edaInvolved: true }, areaName);
    expect(changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ["title", "Staff talks on hybrid threats", "Staff talks on cyber threats"],
      ["areaId", "Countering hybrid threats", "Cyber security and defence"],
      ["edaInvolved", "No", "Yes"],
    ]);
    const title = changes[0]!.segments!;
    expect(title.filter((s) => s.change === "removed").map((s) => s.value.trim())).toEqual(["hybrid"]);
    expect(title.filter((s) => s.change === "added").map((s) => s.value.trim())).toEqual(["cyber"]);
    expect(changes[1]!.segments).toBeUndefined();
  });
});

describe("areas", () => {
  test.each([
    ["Cyber security and defence", "cyber security and defence", true],
    ["Cyber  security and defence ", "Cyber security and defence", true],
    ["Cyber security", "Cyber security and defence", false],
  ] as const)("%j and %j are the same name: %s", (a, b, same) => {
    expect(sameAreaName(a, b)).toBe(same);
  });

  test("the fingerprint changes with either field and is stable otherwise", () => {
    const area = { name: "Exercises", description: "Parallel and coordinated exercises." };
    expect(areaFingerprint(area)).toBe(areaFingerprint({ ...area }));
    expect(areaFingerprint(area)).toMatch(/^[0-9a-f]{32}$/);
    expect(areaFingerprint({ ...area, name: "Exercise" })).not.toBe(areaFingerprint(area));
    expect(areaFingerprint({ ...area, description: "Parallel exercises." })).not.toBe(areaFingerprint(area));
    // The two fields cannot be shifted into each other.
    expect(areaFingerprint({ name: "ab", description: "c" })).not.toBe(areaFingerprint({ name: "a", description: "bc" }));
  });
});

describe("conventionalSet", () => {
  test.each([
    [1, "SET_2016"],
    [42, "SET_2016"],
    [43, "SET_2017"],
    [74, "SET_2017"],
    [0, null],
    [75, null],
    [4.5, null],
  ] as const)("%d -> %s", (number, set) => {
    expect(conventionalSet(number)).toBe(set);
  });
});
