// Journey: sign-in that resists attack, through the production server. Return paths an attacker puts
// in `callbackUrl` never take the browser off the app's origin; repeated failures on an account get a
// 429 with Retry-After and the form says how long to wait; the owner is told of failed attempts at their
// next sign-in; signing out is audited. Each test uses throwaway accounts of its own.
//
// The e2e server runs one app process; that the counters hold across app processes (one atomic upsert
// in PostgreSQL) is proven by tests/integration/sign-in-throttle.test.ts with two database clients.
// Every spec signs in from 127.0.0.1: only attempts that do not succeed count for an address (limit
// 100), this spec makes about a dozen, and it clears its rows at the end.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { accountThrottleKey, addressThrottleKey } from "@/lib/domain/throttle";
import { expectNoAxeViolations } from "./support/axe";
import { E2E_BASE_URL } from "./support/config";
import { newUser } from "./support/data";
import { testDb } from "./support/db";
import { newAnonymousContext } from "./support/pages";

const APP_ORIGIN = new URL(E2E_BASE_URL).origin;
const keysToClear = [addressThrottleKey("127.0.0.1")];

test.afterAll(async () => {
  await testDb().signInThrottle.deleteMany({ where: { key: { in: keysToClear } } });
});

/** What next-auth's `signIn()` posts, with the same CSRF token and cookie. */
async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, callbackUrl: `${E2E_BASE_URL}/`, json: "true" } });
}

// As an attacker writes them in a link: `/signin?callbackUrl=<this>`.
const HOSTILE_RETURN_PATHS = [
  "/%09/evil.example",
  "/%0A/evil.example",
  "/%0D/evil.example",
  "/%0D%0A/evil.example",
  "/%09%5Cevil.example",
  "/%09/%5Cevil.example",
  "/\t/evil.example",
  "/%5Cevil.example",
  "%5C%5Cevil.example",
  "/%5C/evil.example",
  "//evil.example",
  "///evil.example",
  "/%2F/evil.example",
  "/%252F/evil.example",
  "%2F%2Fevil.example",
  "/%2509/evil.example",
  "/.//evil.example",
  "/%2e%2e//evil.example",
  "https:evil.example",
  "https://evil.example/",
  "http:%2F%2Fevil.example",
  "javascript:alert(document.domain)",
];

// Signed in through the form for these (the reported bypasses and their cousins); every one of the list
// above is also tried once signed in, when the sign-in page redirects on the server. Both paths use the
// one check (lib/domain/safe-redirect.ts, table-tested with more variants).
const THROUGH_THE_FORM = [
  "/%09/evil.example",
  "/%0A/evil.example",
  "/%0D/evil.example",
  "/%09%5Cevil.example",
  "%5C%5Cevil.example",
  "/%2F/evil.example",
  "https:evil.example",
  "/.//evil.example",
];

/** Where the browser is: on the app's origin and at this path. */
async function expectOnApp(page: Page, path: string, candidate: string) {
  await expect.poll(() => new URL(page.url()).pathname, candidate).toBe(path);
  expect(new URL(page.url()).origin, candidate).toBe(APP_ORIGIN);
}

test("no return path takes the browser off the app's origin, through the form or once signed in", async ({ browser }) => {
  test.setTimeout(180_000);
  const user = await newUser("VIEWER");
  const context = await newAnonymousContext(browser);
  // Any request to another host is recorded and refused (it would fail anyway: the test machine has no
  // outside network, so only the record proves nothing tried).
  const offsite: string[] = [];
  await context.route(
    (url) => url.origin !== APP_ORIGIN,
    (route) => {
      offsite.push(route.request().url());
      return route.abort();
    },
  );
  try {
    const page = await context.newPage();
    // The control: a same-origin path is followed (so the checks below could see a redirect happen).
    for (const candidate of ["/proposals?area=cyber", ...THROUGH_THE_FORM]) {
      await page.goto(`/signin?callbackUrl=${candidate}`);
      await page.getByLabel("E-mail address").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("button", { name: "Sign out", exact: true }), candidate).toBeVisible();
      await expectOnApp(page, candidate.startsWith("/proposals") ? "/proposals" : "/dashboard", candidate);
      if (candidate !== THROUGH_THE_FORM.at(-1)) await context.clearCookies();
    }
    // Signed in, the sign-in page redirects on the server.
    for (const candidate of ["/proposals?area=cyber", ...HOSTILE_RETURN_PATHS]) {
      await page.goto(`/signin?callbackUrl=${candidate}`);
      await expectOnApp(page, candidate.startsWith("/proposals") ? "/proposals" : "/dashboard", candidate);
    }
    expect(offsite).toEqual([]);
  } finally {
    await context.close();
  }
});

test("failures on an account get 429 with Retry-After, and the form says how long to wait", async ({ browser }) => {
  const user = await newUser("VIEWER");
  keysToClear.push(accountThrottleKey(user.email));
  const context = await newAnonymousContext(browser);
  try {
    const page = await context.newPage();
    // Five wrong passwords are answered as wrong passwords…
    for (let i = 1; i <= 5; i++) expect((await postCredentials(page.request, user.email, `wrong-password-${i}`)).status()).toBe(401);
    // …then the next attempt, even with the right password, must wait 2 s.
    const refused = await postCredentials(page.request, user.email, user.password);
    expect(refused.status()).toBe(429);
    expect(refused.headers()["content-type"]).toContain("application/json");
    const retryAfter = Number(refused.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    expect(await refused.json()).toMatchObject({
      error: "SignInThrottled",
      retryAfter,
      message: `Too many attempts: try again in ${retryAfter} second${retryAfter === 1 ? "" : "s"}.`,
    });
    expect((await context.cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
    // Five failures, one audit row for the account.
    const failures = await testDb().auditEvent.findMany({ where: { action: "auth.sign_in_failed", entityId: user.email }, select: { after: true } });
    expect(failures).toEqual([{ after: { failures: 1, address: "127.0.0.1" } }]);

    // Reaching the limit takes some 15 minutes of waits: the block it leads to is set directly.
    await testDb().$executeRaw`UPDATE "SignInThrottle" SET "blockedUntil" = now() + interval '5 minutes' WHERE key = ${accountThrottleKey(user.email)}`;
    const blocked = await postCredentials(page.request, user.email, user.password);
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(290);

    await page.goto("/signin");
    await page.getByLabel("E-mail address").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("#signin-error")).toHaveText("Too many attempts: try again in 5 minutes.");
    await expect(page.locator("#signin-error")).toHaveRole("alert");
    await expect(page.getByRole("button", { name: "Sign in" })).toHaveAttribute("data-state", "idle");
    await expect(page).toHaveURL(/\/signin$/);
    await expectNoAxeViolations(page);
  } finally {
    await context.close();
  }
});

test("the owner is told of failed attempts at their next sign-in, until they dismiss it; signing out is audited", async ({ browser }) => {
  const user = await newUser("VIEWER");
  keysToClear.push(accountThrottleKey(user.email));
  const context = await newAnonymousContext(browser);
  try {
    const page = await context.newPage();
    for (let i = 1; i <= 3; i++) expect((await postCredentials(page.request, user.email, `not-mine-${i}`)).status()).toBe(401);

    await page.goto("/signin");
    await page.getByLabel("E-mail address").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const notice = page.getByRole("status", { name: "Failed sign-in attempts" });
    await expect(notice).toContainText("3 failed sign-in attempts on your account since your last sign-in (the last on ");
    await expect(notice.getByRole("link", { name: "change your password" })).toHaveAttribute("href", "/account");
    await expectNoAxeViolations(page);
    // On every page until dismissed.
    await page.goto("/proposals");
    await expect(notice).toBeVisible();
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(notice).toHaveCount(0);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/signin(\?|$)/);
    await expect.poll(() => testDb().auditEvent.count({ where: { action: "auth.sign_out", actorId: user.id, entityType: "User", entityId: user.id } })).toBe(1);

    // Signing in again: nothing new to tell.
    await page.getByLabel("E-mail address").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
    await expect(notice).toHaveCount(0);
  } finally {
    await context.close();
  }
});
