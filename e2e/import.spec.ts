// Journey: an admin imports a file. They download a template (Excel, with a note on each heading, and
// CSV), check a catalogue CSV that has row errors (shown in the page, and as a CSV file to download; the
// import is blocked), check the corrected file (the plan shows P73's description, old -> new), import it
// and see the result. The same by keyboard alone with a people file. The page passes axe in each state and
// fits a 390 px wide screen; other roles get 403, and the downloads answer 401/403 JSON.
//
// Data: the catalogue fixtures (tests/fixtures/import/catalogue-e2e*.csv) change only P73's description,
// which no other spec reads; afterAll puts the seeded wording back as a version that, like the imported one
// (P73 had the demo wording), applies to every period, so reports of earlier periods read as seeded again.
// The keyboard journey imports people with fresh e-mail addresses made for the run (no demo account changes).
// The demo accounts stay active, so the demo notice stays, as other specs expect.
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { readTable } from "@/lib/import/read-table";
import { storageStatePath } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { testDb } from "./support/db";
import { newAnonymousContext, newRoleContext } from "./support/pages";
import { elementsPastTheRightEdge } from "./support/reports";

const FIXTURES = "tests/fixtures/import";
const BEFORE_ANY_REPORT = new Date("2016-01-01T00:00:00Z");
const ID = "p73";

test.use({ storageState: storageStatePath("admin") });

let original: { title: string; description: string; areaId: string; set: "SET_2016" | "SET_2017"; edaInvolved: boolean; number: number };

test.beforeAll(async () => {
  original = await testDb().proposal.findUniqueOrThrow({
    where: { id: ID },
    select: { number: true, title: true, description: true, areaId: true, set: true, edaInvolved: true },
  });
});

test.afterAll(async () => {
  const db = testDb();
  const now = await db.proposal.findUniqueOrThrow({ where: { id: ID }, select: { description: true } });
  if (now.description === original.description) return;
  const latest = await db.proposalVersion.findFirstOrThrow({ where: { proposalId: ID }, orderBy: { version: "desc" } });
  const { number, ...wording } = original;
  await db.$transaction([
    db.proposal.update({ where: { id: ID }, data: wording }),
    db.proposalVersion.create({ data: { ...wording, number, proposalId: ID, version: latest.version + 1, validFrom: BEFORE_ANY_REPORT } }),
  ]);
});

const kindRadio = (page: Page, name: string) => page.getByRole("radio", { name });
const fileInput = (page: Page) => page.getByLabel("File (.xlsx or .csv)");
const checkButton = (page: Page) => page.getByRole("button", { name: "Check the file" });
const importButton = (page: Page) => page.getByRole("button", { name: "Import", exact: true });
const result = (page: Page) => page.getByTestId("import-result");

async function openImportPage(page: Page) {
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { name: "Import", level: 1 })).toBeVisible();
}

/** Presses Tab until `target` has the focus (keyboard only: no click, no programmatic focus). */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("The element was not reached with Tab");
}

async function download(page: Page, trigger: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), trigger()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test("an admin downloads a template, checks a catalogue file with errors, fixes it, imports it and sees the result", async ({ page }) => {
  await openImportPage(page);
  await expect(page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Import" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText(/At most 5 MB, 10,000 rows, 50 columns and 10,000 characters in a cell\./).first()).toBeVisible();
  await expect(importButton(page)).toBeDisabled();
  await expectNoAxeViolations(page);

  // The templates: Excel with a note on each heading and a Notes sheet; CSV with the headings and an example.
  const columns = page.getByTestId("columns-catalogue");
  const xlsx = await download(page, () => columns.getByRole("link", { name: /catalogue template \(Excel/ }).click());
  expect(xlsx.name).toBe("catalogue-import-template.xlsx");
  const template = await readTable(new Uint8Array(xlsx.bytes), { preferredSheets: ["Catalogue"] });
  expect(template.header).toEqual(["Number", "Set", "Area", "Title", "Description", "EDA involved", "Focal points"]);
  expect(template.rows).toHaveLength(2);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  expect(String(book.getWorksheet("Catalogue")!.getCell("A1").note)).toMatch(/^Required\. The proposal's number/);
  expect(book.getWorksheet("Notes")!.getCell("A2").value).toBe("Number");
  const csv = await download(page, () => columns.getByRole("link", { name: /catalogue template \(CSV/ }).click());
  expect(csv.bytes.toString("utf8")).toMatch(/^\uFEFFNumber,Set,Area,Title,Description,"EDA involved","Focal points"\r\n12,/);

  // A file with row errors: shown in the page and as a file; nothing can be imported.
  await expect(kindRadio(page, "The catalogue (areas, proposals and their focal points)")).toBeChecked();
  await fileInput(page).setInputFiles(`${FIXTURES}/catalogue-e2e-broken.csv`);
  await checkButton(page).click();
  await expect(result(page)).toHaveAttribute("data-outcome", "checked");
  const alert = result(page).getByRole("alert");
  await expect(alert).toHaveText(/^The file has 2 errors in 2 rows: nothing is imported while any row has an error\./);
  await expect(alert).toBeFocused();
  const errors = page.getByTestId("import-errors");
  await expect(errors.locator("tbody tr")).toHaveCount(2);
  await expect(errors.locator("tbody tr").first()).toContainText("Set");
  await expect(errors.locator("tbody tr").first()).toContainText("2019");
  await expect(errors.locator("tbody tr").nth(1)).toContainText("Proposal P73 is already on row 2");
  await expect(importButton(page)).toBeDisabled();
  await expectNoAxeViolations(page);
  const errorFile = await download(page, () => page.getByRole("button", { name: "Download the errors (CSV)" }).click());
  expect(errorFile.name).toBe("catalogue-e2e-broken-errors.csv");
  const errorText = errorFile.bytes.toString("utf8");
  expect(errorText.startsWith("\uFEFFRow,Column,Value,Reason\r\n2,Set,2019,")).toBe(true);
  expect(errorText).toContain("\r\n3,Number,73,");
  expect((await testDb().proposal.findUniqueOrThrow({ where: { id: ID } })).description).toBe(original.description);

  // The corrected file: one change, field by field. Choosing it clears the old plan.
  await fileInput(page).setInputFiles(`${FIXTURES}/catalogue-e2e.csv`);
  await expect(result(page)).toHaveCount(0);
  await checkButton(page).click();
  await expect(result(page)).toHaveAttribute("data-outcome", "checked");
  await expect(result(page).getByRole("status")).toHaveText(/^Checked: 0 rows to create, 1 row to change, 0 rows unchanged\. Nothing has been written yet/);
  await expect(page.getByTestId("count-changes")).toHaveText("1");
  const change = page.getByTestId("import-changes").locator("tbody tr");
  await expect(change).toHaveCount(1);
  await expect(change.getByRole("rowheader")).toContainText("P73");
  await expect(change.locator("dt")).toHaveText(["Description"]);
  await expect(change.locator("del")).toHaveText(original.description);
  await expect(change.locator("ins")).toHaveText(`${original.description} Checked by the import journey.`);
  await expect(page.getByTestId("import-notes")).toContainText("The demo-data notice stays");
  await expect(importButton(page)).toBeEnabled();
  await expectNoAxeViolations(page);
  expect((await testDb().proposal.findUniqueOrThrow({ where: { id: ID } })).description).toBe(original.description);

  // Import: the same file again, applied only because the plan is unchanged.
  await importButton(page).click();
  await expect(result(page)).toHaveAttribute("data-outcome", "committed");
  await expect(result(page).getByRole("status")).toHaveText("Imported: 0 rows created, 1 row changed, 0 rows left as they were.");
  await expect(importButton(page)).toBeDisabled();
  await expectNoAxeViolations(page);
  const saved = await testDb().proposal.findUniqueOrThrow({ where: { id: ID }, select: { title: true, description: true } });
  expect(saved).toEqual({ title: original.title, description: `${original.description} Checked by the import journey.` });
  const commit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "import.commit" }, orderBy: { id: "desc" } });
  expect(commit.after).toMatchObject({ kind: "catalogue", fileName: "catalogue-e2e.csv", changed: 1 });
  // The demo accounts are active: the notice stays.
  await expect(page.getByTestId("catalogue-notice")).toBeVisible();

  // Checked again, the same file changes nothing.
  await checkButton(page).click();
  await expect(result(page).getByRole("status")).toHaveText(/^Checked 1 row: every one is already as the tracker has it/);
  await expect(importButton(page)).toBeDisabled();
});

test("by keyboard alone: choose People, pick a file, check it, import it, download the plan", async ({ page }, testInfo) => {
  const suffix = `${Date.now().toString(36)}${testInfo.workerIndex}`;
  const emails = [`e2e-import-${suffix}-a@nato.example`, `e2e-import-${suffix}-b@eeas.example`];
  const filePath = testInfo.outputPath("people.csv");
  writeFileSync(filePath, `E-mail,Name,Organisation,EU body,Role\r\n${emails[0]},Key Board,NATO,,Viewer\r\n${emails[1]},Tab Stop,EU,EEAS,Staff\r\n`);
  await openImportPage(page);

  await tabTo(page, kindRadio(page, "The catalogue (areas, proposals and their focal points)"));
  await page.keyboard.press("ArrowDown");
  await expect(kindRadio(page, "People")).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(fileInput(page)).toBeFocused();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles(filePath);
  await tabTo(page, checkButton(page));
  await page.keyboard.press("Enter");
  await expect(result(page)).toHaveAttribute("data-outcome", "checked");
  const status = result(page).getByRole("status");
  await expect(status).toBeFocused();
  await expect(status).toHaveText(/^Checked: 2 rows to create, 0 rows to change, 0 rows unchanged\./);

  // From the message back to "Import" (the button before it), then Enter.
  await page.keyboard.press("Shift+Tab");
  await expect(importButton(page)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(result(page)).toHaveAttribute("data-outcome", "committed");
  await expect(result(page).getByRole("status")).toBeFocused();
  expect(await testDb().user.count({ where: { email: { in: emails }, passwordHash: null, active: true } })).toBe(2);

  await tabTo(page, page.getByRole("button", { name: "Download the whole plan (CSV)" }));
  const [file] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const plan = readFileSync((await file.path())!, "utf8");
  expect(plan.startsWith('\uFEFFRow,Key,Name,Outcome,Field,"Current value","New value"\r\n')).toBe(true);
  expect(plan).toContain(`2,${emails[0]},"Key Board",Create,Name,,"Key Board"`);
});

test("the import page fits a 390 px wide screen, with a plan shown too", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openImportPage(page);
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  expect.soft(await width(), `past the edge: ${(await elementsPastTheRightEdge(page)).join(", ")}`).toBeLessThanOrEqual(390);
  await fileInput(page).setInputFiles(`${FIXTURES}/catalogue-e2e-broken.csv`);
  await checkButton(page).click();
  await expect(result(page)).toHaveAttribute("data-outcome", "checked");
  expect.soft(await width(), `past the edge: ${(await elementsPastTheRightEdge(page)).join(", ")}`).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
});

test("other roles get 403 on the page and the downloads, audited; without a session the downloads and uploads answer 401 JSON", async ({ browser }) => {
  const refusals = () =>
    testDb().auditEvent.count({
      where: { action: "permission.denied", entityType: "Import", after: { path: ["attempted"], equals: "download_import_template" } },
    });
  const refusedBefore = await refusals();
  for (const role of ["manager", "viewer", "staff"] as const) {
    const context = await newRoleContext(browser, role);
    try {
      const page = await context.newPage();
      const response = await page.goto("/admin/import");
      expect(response?.status(), role).toBe(403);
      const template = await context.request.get("/api/import/templates/people.xlsx");
      expect(template.status()).toBe(403);
      expect((await template.json()).error.code).toBe("FORBIDDEN");
      expect((await context.request.get("/api/import/export/catalogue.csv")).status()).toBe(403);
    } finally {
      await context.close();
    }
  }
  expect(await refusals()).toBe(refusedBefore + 3);
  const anonymous = await newAnonymousContext(browser);
  try {
    for (const url of ["/api/import/templates/catalogue.csv", "/api/import/export/catalogue.xlsx"]) {
      const response = await anonymous.request.get(url);
      expect(response.status(), url).toBe(401);
      expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
    }
    const upload = await anonymous.request.post("/api/import/catalogue", {
      multipart: { mode: "check", file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("a") } },
    });
    expect(upload.status()).toBe(401);
  } finally {
    await anonymous.close();
  }
});
