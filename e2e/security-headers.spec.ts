// Every page carries a nonce-based Content-Security-Policy: the nonce changes with each response, every
// script of the page carries it, the pages work under it (charts drawn, forms sent) and the browser
// reports no CSP violation. Plus the framing and isolation headers. Nothing is written.
import { expect, test, type Page } from "@playwright/test";
import type { RoleName } from "./support/auth";
import { newAnonymousContext, newRoleContext } from "./support/pages";

const PAGES: { role: RoleName | null; path: string; ready?: (page: Page) => Promise<void> }[] = [
  { role: null, path: "/signin" },
  {
    role: "manager",
    path: "/dashboard",
    // The charts load their library in the browser after the page: allowed by 'strict-dynamic'.
    ready: async (page) => expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible(),
  },
  { role: "manager", path: "/proposals" },
  { role: "manager", path: "/reports/11", ready: async (page) => expect(page.getByTestId("report-annex-table")).toBeVisible() },
  { role: "staff", path: "/my-work" },
  { role: "admin", path: "/admin/import" },
];

/** Collects the page's CSP violation reports (the browser's securitypolicyviolation events) and console errors about CSP. */
async function watchViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) found.push(message.text());
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => found.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return found;
}

for (const check of PAGES) {
  test(`${check.path}${check.role ? ` (${check.role})` : ""} runs under a nonce-based CSP with no violation`, async ({ browser }) => {
    const context = check.role ? await newRoleContext(browser, check.role) : await newAnonymousContext(browser);
    try {
      const page = await context.newPage();
      const violations = await watchViolations(page);
      const response = await page.goto(check.path);
      expect(response?.status()).toBe(200);
      const headers = response!.headers();
      const csp = headers["content-security-policy"] ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce, csp).toBeTruthy();
      expect(csp).toContain("'strict-dynamic'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
      expect(headers["cross-origin-resource-policy"]).toBe("same-origin");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await check.ready?.(page);
      // Every script tag the server sent carries this response's nonce (what those scripts load later is
      // trusted through 'strict-dynamic').
      const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(0);
      expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
      // A second response gets another nonce.
      const again = await page.request.get(check.path);
      expect(again.headers()["content-security-policy"]).not.toContain(nonce!);
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
}

test("injected inline code (an event handler attribute, a javascript: link) does not run", async ({ browser }) => {
  const context = await newAnonymousContext(browser);
  try {
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await page.goto("/signin");
    // What markup injection would add: inline handlers and javascript: URLs need 'unsafe-inline'.
    const ran = await page.evaluate(async () => {
      const button = document.createElement("button");
      button.setAttribute("onclick", "window.__injected = true");
      document.body.appendChild(button);
      button.click();
      const link = document.createElement("a");
      link.href = "javascript:window.__injected = true";
      document.body.appendChild(link);
      link.click();
      await new Promise((resolve) => setTimeout(resolve, 200));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});
