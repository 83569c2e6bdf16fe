// Journey (the reporting cycle's "done when"): a focal point records a changed status, which needs a
// rationale, and submits it; a manager returns it with a note; the author finds it first on the dashboard
// and under the bell, fixes and resubmits it; the manager approves it and the default dashboard counts
// it. Then the manager locks the open period (after moving its cut-off to today): the author can no
// longer write, until the manager reopens that one proposal. The admin's audit trail shows every step.
//
// This spec locks the shared open period. It is the last spec file in alphabetical order, it unlocks the
// period as its last step, and afterAll puts the period back as it was whatever happened, so that
// every other spec finds the 11th progress report open (they also run before this one).
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { createOpenUpdate, earlierUpdateOf, freshProposals, type ProposalInfo, newUser, openPeriodId, openUpdateOf, updateCountInPeriod } from "./support/data";
import { testDb } from "./support/db";
import {
  SAVED_AS_DRAFT,
  SUBMITTED_FOR_REVIEW,
  approveUpdate,
  newRoleContext,
  notificationBell,
  openDashboard,
  readCoverage,
  readStat,
  saveButton,
  signedInPage,
  submitButton,
  todayIso,
} from "./support/pages";

const STATUS_LABELS: Record<string, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  ONGOING: "Ongoing",
  COMPLETED: "Completed",
  STALLED: "Stalled",
};
const ASSESSMENT_LABELS: Record<string, string> = { ON_TRACK: "On track", AT_RISK: "At risk", OFF_TRACK: "Off track", NOT_ASSESSED: "Not assessed" };
const RATIONALE_REQUIRED = "Explain briefly why the status or assessment changed since the last period";

/** The app's date format (UTC, en-GB), e.g. "27 Nov 2026". */
function displayDate(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The open period as the seed left it, restored by afterAll. */
let original: { id: string; cutOffOn: Date } | undefined;

test.afterAll(async () => {
  if (!original) return;
  const now = await testDb().reportingPeriod.findUniqueOrThrow({ where: { id: original.id }, select: { state: true, cutOffOn: true } });
  if (now.state !== "OPEN" || now.cutOffOn.getTime() !== original.cutOffOn.getTime()) {
    // The journey stopped before restoring the period itself (its last steps do it through the UI).
    await testDb().reportingPeriod.update({
      where: { id: original.id },
      data: { state: "OPEN", lockedAt: null, lockedById: null, cutOffOn: original.cutOffOn, version: { increment: 1 } },
    });
  }
});

/** Action (the row's data-action) and actor's name of each row of the audit table, newest first. */
async function auditRows(page: Page): Promise<{ action: string; who: string }[]> {
  return page
    .getByTestId("audit-table")
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => ({ action: row.getAttribute("data-action") ?? "", who: row.querySelector("td:nth-child(2) > div:first-child")?.textContent ?? "" })),
    );
}

/** The audit table's rows of one action. */
function auditRowsOf(page: Page, action: string) {
  return page.getByTestId("audit-table").locator(`tbody tr[data-action="${action}"]`);
}

test("an update is returned, resubmitted and approved; the locked period refuses writes until the proposal is reopened; the audit trail shows each step", async ({
  browser,
}) => {
  // About thirty page loads across four users.
  test.setTimeout(240_000);

  const periodId = await openPeriodId();
  const period = await testDb().reportingPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { id: true, name: true, cutOffOn: true } });
  original = { id: period.id, cutOffOn: period.cutOffOn };
  const [proposal, draftProposal] = (await freshProposals(6, 2, { withEarlierUpdate: true })) as [ProposalInfo, ProposalInfo];
  const earlier = await earlierUpdateOf(proposal.id);
  // A status that differs from the previous period's, so that the rationale is required.
  const newStatus = earlier.status === "STALLED" ? "IN_PROGRESS" : "STALLED";
  const staff = await newUser("STAFF", { focalPointOf: [proposal.id] });
  const manager = await newUser("MANAGER", { organisationId: "eu" });

  const firstNarrative = `Staff talks paused over the exchange of classified information (${staff.name}).`;
  const addedSentence = "Resumed on 20 November with an agreed agenda.";
  const secondNarrative = `${firstNarrative} ${addedSentence}`;
  const rationale = "Talks paused after the change of chairmanship.";
  const returnNote = `Add the date and the outcome of the last staff talks (${manager.name}).`;
  const reopenReason = "Late correction agreed with both staffs.";
  const updateUrl = `/proposals/${proposal.id}/update`;
  const proposalUrl = `/proposals/${proposal.id}`;
  const proposalLink = `${proposal.code} · ${proposal.title}`;

  const staffPage = await signedInPage(browser, staff);
  const managerPage = await signedInPage(browser, manager);
  const adminContext = await newRoleContext(browser, "admin");
  const adminPage = await adminContext.newPage();
  try {
    await test.step("staff: a changed status is refused without a rationale, saved as a draft with one, then submitted", async () => {
      await staffPage.goto(proposalUrl);
      await staffPage.getByRole("link", { name: `Record update for the ${period.name}` }).click();
      await expect(staffPage).toHaveURL(new RegExp(`${updateUrl}$`));
      // Pre-filled from the previous period, and the rationale field says what it is compared with.
      const statusGroup = staffPage.getByRole("group", { name: "Implementation status" });
      await expect(statusGroup.getByRole("radio", { name: new RegExp(`^${STATUS_LABELS[earlier.status]}\\b`) })).toBeChecked();
      const rationaleField = staffPage.getByLabel("Why it changed");
      await expect(rationaleField).toHaveAccessibleDescription(
        `Required when status or assessment differs from the ${earlier.period.name} (${STATUS_LABELS[earlier.status]}, ${ASSESSMENT_LABELS[earlier.assessment]}).`,
      );

      await statusGroup.getByRole("radio", { name: new RegExp(`^${STATUS_LABELS[newStatus]}\\b`) }).check();
      await staffPage.getByLabel("Progress (%)").fill("15");
      await staffPage.getByLabel("Narrative").fill(firstNarrative);
      await submitButton(staffPage).click();

      const fieldMessage = `${RATIONALE_REQUIRED} (${earlier.period.name}).`;
      await expect(staffPage.locator("form[data-state]")).toHaveAttribute("data-state", "error");
      const summary = staffPage.getByRole("alert").filter({ hasText: RATIONALE_REQUIRED });
      await expect(summary.getByRole("link", { name: `Why it changed: ${fieldMessage}` })).toBeVisible();
      // The message sits beside the field and is announced with it.
      await expect(rationaleField).toHaveAttribute("aria-invalid", "true");
      await expect(rationaleField).toHaveAccessibleDescription(new RegExp(`${escapeRegExp(fieldMessage)}$`));
      await expect(staffPage.locator(".field").filter({ has: rationaleField }).locator(".field__error")).toHaveText(`Error: ${fieldMessage}`);
      // What was typed is kept; nothing was written.
      await expect(statusGroup.getByRole("radio", { name: new RegExp(`^${STATUS_LABELS[newStatus]}\\b`) })).toBeChecked();
      await expect(staffPage.getByLabel("Narrative")).toHaveValue(firstNarrative);
      expect(await openUpdateOf(proposal.id)).toBeNull();

      await rationaleField.fill(rationale);
      await saveButton(staffPage).click();
      await expect(staffPage).toHaveURL(new RegExp(`${proposalUrl}\\?saved=1$`));
      await expect(staffPage.getByRole("status")).toHaveText(SAVED_AS_DRAFT);
      const current = staffPage.getByRole("region", { name: `Current state: ${period.name}` });
      await expect(current.getByText("Draft", { exact: true })).toBeVisible();
      await expect(current.getByText(rationale, { exact: true })).toBeVisible();
      expect(await openUpdateOf(proposal.id)).toMatchObject({ status: newStatus, rationale, workflowState: "DRAFT", version: 1, authorId: staff.id });

      await staffPage.getByRole("link", { name: `Edit update for the ${period.name}` }).click();
      await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText(`Edit the update: ${proposalLink}`);
      await expect(staffPage.getByLabel("Why it changed")).toHaveValue(rationale);
      await submitButton(staffPage).click();
      await expect(staffPage).toHaveURL(new RegExp(`${proposalUrl}\\?submitted=1$`));
      await expect(staffPage.getByRole("status")).toHaveText(SUBMITTED_FOR_REVIEW);
      await expect(current.getByText("Submitted", { exact: true })).toBeVisible();
      await expect(staffPage.getByRole("link", { name: /^(Edit|Record) update for the / })).toHaveCount(0);
      expect(await openUpdateOf(proposal.id)).toMatchObject({ workflowState: "SUBMITTED", version: 2 });
    });

    await test.step("manager: the update waits on the cockpit, is not returned without a note, then is returned with one", async () => {
      await managerPage.goto(`/periods/${periodId}`);
      await managerPage.getByTestId("awaiting-review").getByRole("link", { name: proposalLink, exact: true }).click();
      await expect(managerPage).toHaveURL(new RegExp(`${proposalUrl}$`));
      const review = managerPage.getByRole("region", { name: "Review" });
      await expect(review.getByRole("button", { name: "Approve", exact: true })).toBeVisible();

      const returnForm = review.getByRole("form", { name: "Return the update" });
      await returnForm.getByRole("button", { name: "Return to author" }).click();
      await expect(returnForm.getByRole("alert")).toHaveText("Check the review: see the message beside the field.");
      await expect(returnForm.getByLabel("Note to the author")).toHaveAccessibleDescription(/Tell the author what to change before returning the update$/);
      expect(await openUpdateOf(proposal.id)).toMatchObject({ workflowState: "SUBMITTED", version: 2 });

      await returnForm.getByLabel("Note to the author").fill(returnNote);
      await returnForm.getByRole("button", { name: "Return to author" }).click();
      await expect(managerPage).toHaveURL(new RegExp(`${proposalUrl}\\?returned=1$`));
      await expect(managerPage.getByRole("status")).toHaveText("Update returned to its author.");
      await expect(managerPage.getByRole("note")).toHaveText(`Returned for changes: ${returnNote}`);
      expect(await openUpdateOf(proposal.id)).toMatchObject({ workflowState: "RETURNED", returnNote, version: 3 });

      await managerPage.goto(`/periods/${periodId}`);
      await expect(managerPage.getByTestId("returned").getByRole("link", { name: proposalLink, exact: true })).toBeVisible();
      await expect(managerPage.getByTestId("awaiting-review").getByRole("link", { name: proposalLink, exact: true })).toHaveCount(0);
    });

    await test.step("staff: the returned update comes first on the dashboard and under the bell; fixed and resubmitted", async () => {
      await openDashboard(staffPage);
      const returned = staffPage.getByRole("region", { name: "Returned to you for changes" });
      await expect(returned.getByRole("link", { name: `${proposal.code} returned for changes` })).toBeVisible();
      await expect(returned).toContainText(returnNote);
      // First thing on the page after the heading.
      await expect(staffPage.getByRole("main").locator("section").first()).toHaveAttribute("aria-labelledby", "returned-title");

      const { bell, summary, panel } = notificationBell(staffPage);
      await expect(summary).toHaveAccessibleName("Notifications: 1 needs your action");
      await expect(panel).toBeHidden();
      await summary.click();
      await expect(bell).toHaveAttribute("open", "");
      await expect(panel.getByRole("listitem")).toHaveCount(1);
      const first = panel.getByRole("listitem").first();
      await expect(first).toContainText("Returned");
      await expect(first).toContainText(returnNote);
      await first.getByRole("link", { name: `${proposal.code} returned for changes` }).click();

      await expect(staffPage).toHaveURL(new RegExp(`${proposalUrl}$`));
      await expect(staffPage.getByRole("note")).toHaveText(`Returned for changes: ${returnNote}`);
      await staffPage.getByRole("link", { name: `Edit update for the ${period.name}` }).click();
      await expect(staffPage.getByRole("note")).toHaveText(`Returned for changes: ${returnNote}`);
      await staffPage.getByLabel("Narrative").fill(secondNarrative);
      await submitButton(staffPage).click();
      await expect(staffPage).toHaveURL(new RegExp(`${proposalUrl}\\?submitted=1$`));
      await expect(staffPage.getByRole("status")).toHaveText(SUBMITTED_FOR_REVIEW);
      expect(await openUpdateOf(proposal.id)).toMatchObject({ workflowState: "SUBMITTED", narrative: secondNarrative, version: 4 });

      // Nothing is left for the author to do.
      await openDashboard(staffPage);
      await expect(staffPage.getByRole("region", { name: "Returned to you for changes" })).toHaveCount(0);
      await expect(notificationBell(staffPage).summary).toHaveAccessibleName("Notifications: nothing needs your action");
    });

    await test.step("manager: approves; the dashboard's default (approved) count now includes the update", async () => {
      await openDashboard(managerPage);
      await expect(managerPage.getByRole("combobox", { name: "Count" })).toHaveValue("approved");
      const before = await readCoverage(managerPage);
      expect(before.updated).toBe(await updateCountInPeriod(periodId, ["APPROVED"]));
      const statusBefore = await readStat(managerPage, newStatus);

      await approveUpdate(managerPage, proposal.id);
      await expect(managerPage.getByRole("region", { name: `Current state: ${period.name}` }).getByText("Approved", { exact: true })).toBeVisible();
      await expect(managerPage.getByRole("region", { name: "Review" }).getByRole("button", { name: "Approve" })).toHaveCount(0);
      expect(await openUpdateOf(proposal.id)).toMatchObject({ workflowState: "APPROVED", version: 5 });

      await openDashboard(managerPage);
      await expect(managerPage.getByTestId("coverage-total")).toHaveText(`${before.updated + 1} of ${before.total}`);
      expect(await readStat(managerPage, newStatus)).toBe(statusBefore + 1);
    });

    await test.step("compare: the first draft against the approved version shows the added words in <ins>", async () => {
      const revisions = await testDb().statusUpdateRevision.findMany({
        where: { statusUpdate: { proposalId: proposal.id, periodId } },
        orderBy: { version: "asc" },
        select: { id: true, version: true },
      });
      expect(revisions.map((r) => r.version)).toEqual([1, 2, 3, 4, 5]);
      await staffPage.goto(proposalUrl);
      await staffPage.getByRole("link", { name: "Compare any two versions" }).click();
      await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText(`Compare versions: ${proposalLink}`);
      await staffPage.getByLabel("From", { exact: true }).selectOption(revisions[0]!.id);
      await staffPage.getByLabel("To", { exact: true }).selectOption(revisions[4]!.id);
      await staffPage.getByRole("button", { name: "Compare" }).click();
      await expect(staffPage).toHaveURL(new RegExp(`from=${revisions[0]!.id}&to=${revisions[4]!.id}$`));

      const diff = staffPage.getByTestId("version-diff");
      await expect(diff.locator("caption")).toContainText(`${period.name}, version 1`);
      await expect(diff.locator("caption")).toContainText(`${period.name}, version 5`);
      const narrative = diff.getByRole("row", { name: /^Narrative/ });
      await expect(narrative).toHaveAttribute("data-changed", "true");
      await expect(narrative.locator("ins")).toHaveText([new RegExp(`^\\s*${escapeRegExp(addedSentence)}\\s*$`)]);
      await expect(narrative.locator("del")).toHaveCount(0);
      const reviewState = diff.getByRole("row", { name: /^Review state/ });
      await expect(reviewState).toHaveAttribute("data-changed", "true");
      await expect(reviewState.getByRole("cell").nth(0)).toHaveText("Draft");
      await expect(reviewState.getByRole("cell").nth(1)).toContainText("Approved");
      await expect(diff.getByRole("row", { name: /^Implementation status/ })).toHaveAttribute("data-changed", "false");
      await expectNoAxeViolations(staffPage);
    });

    await test.step("manager: Lock is refused before the cut-off; with the cut-off moved to today the period locks", async () => {
      await managerPage.goto(`/periods/${periodId}`);
      const state = managerPage.getByTestId("period-state");
      await expect(state).toHaveText(/^Open for updates · /);
      await managerPage.getByRole("button", { name: "Lock", exact: true }).click();
      await expect(
        managerPage.getByRole("alert").filter({ hasText: "The cut-off date has not passed yet; move the cut-off date to lock earlier." }),
      ).toBeVisible();
      await expect(state).toHaveText(/^Open for updates · /);
      expect((await testDb().reportingPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { state: true } })).state).toBe("OPEN");

      await managerPage.getByRole("link", { name: "Edit dates" }).click();
      await expect(managerPage.getByRole("heading", { level: 1 })).toHaveText(`Edit the ${period.name}`);
      await managerPage.getByLabel("Cut-off", { exact: true }).fill(todayIso());
      await managerPage.getByRole("button", { name: "Save changes" }).click();
      await expect(managerPage).toHaveURL(new RegExp(`/periods/${periodId}\\?saved=1$`));
      await expect(managerPage.getByRole("status").filter({ hasText: "Period saved." })).toBeVisible();
      await expect(state).toContainText(`cut-off ${displayDate(new Date())}`);

      await managerPage.getByRole("button", { name: "Lock", exact: true }).click();
      await expect(state).toHaveText(/^Locked since /);
      await expect(managerPage.getByRole("button", { name: "Unlock", exact: true })).toBeVisible();
      expect((await testDb().reportingPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { state: true } })).state).toBe("LOCKED");
      await expectNoAxeViolations(managerPage);
    });

    await test.step("staff: in the locked period the edit page answers 403 and a forged API write 409 PERIOD_CLOSED", async () => {
      const page = await staffPage.goto(updateUrl);
      expect(page?.status()).toBe(403);
      await expect(staffPage.getByRole("heading", { name: "You cannot record an update for this proposal now", level: 1 })).toBeVisible();
      await staffPage.goto(proposalUrl);
      await expect(staffPage.getByRole("region", { name: "Current reporting period" })).toContainText("Locked for review:");
      await expect(staffPage.getByRole("link", { name: /^(Edit|Record) update for the / })).toHaveCount(0);

      const saved = (await openUpdateOf(proposal.id))!;
      const response = await staffPage.request.put(`/api/proposals/${proposal.id}/status`, {
        data: {
          periodId,
          status: newStatus,
          assessment: earlier.assessment,
          progress: 20,
          narrative: "Forged while locked: must never be stored.",
          nextSteps: "",
          evidenceLinks: [],
          rationale,
          intent: "save",
          expectedVersion: saved.version,
        },
      });
      expect(response.status()).toBe(409);
      expect(await response.json()).toEqual({ error: { code: "PERIOD_CLOSED", message: `The ${period.name} is locked.` } });
      expect(await openUpdateOf(proposal.id)).toMatchObject({ narrative: secondNarrative, version: saved.version });
    });

    await test.step("manager: reopens that proposal until today, with a reason", async () => {
      // Control (see the staff steps below): a second proposal of the same focal point, with a draft.
      await testDb().focalPoint.create({ data: { proposalId: draftProposal.id, userId: staff.id } });
      await createOpenUpdate(draftProposal.id, staff, {
        workflowState: "DRAFT",
        narrative: "Draft left before the lock.",
        rationale: "Reassessed before the lock.",
      });
      await managerPage.goto(`/proposals/${draftProposal.id}`);
      const reopenDraft = managerPage.getByRole("region", { name: `Reopen in the locked ${period.name}` });
      await reopenDraft.getByLabel("Reason").fill(reopenReason);
      await reopenDraft.getByLabel("Open until (inclusive)").fill(todayIso());
      await reopenDraft.getByRole("button", { name: "Reopen" }).click();
      await expect(reopenDraft.getByRole("status")).toHaveText("Reopened: focal points can edit this proposal until the end of the chosen day.");

      await managerPage.goto(proposalUrl);
      const reopen = managerPage.getByRole("region", { name: `Reopen in the locked ${period.name}` });
      await expect(reopen).toBeVisible();
      await expectNoAxeViolations(managerPage);
      await reopen.getByLabel("Reason").fill(reopenReason);
      await reopen.getByLabel("Open until (inclusive)").fill(todayIso());
      await reopen.getByRole("button", { name: "Reopen" }).click();
      await expect(reopen.getByRole("status")).toHaveText("Reopened: focal points can edit this proposal until the end of the chosen day.");
      await expect(managerPage.getByRole("region", { name: `Current state: ${period.name}` })).toContainText(reopenReason);
      const reopenings = await testDb().periodReopening.findMany({ where: { periodId, proposalId: proposal.id }, select: { reason: true, expiresAt: true } });
      expect(reopenings).toEqual([{ reason: reopenReason, expiresAt: new Date(`${todayIso()}T23:59:59.999Z`) }]);
    });

    await test.step("admin: the audit trail of the proposal shows each step; the period's shows the cut-off change and the lock", async () => {
      await adminPage.goto("/audit");
      await expect(adminPage.getByRole("heading", { name: "Audit trail", level: 1 })).toBeVisible();
      await adminPage.getByLabel("Proposal", { exact: true }).fill(proposal.code);
      await adminPage.getByRole("button", { name: "Filter" }).click();
      await expect(adminPage).toHaveURL(new RegExp(`[?&]proposal=${proposal.code}(&|$)`));
      // Newest first. The staff member's visit to the locked edit page was refused and recorded; the
      // forged API write was refused before anything else (PERIOD_CLOSED) and is not.
      expect(await auditRows(adminPage)).toEqual([
        { action: "period.reopen_proposal", who: manager.name },
        { action: "permission.denied", who: staff.name },
        { action: "status_update.approve", who: manager.name },
        { action: "status_update.submit", who: staff.name },
        { action: "status_update.return", who: manager.name },
        { action: "status_update.submit", who: staff.name },
        { action: "status_update.create", who: staff.name },
      ]);
      // In plain words: what happened, and the changed fields with their labels and readable values.
      const inPeriod = `${proposal.code} for the ${period.name}`;
      await expect(auditRowsOf(adminPage, "status_update.return")).toContainText(`Returned the update of ${inPeriod} to its author`);
      await expect(auditRowsOf(adminPage, "status_update.return")).toContainText(`Return note: ${returnNote}`);
      await expect(auditRowsOf(adminPage, "status_update.approve")).toContainText(`Approved the update of ${inPeriod}`);
      await expect(auditRowsOf(adminPage, "status_update.approve")).toContainText("Review state: Submitted → Approved");
      await expect(auditRowsOf(adminPage, "status_update.create")).toContainText(`Rationale: ${rationale}`);
      await expect(auditRowsOf(adminPage, "period.reopen_proposal")).toContainText(`Reopened ${proposal.code} for edits in the ${period.name}`);
      await expect(auditRowsOf(adminPage, "period.reopen_proposal")).toContainText(reopenReason);
      const rows = adminPage.getByTestId("audit-table").locator("tbody tr");

      await adminPage.getByLabel("Proposal", { exact: true }).fill("");
      await adminPage.getByLabel("Period", { exact: true }).selectOption(periodId);
      await adminPage.getByLabel("Action", { exact: true }).selectOption("period.lock");
      await adminPage.getByRole("button", { name: "Filter" }).click();
      await expect(adminPage).toHaveURL(/[?&]action=period\.lock(&|$)/);
      expect(await auditRows(adminPage)).toEqual([{ action: "period.lock", who: manager.name }]);
      await expect(rows.first()).toContainText(`Locked the ${period.name}`);
      await expect(rows.first()).toContainText("State: Open for updates → Locked");

      await adminPage.getByLabel("Action", { exact: true }).selectOption("period.update");
      await adminPage.getByRole("button", { name: "Filter" }).click();
      await expect(adminPage).toHaveURL(/[?&]action=period\.update(&|$)/);
      expect(await auditRows(adminPage)).toEqual([{ action: "period.update", who: manager.name }]);
      await expect(rows.first()).toContainText(`Cut-off: ${displayDate(period.cutOffOn)} → ${displayDate(new Date(`${todayIso()}T00:00:00Z`))}`);
    });

    await test.step("staff: a reopened proposal whose update is a draft can be edited and saved (control)", async () => {
      const edit = await staffPage.goto(`/proposals/${draftProposal.id}/update`);
      expect(edit?.status()).toBe(200);
      await staffPage.getByLabel("Narrative").fill("Draft completed after the lock, within the reopening.");
      await saveButton(staffPage).click();
      await expect(staffPage).toHaveURL(new RegExp(`/proposals/${draftProposal.id}\\?saved=1$`));
      expect(await openUpdateOf(draftProposal.id)).toMatchObject({ narrative: "Draft completed after the lock, within the reopening.", version: 2 });
    });

    await test.step("staff: the reopened proposal (its update approved) can be edited and saved", async () => {
      const edit = await staffPage.goto(updateUrl);
      // The issue's "done when": the reopened proposal is editable by its focal points until the end of the day.
      expect(edit?.status(), "edit page of the reopened proposal").toBe(200);
      const thirdNarrative = `${secondNarrative} Minutes circulated.`;
      await staffPage.getByLabel("Narrative").fill(thirdNarrative);
      await saveButton(staffPage).click();
      await expect(staffPage).toHaveURL(new RegExp(`${proposalUrl}\\?saved=1$`));
      expect(await openUpdateOf(proposal.id)).toMatchObject({ narrative: thirdNarrative, version: 6 });

      await adminPage.goto(`/audit?proposal=${proposal.code}`);
      expect((await auditRows(adminPage))[0]).toEqual({ action: "status_update.update", who: staff.name });
    });

    await test.step("manager: unlocks the period and puts its cut-off back", async () => {
      await managerPage.goto(`/periods/${periodId}`);
      await managerPage.getByRole("button", { name: "Unlock", exact: true }).click();
      const state = managerPage.getByTestId("period-state");
      await expect(state).toHaveText(/^Open for updates · /);
      await managerPage.getByRole("link", { name: "Edit dates" }).click();
      await managerPage.getByLabel("Cut-off", { exact: true }).fill(period.cutOffOn.toISOString().slice(0, 10));
      await managerPage.getByRole("button", { name: "Save changes" }).click();
      await expect(managerPage).toHaveURL(new RegExp(`/periods/${periodId}\\?saved=1$`));
      await expect(state).toContainText(`cut-off ${displayDate(period.cutOffOn)}`);
      expect(await testDb().reportingPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { state: true, cutOffOn: true } })).toEqual({
        state: "OPEN",
        cutOffOn: period.cutOffOn,
      });
    });
  } finally {
    await staffPage.context().close();
    await managerPage.context().close();
    await adminContext.close();
  }
});
