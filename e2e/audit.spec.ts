// Journey: an admin reads the audit trail in plain words. They filter it by a proposal's number ("12"),
// read what a person did (name, organisation, the sentence, the fields old → new), find sign-ins hidden
// until asked for, are told which filters could not be used, and download the filtered trail as CSV
// (BOM, the same events, formula-like texts made inert). Staff and viewers get 403 on the page and the
// export; an anonymous request to the export gets 401 JSON, not the sign-in page.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { storageStatePath } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { newUser, openPeriodId } from "./support/data";
import { testDb } from "./support/db";
import { newAnonymousContext, newRoleContext } from "./support/pages";

test.use({ storageState: storageStatePath("admin") });

// lib/domain/audit.ts AUDIT_CSV_HEADER, written out: a renamed or moved column must fail here.
const CSV_HEADER = ["When (UTC)", "Who", "Organisation", "What", "Proposal", "Period", "Field", "Before", "After"];

const PROPOSAL_ID = "p12";
const CONTENT = { status: "ONGOING", assessment: "ON_TRACK", progress: 40, narrative: "Staff talks held.", nextSteps: "", evidenceLinks: [], rationale: "" };

/** Events on P12 by a new staff member, written as the app writes them (newest last), and a sign-in. */
async function recordEvents(periodId: string) {
  const staff = await newUser("STAFF", { focalPointOf: [PROPOSAL_ID] });
  // Longer than a summary quotes (80 characters) and than the details show unfolded (120).
  const formulaNote = `=HYPERLINK("http://evil.example","Add the dates") Please add the dates and the outcome of the last staff talks. ${staff.id}`;
  const base = { actorId: staff.id, entityType: "StatusUpdate", entityId: `su-${staff.id}`, proposalId: PROPOSAL_ID, periodId };
  await testDb().auditEvent.create({
    data: { ...base, action: "status_update.update", before: { ...CONTENT, version: 1 }, after: { ...CONTENT, status: "STALLED", version: 2 } },
  });
  await testDb().auditEvent.create({
    data: {
      ...base,
      action: "status_update.return",
      before: { workflowState: "SUBMITTED", returnNote: null },
      after: { workflowState: "RETURNED", returnNote: formulaNote, note: formulaNote },
    },
  });
  await testDb().auditEvent.create({ data: { actorId: staff.id, action: "auth.sign_in", entityType: "User", entityId: staff.id } });
  return { staff, formulaNote };
}

function tableRows(page: Page) {
  return page.getByTestId("audit-table").locator("tbody tr");
}

/** The "What" column of the table, top to bottom. */
function summaries(page: Page): Promise<string[]> {
  return tableRows(page).evaluateAll((rows) => rows.map((row) => row.querySelector("td:nth-child(3)")?.textContent ?? ""));
}

test("admin: filters by proposal number, reads a row in plain words, downloads the filtered trail as CSV", async ({ page }) => {
  const periodId = await openPeriodId();
  const period = await testDb().reportingPeriod.findUniqueOrThrow({ where: { id: periodId }, select: { name: true } });
  const { staff, formulaNote } = await recordEvents(periodId);

  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit trail", level: 1 })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Audit trail" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("audit-history-note")).toContainText("History recorded before this trail existed");
  await expect(page.getByTestId("audit-history-note")).toContainText("each proposal's page keeps it under History");

  await page.getByLabel("Proposal", { exact: true }).fill("12");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]proposal=12(&|$)/);
  await expect(page.getByTestId("audit-table")).toHaveAttribute("data-state", "loaded");

  // Only P12's events, each linking to the proposal; newest first: the return, then the edit.
  const proposals = await tableRows(page).evaluateAll((rows) => rows.map((row) => row.querySelector("td:nth-child(4)")?.textContent ?? ""));
  expect(new Set(proposals)).toEqual(new Set(["P12"]));
  const [returned, edited] = await summaries(page);
  expect(returned).toMatch(
    new RegExp(`^Returned the update of P12 for the ${period.name} to its author with the note “=HYPERLINK\\("http://evil\\.example",.*…”$`),
  );
  expect(returned).not.toContain(staff.id);
  expect(edited).toBe(`Edited the update of P12 for the ${period.name}: status changed from Ongoing to Stalled`);
  const edit = tableRows(page).nth(1);
  await expect(edit.locator("td").nth(1)).toHaveText(`${staff.name}NATO`);
  await expect(edit).toContainText("Implementation status: Ongoing → Stalled");
  await expect(edit.locator("td").nth(4)).toHaveText(period.name);
  await expect(edit.getByRole("link", { name: "P12" })).toHaveAttribute("href", `/proposals/${PROPOSAL_ID}`);
  // The summary shortens the note; the changes fold the full text away, one click from view.
  const note = tableRows(page).first().locator("details");
  await expect(note.locator("summary")).toHaveText("Return note: set (show the text)");
  await expect(note.getByText(formulaNote)).toBeHidden();
  await note.locator("summary").click();
  await expect(note.getByText(formulaNote)).toBeVisible();
  await expectNoAxeViolations(page);

  // The download carries the filters: the same events, every row P12.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("\r\n");
  const [header, ...records] = parse(bytes.toString("utf8"), { bom: true }) as string[][];
  expect(header).toEqual(CSV_HEADER);
  expect(new Set(records.map((r) => r[4]))).toEqual(new Set(["P12"]));
  const events = await testDb().auditEvent.count({ where: { proposalId: PROPOSAL_ID, NOT: { action: { startsWith: "auth." } } } });
  const distinctWhat = new Set(records.map((r) => `${r[0]}|${r[1]}|${r[3]}`));
  expect(distinctWhat.size).toBeLessThanOrEqual(events);
  if (events <= 50) expect(dedupe(records.map((r) => r[3]!))).toEqual(dedupe(await summaries(page)));
  expect(records).toContainEqual([
    expect.any(String),
    staff.name,
    "NATO",
    expect.stringMatching(/^Edited the update of P12/),
    "P12",
    period.name,
    "Implementation status",
    "Ongoing",
    "Stalled",
  ]);
  const noteRow = records.find((r) => r[1] === staff.name && r[6] === "Return note");
  expect(noteRow?.[8]).toBe(`'${formulaNote}`);
});

/** Consecutive equal items once: two events with the same sentence read the same in both lists. */
function dedupe(items: string[]): string[] {
  return items.filter((item, i) => i === 0 || items[i - 1] !== item);
}

test("admin: sign-ins are hidden until asked for; filters that cannot be used are named, never an error", async ({ page }) => {
  const { staff } = await recordEvents(await openPeriodId());
  await page.goto(`/audit?person=${encodeURIComponent(staff.email)}`);
  await expect(page.getByTestId("audit-table")).toHaveAttribute("data-state", "loaded");
  expect(await summaries(page)).not.toContain("Signed in");
  await expect(page.getByTestId("audit-sign-ins")).toHaveText("Sign-ins and failed sign-ins are hidden. Show them");
  await page.getByTestId("audit-sign-ins").getByRole("link", { name: "Show them" }).click();
  await expect(page).toHaveURL(/[?&]signIns=1(&|$)/);
  await expect(page.getByLabel("Show sign-ins and failed sign-ins")).toBeChecked();
  expect(await summaries(page)).toContain("Signed in");

  const response = await page.goto("/audit?from=2026-02-30&proposal=%25&person=" + "x".repeat(10_000));
  expect(response?.status()).toBe(200);
  const problems = page.getByTestId("audit-filter-problems");
  await expect(problems).toContainText("From: “2026-02-30” is not a date (use the form YYYY-MM-DD); it was ignored.");
  await expect(problems).toContainText("“%” is not a proposal number (use the form P12 or 12); the proposal filter was ignored.");
  await expect(problems).toContainText("The person search is longer than 100 characters; it was ignored.");
  await expectNoAxeViolations(page);

  // A hand-made export URL with a bad filter: a clear 400, not a file and not a 500.
  const bad = await page.request.get("/api/audit/export?to=yesterday");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: "VALIDATION", message: expect.stringContaining("“yesterday” is not a date") } });
});

for (const role of ["staff", "viewer"] as const) {
  test(`${role}: 403 on the audit page and on its export`, async ({ browser }) => {
    const context = await newRoleContext(browser, role);
    try {
      const page = await context.newPage();
      const response = await page.goto("/audit?proposal=12");
      expect(response?.status()).toBe(403);
      await expect(page.getByTestId("audit-table")).toHaveCount(0);
      const exported = await context.request.get("/api/audit/export?proposal=12");
      expect(exported.status()).toBe(403);
      expect(exported.headers()["content-type"]).toContain("application/json");
      expect(await exported.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    } finally {
      await context.close();
    }
  });
}

test("anonymous: the export answers 401 JSON", async ({ browser }) => {
  const context = await newAnonymousContext(browser);
  try {
    const exported = await context.request.get("/api/audit/export", { maxRedirects: 0 });
    expect(exported.status()).toBe(401);
    expect(await exported.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  } finally {
    await context.close();
  }
});
