import { describe, expect, test } from "vitest";
import { buildCockpit, type CockpitProposal } from "./cockpit";

const fp = (userId: string, org: string) => ({ userId, name: userId.toUpperCase(), organisationCode: org });
const proposal = (number: number, patch: Partial<CockpitProposal>): CockpitProposal => ({
  id: `p${number}`,
  number,
  title: `Proposal ${number}`,
  areaId: number <= 3 ? "hybrid" : "cyber",
  areaName: number <= 3 ? "Hybrid" : "Cyber",
  areaNumber: number <= 3 ? 1 : 3,
  focalPoints: [fp("ana", "NATO"), fp("eve", "EU")],
  update: null,
  statusHistory: [],
  ...patch,
});
const update = (workflowState: "DRAFT" | "SUBMITTED" | "APPROVED" | "RETURNED", returnNote: string | null = null) => ({
  workflowState,
  authorName: "Ana",
  updatedAt: new Date("2026-12-01T00:00:00Z"),
  returnNote,
});

const proposals = [
  proposal(1, { update: update("APPROVED"), statusHistory: ["IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS"] }),
  proposal(2, { update: update("SUBMITTED") }),
  proposal(3, { update: update("RETURNED", "Add dates"), focalPoints: [fp("eve", "EU")] }),
  proposal(4, { update: update("DRAFT"), statusHistory: ["ONGOING", "ONGOING", "ONGOING"] }),
  proposal(5, {}),
];
const period = { cutOffOn: new Date("2026-12-10"), dueOn: new Date("2026-12-20") };

describe("buildCockpit before the cut-off", () => {
  const cockpit = buildCockpit(proposals, period, new Date("2026-12-05T10:00:00Z"));

  test("reported means submitted or approved", () => {
    expect([cockpit.reported, cockpit.total, cockpit.coveragePercent]).toEqual([2, 5, 40]);
  });

  test("lists link each item to what needs doing", () => {
    expect(cockpit.missing.map((i) => [i.id, i.note])).toEqual([
      ["p4", "Draft not yet submitted"],
      ["p5", "No update"],
    ]);
    expect(cockpit.returned.map((i) => [i.id, i.note])).toEqual([["p3", "Add dates"]]);
    expect(cockpit.awaitingReview.map((i) => i.id)).toEqual(["p2"]);
    expect(cockpit.overdue).toEqual([]);
    expect(cockpit.daysLeft).toBe(15);
  });

  test("stale ignores a healthy ongoing steady state", () => {
    expect(cockpit.stale.map((i) => [i.id, i.note])).toEqual([["p1", "Status unchanged for 3 periods"]]);
  });

  test("coverage by area, organisation and focal point", () => {
    expect(cockpit.byArea.map((r) => [r.key, r.reported, r.total])).toEqual([
      ["hybrid", 2, 3],
      ["cyber", 0, 2],
    ]);
    expect(cockpit.byOrganisation.map((r) => [r.key, r.reported, r.total])).toEqual([
      ["EU", 2, 5],
      ["NATO", 2, 4],
    ]);
    expect(cockpit.byFocalPoint.map((r) => [r.key, r.reported, r.total, r.percent])).toEqual([
      ["eve", 2, 5, 40],
      ["ana", 2, 4, 50],
    ]);
  });
});

test("after the cut-off, missing items are overdue", () => {
  const cockpit = buildCockpit(proposals, period, new Date("2026-12-11T10:00:00Z"));
  expect(cockpit.isPastCutOff).toBe(true);
  expect(cockpit.overdue.map((i) => i.id)).toEqual(["p4", "p5"]);
});

test("a closed period lists what was missing, never anything overdue", () => {
  const cockpit = buildCockpit(proposals, { ...period, closed: true }, new Date("2036-12-11T10:00:00Z"));
  expect(cockpit.closed).toBe(true);
  expect(cockpit.overdue).toEqual([]);
  expect(cockpit.missing.map((i) => [i.id, i.note])).toEqual([
    ["p4", "Draft never submitted"],
    ["p5", "No update"],
  ]);
});
