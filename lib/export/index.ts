// Every report format, by file extension: the download routes and the benchmark pick a renderer here.
import type { ReportFormat } from "@/lib/domain/report";
import { renderReportDocx } from "./docx";
import { renderReportPdf } from "./pdf";
import { renderReportCsv } from "./report-csv";
import { renderReportJson } from "./report-json";
import type { ReportRenderer } from "./types";
import { renderReportXlsx } from "./xlsx";

export const REPORT_RENDERERS: Record<ReportFormat, ReportRenderer> = {
  docx: renderReportDocx,
  pdf: renderReportPdf,
  xlsx: renderReportXlsx,
  json: renderReportJson,
  csv: renderReportCsv,
};

/** The formats that carry the charts as pictures (the others carry their numbers). */
export function formatHasCharts(format: ReportFormat): boolean {
  return format === "docx" || format === "pdf";
}
