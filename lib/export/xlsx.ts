// The report as an Excel workbook for drafters: a Summary sheet (dates, sign-offs, figures), one sheet
// per area with a row per proposal, and the status-across-periods annex. Written with exceljs's streaming
// writer: rows are committed as entries arrive and each sheet is committed before the next, so memory
// stays bounded; the zip flows into a PassThrough read by the download stream, with back-pressure.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { reportStamp, type ReportSource } from "@/lib/domain/report";
import { toByteStream } from "./stream";
import type { ReportRenderer } from "./types";
import { cellText, excelDate } from "./xlsx/cells";
import { writeAreaSheets } from "./xlsx/area-sheets";
import { MATRIX_SHEET, writeMatrix } from "./xlsx/matrix-sheet";
import { uniqueSheetName } from "./xlsx/sheets";
import { SUMMARY_SHEET, writeSummary } from "./xlsx/summary-sheet";
import { tuneZip } from "./xlsx/zip-dates";

// The parts live in lib/export/xlsx/; what tests and callers name is still importable from here.
export { MAX_CELL_TEXT, cellText } from "./xlsx/cells";
export { MATRIX_SHEET } from "./xlsx/matrix-sheet";
export { DRAFT_WARNING, uniqueSheetName } from "./xlsx/sheets";
export { readableTextColour } from "./xlsx/styles";
export { SUMMARY_SHEET } from "./xlsx/summary-sheet";

const CREATOR = "NATO–EU Progress Tracker";

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
