// The catalogue in exactly the columns of its import, so that an export imports back unchanged; and the
// rows of the templates (the headings and their examples).
import { SET_LABELS, type ProposalSet } from "../vocabulary";
import { IMPORT_COLUMNS, type ImportKind } from "./columns";

export type CatalogueExportRow = {
  number: number;
  set: ProposalSet;
  areaName: string;
  title: string;
  description: string;
  edaInvolved: boolean;
  /** Every focal point (active or not), by e-mail. */
  focalPointEmails: string[];
};

/** A table of cells: numbers stay numbers (an .xlsx writes them as numbers), everything else is text. */
export type ExportTable = { header: string[]; rows: (string | number)[][] };

export function importHeadings(kind: ImportKind): string[] {
  return IMPORT_COLUMNS[kind].map((c) => c.heading);
}

/** The catalogue, proposal by proposal in number order, in the import's columns. */
export function catalogueExportTable(rows: readonly CatalogueExportRow[]): ExportTable {
  return {
    header: importHeadings("catalogue"),
    rows: [...rows]
      .sort((a, b) => a.number - b.number)
      .map((r) => [r.number, SET_LABELS[r.set], r.areaName, r.title, r.description, r.edaInvolved ? "Yes" : "No", [...r.focalPointEmails].sort().join(", ")]),
  };
}

/** A template: the headings and `count` example rows. */
export function templateTable(kind: ImportKind, count: 1 | 2): ExportTable {
  const columns = IMPORT_COLUMNS[kind];
  return { header: columns.map((c) => c.heading), rows: Array.from({ length: count }, (_, i) => columns.map((c) => c.examples[i] ?? "")) };
}
