import { defineConfig, devices } from "@playwright/test";
import path from "node:path";
import { E2E_BASE_URL, E2E_LANE, E2E_LANE_DIR, E2E_LANES } from "./e2e/support/config";
import { laneTestMatch } from "./e2e/support/lanes";

// Debian's Chromium (apt-get install chromium): Playwright's own browser download is not reachable here.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // One worker per lane: the journeys of a lane share its database. `npm test` runs lanes side by side
  // (E2E_LANES, scripts/test.sh), each with its own server and database; `npx playwright test` alone is
  // one lane with every spec.
  workers: 1,
  forbidOnly: true,
  retries: 0,
  // A broken run (server down, every journey waiting for its timeout) ends early with its summary
  // instead of running into CI's time limit.
  maxFailures: 10,
  globalTimeout: 45 * 60_000,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: path.join("test-results", E2E_LANE_DIR),
  reporter: [["list"], ["html", { open: "never", outputFolder: path.join("playwright-report", E2E_LANE_DIR) }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup"],
      testMatch: E2E_LANES > 1 ? laneTestMatch(path.resolve(import.meta.dirname, "e2e"), E2E_LANE, E2E_LANES) : /\.spec\.ts$/,
    },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${E2E_BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
