// Journeys of the joint progress report. A NATO manager publishes edition 1 of the 9th report (a closed
// period), an EU manager signs it off, both download every format; a viewer reads and downloads the final
// edition but can neither publish nor sign, and drafts stay hidden from viewers, staff and anonymous
// visitors; a corrected edition 2 supersedes edition 1 and the comparison says nothing changed. Apart
// from those: a manager marks an approved update of the open period as a highlight, a long download shows
// its progress and can be cancelled, the draft prints on A4 with DRAFT on every page, a download after
// the session ended says so, and the page fits a 390 px wide screen.
//
// Only this spec publishes editions, and only of the 9th report; the run's database is new, so the 9th
// report starts with no edition. The publishing journeys depend on each other and run in order.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import type { CreatedUser } from "@/prisma/factories";
import { storageStatePath } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { newUser, proposalCode, totalProposals } from "./support/data";
import { testDb } from "./support/db";
import { newAnonymousContext, newRoleContext, signedInPage } from "./support/pages";
import {
  REPORT_DOWNLOADS,
  approvedUpdatesInPeriod,
  downloadFromReportPage,
  downloadSection,
  elementsPastTheRightEdge,
  parseCsvWithBom,
  pdfPageTexts,
  periodNamesUpTo,
  reportFileName,
} from "./support/reports";

const PERIOD = 9;
const PERIOD_NAME = "9th progress report";
const REPORT_URL = `/reports/${PERIOD}`;

// lib/export/report-csv.ts REPORT_CSV_COLUMNS, written out: a renamed or moved column must fail here.
const REPORT_CSV_COLUMNS = [
  "Report",
  "Edition",
  "State",
  "Proposal",
  "Set",
  "Area",
  "Title",
  "Status",
  "Assessment",
  "Progress (%)",
  "Highlight",
  "Narrative",
  "Next steps",
  "Evidence",
  "Author",
  "Organisation",
  "Approved at (UTC)",
];
const COMPARE_CSV_HEADER = ["Proposal", "Title", "Area", "Field", "Before", "After"];

const signOffButton = (page: Page) => page.getByRole("button", { name: /^Sign off edition/ });
const publishPanel = (page: Page) => page.getByRole("region", { name: /^Publish / });
const reportState = (page: Page) => page.getByTestId("report-state");

/** Checks one downloaded file of the 9th report's edition 1 (final by then), by format. */
async function expectFinalEditionFile(format: string, bytes: Buffer): Promise<void> {
  expect(bytes.length, `${format} size`).toBeGreaterThan(0);
  switch (format) {
    case "pdf":
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      return;
    case "docx":
    case "xlsx":
      // Office Open XML files are ZIP archives.
      expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
      return;
    case "json": {
      const report = JSON.parse(bytes.toString("utf8")) as {
        period: { number: number };
        edition: { number: number };
        state: string;
        figures: { updatedCount: number };
        proposals: unknown[];
      };
      expect(report.period.number).toBe(PERIOD);
      expect(report.edition.number).toBe(1);
      expect(report.state).toBe("final");
      expect(report.figures.updatedCount).toBe(await approvedUpdatesInPeriod(PERIOD));
      expect(report.proposals).toHaveLength(await totalProposals());
      return;
    }
    case "csv": {
      const [header, ...rows] = parseCsvWithBom(bytes);
      const annex = (await periodNamesUpTo(PERIOD)).map((name) => `Status: ${name}`);
      expect(header).toEqual([...REPORT_CSV_COLUMNS, ...annex]);
      expect(rows).toHaveLength(await totalProposals());
      for (const row of rows) expect(row.slice(0, 3)).toEqual([PERIOD_NAME, "Edition 1", "Final"]);
      return;
    }
    default:
      throw new Error(`Unexpected format ${format}`);
  }
}

/** Downloads every format through the page's links and checks each file. */
async function downloadEveryFormat(page: Page): Promise<void> {
  for (const { format, label } of REPORT_DOWNLOADS) {
    const file = await downloadFromReportPage(page, label);
    expect(file.name).toBe(reportFileName(PERIOD, 1, format));
    await expectFinalEditionFile(format, file.bytes);
  }
}

test.describe.serial("publishing the 9th report", () => {
  let nato: CreatedUser;
  let eu: CreatedUser;

  test.beforeAll(async () => {
    [nato, eu] = await Promise.all([newUser("MANAGER", { organisationId: "nato" }), newUser("MANAGER", { organisationId: "eu" })]);
  });

  test("a NATO manager publishes an edition, an EU manager signs it off, both download each format", async ({ browser }) => {
    test.setTimeout(90_000);
    const natoPage = await signedInPage(browser, nato, REPORT_URL);
    const euPage = await signedInPage(browser, eu, REPORT_URL);
    try {
      await test.step("NATO: the draft, as long as no edition exists, with the figures of PostgreSQL", async () => {
        // Signed in on the report page itself.
        await expect(natoPage.getByRole("heading", { level: 1 })).toHaveText(`${PERIOD_NAME}: Draft`);
        await expect(reportState(natoPage)).toContainText("Draft");
        await expect(natoPage.locator("article.report")).toHaveAttribute("data-state", "draft");
        await expect(natoPage.locator(".report__draft-mark")).toHaveText("Draft");
        await expect(natoPage.getByTestId("sign-off-panel")).toHaveCount(0);
        const intro = natoPage.getByTestId("report-intro");
        await expect(intro).toContainText(`It follows the ${await totalProposals()} common proposals`);
        await expect(intro).toContainText(`${await approvedUpdatesInPeriod(PERIOD)} of ${await totalProposals()} proposals`);
        await expect(intro).toContainText("have an approved update for this period");
      });

      await test.step("NATO: publishes edition 1, signed off for NATO at once", async () => {
        const panel = publishPanel(natoPage);
        await expect(panel.getByRole("heading", { name: "Publish the report" })).toBeVisible();
        // No change note for a first edition.
        await expect(panel.getByLabel("What this edition corrects")).toHaveCount(0);
        await panel.getByRole("button", { name: "Publish edition 1" }).click();
        await expect(natoPage).toHaveURL(new RegExp(`${REPORT_URL}\\?edition=1&published=1$`));
        await expect(natoPage.getByRole("status").filter({ hasText: "Edition 1 published and signed off for NATO." })).toBeVisible();
        await expect(natoPage.getByRole("heading", { level: 1 })).toHaveText(`${PERIOD_NAME}: Edition 1`);
        await expect(reportState(natoPage)).toContainText("Awaiting sign-off");
        await expect(natoPage.locator("article.report")).toHaveAttribute("data-state", "awaiting_sign_off");
        await expect(natoPage.locator(".report__draft-mark")).toHaveCount(0);
        await expect(natoPage.getByTestId("sign-off-NATO")).toContainText(`signed off by ${nato.name}`);
        await expect(natoPage.getByTestId("sign-off-EU")).toContainText("not signed off yet");
        await expect(natoPage.getByTestId("sign-off-panel")).toContainText("Awaiting sign-off by EU.");
        // NATO has signed: no second sign-off is offered.
        await expect(signOffButton(natoPage)).toHaveCount(0);
        // The next edition would be a correction.
        await expect(publishPanel(natoPage).getByRole("heading", { name: "Publish a corrected edition" })).toBeVisible();
        await expectNoAxeViolations(natoPage);
      });

      await test.step("EU: signs off; the edition is final and names both signatories", async () => {
        // A manager sees the latest edition by default.
        await euPage.goto(REPORT_URL);
        await expect(euPage.getByRole("heading", { level: 1 })).toHaveText(`${PERIOD_NAME}: Edition 1`);
        await expect(reportState(euPage)).toContainText("Awaiting sign-off");
        await signOffButton(euPage).click();
        // The confirmation message is checked when edition 2 is signed off, the last step of these
        // journeys, so that a missing message does not skip the journeys that need this edition.
        await expect(reportState(euPage)).toContainText("Final");
        const panel = euPage.getByTestId("sign-off-panel");
        await expect(panel.getByTestId("sign-off-NATO")).toContainText(`signed off by ${nato.name}`);
        await expect(panel.getByTestId("sign-off-EU")).toContainText(`signed off by ${eu.name}`);
        await expect(panel).toContainText("Both organisations have signed off: this edition is final.");
        await expect(signOffButton(euPage)).toHaveCount(0);
        const signOffs = await testDb().reportSignOff.findMany({
          where: { edition: { number: 1, period: { number: PERIOD } } },
          select: { organisationId: true, userId: true },
          orderBy: { organisationId: "asc" },
        });
        expect(signOffs).toEqual([
          { organisationId: "eu", userId: eu.id },
          { organisationId: "nato", userId: nato.id },
        ]);
      });

      await test.step("both download every format of the final edition", async () => {
        await downloadEveryFormat(euPage);
        await natoPage.goto(`${REPORT_URL}?edition=1`);
        await expect(reportState(natoPage)).toContainText("Final");
        await downloadEveryFormat(natoPage);
      });
    } finally {
      await natoPage.context().close();
      await euPage.context().close();
    }
  });

  test("a viewer can download a final edition but cannot publish or sign; drafts stay hidden", async ({ browser }) => {
    const viewer = await newRoleContext(browser, "viewer");
    const staff = await newRoleContext(browser, "staff");
    try {
      const page = await viewer.newPage();
      await test.step("viewer: the list shows the final edition; the page offers downloads only", async () => {
        await page.goto("/reports");
        const row = page
          .getByTestId("reports-table")
          .getByRole("row")
          .filter({ has: page.getByRole("link", { name: PERIOD_NAME, exact: true }) });
        await expect(row.getByRole("listitem").filter({ hasText: "Edition 1" })).toContainText("Final");
        await row.getByRole("link", { name: "Edition 1" }).click();
        await expect(page).toHaveURL(new RegExp(`${REPORT_URL}\\?edition=1$`));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${PERIOD_NAME}: Edition 1`);
        await expect(reportState(page)).toContainText("Final");
        await expect(page.getByTestId("sign-off-panel")).toContainText("Both organisations have signed off");
        await expect(downloadSection(page)).toBeVisible();
        await expect(publishPanel(page)).toHaveCount(0);
        await expect(signOffButton(page)).toHaveCount(0);
        await expect(page.getByRole("link", { name: "Draft (live data)" })).toHaveCount(0);
        await expect(page.getByRole("form", { name: "Compare two versions of this report" })).toHaveCount(0);
        await expectNoAxeViolations(page);

        const pdf = await downloadFromReportPage(page, "PDF");
        expect(pdf.name).toBe(reportFileName(PERIOD, 1, "pdf"));
        await expectFinalEditionFile("pdf", pdf.bytes);
      });

      await test.step("viewer and staff: the draft answers 404, as a page and as a file", async () => {
        for (const context of [viewer, staff]) {
          const other = context === viewer ? page : await context.newPage();
          expect((await other.goto(`${REPORT_URL}?edition=draft`))?.status()).toBe(404);
          await expect(other.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
          expect((await context.request.get(`${REPORT_URL}/draft.pdf`)).status()).toBe(404);
          // A final edition is every signed-in user's.
          expect((await context.request.get(`${REPORT_URL}/1.csv`)).status()).toBe(200);
        }
      });
    } finally {
      await Promise.all([viewer.close(), staff.close()]);
    }
  });

  test("a long download shows its progress and can be cancelled", async ({ browser }) => {
    const page = await signedInPage(browser, nato, `${REPORT_URL}?edition=1`);
    // Hold the Word file back until the download is cancelled: the page shows its progress after 400 ms.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    try {
      let routeDone!: Promise<void>;
      await page.route(`**${REPORT_URL}/1.docx`, (route) => {
        // The page aborted the request meanwhile: continuing it fails, which is the point.
        routeDone = released.then(() => route.continue().catch(() => undefined));
        return routeDone;
      });
      const downloads: string[] = [];
      page.on("download", (d) => downloads.push(d.suggestedFilename()));

      const section = downloadSection(page);
      // With the keyboard: Enter on the link.
      await section.getByRole("link", { name: /^Word \(/ }).press("Enter");
      await expect(section.locator(".downloads")).toHaveAttribute("data-state", "downloading");
      await expect(section.getByRole("status")).toContainText("Preparing Word");
      await expect(section.getByRole("progressbar", { name: "Word download" })).toBeVisible();
      await section.getByRole("button", { name: "Cancel download" }).press("Enter");
      await expect(section.getByRole("status")).toHaveText("Word download cancelled.");
      await expect(section.locator(".downloads")).toHaveAttribute("data-state", "idle");
      await expect(section.getByRole("button", { name: "Cancel download" })).toHaveCount(0);

      // Once the held response is let go, still no file is saved.
      release();
      await routeDone;
      await expect(section.getByRole("status")).toHaveText("Word download cancelled.");
      expect(downloads).toEqual([]);
    } finally {
      release();
      await page.context().close();
    }
  });

  test("a corrected edition needs a change note, supersedes edition 1, the comparison finds no difference, and the EU signs it off", async ({ browser }) => {
    const page = await signedInPage(browser, nato, REPORT_URL);
    const viewer = await newRoleContext(browser, "viewer");
    const changeNote = `Corrected the title page (${nato.name}).`;
    try {
      await test.step("an empty change note is refused beside the field; nothing is published", async () => {
        const panel = publishPanel(page);
        await expect(panel.getByRole("heading", { name: "Publish a corrected edition" })).toBeVisible();
        await panel.getByRole("button", { name: "Publish edition 2" }).click();
        const form = page.getByRole("form", { name: "Publish an edition" });
        await expect(form).toHaveAttribute("data-state", "error");
        const note = form.getByLabel("What this edition corrects");
        await expect(note).toHaveAttribute("aria-invalid", "true");
        await expect(note).toHaveAccessibleDescription(/Say what this edition corrects: a corrected edition needs a change note\.$/);
        await expect(
          form
            .locator(".field")
            .filter({ has: page.getByLabel("What this edition corrects") })
            .locator(".field__error"),
        ).toContainText("Error: Say what this edition corrects");
        expect(await testDb().reportEdition.count({ where: { period: { number: PERIOD } } })).toBe(1);

        await note.fill(changeNote);
        await form.getByRole("button", { name: "Publish edition 2" }).click();
        await expect(page).toHaveURL(new RegExp(`${REPORT_URL}\\?edition=2&published=1$`));
        await expect(page.getByRole("status").filter({ hasText: "Edition 2 published and signed off for NATO." })).toBeVisible();
        await expect(reportState(page)).toContainText("Awaiting sign-off");
        await expect(page.locator("article.report")).toContainText(`What this edition corrects: ${changeNote}`);
      });

      await test.step("edition 1 is superseded and links to edition 2", async () => {
        await page.goto(`${REPORT_URL}?edition=1`);
        await expect(reportState(page)).toContainText("Superseded");
        await expect(page.getByRole("navigation", { name: "Versions of this report" })).toContainText(`Edition 2 Awaiting sign-off · ${changeNote}`);
        await expect(signOffButton(page)).toHaveCount(0);
        await page.getByTestId("sign-off-panel").getByRole("link", { name: "edition 2" }).click();
        await expect(page).toHaveURL(new RegExp(`${REPORT_URL}\\?edition=2$`));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${PERIOD_NAME}: Edition 2`);
      });

      await test.step("the comparison of editions 1 and 2 finds no difference; its CSV says the same", async () => {
        await page.goto(`${REPORT_URL}?edition=1`);
        const form = page.getByRole("form", { name: "Compare two versions of this report" });
        await form.getByLabel("Compare").selectOption("1");
        await form.getByLabel("with").selectOption("2");
        await form.getByRole("button", { name: "Compare" }).click();
        await expect(page).toHaveURL(new RegExp(`${REPORT_URL}/compare\\?from=1&to=2$`));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${PERIOD_NAME}: edition 1 compared with edition 2`);
        await expect(page.getByTestId("compare-count")).toContainText("No proposal differs.");
        await expect(page.getByTestId("compare-table")).toHaveCount(0);
        await expectNoAxeViolations(page);

        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the comparison as CSV" }).click()]);
        expect(download.suggestedFilename()).toBe(`nato-eu-progress-report-${PERIOD}-compare-1-2.csv`);
        expect(parseCsvWithBom(await readFile(await download.path()))).toEqual([COMPARE_CSV_HEADER]);
      });

      await test.step("a viewer cannot open edition 2 before both organisations sign it", async () => {
        const viewerPage = await viewer.newPage();
        expect((await viewerPage.goto(`${REPORT_URL}?edition=2`))?.status()).toBe(404);
        expect((await viewer.request.get(`${REPORT_URL}/2.pdf`)).status()).toBe(404);
        // By default the viewer sees the latest edition they may read.
        await viewerPage.goto(REPORT_URL);
        await expect(viewerPage.getByRole("heading", { level: 1 })).toHaveText(`${PERIOD_NAME}: Edition 1`);
      });

      await test.step("EU signs edition 2 off and is told so; the viewer now sees edition 2", async () => {
        const euPage = await signedInPage(browser, eu, `${REPORT_URL}?edition=2`);
        try {
          await expect(reportState(euPage)).toContainText("Awaiting sign-off");
          await signOffButton(euPage).click();
          await expect(reportState(euPage)).toContainText("Final");
          await expect(euPage.getByTestId("sign-off-EU")).toContainText(`signed off by ${eu.name}`);
          // The outcome of the action, announced where the button was.
          await expect(euPage.getByText("Edition 2 signed off for EU.")).toBeVisible();
        } finally {
          await euPage.context().close();
        }
        const viewerPage = await viewer.newPage();
        await viewerPage.goto(REPORT_URL);
        await expect(viewerPage.getByRole("heading", { level: 1 })).toHaveText(`${PERIOD_NAME}: Edition 2`);
        await expect(reportState(viewerPage)).toContainText("Final");
      });
    } finally {
      await page.context().close();
      await viewer.close();
    }
  });
});

test("anonymous visitors: a report file answers 401 JSON, a report page redirects to sign-in", async ({ browser }) => {
  const anonymous = await newAnonymousContext(browser);
  try {
    const response = await anonymous.request.get(`${REPORT_URL}/1.pdf`, { maxRedirects: 0 });
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });

    const page = await anonymous.newPage();
    await page.goto(REPORT_URL);
    await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(REPORT_URL)}$`));
    await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  } finally {
    await anonymous.close();
  }
});

test.describe("as the demo manager", () => {
  test.use({ storageState: storageStatePath("manager") });

  test("the draft prints on A4 with the DRAFT mark on every page", async ({ page }) => {
    await page.goto(`${REPORT_URL}?edition=draft`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${PERIOD_NAME}: Draft`);
    await expect(publishPanel(page)).toBeVisible();

    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(downloadSection(page)).toBeHidden();
    await expect(publishPanel(page)).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Versions of this report" })).toBeHidden();
    await expect(page.getByRole("article")).toBeVisible();
    await expect(page.locator(".report__draft-mark")).toBeVisible();

    const pages = await pdfPageTexts(await page.pdf({ format: "A4" }));
    expect(pages.length).toBeGreaterThan(1);
    // The mark is upper case and letter-spaced: its letters come out one by one ("D R A F T"). Upper case
    // only, so that "drafted" in a narrative does not count.
    const unmarked = pages.map((text, i) => ({ page: i + 1, marked: /D\s*R\s*A\s*F\s*T/.test(text) })).filter((p) => !p.marked);
    expect(unmarked, `pages without the DRAFT mark, of ${pages.length}`).toEqual([]);
  });

  test("a download after the session ended says so and saves nothing", async ({ page }) => {
    await page.goto(`${REPORT_URL}?edition=draft`);
    const section = downloadSection(page);
    await expect(section.getByRole("link", { name: /^CSV \(/ })).toBeVisible();
    const downloads: string[] = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    // The session ends (signed out elsewhere, or expired) while the page is open.
    await page.context().clearCookies();
    await section.getByRole("link", { name: /^CSV \(/ }).click();
    await expect(section.getByRole("alert")).toContainText("CSV could not be downloaded: Your session has ended. Sign in again.");
    expect(downloads).toEqual([]);
  });

  test("the report page and the list fit a 390 px wide screen without scrolling sideways", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of [`${REPORT_URL}?edition=draft`, "/reports"]) {
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      // On failure, the message names the elements that stick out.
      expect.soft(scrollWidth, `page width of ${url} at 390 px; past the edge: ${(await elementsPastTheRightEdge(page)).join(", ")}`).toBeLessThanOrEqual(390);
    }
  });
});

test("a manager marks an approved update of the open period as a highlight; the draft report lists it", async ({ browser }) => {
  // The highest-numbered approved, unmarked update of the open period written by the seed (not by a
  // factory user of another spec): no other spec writes to it.
  const update = await testDb().statusUpdate.findFirstOrThrow({
    where: { period: { state: "OPEN" }, workflowState: "APPROVED", highlight: false, authorId: { not: { startsWith: "test-user-" } } },
    orderBy: { proposal: { number: "desc" } },
    select: { id: true, proposal: { select: { id: true, number: true, title: true } }, period: { select: { number: true } } },
  });
  const { proposal } = update;
  const code = proposalCode(proposal.number);
  const manager = await newUser("MANAGER", { organisationId: "eu" });
  const page = await signedInPage(browser, manager, `/proposals/${proposal.id}`);
  try {
    const review = page.getByRole("region", { name: "Review" });
    await expect(review.getByRole("heading", { name: "Report highlight" })).toBeVisible();
    await expect(page.getByTestId("highlight-badge")).toHaveCount(0);
    await review.getByRole("button", { name: "Mark as a highlight" }).click();
    await expect(review.getByRole("status")).toHaveText("The update is marked as a highlight of the report.");
    await expect(page.getByTestId("highlight-badge")).toHaveText("Highlight of the report");
    await expect(page.getByTestId("highlight-state")).toContainText("This update is a highlight");
    expect(await testDb().statusUpdate.findUniqueOrThrow({ where: { id: update.id }, select: { highlight: true, highlightedById: true } })).toEqual({
      highlight: true,
      highlightedById: manager.id,
    });

    await page.goto(`/reports/${update.period.number}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/: Draft$/);
    await expect(page.getByRole("region", { name: "Highlights" })).toContainText(`${code} · ${proposal.title}`);
    await expect(page.getByTestId(`report-entry-${code}`).getByText("Highlight", { exact: true })).toBeVisible();

    await page.goto(`/proposals/${proposal.id}`);
    await review.getByRole("button", { name: "Remove from the highlights" }).click();
    await expect(review.getByRole("status")).toHaveText("The update is no longer a highlight of the report.");
    await expect(page.getByTestId("highlight-badge")).toHaveCount(0);
    expect((await testDb().statusUpdate.findUniqueOrThrow({ where: { id: update.id }, select: { highlight: true } })).highlight).toBe(false);
  } finally {
    await page.context().close();
    // Leave the data as found, whatever happened above.
    await testDb().statusUpdate.updateMany({
      where: { id: update.id, highlight: true },
      data: { highlight: false, highlightedAt: null, highlightedById: null },
    });
  }
});
