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
// The embedded server's fixed local credentials (scripts/lib/embedded-postgres.ts).
export const E2E_DATABASE_URL = `postgresql://postgres:embedded-local-only@127.0.0.1:${E2E_PG_PORT}/tracker`;
/** Files a lane keeps to itself (storage states, results, report). */
export const E2E_LANE_DIR = E2E_LANES > 1 ? `lane-${E2E_LANE}` : "";
