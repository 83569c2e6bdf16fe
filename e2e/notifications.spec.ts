// The header's notification bell and /notifications. The badge counts what needs the person's action
// (every update owed or returned, every update awaiting a manager's review), compared with a count made
// here with Prisma; the panel shows 25 lines and ends with "See all notifications", a page that lists
// everything. The panel closes on Escape (focus back on the bell), on a click outside, when focus leaves
// it and on navigation; it fits a 390 x 844 screen without sideways scrolling, and without JavaScript it
// still opens. axe on the page and with the panel open at 1440 and 390 px. Only this spec's own people
// follow proposals here, and what they follow is removed at the end; no update is written.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { currentPeriodId, newUser } from "./support/data";
import { testDb } from "./support/db";
import { expectNoSidewaysScroll, newAnonymousContext, notificationBell, signedInPage } from "./support/pages";

// Proposals other journeys change (catalogue retires p74, import rewrites p73 with its focal points).
const LEFT_ALONE = ["p73", "p74"];
const WIDE = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const created: string[] = [];

test.afterAll(async () => {
  await testDb().focalPoint.deleteMany({ where: { userId: { in: created } } });
});

/** A staff member of the EU (NATO vacancies are another journey's count) following the given proposals. */
async function ownStaff(proposalIds: string[]) {
  const user = await newUser("STAFF", { organisationId: "eu", focalPointOf: proposalIds });
  created.push(user.id);
  return user;
}

async function currentProposalIds(): Promise<string[]> {
  const rows = await testDb().proposal.findMany({ where: { retiredAt: null, id: { notIn: LEFT_ALONE } }, select: { id: true }, orderBy: { number: "asc" } });
  return rows.map((r) => r.id);
}

/**
 * What needs the user's action, counted here with Prisma (not with the app's SQL): returned updates they
 * wrote or follow; while the period is open, each proposal they follow with no submitted, approved or
 * returned update (not retired before the period); for managers, every update awaiting review that
 * someone else wrote (four eyes).
 */
async function actionsNeeded(user: { id: string; role: string }): Promise<number> {
  const period = await testDb().reportingPeriod.findUniqueOrThrow({
    where: { id: await currentPeriodId() },
    select: { id: true, state: true, startsOn: true },
  });
  const returned = await testDb().statusUpdate.count({
    where: { periodId: period.id, workflowState: "RETURNED", OR: [{ authorId: user.id }, { proposal: { focalPoints: { some: { userId: user.id } } } }] },
  });
  const due =
    period.state === "OPEN" && user.role !== "VIEWER"
      ? await testDb().proposal.count({
          where: {
            focalPoints: { some: { userId: user.id } },
            OR: [{ retiredAt: null }, { retiredAt: { gt: period.startsOn } }],
            statusUpdates: { none: { periodId: period.id, workflowState: { in: ["SUBMITTED", "APPROVED", "RETURNED"] } } },
          },
        })
      : 0;
  const reviews =
    user.role === "MANAGER" || user.role === "ADMIN"
      ? await testDb().statusUpdate.count({ where: { periodId: period.id, workflowState: "SUBMITTED", authorId: { not: user.id } } })
      : 0;
  return returned + due + reviews;
}

async function openBell(page: Page) {
  const bell = notificationBell(page);
  await bell.summary.click();
  await expect(bell.bell).toHaveAttribute("open", "");
  await expect(bell.seeAll).toBeVisible();
  return bell;
}

async function widePage(browser: Browser, user: { email: string; password: string }, returnTo = "/dashboard") {
  const p = await signedInPage(browser, user, returnTo);
  await p.setViewportSize(WIDE);
  return p;
}

test("a focal point of many proposals: the badge counts every item, the panel shows 25 and leads to a page with all of them", async ({ browser }) => {
  const staff = await ownStaff(await currentProposalIds());
  const expected = await actionsNeeded(staff);
  expect(expected, "this journey needs more than the panel's 25 lines").toBeGreaterThan(25);

  const staffPage = await widePage(browser, staff);
  try {
    const { bell, summary, count, panel, seeAll } = notificationBell(staffPage);
    await expect(summary).toHaveAccessibleName(`Notifications: ${expected} need your action`);
    await expect(count).toHaveText(String(expected));

    await openBell(staffPage);
    await expect(panel.getByRole("listitem")).toHaveCount(25);
    await expect(panel).toContainText(`${expected - 25} more not shown here.`);
    await expectNoAxeViolations(staffPage);

    await seeAll.click();
    await expect(staffPage).toHaveURL(/\/notifications$/);
    await expect(staffPage.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await expect(bell).not.toHaveAttribute("open");
    const main = staffPage.getByRole("main");
    await expect(main.getByRole("listitem")).toHaveCount(expected);
    await expect(main.getByRole("heading", { level: 2, name: /^Updates due from you \(\d+\)$/ })).toBeVisible();
    await expect(
      main
        .getByRole("region", { name: /^Updates due from you/ })
        .getByRole("link")
        .first(),
    ).toHaveAttribute("href", /^\/proposals\/[^/]+\/update$/);
    await expect(main.getByTestId("notifications-summary")).toContainText(`${expected} things need your action`);
    await expectNoAxeViolations(staffPage);

    await staffPage.setViewportSize(PHONE);
    await expectNoSidewaysScroll(staffPage, "/notifications");
    await expectNoAxeViolations(staffPage);
  } finally {
    await staffPage.context().close();
  }
});

test("a manager: the badge counts every update awaiting review, shown as one line in the panel and one by one on the page", async ({ browser }) => {
  const manager = await newUser("MANAGER");
  const awaiting = await testDb().statusUpdate.count({ where: { periodId: await currentPeriodId(), workflowState: "SUBMITTED" } });
  expect(awaiting, "the demo data has several updates awaiting review").toBeGreaterThan(1);
  const expected = await actionsNeeded(manager);
  expect(expected).toBe(awaiting);

  const managerPage = await widePage(browser, manager);
  try {
    const { summary, count, panel } = notificationBell(managerPage);
    await expect(summary).toHaveAccessibleName(`Notifications: ${expected} need your action`);
    await expect(count).toHaveText(String(expected));
    await openBell(managerPage);
    await expect(panel.getByRole("listitem")).toHaveCount(1);
    await expect(panel.getByRole("link", { name: `${awaiting} updates awaiting review` })).toBeVisible();

    await managerPage.goto("/notifications");
    const reviews = managerPage.getByRole("region", { name: `Awaiting your review (${awaiting})` });
    await expect(reviews.getByRole("listitem")).toHaveCount(awaiting);
    await expect(reviews.getByRole("link").first()).toHaveAttribute("href", /^\/review\?at=[^/&]+$/);
    await expectNoAxeViolations(managerPage);
  } finally {
    await managerPage.context().close();
  }
});

test("the panel closes on Escape (focus back on the bell), on a click outside, when focus leaves it, and on navigation", async ({ browser }) => {
  const staff = await ownStaff((await currentProposalIds()).slice(-6));
  const staffPage = await widePage(browser, staff);
  try {
    const { bell, summary, panel, seeAll } = notificationBell(staffPage);
    const firstLink = panel.getByRole("listitem").first().getByRole("link");

    // Escape, with the keyboard: focus goes back to the bell's button.
    await summary.focus();
    await staffPage.keyboard.press("Enter");
    await expect(bell).toHaveAttribute("open", "");
    await staffPage.keyboard.press("Tab");
    await expect(firstLink).toBeFocused();
    await staffPage.keyboard.press("Escape");
    await expect(bell).not.toHaveAttribute("open");
    await expect(summary).toBeFocused();

    // A click outside.
    await openBell(staffPage);
    await staffPage.getByRole("heading", { name: "Dashboard", level: 1 }).click();
    await expect(bell).not.toHaveAttribute("open");

    // Tabbing past its last link.
    await openBell(staffPage);
    await seeAll.focus();
    await staffPage.keyboard.press("Tab");
    await expect(bell).not.toHaveAttribute("open");

    // Following one of its links: the page it leads to, with the panel closed and focus out of it.
    await openBell(staffPage);
    const href = await firstLink.getAttribute("href");
    const title = await firstLink.textContent();
    await firstLink.click();
    await expect(staffPage).toHaveURL(new RegExp(`${href}$`));
    await expect(staffPage.getByRole("heading", { level: 1 })).toContainText(title!.slice(0, 3));
    await expect(bell).not.toHaveAttribute("open");
    expect(await staffPage.evaluate(() => document.activeElement?.closest("[data-testid=notification-bell]") === null)).toBe(true);

    // Any route change, here the browser's Back button.
    await openBell(staffPage);
    await staffPage.goBack();
    await expect(staffPage).toHaveURL(/\/dashboard$/);
    await expect(bell).not.toHaveAttribute("open");
  } finally {
    await staffPage.context().close();
  }
});

test("at 390 x 844 the open panel lies within the screen, nothing scrolls sideways, and targets are at least 24 px", async ({ browser }) => {
  const staff = await ownStaff(await currentProposalIds());
  // On /notifications: the dashboard's own tables are wider than 390 px whether the bell is open or not.
  const phonePage = await signedInPage(browser, staff, "/notifications");
  try {
    await phonePage.setViewportSize(PHONE);
    const { summary, panel } = notificationBell(phonePage);
    const button = (await summary.boundingBox())!;
    expect(button.width).toBeGreaterThanOrEqual(24);
    expect(button.height).toBeGreaterThanOrEqual(24);

    await openBell(phonePage);
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await expectNoSidewaysScroll(phonePage, "/notifications with the bell open");
    const heights = await panel.getByRole("link").evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(1);
    for (const height of heights) expect(height).toBeGreaterThanOrEqual(24);
    await expectNoAxeViolations(phonePage);
  } finally {
    await phonePage.context().close();
  }
});

test("with nothing to do: the bell says so and /notifications is a sensible empty page", async ({ browser }) => {
  const viewer = await newUser("VIEWER");
  expect(await actionsNeeded(viewer)).toBe(0);
  const viewerPage = await widePage(browser, viewer, "/notifications");
  try {
    const { summary, count, panel } = notificationBell(viewerPage);
    await expect(summary).toHaveAccessibleName("Notifications: nothing needs your action");
    await expect(count).toHaveCount(0);
    await expect(viewerPage.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await expect(viewerPage.getByTestId("notifications-summary")).toHaveText(/^Nothing needs your action for the /);
    await expect(viewerPage.getByRole("main").getByRole("link", { name: "Back to the dashboard" })).toBeVisible();
    await expectNoAxeViolations(viewerPage);
    await openBell(viewerPage);
    await expect(panel).toContainText("Nothing needs your action.");
    await expectNoAxeViolations(viewerPage);
  } finally {
    await viewerPage.context().close();
  }
});

test("without JavaScript the bell still opens and its links work; /notifications needs a session", async ({ browser }) => {
  const staff = await ownStaff((await currentProposalIds()).slice(-3));
  const anonymous = await newAnonymousContext(browser);
  try {
    const response = await (await anonymous.newPage()).goto("/notifications");
    expect(new URL(response!.url()).pathname).toBe("/signin");
    expect(new URL(response!.url()).searchParams.get("callbackUrl")).toBe("/notifications");
  } finally {
    await anonymous.close();
  }

  const signedIn = await signedInPage(browser, staff);
  const noScript = await browser.newContext({
    baseURL: new URL(signedIn.url()).origin,
    storageState: await signedIn.context().storageState(),
    javaScriptEnabled: false,
  });
  await signedIn.context().close();
  try {
    const noScriptPage = await noScript.newPage();
    await noScriptPage.goto("/dashboard");
    const { bell, seeAll } = notificationBell(noScriptPage);
    await openBell(noScriptPage);
    await seeAll.click();
    await expect(noScriptPage).toHaveURL(/\/notifications$/);
    await expect(noScriptPage.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await expect(bell).not.toHaveAttribute("open");
  } finally {
    await noScript.close();
  }
});
