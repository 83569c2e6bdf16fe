// CSV for spreadsheets: UTF-8 with a byte-order mark so Excel reads accents correctly, CRLF line ends,
// and cells that a spreadsheet would run as a formula made inert.
import { stringify } from "csv-stringify/sync";
import { focalPointNames, type ProposalRow } from "./proposals";
import { WORKFLOW_LABELS } from "./workflow";
import { ASSESSMENT_LABELS, NO_UPDATE_LABEL, SET_LABELS, STATUS_LABELS, proposalCode } from "./vocabulary";

const BOM = "\uFEFF";
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a cell that Excel, LibreOffice or Sheets would evaluate with a quote (OWASP CSV injection). */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  const safe = rows.map((row) => row.map(neutraliseFormula));
  return BOM + stringify(safe, { record_delimiter: "\r\n", quoted_match: /[\s",]/ });
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
] as const;

export function proposalCsvRows(rows: readonly ProposalRow[], periodName: string): string[][] {
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
      u ? u.evidenceLinks.map((l) => (l.label ? `${l.label}: ${l.url}` : l.url)).join("\n") : "",
      u?.authorName ?? "",
      u?.organisationCode ?? "",
      u ? u.updatedAt.toISOString() : "",
    ];
  });
  return [[...PROPOSAL_CSV_HEADER], ...body];
}
