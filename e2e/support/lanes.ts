// How the journeys are split into lanes that run side by side (scripts/test.sh): each spec file goes,
// longest first, to the lane with the least work so far. The seconds are what each file took in a full
// run of `npm test` on the 2-core CI machine (lanes running side by side); a new file counts as
// DEFAULT_SECONDS until it is measured.
import { readdirSync } from "node:fs";

const DEFAULT_SECONDS = 30;

export const SPEC_SECONDS: Record<string, number> = {
  "accessibility.spec.ts": 253,
  "sign-in-throttle.spec.ts": 107,
  "access-control.spec.ts": 96,
  "reports.spec.ts": 92,
  "notifications.spec.ts": 82,
  "people.spec.ts": 82,
  "responsive.spec.ts": 80,
  "focal-points.spec.ts": 80,
  "reporting-cycle.spec.ts": 72,
  "catalogue.spec.ts": 64,
  "manager-dashboard.spec.ts": 64,
  "dashboard-drill-down.spec.ts": 51,
  "record-update.spec.ts": 46,
  "import.spec.ts": 43,
  "first-run.spec.ts": 31,
  "proposals-list-csv.spec.ts": 27,
  "audit.spec.ts": 25,
  "print.spec.ts": 24,
  "security-headers.spec.ts": 24,
  "time-zone.spec.ts": 15,
  "my-work.spec.ts": 13,
  "review-queue.spec.ts": 10,
  "health.spec.ts": 1,
};

/** The spec files of each lane, given every spec file's name. Pure, so it can be tested. */
export function assignLanes(files: string[], lanes: number): string[][] {
  const seconds = (file: string) => SPEC_SECONDS[file] ?? DEFAULT_SECONDS;
  const sorted = [...files].sort((a, b) => seconds(b) - seconds(a) || a.localeCompare(b));
  const result = Array.from({ length: lanes }, () => ({ files: [] as string[], total: 0 }));
  for (const file of sorted) {
    const lightest = result.reduce((best, lane) => (lane.total < best.total ? lane : best));
    lightest.files.push(file);
    lightest.total += seconds(file);
  }
  return result.map((lane) => lane.files.sort());
}

/** The spec files (names within e2e/) the given lane runs. */
export function laneSpecFiles(e2eDir: string, lane: number, lanes: number): string[] {
  const files = readdirSync(e2eDir).filter((name) => name.endsWith(".spec.ts"));
  return assignLanes(files, lanes)[lane] ?? [];
}

/** Playwright's testMatch for the lane: its files, by name. */
export function laneTestMatch(e2eDir: string, lane: number, lanes: number): RegExp[] {
  return laneSpecFiles(e2eDir, lane, lanes).map((file) => new RegExp(`[\\\\/]${file.replaceAll(".", "\\.")}$`));
}
