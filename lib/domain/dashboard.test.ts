import { describe, expect, test } from "vitest";
import { buildDashboard, type DashboardInput } from "./dashboard";

const input: DashboardInput = {
  areas: [
    { id: "cyber", number: 3, name: "Cyber", proposalCount: 5 },
    { id: "hybrid", number: 1, name: "Hybrid", proposalCount: 10 },
  ],
  statusByArea: [
    { areaId: "hybrid", status: "ONGOING", count: 4 },
    { areaId: "hybrid", status: "COMPLETED", count: 2 },
    { areaId: "cyber", status: "STALLED", count: 1 },
  ],
  assessments: [
    { assessment: "ON_TRACK", count: 5 },
    { assessment: "AT_RISK", count: 2 },
  ],
  organisations: [
    { id: "eu", code: "EU", name: "European Union", updateCount: 3 },
    { id: "nato", code: "NATO", name: "NATO", updateCount: 4 },
  ],
};

describe("buildDashboard", () => {
  const dashboard = buildDashboard(input);

  test("counts coverage against every proposal in the catalogue", () => {
    expect(dashboard.totalProposals).toBe(15);
    expect(dashboard.updatedCount).toBe(7);
    expect(dashboard.missingCount).toBe(8);
    expect(dashboard.coveragePercent).toBe(47);
  });

  test("orders areas by number and fills 'no update' per area", () => {
    expect(dashboard.byArea.map((a) => a.areaId)).toEqual(["hybrid", "cyber"]);
    expect(dashboard.byArea[0]!.counts).toMatchObject({ ONGOING: 4, COMPLETED: 2, NO_UPDATE: 4, STALLED: 0 });
    expect(dashboard.byArea[1]!.counts).toMatchObject({ STALLED: 1, NO_UPDATE: 4 });
  });

  test("status totals add up to the catalogue and shares to 100", () => {
    const counts = Object.fromEntries(dashboard.statusCounts.map((s) => [s.status, s.count]));
    expect(counts).toEqual({ NOT_STARTED: 0, IN_PROGRESS: 0, ONGOING: 4, COMPLETED: 2, STALLED: 1, NO_UPDATE: 8 });
    expect(dashboard.statusCounts.reduce((sum, s) => sum + s.share, 0)).toBe(100);
  });

  test("assessment split lists every assessment in order, zeros included", () => {
    expect(dashboard.assessments.map((a) => [a.assessment, a.count])).toEqual([
      ["ON_TRACK", 5],
      ["AT_RISK", 2],
      ["OFF_TRACK", 0],
      ["NOT_ASSESSED", 0],
    ]);
  });

  test("coverage by organisation is a share of the whole catalogue", () => {
    expect(dashboard.coverageByOrganisation).toEqual([
      { organisationId: "eu", code: "EU", name: "European Union", count: 3, percentOfTotal: 20 },
      { organisationId: "nato", code: "NATO", name: "NATO", count: 4, percentOfTotal: 27 },
    ]);
  });

  test("an empty period shows every proposal as missing", () => {
    const empty = buildDashboard({ ...input, statusByArea: [], assessments: [], organisations: [] });
    expect(empty.updatedCount).toBe(0);
    expect(empty.coveragePercent).toBe(0);
    expect(empty.statusCounts.at(-1)).toMatchObject({ status: "NO_UPDATE", count: 15, share: 100 });
  });

  test("refuses counts that cannot be true", () => {
    expect(() => buildDashboard({ ...input, statusByArea: [{ areaId: "cyber", status: "ONGOING", count: 6 }] })).toThrow(/more updates/);
    expect(() => buildDashboard({ ...input, statusByArea: [{ areaId: "nope", status: "ONGOING", count: 1 }] })).toThrow(/unknown area/);
  });
});
