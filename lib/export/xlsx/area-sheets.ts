// One sheet per area, a row per proposal: filled from the entries in area order as they arrive.
import type { PassThrough } from "node:stream";
import { evidenceText } from "@/lib/domain/csv";
import type { ReportEntry, ReportSource } from "@/lib/domain/report";
import { ASSESSMENT_LABELS, NO_UPDATE_LABEL, SET_LABELS } from "@/lib/domain/vocabulary";
import { EMPTY, dateTime, integer, statusCell, text, type Cell } from "./cells";
import { addRow, closeTable, flow, openTable, uniqueSheetName, type Column, type Sheet, type Workbook } from "./sheets";
import { STYLES } from "./styles";

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
export async function writeAreaSheets(workbook: Workbook, source: ReportSource, taken: Set<string>, output: PassThrough, signal: AbortSignal): Promise<void> {
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
