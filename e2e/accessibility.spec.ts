// axe (WCAG 2.2 AA tags) with zero violations on every page, and keyboard access to the main content.
// Each page is scanned for the roles whose view of it differs (a manager's controls, a focal point's
// buttons, an admin's pages); a role that sees the same markup as one already scanned is not scanned again.
import { expect, test, type Page } from "@playwright/test";
import { ROLES, storageStatePath, type RoleName } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { createOpenUpdate, freshProposal, newUser } from "./support/data";
import { newAnonymousContext, newRoleContext, notificationBell, signedInPage, submitButton } from "./support/pages";

type PageCheck = { path: string; roles: RoleName[]; status?: number; ready: (page: Page) => Promise<void> };

const h1 = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
};

const PAGES: PageCheck[] = [
  {
    path: "/dashboard",
    roles: ["staff", "manager"],
    ready: async (page) => {
      await h1("Dashboard")(page);
      // The charts draw in the browser: check them drawn.
      await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
      await expect(page.locator(".recharts-pie-sector").first()).toBeVisible();
    },
  },
  { path: "/dashboard?period=report-10", roles: ["manager"], ready: h1("Dashboard") },
  {
    // Filtered, as of a past date (the 7th report was under way), with the filter panel open.
    path: "/dashboard?include=all&area=cyber&area=hybrid-threats&org=EU&assessment=ON_TRACK&assessment=AT_RISK&asOf=2022-01-15",
    roles: ["viewer"],
    ready: async (page) => {
      await h1("Dashboard")(page);
      await expect(page.getByTestId("as-of-notice")).toBeVisible();
      await expect(page.getByTestId("dashboard-scope")).toContainText("7th progress report");
    },
  },
  { path: "/dashboard/changes", roles: ["viewer"], ready: h1("What changed") },
  { path: "/dashboard/changes?from=report-01&to=report-02&move=NO_UPDATE-IN_PROGRESS", roles: ["manager"], ready: h1("What changed") },
  { path: "/proposals?status=ONGOING&period=report-07&asOf=2022-01-15", roles: ["viewer"], ready: h1("Proposals") },
  { path: "/proposals", roles: ["staff", "manager"], ready: h1("Proposals") },
  {
    path: "/proposals?status=NO_UPDATE",
    roles: ["manager"],
    ready: async (page) => {
      await h1("Proposals")(page);
      await expect(page.getByTestId("result-count")).toContainText("match the filters");
    },
  },
  { path: "/proposals/p01", roles: ["staff", "manager"], ready: h1(/^P01 · /) },
  {
    path: "/proposals/p01/compare",
    roles: ["viewer"],
    ready: async (page) => {
      await h1(/^Compare versions: P01 · /)(page);
      await expect(page.getByTestId("version-diff")).toBeVisible();
    },
  },
  { path: "/periods", roles: ["manager"], ready: h1("Reporting cycle") },
  {
    path: "/periods/report-11",
    roles: ["staff", "manager"],
    ready: async (page) => {
      await h1("11th progress report")(page);
      await expect(page.getByTestId("period-state")).toBeVisible();
    },
  },
  { path: "/periods/report-10", roles: ["manager"], ready: h1("10th progress report") },
  { path: "/periods/new", roles: ["manager"], ready: h1("New reporting period") },
  { path: "/periods/report-11/edit", roles: ["manager"], ready: h1("Edit the 11th progress report") },
  {
    // With sign-ins shown: on a fresh database they may be the only events yet.
    path: "/audit?signIns=1",
    roles: ["admin"],
    ready: async (page) => {
      await h1("Audit trail")(page);
      await expect(page.getByTestId("audit-table").locator("tbody tr").first()).toBeVisible();
    },
  },
  { path: "/audit?action=status_update&period=report-11", roles: ["admin"], ready: h1("Audit trail") },
  { path: "/reports", roles: ["viewer", "manager"], ready: h1("Progress reports") },
  {
    // The draft of a closed period, with the Publish panel.
    path: "/reports/10",
    roles: ["manager"],
    ready: async (page) => {
      await h1("10th progress report: Draft")(page);
      await expect(page.getByRole("button", { name: /^Publish edition \d+$/ })).toBeVisible();
    },
  },
  {
    path: "/reports/11",
    roles: ["manager"],
    ready: async (page) => {
      await h1("11th progress report: Draft")(page);
      await expect(page.getByTestId("report-annex-table")).toBeVisible();
    },
  },
];

for (const check of PAGES) {
  for (const role of check.roles) {
    test.describe(`as ${role}`, () => {
      test.use({ storageState: storageStatePath(role) });

      test(`${check.path} has no axe violations`, async ({ page }) => {
        const response = await page.goto(check.path);
        expect(response?.status()).toBe(check.status ?? 200);
        await check.ready(page);
        await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
        await expectNoAxeViolations(page);
      });
    });
  }
}

test.describe("anonymous", () => {
  test("/signin has no axe violations, also when showing an error", async ({ browser }) => {
    const context = await newAnonymousContext(browser);
    try {
      const page = await context.newPage();
      const response = await page.goto("/signin");
      expect(response?.status()).toBe(200);
      await h1("Sign in")(page);
      await expectNoAxeViolations(page);

      // Field errors (client-side) and the form error (wrong password).
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByLabel("E-mail address")).toHaveAccessibleDescription("Enter your e-mail address");
      await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Enter your password");
      await expectNoAxeViolations(page);

      await page.getByLabel("E-mail address").fill(ROLES.viewer);
      await page.getByLabel("Password").fill("wrong-password-2026");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "not correct" })).toBeVisible();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});

test.describe("focal-point staff", () => {
  test("the update form, the 403 page and the not-found page have no axe violations", async ({ browser }) => {
    const followed = await freshProposal(5);
    const staff = await newUser("STAFF", { focalPointOf: [followed.id] });
    const page = await signedInPage(browser, staff);
    try {
      const form = await page.goto(`/proposals/${followed.id}/update`);
      expect(form?.status()).toBe(200);
      await h1(`Record an update: ${followed.code} · ${followed.title}`)(page);
      await expectNoAxeViolations(page);

      // p01 is followed by the demo staff, not by this user.
      const forbidden = await page.goto("/proposals/p01/update");
      expect(forbidden?.status()).toBe(403);
      await h1("You cannot record an update for this proposal now")(page);
      // One <main>: the signed-in layout's.
      await expect(page.locator("main")).toHaveCount(1);
      await expectNoAxeViolations(page);

      const missing = await page.goto("/proposals/does-not-exist");
      expect(missing?.status()).toBe(404);
      await h1("Page not found")(page);
      await expect(page.locator("main")).toHaveCount(1);
      await expectNoAxeViolations(page);
    } finally {
      await page.context().close();
    }
  });
});

test.describe("review workflow", () => {
  test("the proposal page with the Review panel (manager, submitted update), its error state and the opened bell have no axe violations", async ({
    browser,
  }) => {
    const proposal = await freshProposal(5);
    const author = await newUser("STAFF", { focalPointOf: [proposal.id] });
    await createOpenUpdate(proposal.id, author, { workflowState: "SUBMITTED", rationale: "Reassessed after the last meeting." });
    const context = await newRoleContext(browser, "manager");
    try {
      const page = await context.newPage();
      await page.goto(`/proposals/${proposal.id}`);
      const review = page.getByRole("region", { name: "Review" });
      await expect(review.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      // Returning without a note: the error beside the field.
      await review.getByRole("button", { name: "Return to author" }).click();
      await expect(review.getByRole("alert")).toBeVisible();
      await expect(review.getByLabel("Note to the author")).toHaveAttribute("aria-invalid", "true");
      await expectNoAxeViolations(page);

      // The bell, opened with the keyboard.
      const { bell, summary, panel } = notificationBell(page);
      await summary.focus();
      await page.keyboard.press("Enter");
      await expect(bell).toHaveAttribute("open", "");
      await expect(panel.getByRole("link").first()).toBeVisible();
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });

  test("a returned update: its proposal page, its edit page (also with errors), the dashboard and the opened bell have no axe violations", async ({
    browser,
  }) => {
    const proposal = await freshProposal(5);
    const staff = await newUser("STAFF", { focalPointOf: [proposal.id] });
    const returnNote = "Add the outcome of the last staff talks.";
    await createOpenUpdate(proposal.id, staff, { workflowState: "RETURNED", returnNote });
    const page = await signedInPage(browser, staff);
    try {
      await expect(page.getByRole("region", { name: "Returned to you for changes" })).toBeVisible();
      await expectNoAxeViolations(page);

      const { bell, summary, panel } = notificationBell(page);
      await summary.click();
      await expect(bell).toHaveAttribute("open", "");
      await expect(panel).toContainText(returnNote);
      await expectNoAxeViolations(page);

      await page.goto(`/proposals/${proposal.id}`);
      await expect(page.getByRole("note")).toContainText(returnNote);
      await expectNoAxeViolations(page);

      const edit = await page.goto(`/proposals/${proposal.id}/update`);
      expect(edit?.status()).toBe(200);
      await h1(`Edit the update: ${proposal.code} · ${proposal.title}`)(page);
      await expect(page.getByRole("note")).toContainText(returnNote);
      await expectNoAxeViolations(page);

      await page.getByLabel("Narrative").fill("");
      await submitButton(page).click();
      await expect(page.locator("form[data-state]")).toHaveAttribute("data-state", "error");
      await expectNoAxeViolations(page);
    } finally {
      await page.context().close();
    }
  });

  test("the period form with errors has no axe violations", async ({ browser }) => {
    const context = await newRoleContext(browser, "manager");
    try {
      const page = await context.newPage();
      await page.goto("/periods/new");
      await h1("New reporting period")(page);
      await page.getByRole("button", { name: "Create period" }).click();
      const form = page.getByRole("form", { name: "Create a period" });
      await expect(form).toHaveAttribute("data-state", "error");
      await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
      await expectNoAxeViolations(page);
    } finally {
      await context.close();
    }
  });
});

test.describe("keyboard", () => {
  test.use({ storageState: storageStatePath("viewer") });

  for (const path of ["/dashboard", "/proposals", "/proposals/p01", "/periods"]) {
    test(`on ${path} the skip link is the first focusable element and moves focus to main`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Skip to main content" });
      await expect(skip).toBeFocused();
      // Visible while focused (it sits off-screen otherwise).
      await expect(skip).toBeInViewport();

      await page.keyboard.press("Enter");
      await expect(page.getByRole("main")).toBeFocused();
      await expect(page).toHaveURL(/#main$/);

      // The next Tab lands inside the main content, past the header and navigation.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.querySelector("main")?.contains(document.activeElement) ?? false)).toBe(true);
    });
  }
});
