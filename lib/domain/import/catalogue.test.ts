import { describe, expect, test } from "vitest";
import { isDemoEmail, isDemoWording, planCatalogue, type CatalogueSnapshot } from "./catalogue";
import { isCommittable, planHash } from "./plan";
import type { CatalogueRow, ParsedFile } from "./rows";

const areas = [
  { id: "cyber", number: 3, name: "Cyber security and defence" },
  { id: "mobility", number: 10, name: "Military mobility" },
];

function proposal(number: number, over: Partial<CatalogueSnapshot["proposals"][number]> = {}): CatalogueSnapshot["proposals"][number] {
  return {
    id: `p${number}`,
    number,
    title: `Title ${number}`,
    description: `Description ${number}`,
    areaId: "cyber",
    set: "SET_2016",
    edaInvolved: false,
    retired: false,
    demoWording: false,
    focalPointEmails: [],
    firstUpdatePeriod: null,
    ...over,
  };
}

const people: CatalogueSnapshot["people"] = [
  { id: "u-staff", email: "staff@nato.int", name: "Sam Staff", role: "STAFF", active: true, organisationCode: "NATO" },
  { id: "u-viewer", email: "viewer@eu.int", name: "Vera Viewer", role: "VIEWER", active: true, organisationCode: "EU" },
  { id: "u-gone", email: "gone@nato.int", name: "Gus Gone", role: "STAFF", active: false, organisationCode: "NATO" },
];

function snapshot(over: Partial<CatalogueSnapshot> = {}): CatalogueSnapshot {
  return { areas, proposals: [proposal(1), proposal(2)], people, notice: false, activeDemoAccounts: 0, ...over };
}

function row(number: number, over: Partial<CatalogueRow> = {}): CatalogueRow {
  return {
    number,
    set: "SET_2016",
    area: "Cyber security and defence",
    title: `Title ${number}`,
    description: `Description ${number}`,
    edaInvolved: false,
    focalPoints: [],
    ...over,
  };
}

function file(rows: CatalogueRow[], errors: ParsedFile["errors"] = []): ParsedFile<"catalogue"> {
  return { kind: "catalogue", rowCount: rows.length + errors.length, rows: rows.map((values, i) => ({ row: i + 2, values })), errors };
}

describe("planCatalogue", () => {
  test("rows as the catalogue has them are unchanged, and a plan with only those has no work", () => {
    const { plan, operations } = planCatalogue(file([row(1), row(2)]), snapshot());
    expect(plan.unchanged.map((u) => u.key)).toEqual(["P01", "P02"]);
    expect(plan.creates).toEqual([]);
    expect(plan.changes).toEqual([]);
    expect(plan.hasWork).toBe(false);
    expect(isCommittable(plan)).toBe(false);
    expect(operations.proposals).toEqual([]);
  });

  test("a changed row lists only the changed fields, old -> new; a new number is created; area names match without case", () => {
    const { plan, operations } = planCatalogue(
      file([row(1, { title: "Official title 1", area: "military  MOBILITY", edaInvolved: true }), row(75, { set: "SET_2017" })]),
      snapshot(),
    );
    expect(plan.changes).toEqual([
      {
        row: 2,
        key: "P01",
        label: "Title 1",
        changes: [
          { label: "Area", before: "Cyber security and defence", after: "Military mobility" },
          { label: "Title", before: "Title 1", after: "Official title 1" },
          { label: "EDA involved", before: "No", after: "Yes" },
        ],
      },
    ]);
    expect(plan.creates).toEqual([
      {
        row: 3,
        key: "P75",
        label: "Title 75",
        changes: [
          { label: "Set", before: "", after: "December 2017 set" },
          { label: "Area", before: "", after: "Cyber security and defence" },
          { label: "Title", before: "", after: "Title 75" },
          { label: "Description", before: "", after: "Description 75" },
          { label: "EDA involved", before: "", after: "No" },
        ],
      },
    ]);
    expect(operations.proposals.map((o) => [o.number, o.existing?.id ?? null, o.areaId])).toEqual([
      [1, "p1", "mobility"],
      [75, null, "cyber"],
    ]);
    expect(plan.notes).toEqual(["1 proposal of the catalogue is not in the file and stays as it is (P02)."]);
  });

  test("an unknown area is created once, with the next number, and listed", () => {
    const { plan, operations } = planCatalogue(file([row(1, { area: "Space" }), row(2, { area: "SPACE" })]), snapshot());
    expect(operations.newAreas).toEqual([{ name: "Space", number: 11 }]);
    expect(operations.proposals.map((o) => [o.areaId, o.wording.areaName])).toEqual([
      [null, "Space"],
      [null, "Space"],
    ]);
    expect(plan.notes[0]).toBe("New area “Space” (number 11): no area has this name yet.");
  });

  test("focal points are added, never removed; ones it has already are not checked again", () => {
    const withFocal = snapshot({ proposals: [proposal(1, { focalPointEmails: ["gone@nato.int"] }), proposal(2)] });
    const { plan, operations } = planCatalogue(file([row(1, { focalPoints: ["gone@nato.int", "staff@nato.int"] }), row(2)]), withFocal);
    expect(plan.errors).toEqual([]);
    expect(plan.changes[0]!.changes).toEqual([{ label: "Focal points", before: "gone@nato.int", after: "gone@nato.int, staff@nato.int" }]);
    expect(operations.proposals[0]!.addFocalPoints).toEqual([{ userId: "u-staff", email: "staff@nato.int", name: "Sam Staff", organisationCode: "NATO" }]);
    expect(operations.proposals[0]!.wordingChanged).toBe(false);
    // The same file again, once the focal point exists: nothing to do.
    const after = snapshot({ proposals: [proposal(1, { focalPointEmails: ["gone@nato.int", "staff@nato.int"] }), proposal(2)] });
    expect(planCatalogue(file([row(1, { focalPoints: ["staff@nato.int"] }), row(2)]), after).plan.hasWork).toBe(false);
  });

  test.each([
    ["nobody@x.org", /^No account has the e-mail nobody@x.org/],
    ["viewer@eu.int", /^Vera Viewer is a viewer/],
    ["gone@nato.int", /^Gus Gone is deactivated/],
  ])("a focal point %s who may not be one is a row error", (email, reason) => {
    const { plan } = planCatalogue(file([row(1, { focalPoints: [email] })]), snapshot());
    expect(plan.errors).toEqual([{ row: 2, column: "Focal points", value: email, reason: expect.stringMatching(reason) }]);
    expect(plan.changes).toEqual([]);
    expect(isCommittable(plan)).toBe(false);
  });

  test("a proposal with an update before the 2017 set was endorsed cannot move to it; one without can", () => {
    const second = { name: "2nd progress report", cutOffOn: new Date("2017-11-30T00:00:00Z") };
    const { plan } = planCatalogue(
      file([row(1, { set: "SET_2017" }), row(2, { set: "SET_2017" })]),
      snapshot({ proposals: [proposal(1, { firstUpdatePeriod: second }), proposal(2)] }),
    );
    expect(plan.errors).toEqual([
      {
        row: 2,
        column: "Set",
        value: "December 2017 set",
        reason: "P01 already has an update in the 2nd progress report, before the December 2017 set was endorsed: it cannot move to that set.",
      },
    ]);
    expect(plan.changes.map((c) => c.key)).toEqual(["P02"]);
  });

  test("a retired proposal takes wording changes but no new focal point", () => {
    const retired = snapshot({ proposals: [proposal(1, { retired: true })] });
    expect(planCatalogue(file([row(1, { title: "New wording" })]), retired).plan.changes).toHaveLength(1);
    expect(planCatalogue(file([row(1, { focalPoints: ["staff@nato.int"] })]), retired).plan.errors[0]!.reason).toBe(
      "P01 is retired: it gets no new focal points.",
    );
  });

  test("the demo notice goes only when no demo wording and no active demo account remain", () => {
    const demo = snapshot({ notice: true, proposals: [proposal(1, { demoWording: true }), proposal(2, { demoWording: true })] });
    const both = file([row(1, { title: "Official 1" }), row(2, { title: "Official 2" })]);
    const one = planCatalogue(file([row(1, { title: "Official 1" }), row(2)]), demo);
    expect(one.operations.removeNotice).toBe(false);
    expect(one.plan.notes).toContain("The demo-data notice stays: 1 proposal keeps the demo wording.");
    expect(one.plan.notes).toContain(
      "1 proposal replaces the demo wording: the new wording also applies to the reports of earlier periods, since the demo wording was never official.",
    );
    const accounts = planCatalogue(both, { ...demo, activeDemoAccounts: 3 });
    expect(accounts.operations.removeNotice).toBe(false);
    expect(accounts.plan.notes).toContain("The demo-data notice stays: 3 demo accounts (e-mail ending in .demo) are active.");
    const gone = planCatalogue(both, demo);
    expect(gone.operations.removeNotice).toBe(true);
    expect(gone.plan.notes).toContain("The demo-data notice will be removed: no proposal keeps its demo wording and no demo account is active.");
    // Removing the notice is work of its own, even when every row is unchanged.
    const alreadyOfficial = snapshot({ notice: true });
    expect(planCatalogue(file([row(1), row(2)]), alreadyOfficial).plan.hasWork).toBe(true);
  });

  test("the hash follows the plan: the same inputs give the same hash, a changed database another", () => {
    const f = file([row(1, { title: "Official" })]);
    const a = planHash(planCatalogue(f, snapshot()).plan);
    expect(planHash(planCatalogue(f, snapshot()).plan)).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(planHash(planCatalogue(f, snapshot({ proposals: [proposal(1, { title: "Edited meanwhile" }), proposal(2)] })).plan)).not.toBe(a);
  });

  test("what counts as demo", () => {
    expect(isDemoEmail("Admin@NATO.demo")).toBe(true);
    expect(isDemoEmail("admin@nato.int")).toBe(false);
    expect(isDemoWording("p12", { id: "pv-p12-1", version: 1, changedById: null })).toBe(true);
    expect(isDemoWording("p12", { id: "pv-p12-1", version: 1, changedById: "u-admin" })).toBe(false);
    expect(isDemoWording("p12", { id: "cuid", version: 2, changedById: "u-admin" })).toBe(false);
    expect(isDemoWording("p12", null)).toBe(false);
  });
});
