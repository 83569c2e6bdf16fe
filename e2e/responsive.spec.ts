// Every page on a phone (390 x 844): the document never scrolls sideways (a wide table scrolls inside its
// own box, which says so), the header folds into a menu and stays short, and axe finds nothing: its
// layout-dependent rules (target size, scrolling regions, contrast) on pages accessibility.spec.ts scans
// whole at desktop size, all of WCAG 2.2 AA on the others. Each role opens the pages it uses; pages with their own 390 px checks
// (people, focal points, catalogue, import, notifications panel, reports) are left to their specs.
// Nothing is written.
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { RoleName } from "./support/auth";
import { expectNoAxeViolations, expectNoLayoutAxeViolations } from "./support/axe";
import { freshProposal, newUser } from "./support/data";
import { expectNoSidewaysScroll, newAnonymousContext, newRoleContext, signedInPage } from "./support/pages";

const PHONE = { width: 390, height: 844 };
// The folded header: the site name, the menu button and the bell on one line.
const MAX_HEADER_HEIGHT = 80;

const PAGES: Record<RoleName, string[]> = {
  staff: ["/my-work", "/dashboard", "/proposals?mine=1", "/proposals/p01", "/notifications", "/account"],
  manager: [
    "/review",
    "/dashboard?include=all&area=cyber&org=EU",
    "/dashboard/changes",
    "/proposals",
    "/proposals/p01/compare",
    "/periods",
    "/periods/report-11",
    "/periods/new",
    "/reports",
  ],
  viewer: ["/proposals?status=ONGOING&period=report-07&asOf=2022-01-15", "/periods/report-02"],
  admin: ["/audit?signIns=1"],
};

// Pages accessibility.spec.ts scans whole (every WCAG 2.2 AA rule) at desktop size.
const SCANNED_AT_DESKTOP = new Set([
  "/dashboard",
  "/dashboard/changes",
  "/proposals",
  "/proposals/p01/compare",
  "/periods",
  "/periods/report-11",
  "/periods/new",
  "/reports",
  "/audit",
]);

async function checkPhonePage(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect.soft(response?.status(), path).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page, path);
  const header = await page.locator(".site-header").boundingBox();
  if (header) expect.soft(header.height, `header height on ${path}`).toBeLessThanOrEqual(MAX_HEADER_HEIGHT);
  if (SCANNED_AT_DESKTOP.has(path.split("?")[0]!)) await expectNoLayoutAxeViolations(page);
  else await expectNoAxeViolations(page);
}

async function phoneContext(browser: Browser, role: RoleName) {
  const context = await newRoleContext(browser, role);
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  return page;
}

for (const role of Object.keys(PAGES) as RoleName[]) {
  test(`as ${role}, every page fits a 390 px wide screen and passes axe`, async ({ browser }) => {
    test.setTimeout(30_000 + PAGES[role].length * 15_000);
    const page = await phoneContext(browser, role);
    try {
      for (const path of PAGES[role]) await checkPhonePage(page, path);
    } finally {
      await page.context().close();
    }
  });
}

test("the update form and the sign-in page fit a 390 px wide screen; the menu opens and closes by keyboard", async ({ browser }) => {
  const anonymous = await newAnonymousContext(browser);
  try {
    const page = await anonymous.newPage();
    await page.setViewportSize(PHONE);
    await page.goto("/signin");
    await expectNoSidewaysScroll(page, "/signin");
    await expectNoAxeViolations(page);
  } finally {
    await anonymous.close();
  }

  const proposal = await freshProposal(0);
  const staff = await newUser("STAFF", { focalPointOf: [proposal.id] });
  const page = await signedInPage(browser, staff, `/proposals/${proposal.id}/update`);
  try {
    await page.setViewportSize(PHONE);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Record an update: ${proposal.code} · ${proposal.title}`);
    await expectNoSidewaysScroll(page, "the update form");
    await expectNoAxeViolations(page);

    // The navigation sits behind the menu button on a phone.
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Proposals" })).toBeHidden();
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Proposals" })).toBeVisible();
    await expectNoSidewaysScroll(page, "the open menu");
    await expectNoAxeViolations(page);
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
  } finally {
    await page.context().close();
  }
});
