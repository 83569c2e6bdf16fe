// Page helpers shared by the journeys: fresh browser contexts, reading the dashboard, filling the form.
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { signIn, storageStatePath, type RoleName } from "./auth";
import { E2E_BASE_URL } from "./config";
import { elementsPastTheRightEdge } from "./reports";

const EMPTY_STATE = { cookies: [], origins: [] };

/** A context with no session (not the storage state of the test's `use`). Close it at the end of the test. */
export async function newAnonymousContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: E2E_BASE_URL, storageState: EMPTY_STATE });
}

/** A context signed in with a role's saved storage state. */
export async function newRoleContext(browser: Browser, role: RoleName): Promise<BrowserContext> {
  return browser.newContext({ baseURL: E2E_BASE_URL, storageState: storageStatePath(role) });
}

/** A new page in a fresh context, signed in through the form as the given user. */
export async function signedInPage(browser: Browser, user: { email: string; password: string }, returnTo = "/dashboard"): Promise<Page> {
  const context = await newAnonymousContext(browser);
  const page = await context.newPage();
  await signIn(page, user.email, user.password, returnTo);
  return page;
}

/** "N of 74" of the coverage section, as numbers. */
export async function readCoverage(page: Page): Promise<{ updated: number; total: number }> {
  const text = (await page.getByTestId("coverage-total").textContent()) ?? "";
  const match = /^\s*(\d+) of (\d+)\s*$/.exec(text);
  if (!match) throw new Error(`Unexpected coverage text: ${JSON.stringify(text)}`);
  return { updated: Number(match[1]), total: Number(match[2]) };
}

/** The number on a status card (NOT_STARTED ... STALLED, NO_UPDATE). */
export async function readStat(page: Page, status: string): Promise<number> {
  const text = await page.getByTestId(`stat-${status}`).locator(".stat__value").textContent();
  return Number(text);
}

/** The "Reported" cell of an organisation's row in the coverage table: its proposals with a counted update. */
export async function readOrganisationCoverage(page: Page, code: "NATO" | "EU"): Promise<number> {
  const text = (await page.getByTestId(`coverage-${code}-reported`).textContent()) ?? "";
  const match = /^\s*(\d+) \(\d+%\)\s*$/.exec(text);
  if (!match) throw new Error(`Unexpected coverage text: ${JSON.stringify(text)}`);
  return Number(match[1]);
}

export type UpdateValues = {
  status: string; // label, e.g. "Ongoing"
  assessment: string; // label, e.g. "At risk"
  progress: string;
  narrative: string;
  nextSteps?: string;
  evidence?: { label: string; url: string };
  /** "Why it changed": required when status or assessment differs from the previous period. */
  rationale?: string;
};

/** Fills the status update form (the page must show it). */
export async function fillUpdateForm(page: Page, values: UpdateValues): Promise<void> {
  await page
    .getByRole("group", { name: "Implementation status" })
    .getByRole("radio", { name: new RegExp(`^${values.status}\\b`) })
    .check();
  await page.getByRole("group", { name: "Assessment" }).getByRole("radio", { name: values.assessment, exact: true }).check();
  await page.getByLabel("Progress (%)").fill(values.progress);
  await page.getByLabel("Narrative").fill(values.narrative);
  if (values.rationale !== undefined) await page.getByLabel("Why it changed").fill(values.rationale);
  if (values.nextSteps !== undefined) await page.getByLabel("Next steps (optional)").fill(values.nextSteps);
  if (values.evidence) {
    await page.getByLabel("Link 1: label").fill(values.evidence.label);
    await page.getByLabel("Link 1: address").fill(values.evidence.url);
  }
}

/** "Save draft for the …" (staff who may submit) or "Save changes for the …" (who may only edit). */
export function saveButton(page: Page) {
  return page.getByRole("button", { name: /^Save (draft|changes) for the / });
}

export function submitButton(page: Page) {
  return page.getByRole("button", { name: "Submit for review", exact: true });
}

export const SAVED_AS_DRAFT = "Update saved as a draft. Submit it for review when it is ready.";
export const SUBMITTED_FOR_REVIEW = "Update submitted for review.";

/** Opens the form of a proposal, saves (or submits) the values and waits for the proposal page to confirm. */
export async function recordUpdateThroughForm(page: Page, proposalId: string, values: UpdateValues, intent: "save" | "submit" = "save"): Promise<void> {
  await page.goto(`/proposals/${proposalId}/update`);
  await fillUpdateForm(page, values);
  await (intent === "submit" ? submitButton(page) : saveButton(page)).click();
  await expect(page).toHaveURL(new RegExp(`/proposals/${proposalId}\\?${intent === "submit" ? "submitted" : "saved"}=1$`));
  await expect(page.getByRole("status").filter({ hasText: intent === "submit" ? SUBMITTED_FOR_REVIEW : SAVED_AS_DRAFT })).toBeVisible();
}

/** A manager's Approve / Return on the proposal page; waits for the page to confirm. */
export async function approveUpdate(page: Page, proposalId: string): Promise<void> {
  await page.goto(`/proposals/${proposalId}`);
  await page.getByRole("region", { name: "Review" }).getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/proposals/${proposalId}\\?approved=1$`));
  await expect(page.getByRole("status").filter({ hasText: "Update approved." })).toBeVisible();
}

/** The header's notification bell (a <details> disclosure): its summary, its badge and its panel. */
export function notificationBell(page: Page) {
  const bell = page.getByTestId("notification-bell");
  const panel = bell.locator(".bell__panel");
  return {
    bell,
    summary: bell.locator("summary"),
    count: bell.getByTestId("notification-count"),
    panel,
    seeAll: panel.getByRole("link", { name: "See all notifications" }),
  };
}

/** Opens a dashboard with the "Count" choice of the GET form (approved by default). */
export async function openDashboard(page: Page, query = ""): Promise<void> {
  await page.goto(`/dashboard${query}`);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
}

/** Today's date (UTC), as a date input wants it. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The document does not scroll sideways (a table may, inside its own scroll box); names what sticks out. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect
    .soft(scrollWidth, `${what} at ${clientWidth} px; past the edge: ${(await elementsPastTheRightEdge(page)).join(", ")}`)
    .toBeLessThanOrEqual(clientWidth);
}
