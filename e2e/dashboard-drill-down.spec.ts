// Journeys through the dashboard's numbers: a bar segment, a slice, a table-twin cell (by keyboard) and a
// heat-map cell each open the proposal list filtered to exactly those proposals; the filters live in the
// URL; the dashboard and the list can be shown as of a past date, rebuilt from the version history;
// "what changed" lists the moves behind each number; the page prints without its controls.
import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { openPeriodId } from "./support/data";
import { testDb } from "./support/db";
import { openDashboard, readStat } from "./support/pages";

test.use({ storageState: storageStatePath("manager") });

const rows = (page: Page) => page.getByTestId("proposal-table").locator("tbody tr");

/** What the list page says it shows: the number of rows (or 0 when nothing matches). */
async function listedCount(page: Page): Promise<number> {
  await expect(page.getByRole("heading", { name: "Proposals", level: 1 })).toBeVisible();
  if (await page.getByText("No proposal matches these filters.").isVisible()) return 0;
  return rows(page).count();
}

test("a bar segment opens the list of exactly the proposals it counts, with every filter in the URL", async ({ page }) => {
  const periodId = await openPeriodId();
  await openDashboard(page);
  const figure = page.getByRole("figure", { name: "Implementation status by area" });
  // The "Ongoing" series is the third layer of bars; its first drawn segment is one area's count.
  const ongoing = figure.locator(".recharts-bar").nth(2).locator(".recharts-bar-rectangle path");
  await expect(ongoing.first()).toBeVisible();
  await ongoing.first().click();
  await expect(page).toHaveURL(/\/proposals\?area=[a-z-]+&status=ONGOING&period=report-11$/);
  const areaId = new URL(page.url()).searchParams.get("area")!;
  const expected = await testDb().statusUpdate.count({ where: { periodId, workflowState: "APPROVED", status: "ONGOING", proposal: { areaId } } });
  expect(expected).toBeGreaterThan(0);
  expect(await listedCount(page)).toBe(expected);
  for (const badge of await rows(page).locator(".badge--ONGOING").all()) await expect(badge).toBeVisible();
  await expect(rows(page).locator(".badge--ONGOING")).toHaveCount(expected);
});

test("a donut slice opens the proposals with that assessment", async ({ page }) => {
  const periodId = await openPeriodId();
  await openDashboard(page);
  const rag = page.getByRole("figure", { name: "Assessment (RAG)" });
  // The first (largest) slice: its box's centre may fall in the donut's hole, so the click is dispatched
  // on the slice itself rather than at a point of the page.
  const slice = rag.locator(".recharts-pie-sector path").first();
  await expect(slice).toBeVisible();
  await slice.dispatchEvent("click");
  await expect(page).toHaveURL(/\/proposals\?assessment=[A-Z_]+&period=report-11$/);
  const assessment = new URL(page.url()).searchParams.get("assessment") as "ON_TRACK";
  expect(await listedCount(page)).toBe(await testDb().statusUpdate.count({ where: { periodId, workflowState: "APPROVED", assessment } }));
});

test("with the keyboard: a number in a table twin opens the same list as the segment it stands for", async ({ page }) => {
  await openDashboard(page);
  const figure = page.getByRole("figure", { name: "Implementation status by area" });
  const summary = figure.getByText("Show the data as a table");
  await summary.focus();
  await page.keyboard.press("Enter");
  const twin = figure.getByRole("table", { name: "Proposals by area and implementation status" });
  await expect(twin).toBeVisible();
  const link = twin.locator("tbody").getByRole("link").first();
  const count = Number(await link.textContent());
  // Tab from the summary to the first link of the table, then follow it.
  await summary.focus();
  for (let i = 0; i < 20 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/proposals\?area=.+&status=.+&period=report-11$/);
  expect(await listedCount(page)).toBe(count);
});

test("filters in the URL narrow every number; the heat map and trend drill into the period they show", async ({ page }) => {
  await openDashboard(page);
  await page.getByText("Filter by area, organisation or assessment").click();
  await page.getByRole("group", { name: "Area" }).getByLabel("Cyber security and defence").check();
  await page.getByRole("group", { name: "Focal-point organisation" }).getByLabel(/^NATO/).check();
  await page.getByRole("combobox", { name: "Count" }).selectOption("all");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/\/dashboard\?period=report-11&include=all&area=cyber&org=NATO$/);
  const inView = await testDb().proposal.count({ where: { areaId: "cyber", focalPoints: { some: { user: { organisation: { code: "NATO" } } } } } });
  await expect(page.getByTestId("headline-total").locator(".stat__value")).toHaveText(String(inView));
  // Reload: the filters come back from the URL.
  await page.reload();
  await expect(page.getByRole("group", { name: "Area" }).getByLabel("Cyber security and defence")).toBeChecked();
  const noUpdate = await readStat(page, "NO_UPDATE");

  // A heat-map cell of an earlier period opens that period's list for the area, filters kept.
  const heat = page.getByRole("region", { name: "Progress by area and period" });
  // The 9th column of the Cyber row (row and column headers name each cell).
  const cell = heat
    .getByRole("row", { name: /^Cyber security and defence/ })
    .getByRole("link")
    .nth(8);
  await cell.click();
  // The dashboard counts all updates here; the list's default is approved only, so the link names "all".
  await expect(page).toHaveURL(/\/proposals\?area=cyber&org=NATO&period=report-09&include=all$/);
  expect(await listedCount(page)).toBe(inView);
  await page.goBack();

  // The "No update" card opens the list of the ones without an update.
  await page.getByTestId("stat-NO_UPDATE").getByRole("link").click();
  await expect(page).toHaveURL(/\/proposals\?area=cyber&status=NO_UPDATE&org=NATO&period=report-11&include=all$/);
  expect(await listedCount(page)).toBe(noUpdate);
});

test("as of a past date, the dashboard and the list it opens show what was recorded by then", async ({ page }) => {
  const periodId = await openPeriodId();
  // The median day on which this period's versions were recorded: about half existed by its end.
  const [dayRow] = await testDb().$queryRaw<{ day: string }[]>`
    SELECT to_char(percentile_disc(0.5) WITHIN GROUP (ORDER BY r."createdAt"), 'YYYY-MM-DD') AS day
    FROM "StatusUpdateRevision" r JOIN "StatusUpdate" u ON u.id = r."statusUpdateId" WHERE u."periodId" = ${periodId}`;
  const day = dayRow!.day;
  const [countedRow] = await testDb().$queryRaw<{ counted: number }[]>`
    SELECT count(*)::int AS counted FROM (
      SELECT DISTINCT ON (r."statusUpdateId") r."workflowState" FROM "StatusUpdateRevision" r JOIN "StatusUpdate" u ON u.id = r."statusUpdateId"
      WHERE u."periodId" = ${periodId} AND r."createdAt" < (${day}::date + 1)::timestamptz ORDER BY r."statusUpdateId", r.version DESC) v
    WHERE v."workflowState" = 'APPROVED'`;
  const counted = countedRow!.counted;
  const total = await testDb().proposal.count();

  await openDashboard(page);
  await page.getByLabel("As of (end of day, UTC)").fill(day);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?period=report-11&include=approved&asOf=${day}$`));
  await expect(page.getByTestId("as-of-notice")).toContainText("rebuilt from the version history");
  await expect(page.getByTestId("coverage-total")).toHaveText(`${counted} of ${total}`);
  await expectNoAxeViolations(page);

  await page
    .getByRole("region", { name: "Coverage" })
    .getByRole("link", { name: /^See the \d+ without an update$/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`/proposals\\?status=NO_UPDATE&period=report-11&asOf=${day}$`));
  await expect(page.getByTestId("as-of-notice")).toBeVisible();
  expect(await listedCount(page)).toBe(total - counted);

  // A date in the future is refused next to the field, and today's data is shown.
  await page.goto("/dashboard?asOf=2999-01-01");
  await expect(page.getByText("The date cannot be in the future. Showing today's data.")).toBeVisible();
  await expect(page.getByLabel("As of (end of day, UTC)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("as-of-notice")).toHaveCount(0);
});

test("what changed since the last report: every move in the table opens the proposals that made it", async ({ page }) => {
  await openDashboard(page, "?period=report-10");
  const changes = page.getByRole("region", { name: /^What changed since the 9th progress report/ });
  const moves = Number(await changes.getByTestId("changes-moves").locator(".stat__value").textContent());
  expect(moves).toBeGreaterThan(0);
  await changes.getByRole("link", { name: "See everything that changed" }).click();
  await expect(page.getByRole("heading", { name: "What changed", level: 1 })).toBeVisible();
  await expect(page.getByTestId("changes-scope")).toHaveText("From the 9th progress report to the 10th progress report (approved updates only).");
  await expect(page.getByTestId("move-items").locator("li")).toHaveCount(moves);
  await expectNoAxeViolations(page);

  const cell = page
    .getByRole("table", { name: /^Proposals by status in the 9th progress report/ })
    .locator("tbody a")
    .first();
  const count = Number(await cell.textContent());
  await cell.click();
  await expect(page).toHaveURL(/move=[A-Z_]+-[A-Z_]+#moves$/);
  await expect(page.getByTestId("move-filter")).toContainText(`Showing the ${count} proposals from`);
  await expect(page.getByTestId("move-items").locator("li")).toHaveCount(count);
  const move = new URL(page.url()).searchParams.get("move")!;
  const [from, to] = move.split("-") as ["ONGOING", "COMPLETED"];
  const expected = await testDb().statusUpdate.count({
    where: { periodId: "report-10", status: to, proposal: { statusUpdates: { some: { periodId: "report-09", status: from } } } },
  });
  expect(count).toBe(expected);
});

test("the dashboard prints without its controls, with charts and tables", async ({ page }) => {
  await openDashboard(page);
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("form", { name: "Dashboard options" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("figure", { name: "Implementation status by area" }).locator("svg").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Proposals by area and implementation status" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Progress by area and period" }).getByRole("table")).toBeVisible();
});
