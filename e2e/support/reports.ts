// Helpers of the progress-report journeys (e2e/reports.spec.ts): the report page's Download links, the
// files they save, and what PostgreSQL holds for a period.
import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { extractText, getDocumentProxy } from "unpdf";
import { testDb } from "./db";

/** Formats of a report download and their link labels (lib/domain/report.ts REPORT_FORMAT_LABELS, written out). */
export const REPORT_DOWNLOADS = [
  { format: "docx", label: "Word" },
  { format: "pdf", label: "PDF" },
  { format: "xlsx", label: "Excel" },
  { format: "json", label: "JSON" },
  { format: "csv", label: "CSV" },
] as const;

export type ReportDownload = (typeof REPORT_DOWNLOADS)[number];

/** "nato-eu-progress-report-9-edition-1.pdf", "nato-eu-progress-report-9-draft.docx". */
export function reportFileName(periodNumber: number, edition: number | "draft", format: string): string {
  return `nato-eu-progress-report-${periodNumber}-${edition === "draft" ? "draft" : `edition-${edition}`}.${format}`;
}

/** The Download section of a report page. */
export function downloadSection(page: Page) {
  return page.getByRole("region", { name: "Download" });
}

/**
 * Clicks a Download link of the report page (fetched by the page, then saved as a blob) and returns the
 * saved file's name and bytes, once the page says it was downloaded.
 */
export async function downloadFromReportPage(page: Page, label: string): Promise<{ name: string; bytes: Buffer }> {
  const link = downloadSection(page).getByRole("link", { name: new RegExp(`^${label} \\(`) });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  await expect(downloadSection(page).getByRole("status")).toContainText(`${label} downloaded (`);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

/** CSV rows of a file that starts with the UTF-8 byte-order mark (checked). */
export function parseCsvWithBom(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)], "UTF-8 byte-order mark").toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.toString("utf8"), { bom: true }) as string[][];
}

/** The text of each page of a PDF. */
export async function pdfPageTexts(bytes: Buffer | Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text;
}

/** Updates approved in a period (one per proposal at most): the report's "have an approved update". */
export async function approvedUpdatesInPeriod(periodNumber: number): Promise<number> {
  return testDb().statusUpdate.count({ where: { period: { number: periodNumber }, workflowState: "APPROVED" } });
}

/** Names of the periods up to and including the given one, oldest first: the annex columns. */
export async function periodNamesUpTo(periodNumber: number): Promise<string[]> {
  const rows = await testDb().reportingPeriod.findMany({ where: { number: { lte: periodNumber } }, select: { name: true }, orderBy: { number: "asc" } });
  return rows.map((r) => r.name);
}

/**
 * Elements wider than the viewport that no scroll container clips (what makes the page scroll sideways),
 * as "tag.class (right edge px)", outermost first: to say what to fix when a page is too wide.
 */
export async function elementsPastTheRightEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5) continue;
      let clipped = false;
      for (let parent = element.parentElement; parent && !clipped; parent = parent.parentElement) {
        clipped = /auto|scroll|hidden|clip/.test(getComputedStyle(parent).overflowX);
      }
      // Only the outermost offender of each branch.
      if (!clipped) {
        const parentTooWide = element.parentElement && element.parentElement.getBoundingClientRect().right > width + 0.5;
        if (!parentTooWide)
          found.push(
            `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).trim().replace(/\s+/g, ".")}` : ""} (${Math.round(box.right)} px)`,
          );
      }
    }
    return found;
  });
}
