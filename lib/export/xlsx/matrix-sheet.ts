// The annex: every proposal's status across the periods, from a second pass over the entries.
import type { PassThrough } from "node:stream";
import type { ReportEntry, ReportHeader, ReportSource } from "@/lib/domain/report";
import { statusCell, text, type Cell } from "./cells";
import { addRow, closeTable, flow, openTable, type Column, type Workbook } from "./sheets";
import { STYLES } from "./styles";

export const MATRIX_SHEET = "Status across periods";

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
export async function writeMatrix(workbook: Workbook, source: ReportSource, name: string, output: PassThrough, signal: AbortSignal): Promise<void> {
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
