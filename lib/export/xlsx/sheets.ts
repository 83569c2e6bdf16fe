// Sheets of the streaming workbook: names Excel accepts, print setup (DRAFT on every page of a draft),
// tables with a frozen header row and a filter, rows committed as written, and back-pressure between rows.
import { once } from "node:events";
import type { PassThrough } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import type ExcelJS from "exceljs";
import { REPORT_SHORT_TITLE, reportStamp, type ReportHeader } from "@/lib/domain/report";
import { cellText, type Cell } from "./cells";
import { STYLES, type Style } from "./styles";

export type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
export type Sheet = ExcelJS.Worksheet;

export const DRAFT_WARNING = "DRAFT — not for distribution";

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;
const SHEET_NAME_LENGTH = 31;

/** The first `length` characters, cut back to the last space rather than mid-word when that keeps most of it. */
function shorten(value: string, length: number): string {
  if (value.length <= length) return value;
  const cut = cellText(value.slice(0, length));
  const space = cut.lastIndexOf(" ");
  return /[\p{L}\p{N}]/u.test(value.charAt(length)) && space > length / 2 ? cut.slice(0, space) : cut.trimEnd();
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not "History", unique (case-insensitive) among `taken`. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base =
    cellText(wanted)
      .replace(FORBIDDEN_IN_SHEET_NAME, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "") || "Sheet";
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = shorten(base, SHEET_NAME_LENGTH - suffix.length) + suffix;
    const key = name.toLowerCase();
    if (key !== "history" && !taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
}

export function addRow(sheet: Sheet, cells: readonly Cell[]): void {
  const row = sheet.addRow(cells.map(([value]) => value));
  cells.forEach(([, style], i) => {
    row.getCell(i + 1).style = style;
  });
  row.commit();
}

/** Page header and footer codes: "&" is a code there, "&&" a literal ampersand; Excel allows 255 characters. */
function headerFooterText(value: string): string {
  return cellText(value).replace(/\s+/g, " ").slice(0, 100).replaceAll("&", "&&");
}

type Frozen = { xSplit: number; ySplit: number };

/** Printing and views, fixed when the sheet is opened (the streaming writer writes them first). */
export function sheetOptions(header: ReportHeader, title: string, frozen: Frozen | null): Partial<ExcelJS.AddWorksheetOptions> {
  // Every printed page says DRAFT while the report is one; the footer says which report and edition.
  const centre = header.state === "draft" ? `&"-,Bold"&14${DRAFT_WARNING}` : headerFooterText(REPORT_SHORT_TITLE);
  return {
    views: frozen ? [{ state: "frozen", ...frozen }] : [],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, ...(frozen ? { printTitlesRow: "1:1" } : {}) },
    headerFooter: {
      oddHeader: `&L${headerFooterText(title)}&C${centre}`,
      oddFooter: `&L${headerFooterText(reportStamp(header))}&RPage &P of &N`,
    },
  };
}

export type Column = { header: string; width: number; style?: Style };

/** A sheet holding one table: its header row written and frozen, rows to come. */
export function openTable(workbook: Workbook, name: string, header: ReportHeader, title: string, columns: readonly Column[], xSplit: number): Sheet {
  const sheet = workbook.addWorksheet(name, sheetOptions(header, title, { xSplit, ySplit: 1 }));
  sheet.columns = columns.map((c) => ({ width: c.width }));
  addRow(
    sheet,
    columns.map((c) => [cellText(c.header), c.style ?? STYLES.header]),
  );
  return sheet;
}

/** Filters over the whole table (header and `rows` rows), then the sheet leaves memory. */
export function closeTable(sheet: Sheet, columnCount: number, rows: number): void {
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columnCount } };
  sheet.commit();
}

/**
 * Lets the zip catch up between rows: waits while the download is not reading (back-pressure), else
 * gives the event loop one turn so deflate runs and written rows do not pile up in memory.
 */
export async function flow(output: PassThrough, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (output.writableNeedDrain) await once(output, "drain", { signal });
  else await nextTurn(undefined, { signal });
}
