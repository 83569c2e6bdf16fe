// The report as one CSV table, one row per proposal in number order, for drafters who sort and filter it
// in a spreadsheet. Same safety rules as the list export (lib/domain/csv.ts): BOM, CRLF, quoting, and
// formula-like cells made inert. Streamed record by record.
import { CSV_BOM, evidenceText, toCsvRecord } from "@/lib/domain/csv";
import { REPORT_STATE_LABELS, editionLabel, type ReportEntry, type ReportHeader } from "@/lib/domain/report";
import { ASSESSMENT_LABELS, NO_UPDATE_LABEL, SET_LABELS, STATUS_LABELS } from "@/lib/domain/vocabulary";
import { toByteStream } from "./stream";
import type { ReportRenderer } from "./types";

export const REPORT_CSV_COLUMNS = [
  "Report",
  "Edition",
  "State",
  "Proposal",
  "Set",
  "Area",
  "Title",
  "Status",
  "Assessment",
  "Progress (%)",
  "Highlight",
  "Narrative",
  "Next steps",
  "Evidence",
  "Author",
  "Organisation",
  "Approved at (UTC)",
] as const;

/** The header row: the fixed columns, then the status in each annex period, oldest first. */
export function reportCsvHeader(header: Pick<ReportHeader, "annexPeriods">): string[] {
  return [...REPORT_CSV_COLUMNS, ...header.annexPeriods.map((p) => `Status: ${p.name}`)];
}

/** One proposal's row. Columns of the update stay empty (status "No update") when none was approved. */
export function reportCsvRow(header: Pick<ReportHeader, "period" | "edition" | "state" | "annexPeriods">, entry: ReportEntry): string[] {
  const u = entry.update;
  return [
    header.period.name,
    editionLabel(header),
    REPORT_STATE_LABELS[header.state],
    entry.code,
    SET_LABELS[entry.set],
    entry.areaName,
    entry.title,
    u ? STATUS_LABELS[u.status] : NO_UPDATE_LABEL,
    u ? ASSESSMENT_LABELS[u.assessment] : "",
    u ? String(u.progress) : "",
    u ? (u.highlight ? "Yes" : "No") : "",
    u?.narrative ?? "",
    u?.nextSteps ?? "",
    u ? evidenceText(u.evidenceLinks) : "",
    u?.authorName ?? "",
    u?.organisationCode ?? "",
    u?.approvedAt ?? "",
    // One cell per annex period even if an entry's history were shorter, so columns never shift.
    ...header.annexPeriods.map((_, i) => {
      const status = entry.history[i];
      return status ? STATUS_LABELS[status] : "";
    }),
  ];
}

export const renderReportCsv: ReportRenderer = ({ source }) =>
  toByteStream(async function* () {
    const { header } = source;
    yield CSV_BOM + toCsvRecord(reportCsvHeader(header));
    // Leaving this loop early (the download was cancelled) stops reading the entries.
    for await (const entry of source.entries("number")) yield toCsvRecord(reportCsvRow(header, entry));
  });
