// Journey: a focal-point staff member records the update of their proposal for the open period and
// submits it for review; the dashboard counts it once submitted updates are included. Then: a form with
// several mistakes hears about all of them at once (the rationale's included), a contradictory update is
// warned about as it is typed, saved anyway with its warning, and the manager sees it in the review panel.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { earlierUpdateOf, freshProposal, newUser, openPeriodId, openUpdateOf, updateCountInPeriod } from "./support/data";
import { SUBMITTED_FOR_REVIEW, fillUpdateForm, openDashboard, readCoverage, readStat, saveButton, signedInPage, submitButton } from "./support/pages";

test("staff records an update: bad input is refused and kept, the fixed one is submitted and counted", async ({ page }) => {
  // About a dozen page loads and three axe runs: more than the default minute on a busy 2-core machine.
  test.setTimeout(120_000);
  const proposal = await freshProposal(0);
  const user = await newUser("STAFF", { focalPointOf: [proposal.id] });
  const periodId = await openPeriodId();

  await signIn(page, user.email, user.password);

  // Dashboard before: coverage agrees with the database (approved updates by default).
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  const approvedBefore = await readCoverage(page);
  expect(approvedBefore).toEqual({ updated: await updateCountInPeriod(periodId, ["APPROVED"]), total: 74 });
  // Counting submitted updates too.
  await openDashboard(page, "?include=submitted");
  const before = await readCoverage(page);
  expect(before).toEqual({ updated: await updateCountInPeriod(periodId, ["APPROVED", "SUBMITTED"]), total: 74 });
  const ongoingBefore = await readStat(page, "ONGOING");
  const missingBefore = await readStat(page, "NO_UPDATE");

  // Find the proposal through the search box; the filter lands in the URL.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Proposals" }).click();
  await expect(page.getByRole("heading", { name: "Proposals", level: 1 })).toBeVisible();
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.fill(proposal.title);
  await search.press("Enter");
  await expect(page).toHaveURL(/[?&]q=/);
  expect(new URL(page.url()).searchParams.get("q")).toBe(proposal.title);
  await expect(search).toHaveValue(proposal.title);
  const table = page.getByTestId("proposal-table");
  await expect(table.locator(`tbody tr[data-proposal="${proposal.code}"]`)).toBeVisible();
  await table.getByRole("link", { name: proposal.title, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/proposals/${proposal.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${proposal.code} · ${proposal.title}`);
  await expect(page.getByText("No update recorded for this period yet.")).toBeVisible();
  await page.getByRole("link", { name: /^Record update for the / }).click();

  await expect(page).toHaveURL(new RegExp(`/proposals/${proposal.id}/update$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Record an update: ${proposal.code}`);
  await expectNoAxeViolations(page);

  // Bad input first: progress above 100 and no narrative.
  const form = page.locator("form[data-state]");
  const progress = page.getByLabel("Progress (%)");
  const narrative = page.getByLabel("Narrative");
  const nextSteps = page.getByLabel("Next steps (optional)");
  const typedNextSteps = `Convene the working group again (${user.name}).`;
  await page
    .getByRole("group", { name: "Implementation status" })
    .getByRole("radio", { name: /^In progress\b/ })
    .check();
  await page.getByRole("group", { name: "Assessment" }).getByRole("radio", { name: "On track", exact: true }).check();
  await progress.fill("150");
  await narrative.fill("");
  await nextSteps.fill(typedNextSteps);
  await saveButton(page).click();

  await expect(form).toHaveAttribute("data-state", "error");
  // (Next.js keeps its own route announcer with role="alert" in the page too.)
  const summary = page.getByRole("alert").filter({ hasText: "Some answers need correcting" });
  await expect(summary).toContainText("Some answers need correcting: see the messages beside the fields.");
  await expect(summary.getByRole("link", { name: "Progress: Progress cannot be above 100" })).toBeVisible();
  // Focus moves to the error summary so keyboard and screen-reader users land on what to fix.
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Narrative: Describe the progress made in this period" })).toBeVisible();
  // The messages sit next to their fields and are announced with them.
  await expect(progress).toHaveAttribute("aria-invalid", "true");
  await expect(progress).toHaveAccessibleDescription(/Progress cannot be above 100/);
  await expect(narrative).toHaveAttribute("aria-invalid", "true");
  await expect(narrative).toHaveAccessibleDescription(/Describe the progress made in this period/);
  // What the user typed is kept.
  await expect(progress).toHaveValue("150");
  await expect(nextSteps).toHaveValue(typedNextSteps);
  await expect(page.getByRole("radio", { name: /^In progress\b/ })).toBeChecked();
  // Nothing was written.
  expect(await openUpdateOf(proposal.id)).toBeNull();
  await expectNoAxeViolations(page);

  // Fix and submit for review. (The rationale is given whether or not the status moved from the
  // previous period; reporting-cycle.spec.ts checks the rule itself.)
  const narrativeText = `Joint workshop held; terms of reference agreed by both staffs (${user.name}).`;
  const rationale = "Workshop outcome changes the outlook.";
  const evidence = { label: "Workshop minutes", url: `https://example.org/minutes/${proposal.id}` };
  await fillUpdateForm(page, { status: "Ongoing", assessment: "At risk", progress: "40", narrative: narrativeText, evidence, rationale });
  await submitButton(page).click();

  await expect(page).toHaveURL(new RegExp(`/proposals/${proposal.id}\\?submitted=1$`));
  await expect(page.getByRole("status")).toHaveText(SUBMITTED_FOR_REVIEW);
  const current = page.getByRole("region", { name: /^Current state: / });
  await expect(current.getByText("Submitted", { exact: true })).toBeVisible();
  await expect(current.getByText("Ongoing", { exact: true })).toBeVisible();
  await expect(current.getByText("At risk", { exact: true })).toBeVisible();
  await expect(current.getByText("40%", { exact: true })).toBeVisible();
  await expect(current.getByText(rationale)).toBeVisible();
  await expect(current.getByText(narrativeText)).toBeVisible();
  await expect(current.getByText(typedNextSteps)).toBeVisible();
  await expect(current.getByRole("link", { name: /^Workshop minutes/ })).toHaveAttribute("href", evidence.url);
  await expect(current).toContainText(`${user.name} (NATO)`);
  // Under review the update is frozen for its author: no edit link.
  await expect(page.getByRole("link", { name: /^(Edit|Record) update for the / })).toHaveCount(0);

  const saved = await openUpdateOf(proposal.id);
  expect(saved).toMatchObject({
    status: "ONGOING",
    assessment: "AT_RISK",
    progress: 40,
    narrative: narrativeText,
    nextSteps: typedNextSteps,
    evidenceLinks: [evidence],
    rationale,
    workflowState: "SUBMITTED",
    authorId: user.id,
    organisationId: "nato",
    version: 1,
  });
  await expectNoAxeViolations(page);

  // The dashboard counts approved updates by default: not this one yet.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Count" })).toHaveValue("approved");
  await expect(page.getByTestId("coverage-total")).toHaveText(`${approvedBefore.updated} of 74`);

  // Counting submitted updates too, it is counted.
  await page.getByRole("combobox", { name: "Count" }).selectOption({ label: "Approved and submitted" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]include=submitted(&|$)/);
  await expect(page.getByTestId("coverage-total")).toHaveText(`${before.updated + 1} of 74`);
  expect(await readStat(page, "ONGOING")).toBe(ongoingBefore + 1);
  expect(await readStat(page, "NO_UPDATE")).toBe(missingBefore - 1);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("every error at once, then a contradictory update is warned about, saved with its warning and shown to the reviewer", async ({ page, browser }) => {
  // Two users, about eight page loads and two axe runs.
  test.setTimeout(120_000);
  const proposal = await freshProposal(1, { withEarlierUpdate: true });
  const earlier = await earlierUpdateOf(proposal.id);
  const user = await newUser("STAFF", { focalPointOf: [proposal.id] });
  const manager = await newUser("MANAGER", { organisationId: "eu" });
  // Completed at 40 %: a contradiction; a judgement that differs from the earlier period's, so a rationale is needed.
  const [status, assessment] = earlier.status === "COMPLETED" && earlier.assessment === "ON_TRACK" ? ["Stalled", "On track"] : ["Completed", "On track"];
  const warning = status === "Completed" ? "Completed at 40 % progress" : "Stalled but assessed On track";

  await signIn(page, user.email, user.password, `/proposals/${proposal.id}/update`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Record an update: ${proposal.code}`);
  const form = page.locator("form[data-state]");
  const progress = page.getByLabel("Progress (%)");
  const narrative = page.getByLabel("Narrative");
  const rationale = page.getByLabel("Why it changed");
  const liveWarnings = page.getByTestId("live-warnings");

  // A changed judgement, no progress, no narrative, no rationale: three errors, all in the first answer.
  await page
    .getByRole("group", { name: "Implementation status" })
    .getByRole("radio", { name: new RegExp(`^${status}\\b`) })
    .check();
  await page.getByRole("group", { name: "Assessment" }).getByRole("radio", { name: assessment, exact: true }).check();
  await progress.fill("");
  await narrative.fill("");
  await rationale.fill("");
  await saveButton(page).click();

  await expect(form).toHaveAttribute("data-state", "error");
  const summary = page.getByRole("alert").filter({ hasText: "Some answers need correcting" });
  const rationaleMessage = `Explain briefly why the status or assessment changed since the last period (${earlier.period.name}).`;
  await expect(summary.getByRole("link")).toHaveText([
    `Why it changed: ${rationaleMessage}`,
    "Progress: Enter progress as a whole number from 0 to 100",
    "Narrative: Describe the progress made in this period",
  ]);
  for (const [field, message] of [
    [rationale, rationaleMessage],
    [progress, "Enter progress as a whole number from 0 to 100"],
    [narrative, "Describe the progress made in this period"],
  ] as const) {
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  }
  expect(await openUpdateOf(proposal.id)).toBeNull();

  // Typing a contradictory progress brings a warning at once, beside the fields, without blocking.
  if (status === "Completed") await expect(liveWarnings).toHaveText("");
  await progress.fill("40");
  await expect(liveWarnings).toContainText(warning);
  await expect(liveWarnings).toHaveAttribute("role", "status");
  // Announced with the fields it is about.
  await expect(page.getByRole("group", { name: "Implementation status" })).toHaveAccessibleDescription(new RegExp(escapeRegExp(warning)));
  await expectNoAxeViolations(page);

  // Saved anyway, with the warning computed by the server and kept with the update.
  await narrative.fill(`Final workshop held; the report is still pending (${user.name}).`);
  await rationale.fill("The last deliverable was handed over.");
  await submitButton(page).click();
  await expect(page).toHaveURL(new RegExp(`/proposals/${proposal.id}\\?submitted=1$`));
  await expect(page.getByRole("status")).toHaveText(SUBMITTED_FOR_REVIEW);
  const current = page.getByRole("region", { name: /^Current state: / });
  await expect(current.getByTestId("update-warnings")).toHaveText(warning);
  expect(await openUpdateOf(proposal.id)).toMatchObject({ progress: 40, workflowState: "SUBMITTED", warnings: [warning] });

  // The manager sees it where the decision is made.
  const managerPage = await signedInPage(browser, manager, `/proposals/${proposal.id}`);
  try {
    const review = managerPage.getByRole("region", { name: "Review" });
    await expect(review.getByTestId("flagged-warnings")).toHaveText(`Flagged when saved: ${warning}.`);
    await expect(review.getByRole("button", { name: "Approve", exact: true })).toBeVisible();
    await expectNoAxeViolations(managerPage);
  } finally {
    await managerPage.context().close();
  }
});
