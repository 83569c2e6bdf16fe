// The health probe used by load balancers: public, uncached, and only "ok" when the database answers.
import { expect, test } from "@playwright/test";

test("GET /api/health answers 200 {status: ok} without a session", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] } });
  try {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  } finally {
    await request.dispose();
  }
});
