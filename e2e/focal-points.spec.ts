// Journeys of the focal-point admin: an admin gives a new staff member a whole area from the person's
// page; the staff member can then record an update on one of its proposals, through the form; the admin
// hands all of it over to someone else in one step. A proposal whose only NATO focal point is removed
// shows among the vacancies, and is filled again with the keyboard alone. axe on every page, and each
// page fits a 390 px wide screen. Only this spec's own people are assigned or removed, and whatever they
// follow is removed at the end, so the demo data is left as it was.
import { expect, test, type Page } from "@playwright/test";
import { createUser } from "@/prisma/factories";
import { expectNoAxeViolations } from "./support/axe";
import { freshProposal, newUser, openUpdateOf } from "./support/data";
import { testDb } from "./support/db";
import { recordUpdateThroughForm, signedInPage } from "./support/pages";
import { elementsPastTheRightEdge } from "./support/reports";

const created: string[] = [];

async function ownUser(...args: Parameters<typeof newUser>) {
  const user = await newUser(...args);
  created.push(user.id);
  return user;
}

test.afterAll(async () => {
  await testDb().focalPoint.deleteMany({ where: { userId: { in: created } } });
});

async function followedBy(userId: string): Promise<string[]> {
  const rows = await testDb().focalPoint.findMany({ where: { userId }, select: { proposalId: true }, orderBy: { proposalId: "asc" } });
  return rows.map((r) => r.proposalId);
}

/** The shared outcome message of a focal-point page, once the change is done. */
function outcome(page: Page) {
  return page.getByTestId("focal-point-changes").getByRole("status");
}

async function expectNoSidewaysScroll(page: Page, url: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(scrollWidth, `page width of ${url} at 390 px; past the edge: ${(await elementsPastTheRightEdge(page)).join(", ")}`).toBeLessThanOrEqual(390);
}

/** NATO vacancies, counted in SQL: current proposals with no active NATO focal point. */
async function natoVacancies(): Promise<{ id: string; number: number }[]> {
  return testDb().$queryRawUnsafe<{ id: string; number: number }[]>(
    `SELECT p.id, p.number FROM "Proposal" p WHERE p."retiredAt" IS NULL AND NOT EXISTS (
       SELECT 1 FROM "FocalPoint" f JOIN "User" u ON u.id = f."userId" WHERE f."proposalId" = p.id AND u."organisationId" = 'nato' AND u.active)
     ORDER BY p.number`,
  );
}

test("an admin assigns a new staff member a whole area; they record an update; the admin hands it all over", async ({ browser }) => {
  const proposal = await freshProposal(12);
  const areaProposals = (
    await testDb().proposal.findMany({ where: { areaId: proposal.areaId, retiredAt: null }, select: { id: true }, orderBy: { id: "asc" } })
  ).map((p) => p.id);
  const admin = await ownUser("ADMIN");
  const staff = await ownUser("STAFF");
  const successor = await ownUser("STAFF");
  const personUrl = `/admin/focal-points/people/${staff.id}`;

  const adminPage = await signedInPage(browser, admin, personUrl);
  try {
    await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText(`Proposals followed by ${staff.name}`);
    await expect(adminPage.getByTestId("followed-count")).toHaveText("Follows 0 proposals.");
    await expectNoAxeViolations(adminPage);

    // The whole area at once.
    const area = adminPage.getByTestId(`area-${proposal.areaId}`);
    await area
      .getByRole("button", { name: `Assign all of ${proposal.areaName} (${areaProposals.length} proposal${areaProposals.length === 1 ? "" : "s"})` })
      .click();
    await expect(outcome(adminPage)).toHaveText(
      `${staff.name} now follows ${areaProposals.length} proposal${areaProposals.length === 1 ? "" : "s"} more in ${proposal.areaName}.`,
    );
    await expect(outcome(adminPage)).toBeFocused();
    await expect(adminPage.getByTestId("followed-count")).toHaveText(`Follows ${areaProposals.length} proposal${areaProposals.length === 1 ? "" : "s"}.`);
    await expect(area.getByRole("link", { name: `${proposal.code} · ${proposal.title}` })).toBeVisible();
    expect(await followedBy(staff.id)).toEqual(areaProposals);
    await expectNoAxeViolations(adminPage);

    // The new focal point records the update of one of them.
    const staffPage = await signedInPage(browser, staff, `/proposals/${proposal.id}`);
    try {
      await expect(staffPage.getByRole("link", { name: /^Record update for the / })).toBeVisible();
      await recordUpdateThroughForm(staffPage, proposal.id, {
        status: "In progress",
        assessment: "On track",
        progress: "15",
        narrative: `First update by the new focal point (${staff.name}).`,
        rationale: "New focal point's first assessment.",
      });
      expect(await openUpdateOf(proposal.id)).toMatchObject({ authorId: staff.id, workflowState: "DRAFT", progress: 15 });

      // Hand-over: everything goes to the successor in one step.
      await adminPage.reload();
      await adminPage.getByLabel("Hand over to").selectOption(successor.id);
      await adminPage.getByRole("button", { name: `Hand over ${areaProposals.length} proposal${areaProposals.length === 1 ? "" : "s"}` }).click();
      await expect(outcome(adminPage)).toHaveText(
        `${areaProposals.length} proposal${areaProposals.length === 1 ? "" : "s"} moved from ${staff.name} to ${successor.name}.`,
      );
      await expect(adminPage.getByTestId("followed-count")).toHaveText("Follows 0 proposals.");
      expect(await followedBy(staff.id)).toEqual([]);
      expect(await followedBy(successor.id)).toEqual(areaProposals);

      // The former focal point may no longer edit it; the successor may.
      await staffPage.goto(`/proposals/${proposal.id}`);
      await expect(staffPage.getByRole("heading", { level: 1 })).toContainText(proposal.code);
      await expect(staffPage.getByRole("link", { name: /^(Record|Edit) update for the / })).toHaveCount(0);
    } finally {
      await staffPage.context().close();
    }
    const successorPage = await signedInPage(browser, successor, `/proposals/${proposal.id}`);
    try {
      await expect(successorPage.getByRole("link", { name: /^Edit update for the / })).toBeVisible();
    } finally {
      await successorPage.context().close();
    }

    // The successor's page lists them under the area.
    await adminPage.goto(`/admin/focal-points/people/${successor.id}`);
    await expect(adminPage.getByTestId(`area-${proposal.areaId}`).getByRole("link", { name: `${proposal.code} · ${proposal.title}` })).toBeVisible();
    await expectNoAxeViolations(adminPage);
  } finally {
    await adminPage.context().close();
  }
});

test("a proposal whose only NATO focal point is removed is listed as vacant, and is filled again with the keyboard alone", async ({ browser }) => {
  // A NATO vacancy of the demo data, filled first by this spec's own staff member: its only NATO focal point.
  const vacancy = (await natoVacancies()).at(-1)!;
  const code = `P${String(vacancy.number).padStart(2, "0")}`;
  const admin = await ownUser("ADMIN");
  const first = await ownUser("STAFF", { focalPointOf: [vacancy.id] });
  const keyboardUser = await createUser(testDb(), { role: "STAFF", name: `Zoran Keyboard ${Date.now()}` });
  created.push(keyboardUser.id);
  const viewer = await ownUser("VIEWER");
  const listed = (page: Page) => page.getByTestId("focal-point-table").locator(`tbody tr[data-proposal="${code}"]`);

  const page = await signedInPage(browser, admin, "/admin/focal-points?side=NATO&vacant=1");
  try {
    await expect(page.getByRole("heading", { name: "Focal points", level: 1 })).toBeVisible();
    const before = (await natoVacancies()).length;
    await expect(page.getByTestId("vacancies-NATO").locator(".stat__value")).toHaveText(String(before));
    await expect(page.getByTestId("result-count")).toHaveText(`${before} proposals vacant on the NATO side.`);
    await expect(listed(page)).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The proposal's page: remove its only NATO focal point.
    await page.goto(`/admin/focal-points/${vacancy.id}`);
    const nato = page.getByTestId("side-NATO");
    await expect(nato.getByRole("link", { name: first.name })).toBeVisible();
    // A viewer is never offered.
    await expect(nato.getByRole("option", { name: new RegExp(`^${viewer.name} `) })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await nato.getByRole("button", { name: `Remove ${first.name}` }).click();
    await expect(outcome(page)).toHaveText(`${first.name} is no longer a focal point for ${code}.`);
    await expect(nato.getByText(`No active NATO focal point follows this proposal.`)).toBeVisible();
    expect(await followedBy(first.id)).toEqual([]);
    await expectNoAxeViolations(page);

    // Listed among the vacancies: follow the NATO count, then narrow to the area with the filter form.
    await page.goto("/admin/focal-points");
    await expect(page.getByTestId("vacancies-NATO").locator(".stat__value")).toHaveText(String(before + 1));
    await page.getByRole("link", { name: `${before + 1} NATO vacancies: list them` }).click();
    await expect(page).toHaveURL(/\/admin\/focal-points\?side=NATO&vacant=1$/);
    await expect(listed(page)).toHaveCount(1);
    await expect(listed(page).locator('td[data-side="NATO"]')).toHaveText("Vacant");
    const areaId = (await testDb().proposal.findUniqueOrThrow({ where: { id: vacancy.id }, select: { areaId: true } })).areaId;
    await page.getByLabel("Area").selectOption(areaId);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(new RegExp(`\\?area=${areaId}&side=NATO&vacant=1$`));
    await expect(listed(page)).toHaveCount(1);
    await expectNoAxeViolations(page);

    // Keyboard only: skip link, then Tab to the NATO select, type the name, Tab to the button, Enter.
    await listed(page)
      .getByRole("link", { name: new RegExp(`^${code} · `) })
      .click();
    await expect(page).toHaveURL(new RegExp(`/admin/focal-points/${vacancy.id}$`));
    // From a fresh load, as a keyboard user arriving at the page.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(code);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
    await page.keyboard.press("Enter");
    const select = page.getByRole("combobox", { name: "Add a NATO focal point", exact: true });
    for (let i = 0; i < 40 && !(await select.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(select).toBeFocused();
    await page.keyboard.type(keyboardUser.name);
    await expect(select).toHaveValue(keyboardUser.id);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Assign as NATO focal point" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(outcome(page)).toHaveText(`${keyboardUser.name} is now a focal point for ${code}.`);
    await expect(outcome(page)).toBeFocused();
    expect(await followedBy(keyboardUser.id)).toEqual([vacancy.id]);

    await page.goto("/admin/focal-points?side=NATO&vacant=1");
    await expect(page.getByTestId("vacancies-NATO").locator(".stat__value")).toHaveText(String(before));
    await expect(listed(page)).toHaveCount(0);
  } finally {
    await page.context().close();
  }
});

test("every focal-point page fits a 390 px wide screen, and is for admins only", async ({ browser }) => {
  const admin = await ownUser("ADMIN");
  const staff = await ownUser("STAFF", { focalPointOf: ["p01", "p02"] });
  const page = await signedInPage(browser, admin, "/admin/focal-points");
  try {
    for (const url of ["/admin/focal-points", "/admin/focal-points?vacant=1", "/admin/focal-points/p01", `/admin/focal-points/people/${staff.id}`]) {
      await expectNoSidewaysScroll(page, url);
      await expectNoAxeViolations(page);
    }
  } finally {
    await page.context().close();
  }

  const staffPage = await signedInPage(browser, staff, "/dashboard");
  try {
    for (const url of ["/admin/focal-points", "/admin/focal-points/p01", `/admin/focal-points/people/${staff.id}`]) {
      const response = await staffPage.goto(url);
      expect(response?.status(), url).toBe(403);
    }
  } finally {
    await staffPage.context().close();
  }
});
