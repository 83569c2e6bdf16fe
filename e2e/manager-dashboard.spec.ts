// Journey: a manager reads the dashboard of the open period (approved updates by default, or with the
// "Count" choice), sees a new update counted once approved, and looks back at a closed period.
import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { freshProposal, newUser, openPeriodId, totalProposals, updateCountInPeriod, type WorkflowState } from "./support/data";
import { testDb } from "./support/db";
import { approveUpdate, openDashboard, readCoverage, readOrganisationCoverage, readStat, recordUpdateThroughForm, signedInPage } from "./support/pages";

test.use({ storageState: storageStatePath("manager") });

const STATUS_KEYS = ["NOT_STARTED", "IN_PROGRESS", "ONGOING", "COMPLETED", "STALLED", "NO_UPDATE"] as const;
const ASSESSMENT_LABELS = { ON_TRACK: "On track", AT_RISK: "At risk", OFF_TRACK: "Off track", NOT_ASSESSED: "Not assessed" } as const;

const COUNTED: Record<"approved" | "submitted" | "all", WorkflowState[]> = {
  approved: ["APPROVED"],
  submitted: ["APPROVED", "SUBMITTED"],
  all: ["APPROVED", "SUBMITTED", "DRAFT", "RETURNED"],
};

/** What the database says the dashboard of a period must show, counting updates in the given review states. */
async function expectedNumbers(periodId: string, states: WorkflowState[] = COUNTED.approved) {
  const db = testDb();
  const where = { periodId, workflowState: { in: states } };
  const [total, byStatus, byAssessment, byOrganisation] = await Promise.all([
    totalProposals(),
    db.statusUpdate.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.statusUpdate.groupBy({ by: ["assessment"], where, _count: { _all: true } }),
    // Per organisation: the proposals its focal points follow that have a counted update.
    Promise.all(
      (["nato", "eu"] as const).map(
        async (organisationId) =>
          [
            organisationId,
            await db.proposal.count({ where: { focalPoints: { some: { user: { organisationId } } }, statusUpdates: { some: where } } }),
          ] as const,
      ),
    ),
  ]);
  const status = Object.fromEntries(STATUS_KEYS.map((key) => [key, byStatus.find((r) => r.status === key)?._count._all ?? 0])) as Record<
    (typeof STATUS_KEYS)[number],
    number
  >;
  const updated = byStatus.reduce((sum, r) => sum + r._count._all, 0);
  status.NO_UPDATE = total - updated;
  const assessment = Object.fromEntries(byAssessment.map((r) => [r.assessment, r._count._all])) as Record<string, number>;
  const organisation = Object.fromEntries(byOrganisation) as Record<string, number>;
  return { total, updated, status, assessment, organisation };
}

test("the dashboard shows status, chart, table twin, RAG split and coverage of approved updates as the database holds them", async ({ page }) => {
  const periodId = await openPeriodId();
  const expected = await expectedNumbers(periodId);
  // The open period is mid-cycle: counting only approved updates must make a difference.
  expect(expected.updated).toBeLessThan(await updateCountInPeriod(periodId));
  await openDashboard(page);
  await expect(page.getByRole("combobox", { name: "Count" })).toHaveValue("approved");
  await expect(page.getByText(`11th progress report: ${expected.updated} of ${expected.total} proposals counted (approved updates only).`)).toBeVisible();

  // Headline numbers by status.
  const stats = page.getByRole("region", { name: "Where we stand" });
  await expect(stats.getByRole("listitem")).toHaveCount(STATUS_KEYS.length);
  for (const key of STATUS_KEYS) expect(await readStat(page, key), key).toBe(expected.status[key]);

  // The stacked bar chart is drawn (Recharts renders it in the browser).
  const byArea = page.getByRole("figure", { name: "Implementation status by area" });
  await expect(byArea.getByRole("img", { name: /^Implementation status by area, 11 areas\./ })).toBeVisible();
  await expect(byArea.locator("svg").first()).toBeVisible();
  await expect(byArea.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Its table twin, opened with the keyboard.
  const twin = byArea.getByRole("table", { name: "Proposals by area and implementation status" });
  await expect(twin).toBeHidden();
  const summary = byArea.getByText("Show the data as a table");
  await summary.focus();
  await expect(summary).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(twin).toBeVisible();
  await expect(twin.getByRole("row")).toHaveCount(1 + 11 + 1);
  const totals = await twin
    .getByRole("row", { name: /^All areas/ })
    .getByRole("cell")
    .allTextContents();
  const cards = await Promise.all(STATUS_KEYS.map((key) => readStat(page, key)));
  expect(totals.map(Number)).toEqual([...cards, expected.total]);

  // RAG split: donut and its table twin.
  const rag = page.getByRole("figure", { name: "Assessment (RAG)" });
  await expect(rag.getByRole("img", { name: /^Assessment of the \d+ updated proposals/ })).toBeVisible();
  await expect(rag.locator(".recharts-pie-sector").first()).toBeVisible();
  await rag.getByText("Show the data as a table").click();
  const ragTable = rag.getByRole("table", { name: "Updated proposals by assessment" });
  await expect(ragTable).toBeVisible();
  for (const [key, label] of Object.entries(ASSESSMENT_LABELS)) {
    await expect(
      ragTable
        .getByRole("row", { name: new RegExp(`^${label} `) })
        .getByRole("cell")
        .first(),
      label,
    ).toHaveText(String(expected.assessment[key] ?? 0));
  }

  // Coverage.
  const coverage = page.getByRole("region", { name: "Coverage" });
  await expect(coverage.getByTestId("coverage-total")).toHaveText(`${expected.updated} of ${expected.total}`);
  expect(await readOrganisationCoverage(page, "NATO")).toBe(expected.organisation.nato ?? 0);
  expect(await readOrganisationCoverage(page, "EU")).toBe(expected.organisation.eu ?? 0);
  await expect(coverage.getByRole("link", { name: `See the ${expected.total - expected.updated} without an update` })).toHaveAttribute(
    "href",
    // Approved only is the list's default too, so the link leaves it out.
    "/proposals?status=NO_UPDATE&period=report-11",
  );

  // With both twins open.
  await expectNoAxeViolations(page);

  // The coverage link lists exactly the proposals without an approved update.
  await coverage.getByRole("link", { name: /^See the \d+ without an update$/ }).click();
  await expect(page.getByRole("heading", { name: "Proposals", level: 1 })).toBeVisible();
  await expect(page.getByTestId("proposal-table").locator("tbody tr")).toHaveCount(expected.total - expected.updated);
});

test("the Count choice switches which updates are counted, and the coverage link follows it", async ({ page }) => {
  const periodId = await openPeriodId();
  await openDashboard(page);
  const count = page.getByRole("combobox", { name: "Count" });
  for (const [include, label] of [
    ["submitted", "Approved and submitted"],
    ["all", "All, including drafts and returned"],
  ] as const) {
    const expected = await expectedNumbers(periodId, COUNTED[include]);
    await count.selectOption({ label });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?period=report-11&include=${include}$`));
    await expect(count).toHaveValue(include);
    await expect(page.getByText(`11th progress report: ${expected.updated} of ${expected.total} proposals counted (${label.toLowerCase()}).`)).toBeVisible();
    await expect(page.getByTestId("coverage-total")).toHaveText(`${expected.updated} of ${expected.total}`);
    for (const key of STATUS_KEYS) expect(await readStat(page, key), `${include}: ${key}`).toBe(expected.status[key]);
    expect(await readOrganisationCoverage(page, "NATO")).toBe(expected.organisation.nato ?? 0);
    expect(await readOrganisationCoverage(page, "EU")).toBe(expected.organisation.eu ?? 0);
    // The list counts approved updates by default: any other choice is named in the link.
    await expect(page.getByRole("link", { name: `See the ${expected.total - expected.updated} without an update` })).toHaveAttribute(
      "href",
      `/proposals?status=NO_UPDATE&period=report-11&include=${include}`,
    );
  }
  await expectNoAxeViolations(page);
});

test("a staff member's submitted update shows up in the manager's coverage and their organisation's row once approved", async ({ page, browser }) => {
  const proposal = await freshProposal(1);
  const followedByNato = (await testDb().focalPoint.count({ where: { proposalId: proposal.id, user: { organisationId: "nato" } } })) > 0;
  const staff = await newUser("STAFF", { focalPointOf: [proposal.id], organisationId: "eu" });
  const periodId = await openPeriodId();

  await openDashboard(page);
  const before = await readCoverage(page);
  const euBefore = await readOrganisationCoverage(page, "EU");
  const natoBefore = await readOrganisationCoverage(page, "NATO");
  const stalledBefore = await readStat(page, "STALLED");

  const staffPage = await signedInPage(browser, staff);
  try {
    await recordUpdateThroughForm(
      staffPage,
      proposal.id,
      {
        status: "Stalled",
        assessment: "Off track",
        progress: "10",
        narrative: "Talks paused pending agreement on information sharing.",
        rationale: "Talks paused.",
      },
      "submit",
    );
  } finally {
    await staffPage.context().close();
  }

  // Submitted, not yet approved: the default count does not move.
  await page.reload();
  await expect(page.getByTestId("coverage-total")).toHaveText(`${before.updated} of ${before.total}`);
  expect(await readStat(page, "STALLED")).toBe(stalledBefore);

  await approveUpdate(page, proposal.id);

  await openDashboard(page);
  await expect(page.getByTestId("coverage-total")).toHaveText(`${before.updated + 1} of ${before.total}`);
  expect(await readOrganisationCoverage(page, "EU")).toBe(euBefore + 1);
  // Coverage by organisation counts the proposals each organisation's focal points follow.
  expect(await readOrganisationCoverage(page, "NATO")).toBe(natoBefore + (followedByNato ? 1 : 0));
  expect(await readStat(page, "STALLED")).toBe(stalledBefore + 1);
  expect(await updateCountInPeriod(periodId, ["APPROVED"])).toBe(before.updated + 1);
});

test("switching to the 10th progress report shows that closed period, fully covered", async ({ page }) => {
  const closed = await expectedNumbers("report-10");
  // Closed periods are fully covered, and approved, in the seed: check rather than assume.
  expect(closed.updated).toBe(74);

  await openDashboard(page);
  const select = page.getByRole("combobox", { name: "Reporting period" });
  await expect(select).toHaveValue("report-11");
  await select.selectOption({ label: "10th progress report (Closed)" });
  await page.getByRole("button", { name: "Show" }).click();

  await expect(page).toHaveURL(/\/dashboard\?period=report-10&include=approved$/);
  await expect(page.getByRole("combobox", { name: "Reporting period" })).toHaveValue("report-10");
  await expect(page.getByText("10th progress report: 74 of 74 proposals counted (approved updates only).")).toBeVisible();
  await expect(page.getByTestId("coverage-total")).toHaveText(`${closed.updated} of ${closed.total}`);
  expect(await readStat(page, "NO_UPDATE")).toBe(0);
  // A closed period counts nothing as overdue.
  await expect(page.getByTestId("headline-overdue")).toContainText("the period is closed");
  for (const key of STATUS_KEYS) expect(await readStat(page, key), key).toBe(closed.status[key]);
  expect(await readOrganisationCoverage(page, "NATO")).toBe(closed.organisation.nato ?? 0);
  expect(await readOrganisationCoverage(page, "EU")).toBe(closed.organisation.eu ?? 0);
  await expect(page.getByRole("region", { name: "Coverage" }).getByRole("link", { name: /without an update/ })).toHaveCount(0);
});

test("reminders say honestly that nothing was e-mailed on a server without e-mail; a closed period's cockpit lists what was missing, never overdue", async ({
  page,
}) => {
  await page.goto(`/periods/${await openPeriodId()}`);
  await page.getByRole("button", { name: "E-mail reminders to focal points with items due" }).click();
  const outcome = page.getByRole("status").filter({ hasText: "0 e-mails sent: e-mail is not configured on this server." });
  await expect(outcome).toBeVisible();
  await expect(outcome).toHaveClass(/alert--warning/);
  await expect(outcome).toContainText("still see what is due under the bell");
  await expectNoAxeViolations(page);

  await page.goto("/periods/report-01");
  await expect(page.getByTestId("period-state")).not.toContainText("overdue");
  await expect(page.getByRole("heading", { name: /^Missing from this period \(nothing submitted before it closed\)/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Overdue/ })).toHaveCount(0);
  // The 1st report holds the 42 proposals of the 2016 set.
  await expect(page.getByTestId("cockpit-reported")).toHaveText("42 of 42");
});

test("what changed shows each rewritten narrative as text, insertions and deletions marked", async ({ page }) => {
  await page.goto("/dashboard/changes?from=report-09&to=report-10");
  const items = page.getByTestId("narrative-items").getByRole("listitem");
  await expect(items.first()).toBeVisible();
  const first = items.first();
  await first.getByText("narrative rewritten: show what changed").click();
  await expect(first.locator("ins.diff-added, del.diff-removed").first()).toBeVisible();
  await expectNoAxeViolations(page);
});
