import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assignLanes, laneSpecFiles, SPEC_SECONDS } from "./lanes";

const e2eDir = path.resolve(import.meta.dirname, "..");
const specFiles = readdirSync(e2eDir).filter((name) => name.endsWith(".spec.ts"));

describe("browser-test lanes", () => {
  it("run every spec file exactly once, whatever the number of lanes", () => {
    for (const lanes of [1, 2, 3]) {
      const all = Array.from({ length: lanes }, (_, lane) => laneSpecFiles(e2eDir, lane, lanes)).flat();
      expect(all.sort()).toEqual([...specFiles].sort());
    }
  });

  it("know how long each spec file takes, so that the lanes stay balanced", () => {
    expect(specFiles.filter((file) => !(file in SPEC_SECONDS))).toEqual([]);
    expect(Object.keys(SPEC_SECONDS).filter((file) => !specFiles.includes(file))).toEqual([]);
  });

  it("give the next longest file to the lane with the least work", () => {
    const lanes = assignLanes(["accessibility.spec.ts", "reports.spec.ts", "people.spec.ts", "health.spec.ts"], 2);
    expect(lanes).toEqual([["accessibility.spec.ts"], ["health.spec.ts", "people.spec.ts", "reports.spec.ts"]]);
    const totals = assignLanes(specFiles, 2).map((files) => files.reduce((sum, file) => sum + SPEC_SECONDS[file]!, 0));
    expect(Math.abs(totals[0]! - totals[1]!)).toBeLessThanOrEqual(Math.max(...Object.values(SPEC_SECONDS)));
  });
});
