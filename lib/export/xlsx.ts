// The report as an Excel workbook for drafters: a Summary sheet (dates, sign-offs, figures), one sheet
// per area with a row per proposal, and the status-across-periods annex. Written with exceljs's streaming
// writer: rows are committed as entries arrive and each sheet is committed before the next, so memory
// stays bounded; the zip flows into a PassThrough read by the download stream, with back-pressure.
import { once } from "node:events";
import { PassThrough } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import ExcelJS from "exceljs";
import { evidenceText } from "@/lib/domain/csv";
import { STATUS_KEYS, statusKeyLabel, type StatusKey } from "@/lib/domain/dashboard";
import { STATUS_COLOURS } from "@/lib/domain/palette";
import {
  REPORT_SHORT_TITLE,
  REPORT_STATE_LABELS,
  editionLabel,
  reportStamp,
  type ReportEntry,
  type ReportHeader,
  type ReportSource,
} from "@/lib/domain/report";
import { ASSESSMENT_LABELS, NO_UPDATE_LABEL, SET_LABELS, STATUS_LABELS, type ImplementationStatus } from "@/lib/domain/vocabulary";
import { toByteStream } from "./stream";
import type { ReportRenderer } from "./types";

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;
type Style = Partial<ExcelJS.Style>;
/** Never an object: exceljs would write { formula }, { richText } or { text, hyperlink } values as such. */
type CellValue = string | number | Date | null;
/** A cell to write: its value and its style (shared objects: exceljs caches the style id per object). */
type Cell = [CellValue, Style];

export const SUMMARY_SHEET = "Summary";
export const MATRIX_SHEET = "Status across periods";
export const DRAFT_WARNING = "DRAFT — not for distribution";
const CREATOR = "NATO–EU Progress Tracker";

// ---------------------------------------------------------------------------------------------------
// Safe cell text

/** Excel's limit of characters in a cell. */
export const MAX_CELL_TEXT = 32_767;
// Characters XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE/FFFF) and lone surrogates:
// exceljs writes them as they are, and Excel then refuses the whole file.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as a cell may hold it: forbidden characters removed, line breaks as Excel's LF, at most 32,767
 * characters (cut before a surrogate pair, with an ellipsis). Always returned as a string value, which
 * exceljs writes as a string cell: text like "=HYPERLINK(…)" or "+1" stays text, never a formula.
 */
export function cellText(value: string): string {
  const text = value.replace(/\r\n?/g, "\n").replace(XML_FORBIDDEN, "");
  if (text.length <= MAX_CELL_TEXT) return text;
  let cut = MAX_CELL_TEXT - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1;
  return text.slice(0, cut) + "…";
}

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

/** "2025-06-01" (UTC) or an ISO timestamp as a Date; exceljs stores it as an Excel serial in UTC. */
function excelDate(iso: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00.000Z` : iso);
}

// ---------------------------------------------------------------------------------------------------
// Styles

const top: Partial<ExcelJS.Alignment> = { vertical: "top" };
// Fonts in full: a font without name or size in styles.xml is rendered inconsistently across spreadsheet apps.
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: "Calibri", size: 11, ...extra });
const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${hex.slice(1).toUpperCase()}` } });

const DARK_TEXT = "#1A2330";

/** WCAG relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** White or dark text, whichever contrasts more with the fill. */
export function readableTextColour(fill: string): string {
  const onFill = luminance(fill) + 0.05;
  return 1.05 / onFill >= onFill / (luminance(DARK_TEXT) + 0.05) ? "#FFFFFF" : DARK_TEXT;
}

const STYLES = {
  plain: { alignment: top },
  wrap: { alignment: { vertical: "top", wrapText: true } },
  integer: { numFmt: "0", alignment: top },
  date: { numFmt: "yyyy-mm-dd", alignment: { horizontal: "left", vertical: "top" } },
  dateTime: { numFmt: "yyyy-mm-dd hh:mm", alignment: { horizontal: "left", vertical: "top" } },
  header: {
    font: font({ bold: true }),
    fill: solid("#E8ECF2"),
    alignment: { vertical: "top", wrapText: true },
    border: { bottom: { style: "thin", color: { argb: "FF8A94A3" } } },
  },
  title: { font: font({ bold: true, size: 14 }) },
  heading: { font: font({ bold: true, size: 12 }) },
  draft: { font: font({ bold: true, size: 14, color: { argb: "FFB42318" } }) },
  label: { font: font({ bold: true }), alignment: top },
} satisfies Record<string, Style>;

/** Status cells: the label is the value, the colour only repeats it. */
const STATUS_STYLES = Object.fromEntries(
  STATUS_KEYS.map((key) => [
    key,
    { fill: solid(STATUS_COLOURS[key]), font: font({ color: { argb: `FF${readableTextColour(STATUS_COLOURS[key]).slice(1)}` } }), alignment: top },
  ]),
) as Record<StatusKey, Style>;
const STATUS_HEADER_STYLES = Object.fromEntries(
  STATUS_KEYS.map((key) => [key, { ...STATUS_STYLES[key], font: { ...STATUS_STYLES[key].font, bold: true }, alignment: STYLES.header.alignment }]),
) as Record<StatusKey, Style>;

function statusCell(status: ImplementationStatus | null, emptyLabel: string): Cell {
  if (status) return [STATUS_LABELS[status], STATUS_STYLES[status]];
  return emptyLabel ? [emptyLabel, STATUS_STYLES.NO_UPDATE] : [null, STYLES.plain];
}

const EMPTY: Cell = [null, STYLES.plain];
/** A text cell; empty text leaves the cell empty. */
const text = (value: string, style: Style = STYLES.plain): Cell => [value ? cellText(value) : null, style];

// ---------------------------------------------------------------------------------------------------
// Sheets

function addRow(sheet: Sheet, cells: readonly Cell[]): void {
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
function sheetOptions(header: ReportHeader, title: string, frozen: Frozen | null): Partial<ExcelJS.AddWorksheetOptions> {
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

type Column = { header: string; width: number; style?: Style };

/** A sheet holding one table: its header row written and frozen, rows to come. */
function openTable(workbook: Workbook, name: string, header: ReportHeader, title: string, columns: readonly Column[], xSplit: number): Sheet {
  const sheet = workbook.addWorksheet(name, sheetOptions(header, title, { xSplit, ySplit: 1 }));
  sheet.columns = columns.map((c) => ({ width: c.width }));
  addRow(
    sheet,
    columns.map((c) => [cellText(c.header), c.style ?? STYLES.header]),
  );
  return sheet;
}

/** Filters over the whole table (header and `rows` rows), then the sheet leaves memory. */
function closeTable(sheet: Sheet, columnCount: number, rows: number): void {
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columnCount } };
  sheet.commit();
}

/**
 * Lets the zip catch up between rows: waits while the download is not reading (back-pressure), else
 * gives the event loop one turn so deflate runs and written rows do not pile up in memory.
 */
async function flow(output: PassThrough, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (output.writableNeedDrain) await once(output, "drain", { signal });
  else await nextTurn(undefined, { signal });
}

// ---------------------------------------------------------------------------------------------------
// Summary

const label = (value: string): Cell => [value, STYLES.label];
const integer = (value: number): Cell => [value, STYLES.integer];
const date = (iso: string): Cell => [excelDate(iso), STYLES.date];
const dateTime = (iso: string): Cell => [excelDate(iso), STYLES.dateTime];
const heading = (value: string): Cell[] => [[value, STYLES.heading]];
const columnHeader = (value: string): Cell => [value, STYLES.header];

/** What the report is: period, dates, edition, state and sign-offs. */
function aboutRows(header: ReportHeader): Cell[][] {
  const { period, edition } = header;
  const rows: Cell[][] = [
    [label("Report"), text(period.name)],
    [label("Period starts"), date(period.startsOn)],
    [label("Cut-off"), date(period.cutOffOn)],
    [label("Due"), date(period.dueOn)],
    [label("Edition"), text(editionLabel(header))],
    [label("State"), text(header.state === "draft" ? DRAFT_WARNING : REPORT_STATE_LABELS[header.state])],
  ];
  if (edition) rows.push([label("Published (UTC)"), dateTime(edition.publishedAt)], [label("Published by"), text(edition.publishedBy)]);
  if (edition?.changeNote) rows.push([label("Change note"), text(edition.changeNote, STYLES.wrap)]);
  if (edition?.supersededBy) rows.push([label("Superseded by"), text(`Edition ${edition.supersededBy}`)]);
  rows.push([label("As of (UTC)"), dateTime(header.asOf)]);
  for (const s of header.signOffs) rows.push([label(`Signed off for ${s.organisationCode}`), text(s.userName), dateTime(s.signedAt)]);
  if (header.missingSignOffs.length > 0) rows.push([label("Not yet signed off by"), text(header.missingSignOffs.join(", "))]);
  return rows;
}

/** The report's numbers, the same ReportFigures every other format shows. */
function figureRows(figures: ReportHeader["figures"]): Cell[][] {
  return [
    heading("Figures"),
    [label("Total proposals"), integer(figures.totalProposals)],
    ...figures.bySet.map((s) => [label(s.label), integer(s.count)]),
    [label("Updated in the period"), integer(figures.updatedCount)],
    [label("Without update"), integer(figures.missingCount)],
    [label("Coverage (%)"), integer(figures.coveragePercent)],
    [label("At risk or off track"), integer(figures.atRiskCount)],
    [],
    heading("By status"),
    [columnHeader("Status"), columnHeader("Proposals"), columnHeader("Share (%)")],
    ...figures.statusCounts.map((s): Cell[] => [[s.label, STATUS_STYLES[s.status]], integer(s.count), integer(s.share)]),
    [],
    heading("By assessment"),
    [columnHeader("Assessment"), columnHeader("Updates"), columnHeader("Share (%)")],
    ...figures.assessments.map((a) => [text(a.label), integer(a.count), integer(a.share)]),
    [],
    heading("By area"),
    [columnHeader("Area"), columnHeader("Proposals"), ...STATUS_KEYS.map((key): Cell => [statusKeyLabel(key), STATUS_HEADER_STYLES[key]])],
    ...figures.byArea.map((row) => [text(`${row.number} ${row.name}`, STYLES.wrap), integer(row.total), ...STATUS_KEYS.map((key) => integer(row.counts[key]))]),
  ];
}

function writeSummary(workbook: Workbook, header: ReportHeader, name: string): void {
  const sheet = workbook.addWorksheet(name, sheetOptions(header, header.title, null));
  // Labels, then values; the widest table (by area) has a column per status after the total.
  sheet.columns = [{ width: 36 }, { width: 22 }, ...STATUS_KEYS.map(() => ({ width: 14 }))];
  const rows: Cell[][] = [
    ...(header.state === "draft" ? [[[DRAFT_WARNING, STYLES.draft] as Cell]] : []),
    [text(header.title, STYLES.title)],
    [text(reportStamp(header))],
    [],
    ...aboutRows(header),
    [],
    ...figureRows(header.figures),
  ];
  for (const row of rows) addRow(sheet, row);
  sheet.commit();
}

// ---------------------------------------------------------------------------------------------------
// One sheet per area

const AREA_COLUMNS: readonly Column[] = [
  { header: "Proposal", width: 10 },
  { header: "Title", width: 40 },
  { header: "Set", width: 18 },
  { header: "EDA involved", width: 10 },
  { header: "Status", width: 14 },
  { header: "Assessment", width: 14 },
  { header: "Progress (%)", width: 10 },
  { header: "Narrative", width: 70 },
  { header: "Next steps", width: 40 },
  { header: "Evidence", width: 40 },
  { header: "Highlight", width: 10 },
  { header: "Author", width: 20 },
  { header: "Organisation", width: 13 },
  { header: "Approved at (UTC)", width: 17 },
];

const yesNo = (value: boolean) => (value ? "Yes" : "No");

function areaRow(entry: ReportEntry): Cell[] {
  const u = entry.update;
  return [
    text(entry.code),
    text(entry.title, STYLES.wrap),
    text(SET_LABELS[entry.set]),
    text(yesNo(entry.edaInvolved)),
    statusCell(u?.status ?? null, NO_UPDATE_LABEL),
    text(u ? ASSESSMENT_LABELS[u.assessment] : ""),
    u ? integer(u.progress) : EMPTY,
    text(u?.narrative ?? "", STYLES.wrap),
    text(u?.nextSteps ?? "", STYLES.wrap),
    text(u ? evidenceText(u.evidenceLinks) : "", STYLES.wrap),
    text(u ? yesNo(u.highlight) : ""),
    text(u?.authorName ?? ""),
    text(u?.organisationCode ?? ""),
    u?.approvedAt ? dateTime(u.approvedAt) : EMPTY,
  ];
}

/** Entries arrive in area order: each area's sheet is filled, filtered and committed before the next opens. */
async function writeAreaSheets(workbook: Workbook, source: ReportSource, taken: Set<string>, output: PassThrough, signal: AbortSignal): Promise<void> {
  let open = null as { areaNumber: number; sheet: Sheet; rows: number } | null;
  for await (const entry of source.entries("area")) {
    if (open?.areaNumber !== entry.areaNumber) {
      if (open) closeTable(open.sheet, AREA_COLUMNS.length, open.rows);
      const title: string = `${entry.areaNumber} ${entry.areaName}`;
      open = { areaNumber: entry.areaNumber, sheet: openTable(workbook, uniqueSheetName(title, taken), source.header, title, AREA_COLUMNS, 2), rows: 0 };
    }
    addRow(open.sheet, areaRow(entry));
    open.rows += 1;
    await flow(output, signal);
  }
  if (open) closeTable(open.sheet, AREA_COLUMNS.length, open.rows);
}

// ---------------------------------------------------------------------------------------------------
// Annex: status across periods

function matrixColumns(header: ReportHeader): Column[] {
  return [
    { header: "Proposal", width: 10 },
    { header: "Title", width: 40 },
    { header: "Area", width: 26 },
    ...header.annexPeriods.map((p) => ({ header: p.name, width: 14 })),
  ];
}

function matrixRow(header: ReportHeader, entry: ReportEntry): Cell[] {
  return [
    text(entry.code),
    text(entry.title, STYLES.wrap),
    text(`${entry.areaNumber} ${entry.areaName}`, STYLES.wrap),
    // One cell per annex period even if an entry's history were shorter, so columns never shift.
    ...header.annexPeriods.map((_, i) => statusCell(entry.history[i] ?? null, "")),
  ];
}

/** A second pass over the entries, in number order. */
async function writeMatrix(workbook: Workbook, source: ReportSource, name: string, output: PassThrough, signal: AbortSignal): Promise<void> {
  const { header } = source;
  const columns = matrixColumns(header);
  const sheet = openTable(workbook, name, header, `Annex: ${MATRIX_SHEET.toLowerCase()}`, columns, 3);
  let rows = 0;
  for await (const entry of source.entries("number")) {
    addRow(sheet, matrixRow(header, entry));
    rows += 1;
    await flow(output, signal);
  }
  closeTable(sheet, columns.length, rows);
}

// ---------------------------------------------------------------------------------------------------
// Workbook

/**
 * exceljs's zip (archiver) dates every entry "now", so two renders of one report would differ. archiver
 * takes a date per entry but exceljs adds the entries itself: its zip module is wrapped to date them all
 * with the report's date (private fields, so skipped if a new version lacks them). Zip errors end the download.
 */
function tuneZip(workbook: Workbook, date: Date, fail: (error: Error) => void): void {
  type Append = (source: unknown, data: Record<string, unknown>, callback: unknown) => unknown;
  const zip = (workbook as unknown as { zip?: { on?: (event: "error", listener: (error: Error) => void) => void; _module?: { append?: Append } } }).zip;
  zip?.on?.("error", fail);
  const zipModule = zip?._module;
  const append = zipModule?.append;
  if (!zipModule || typeof append !== "function") return;
  zipModule.append = (source, data, callback) => append.call(zipModule, source, { ...data, date }, callback);
}

async function writeWorkbook(source: ReportSource, output: PassThrough, signal: AbortSignal): Promise<void> {
  const { header } = source;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  // Dates come from the report, never the clock: the same report gives the same file.
  const published = excelDate(header.edition?.publishedAt ?? header.asOf);
  tuneZip(workbook, published, (error) => output.destroy(error));
  workbook.creator = workbook.lastModifiedBy = CREATOR;
  workbook.title = cellText(header.title);
  workbook.subject = cellText(reportStamp(header));
  workbook.created = published;
  workbook.modified = excelDate(header.asOf);
  const taken = new Set<string>();
  writeSummary(workbook, header, uniqueSheetName(SUMMARY_SHEET, taken));
  const matrixName = uniqueSheetName(MATRIX_SHEET, taken); // reserved first, written last
  await writeAreaSheets(workbook, source, taken, output, signal);
  await writeMatrix(workbook, source, matrixName, output, signal);
  await workbook.commit();
}

export const renderReportXlsx: ReportRenderer = ({ source }) =>
  toByteStream(async function* () {
    const output = new PassThrough();
    const abort = new AbortController();
    // A failure while writing ends the download with that error; cancelling aborts the writing.
    const writing = writeWorkbook(source, output, abort.signal).catch((error: unknown) => {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    try {
      for await (const chunk of output) yield chunk as Uint8Array;
      await writing;
    } finally {
      abort.abort();
    }
  });
