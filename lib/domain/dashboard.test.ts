import { describe, expect, test } from "vitest";
import { buildDashboard, type DashboardInput } from "./dashboard";

const input: DashboardInput = {
  areas: [
    { id: "cyber", number: 3, name: "Cyber" },
    { id: "hybrid", number: 1, name: "Hybrid" },
  ],
  periods: [
    { id: "p2", number: 2, name: "2nd progress report" },
    { id: "p1", number: 1, name: "1st progress report" },
  ],
  periodId: "p2",
  scopeByArea: [
    { areaId: "hybrid", count: 10 },
    { areaId: "cyber", count: 5 },
  ],
  scopeByPeriod: ["p1", "p2"].flatMap((periodId) => [
    { periodId, areaId: "hybrid", count: 10 },
    { periodId, areaId: "cyber", count: 5 },
  ]),
  assessmentFiltered: false,
  current: [
    { areaId: "hybrid", status: "ONGOING", assessment: "ON_TRACK", count: 3 },
    { areaId: "hybrid", status: "ONGOING", assessment: "AT_RISK", count: 1 },
    { areaId: "hybrid", status: "COMPLETED", assessment: "ON_TRACK", count: 2 },
    { areaId: "cyber", status: "STALLED", assessment: "AT_RISK", count: 1 },
  ],
  history: [
    { periodId: "p1", areaId: "hybrid", status: "IN_PROGRESS", count: 4, progressSum: 100 },
    { periodId: "p1", areaId: "cyber", status: "NOT_STARTED", count: 5, progressSum: 0 },
    { periodId: "p2", areaId: "hybrid", status: "ONGOING", count: 4, progressSum: 320 },
    { periodId: "p2", areaId: "hybrid", status: "COMPLETED", count: 2, progressSum: 200 },
    { periodId: "p2", areaId: "cyber", status: "STALLED", count: 1, progressSum: 15 },
  ],
  organisations: [
    { code: "NATO", name: "NATO", followed: 9, reported: 4 },
    { code: "EU", name: "European Union", followed: 12, reported: 3 },
  ],
  overdue: 8,
};

describe("buildDashboard", () => {
  const dashboard = buildDashboard(input);

  test("counts coverage against every proposal in view", () => {
    expect(dashboard.totalProposals).toBe(15);
    expect(dashboard.updatedCount).toBe(7);
    expect(dashboard.missingCount).toBe(8);
    expect(dashboard.coveragePercent).toBe(47);
    expect(dashboard.overdueCount).toBe(8);
  });

  test("orders areas by number and fills 'no update' per area", () => {
    expect(dashboard.byArea.map((a) => a.areaId)).toEqual(["hybrid", "cyber"]);
    expect(dashboard.byArea[0]!.counts).toMatchObject({ ONGOING: 4, COMPLETED: 2, NO_UPDATE: 4, STALLED: 0 });
    expect(dashboard.byArea[1]!.counts).toMatchObject({ STALLED: 1, NO_UPDATE: 4 });
  });

  test("status totals add up to the proposals in view and shares to 100", () => {
    const counts = Object.fromEntries(dashboard.statusCounts.map((s) => [s.status, s.count]));
    expect(counts).toEqual({ NOT_STARTED: 0, IN_PROGRESS: 0, ONGOING: 4, COMPLETED: 2, STALLED: 1, NO_UPDATE: 8 });
    expect(dashboard.statusCounts.reduce((sum, s) => sum + s.share, 0)).toBe(100);
  });

  test("assessment split lists every assessment in order, zeros included; at risk counts at risk and off track", () => {
    expect(dashboard.assessments.map((a) => [a.assessment, a.count])).toEqual([
      ["ON_TRACK", 5],
      ["AT_RISK", 2],
      ["OFF_TRACK", 0],
      ["NOT_ASSESSED", 0],
    ]);
    expect(dashboard.atRiskCount).toBe(2);
  });

  test("coverage by organisation is reported of followed, sorted by code", () => {
    expect(dashboard.coverageByOrganisation).toEqual([
      { code: "EU", name: "European Union", followed: 12, reported: 3, missing: 9, percent: 25 },
      { code: "NATO", name: "NATO", followed: 9, reported: 4, missing: 5, percent: 44 },
    ]);
  });

  test("the trend has one row per period, oldest first, with counts and shares of the proposals in view", () => {
    expect(dashboard.trend.map((t) => t.periodId)).toEqual(["p1", "p2"]);
    const [p1, p2] = dashboard.trend;
    expect(p1!.total).toBe(15);
    expect(p1!.counts).toEqual({ NOT_STARTED: 5, IN_PROGRESS: 4, ONGOING: 0, COMPLETED: 0, STALLED: 0, NO_UPDATE: 6 });
    expect(p1!.shares).toEqual({ NOT_STARTED: 33, IN_PROGRESS: 27, ONGOING: 0, COMPLETED: 0, STALLED: 0, NO_UPDATE: 40 });
    // The selected period's trend row is the same numbers as its status cards.
    expect(Object.values(p2!.counts)).toEqual(dashboard.statusCounts.map((s) => s.count));
  });

  test("the heat map is area x period average progress of counted updates, null where nothing was counted", () => {
    const hybrid = dashboard.heatMap.rows.find((r) => r.areaId === "hybrid")!;
    expect(hybrid.cells).toEqual([
      { periodId: "p1", counted: 4, total: 10, averageProgress: 25 },
      { periodId: "p2", counted: 6, total: 10, averageProgress: 87 },
    ]);
    const empty = buildDashboard({ ...input, history: [] });
    expect(empty.heatMap.rows[0]!.cells[0]).toEqual({ periodId: "p1", counted: 0, total: 10, averageProgress: null });
  });

  test("with an assessment filter, totals are the counted updates and nothing is 'no update'", () => {
    const filtered = buildDashboard({
      ...input,
      assessmentFiltered: true,
      current: input.current.filter((c) => c.assessment === "AT_RISK"),
      history: [{ periodId: "p2", areaId: "hybrid", status: "ONGOING", count: 1, progressSum: 80 }],
    });
    expect([filtered.totalProposals, filtered.updatedCount, filtered.missingCount]).toEqual([2, 2, 0]);
    expect(filtered.trend.map((t) => t.total)).toEqual([0, 1]);
    expect(filtered.trend[0]!.shares.NO_UPDATE).toBe(0);
  });

  test("an empty period shows every proposal as missing", () => {
    const empty = buildDashboard({ ...input, current: [], history: [], organisations: [] });
    expect(empty.updatedCount).toBe(0);
    expect(empty.coveragePercent).toBe(0);
    expect(empty.statusCounts.at(-1)).toMatchObject({ status: "NO_UPDATE", count: 15, share: 100 });
  });

  test("refuses counts that cannot be true", () => {
    expect(() => buildDashboard({ ...input, current: [{ areaId: "cyber", status: "ONGOING", assessment: "ON_TRACK", count: 6 }] })).toThrow(/more updates/);
    expect(() => buildDashboard({ ...input, current: [{ areaId: "nope", status: "ONGOING", assessment: "ON_TRACK", count: 1 }] })).toThrow(/unknown area/);
    expect(() => buildDashboard({ ...input, history: [{ periodId: "p9", areaId: "cyber", status: "ONGOING", count: 1, progressSum: 0 }] })).toThrow(
      /unknown period/,
    );
  });
});
