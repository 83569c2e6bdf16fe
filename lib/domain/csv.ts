// CSV for spreadsheets: UTF-8 with a byte-order mark so Excel reads accents correctly, CRLF line ends,
// and cells that a spreadsheet would run as a formula made inert.
import { stringify } from "csv-stringify/sync";
import { INCLUDE_LABELS, focalPointNames, type EvidenceLink, type IncludeOption, type ProposalRow } from "./proposals";
import { WORKFLOW_LABELS } from "./workflow";
import { ASSESSMENT_LABELS, NO_UPDATE_LABEL, SET_LABELS, STATUS_LABELS, proposalCode } from "./vocabulary";

const BOM = "\uFEFF";
/** Written once at the start of a CSV file, so Excel reads it as UTF-8. */
export const CSV_BOM = BOM;
// Quote every cell with whitespace, a quote or a comma: line breaks inside narratives survive, and a
// leading space is not trimmed by spreadsheets.
const CSV_OPTIONS = { record_delimiter: "\r\n", quoted_match: /[\s",]/ } as const;
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a cell that Excel, LibreOffice or Sheets would evaluate with a quote (OWASP CSV injection). */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  const safe = rows.map((row) => row.map(neutraliseFormula));
  return BOM + stringify(safe, CSV_OPTIONS);
}

/** One record of a CSV file with the rules of toCsv (CRLF included), for writers that stream row by row. */
export function toCsvRecord(row: readonly string[]): string {
  return stringify([row.map(neutraliseFormula)], CSV_OPTIONS);
}

/** Evidence links as text, one "label: url" (or the bare url) per line. */
export function evidenceText(links: readonly EvidenceLink[]): string {
  return links.map((l) => (l.label ? `${l.label}: ${l.url}` : l.url)).join("\n");
}

export const PROPOSAL_CSV_HEADER = [
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

/** One row per proposal; the last column says which updates the export counts (approved only by default). */
export function proposalCsvRows(rows: readonly ProposalRow[], periodName: string, include: IncludeOption): string[][] {
  const body = rows.map((row) => {
    const u = row.update;
    return [
      proposalCode(row.number),
      SET_LABELS[row.set],
      row.areaName,
      row.title,
      focalPointNames(row, "NATO"),
      focalPointNames(row, "EU"),
      periodName,
      u ? STATUS_LABELS[u.status] : NO_UPDATE_LABEL,
      u ? ASSESSMENT_LABELS[u.assessment] : "",
      u ? String(u.progress) : "",
      u ? WORKFLOW_LABELS[u.workflowState] : "",
      u?.rationale ?? "",
      u?.narrative ?? "",
      u?.nextSteps ?? "",
      u ? evidenceText(u.evidenceLinks) : "",
      u?.authorName ?? "",
      u?.organisationCode ?? "",
      u ? u.updatedAt.toISOString() : "",
      INCLUDE_LABELS[include],
    ];
  });
  return [[...PROPOSAL_CSV_HEADER], ...body];
}
