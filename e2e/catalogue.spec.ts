// Journey: an admin edits the catalogue. A proposal's title is changed through the form (bad input first:
// the message sits beside the field), the new version appears in the history with a word diff, and the
// proposal's page shows the new title; the title is then put back. A save from a stale version is refused
// with what the other admin changed. A proposal is retired and brought back. An area's name cannot be
// another area's. Every new page passes axe and fits a 390 px wide screen; other roles get 403.
// P74 is used: no other spec writes to it. Everything changed is put back (afterAll repairs the database
// directly if a step failed half-way).
import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { testDb } from "./support/db";
import { newRoleContext } from "./support/pages";
import { elementsPastTheRightEdge } from "./support/reports";

const ID = "p74";
const CODE = "P74";
const EDIT_URL = `/admin/catalogue/proposals/${ID}`;

test.use({ storageState: storageStatePath("admin") });

let original: { title: string; description: string };

test.beforeAll(async () => {
  original = await testDb().proposal.findUniqueOrThrow({ where: { id: ID }, select: { title: true, description: true } });
});

test.afterAll(async () => {
  // Only when a test stopped half-way: the wording back as a new version (versions are append-only), and in use.
  const db = testDb();
  const now = await db.proposal.findUniqueOrThrow({ where: { id: ID } });
  if (now.title !== original.title || now.description !== original.description) {
    const latest = await db.proposalVersion.findFirstOrThrow({ where: { proposalId: ID }, orderBy: { version: "desc" } });
    await db.$transaction([
      db.proposal.update({ where: { id: ID }, data: original }),
      db.proposalVersion.create({
        data: {
          ...original,
          proposalId: ID,
          version: latest.version + 1,
          number: now.number,
          set: now.set,
          areaId: now.areaId,
          edaInvolved: now.edaInvolved,
          validFrom: new Date(),
        },
      }),
    ]);
  }
  if (now.retiredAt) await db.proposal.update({ where: { id: ID }, data: { retiredAt: null } });
});

const titleField = (page: Page) => page.getByRole("textbox", { name: "Title" });
const saveButton = (page: Page) => page.getByRole("button", { name: "Save as a new version" });
const latestVersion = async () => (await testDb().proposalVersion.findFirstOrThrow({ where: { proposalId: ID }, orderBy: { version: "desc" } })).version;

async function saveTitle(page: Page, title: string): Promise<number> {
  await titleField(page).fill(title);
  await saveButton(page).click();
  await expect(page.getByRole("status").filter({ hasText: /^Saved as version \d+\./ })).toBeVisible();
  return latestVersion();
}

test("an admin rewords a proposal's title: refused while empty, then saved as a new version with a diff, shown on the proposal's page, and put back", async ({
  page,
}) => {
  const edited = `${original.title} (reworded in review)`;

  await page.goto("/admin/catalogue");
  await expect(page.getByRole("heading", { name: "Catalogue", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Catalogue" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("catalogue-notice")).toBeVisible();
  await expectNoAxeViolations(page);

  // Find it with the filters: they land in the URL.
  await page.getByRole("searchbox", { name: "Search" }).fill(CODE);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]q=P74/);
  await expect(page.getByTestId("catalogue-count")).toHaveText(/^1 of \d+ proposals match the filters\.$/);
  await page.getByTestId("catalogue-proposals").getByRole("link", { name: original.title, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`${EDIT_URL}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${CODE} · ${original.title}`);
  await expectNoAxeViolations(page);
  const before = await latestVersion();

  // Bad input: an empty title. The message sits beside the field, the typed description is kept.
  await titleField(page).fill("");
  await page.getByRole("textbox", { name: "Description" }).fill(`${original.description} Kept.`);
  await saveButton(page).click();
  const form = page.getByRole("form", { name: "Edit the proposal" });
  await expect(form).toHaveAttribute("data-state", "error");
  const summary = page.getByRole("alert").filter({ hasText: "Some answers need correcting" });
  await expect(summary).toBeFocused();
  await expect(titleField(page)).toHaveAttribute("aria-invalid", "true");
  await expect(titleField(page)).toHaveAccessibleDescription(/Give the proposal a title of at least 3 characters/);
  await expect(page.getByRole("textbox", { name: "Description" })).toHaveValue(`${original.description} Kept.`);
  await expectNoAxeViolations(page);
  expect(await latestVersion()).toBe(before);

  // The new title (and the original description back), saved as the next version.
  await page.getByRole("textbox", { name: "Description" }).fill(original.description);
  const version = await saveTitle(page, edited);
  expect(version).toBe(before + 1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${CODE} · ${edited}`);
  const newest = page.getByTestId("version-history").locator(`li[data-version="${version}"]`);
  await expect(newest.getByRole("heading", { name: `Version ${version}` })).toBeVisible();
  await expect(newest).toContainText("by ");
  await expect(newest.locator('dd[data-field="title"] ins')).toHaveText(/reworded in review/);
  await expect(newest.locator('dd[data-field="description"]')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Everyone reads the new title on the proposal's page.
  await page.getByRole("link", { name: "Open the proposal's page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${CODE} · ${edited}`);

  // Put back: one more version with the original wording.
  await page.goto(EDIT_URL);
  expect(await saveTitle(page, original.title)).toBe(version + 1);
  expect(await testDb().proposal.findUniqueOrThrow({ where: { id: ID }, select: { title: true, description: true } })).toEqual(original);
});

test("a save from a stale version is refused and shows what the other admin changed", async ({ page, browser }) => {
  await page.goto(EDIT_URL);
  await expect(titleField(page)).toHaveValue(original.title);
  // Meanwhile another admin saves a new title.
  const other = await newRoleContext(browser, "admin");
  try {
    const otherPage = await other.newPage();
    await otherPage.goto(EDIT_URL);
    await saveTitle(otherPage, `${original.title} (changed meanwhile)`);
  } finally {
    await other.close();
  }
  await page.getByRole("textbox", { name: "Description" }).fill(`${original.description} Mine.`);
  await saveButton(page).click();
  await expect(page.getByRole("form", { name: "Edit the proposal" })).toHaveAttribute("data-state", "conflict");
  const conflict = page.getByTestId("conflict-current");
  await expect(conflict).toContainText("Changed by the other person: Title.");
  await expect(conflict).toContainText(`${original.title} (changed meanwhile)`);
  await expect(page.getByRole("textbox", { name: "Description" })).toHaveValue(`${original.description} Mine.`);
  expect((await testDb().proposal.findUniqueOrThrow({ where: { id: ID } })).description).toBe(original.description);
  await expectNoAxeViolations(page);

  // Put back, from a fresh page.
  await page.goto(EDIT_URL);
  await saveTitle(page, original.title);
  expect(await testDb().proposal.findUniqueOrThrow({ where: { id: ID }, select: { title: true, description: true } })).toEqual(original);
});

test("an admin retires a proposal and brings it back", async ({ page }) => {
  await page.goto(EDIT_URL);
  const retirement = page.getByTestId("retirement");
  await retirement.getByRole("button", { name: `Retire ${CODE}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Retired: the proposal is left out" })).toBeVisible();
  await expect(retirement.getByRole("heading", { name: "Retired" })).toBeVisible();
  expect((await testDb().proposal.findUniqueOrThrow({ where: { id: ID } })).retiredAt).not.toBeNull();
  await expectNoAxeViolations(page);

  // Shown as retired in the catalogue.
  await page.goto("/admin/catalogue?state=retired");
  await expect(page.getByTestId("catalogue-proposals").locator(`tr[data-proposal="${CODE}"]`)).toContainText("Retired");

  await page.goto(EDIT_URL);
  await page
    .getByTestId("retirement")
    .getByRole("button", { name: `Bring ${CODE} back` })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Brought back" })).toBeVisible();
  expect((await testDb().proposal.findUniqueOrThrow({ where: { id: ID } })).retiredAt).toBeNull();
});

test("an area cannot take another area's name: the message sits beside the field and nothing changes", async ({ page }) => {
  const [area, other] = await testDb().area.findMany({ orderBy: { number: "desc" }, take: 2 });
  await page.goto("/admin/catalogue");
  await page.getByTestId("catalogue-areas").getByRole("link", { name: area!.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Area ${area!.number}: ${area!.name}`);
  await expectNoAxeViolations(page);
  const name = page.getByRole("textbox", { name: "Name" });
  await name.fill(other!.name.toUpperCase());
  await page.getByRole("button", { name: "Save the area" }).click();
  await expect(page.getByRole("form", { name: "Edit the area" })).toHaveAttribute("data-state", "error");
  await expect(page.getByRole("textbox", { name: "Name" })).toHaveAccessibleDescription(new RegExp(`Another area is already named “${other!.name}”`));
  await expectNoAxeViolations(page);
  expect((await testDb().area.findUniqueOrThrow({ where: { id: area!.id } })).name).toBe(area!.name);
});

test("the catalogue pages fit a 390 px wide screen without scrolling sideways", async ({ page }) => {
  const area = await testDb().area.findFirstOrThrow({ orderBy: { number: "asc" } });
  await page.setViewportSize({ width: 390, height: 844 });
  for (const url of ["/admin/catalogue", `/admin/catalogue/areas/${area.id}`, EDIT_URL]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect.soft(scrollWidth, `page width of ${url} at 390 px; past the edge: ${(await elementsPastTheRightEdge(page)).join(", ")}`).toBeLessThanOrEqual(390);
  }
});

test("other roles get 403 on the catalogue pages", async ({ browser }) => {
  const context = await newRoleContext(browser, "manager");
  try {
    const page = await context.newPage();
    for (const url of ["/admin/catalogue", "/admin/catalogue/areas/cyber", EDIT_URL]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
    }
  } finally {
    await context.close();
  }
});
