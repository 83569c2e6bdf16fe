import { describe, expect, test } from "vitest";
import { buildChanges, isNewlyAtRisk, moveKey, parseMoveKey, summariseMoves, type ChangeRow } from "./changes";

const row = (number: number, over: Partial<ChangeRow>): ChangeRow => ({
  proposalId: `p${number}`,
  number,
  title: `Proposal ${number}`,
  areaName: "Hybrid",
  fromStatus: "IN_PROGRESS",
  toStatus: "IN_PROGRESS",
  fromAssessment: "ON_TRACK",
  toAssessment: "ON_TRACK",
  narrativeEdited: false,
  newEvidence: 0,
  ...over,
});

const rows: ChangeRow[] = [
  row(3, { toStatus: "COMPLETED", narrativeEdited: true }),
  row(1, { toStatus: "COMPLETED", newEvidence: 2 }),
  row(2, { toAssessment: "OFF_TRACK" }),
  row(4, { fromStatus: null, fromAssessment: null, toAssessment: "AT_RISK", newEvidence: 1 }),
  row(5, { fromAssessment: "AT_RISK", toAssessment: "OFF_TRACK" }),
  row(6, {}),
  row(7, { toStatus: null, toAssessment: null }),
];

describe("buildChanges", () => {
  const changes = buildChanges(rows);

  test("counts status moves from -> to, largest first; to or from 'no update' is a transition, not a move", () => {
    expect(changes.statusMoves).toBe(2);
    expect([changes.newlyReported, changes.notReported]).toEqual([1, 1]);
    expect(changes.moves.map((m) => [m.from, m.to, m.count])).toEqual([
      ["IN_PROGRESS", "COMPLETED", 2],
      ["IN_PROGRESS", "NO_UPDATE", 1],
      ["NO_UPDATE", "IN_PROGRESS", 1],
    ]);
    expect(changes.statusMoveItems.map((i) => i.number)).toEqual([1, 3]);
    expect(changes.transitionItems.map((i) => i.number)).toEqual([1, 3, 4, 7]);
  });

  test("lists new evidence, edited narratives and newly at risk (at risk or off track now, not before)", () => {
    expect([changes.withNewEvidence, changes.newEvidenceLinks, changes.narrativesEdited, changes.newlyAtRisk]).toEqual([2, 3, 1, 2]);
    expect(changes.newEvidenceItems.map((i) => i.number)).toEqual([1, 4]);
    expect(changes.narrativeItems.map((i) => i.number)).toEqual([3]);
    expect(changes.newlyAtRiskItems.map((i) => i.number)).toEqual([2, 4]);
  });

  test("the summary from rows grouped by move equals the one from single rows", () => {
    const grouped = summariseMoves([
      { from: "IN_PROGRESS", to: "COMPLETED", count: 2, narrativesEdited: 1, withNewEvidence: 1, newEvidenceLinks: 2, newlyAtRisk: 0 },
      { from: "IN_PROGRESS", to: "IN_PROGRESS", count: 3, narrativesEdited: 0, withNewEvidence: 0, newEvidenceLinks: 0, newlyAtRisk: 1 },
      { from: "NO_UPDATE", to: "IN_PROGRESS", count: 1, narrativesEdited: 0, withNewEvidence: 1, newEvidenceLinks: 1, newlyAtRisk: 1 },
      { from: "IN_PROGRESS", to: "NO_UPDATE", count: 1, narrativesEdited: 0, withNewEvidence: 0, newEvidenceLinks: 0, newlyAtRisk: 0 },
    ]);
    const { statusMoveItems: _a, transitionItems: _t, newEvidenceItems: _b, narrativeItems: _c, newlyAtRiskItems: _d, ...summary } = changes;
    expect(grouped).toEqual(summary);
  });

  test("newly at risk and move keys", () => {
    expect(isNewlyAtRisk(null, "AT_RISK")).toBe(true);
    expect(isNewlyAtRisk("OFF_TRACK", "AT_RISK")).toBe(false);
    expect(isNewlyAtRisk("AT_RISK", "ON_TRACK")).toBe(false);
    expect(parseMoveKey(moveKey("NO_UPDATE", "STALLED"))).toEqual({ from: "NO_UPDATE", to: "STALLED" });
    expect(parseMoveKey("STALLED-STALLED")).toBeNull();
    expect(parseMoveKey("DROP-TABLE")).toBeNull();
    expect(parseMoveKey(undefined)).toBeNull();
  });
});
