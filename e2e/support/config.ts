import { readFileSync } from "node:fs";
import path from "node:path";
// Where the browser tests run. The suite can be split into lanes (E2E_LANE of E2E_LANES, see
// e2e/support/lanes.ts): each lane is its own Playwright run with its own server and throwaway database
// (scripts/e2e-server.ts), so lanes never see each other's data. Ports are the base ports plus the lane
// number, overridable when they are taken.
export const E2E_LANES = Math.max(1, Number(process.env.E2E_LANES ?? 1));
export const E2E_LANE = Number(process.env.E2E_LANE ?? 0);
if (!Number.isInteger(E2E_LANE) || E2E_LANE < 0 || E2E_LANE >= E2E_LANES) {
  throw new Error(`E2E_LANE must be a whole number from 0 to ${E2E_LANES - 1}`);
}
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100) + E2E_LANE;
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54331) + E2E_LANE;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
/** Files a lane keeps to itself (storage states, results, report). */
export const E2E_LANE_DIR = E2E_LANES > 1 ? `lane-${E2E_LANE}` : "";
/**
 * Where scripts/e2e-server.ts leaves the URL of its database as the owner of the tables (its passwords are
 * generated per run), for the tests' fixtures and for reading what PostgreSQL holds. The app itself signs
 * in as its own role, which owns nothing.
 */
export const E2E_DATABASE_FILE = path.join(import.meta.dirname, "..", ".auth", E2E_LANE_DIR, "database-url");

export function e2eDatabaseUrl(database = "tracker"): string {
  const url = new URL(readFileSync(E2E_DATABASE_FILE, "utf8").trim());
  url.pathname = `/${database}`;
  return url.toString();
}
