// Writing the import's files: templates (headings with a note on each, examples, and a "Notes" sheet that
// explains every column) and the catalogue export, as .xlsx (exceljs) or CSV (lib/domain/csv.ts: BOM,
// CRLF, formula-like cells made inert; a CSV cannot carry notes, so the page documents the columns).
import ExcelJS from "exceljs";
import { toCsv } from "@/lib/domain/csv";
import { IMPORT_COLUMNS, IMPORT_KIND_SHEETS, type ImportKind } from "@/lib/domain/import/columns";
import type { ExportTable } from "@/lib/domain/import/export";
import { IMPORT_LIMITS } from "./read-table";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";

const WIDTHS: Record<string, number> = { Description: 60, Title: 40, Narrative: 60, "Next steps": 40, "Evidence links": 40, Area: 30, "Focal points": 36 };

/** A workbook with the table on a sheet named for the kind (the one the import reads) and a "Notes" sheet. */
export async function tableToXlsx(kind: ImportKind, table: ExportTable): Promise<Uint8Array> {
  const columns = IMPORT_COLUMNS[kind];
  const book = new ExcelJS.Workbook();
  book.creator = "NATO–EU Progress Tracker";
  const sheet = book.addWorksheet(IMPORT_KIND_SHEETS[kind], { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.header.map((heading) => ({ header: heading, key: heading, width: WIDTHS[heading] ?? Math.max(12, heading.length + 4) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  table.header.forEach((heading, i) => {
    const spec = columns.find((c) => c.heading === heading);
    if (spec) header.getCell(i + 1).note = `${spec.required ? "Required." : "Optional column."} ${spec.note}`;
  });
  for (const row of table.rows) sheet.addRow(row);
  sheet.getColumn(1).alignment = { vertical: "top" };
  for (let i = 2; i <= table.header.length; i++) sheet.getColumn(i).alignment = { vertical: "top", wrapText: true };

  const notes = book.addWorksheet("Notes");
  notes.columns = [
    { header: "Column", key: "column", width: 22 },
    { header: "Required", key: "required", width: 10 },
    { header: "What to enter", key: "note", width: 90 },
    { header: "Example", key: "example", width: 40 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const spec of columns) {
    notes.addRow({ column: spec.heading, required: spec.required ? "Yes" : "No", note: spec.note, example: spec.examples[0] });
  }
  notes.addRow({});
  notes.addRow({
    column: "Limits",
    note: `At most ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB, ${IMPORT_LIMITS.rows.toLocaleString("en-GB")} rows and ${IMPORT_LIMITS.cellChars.toLocaleString("en-GB")} characters per cell. The first row holds the headings; type values, not formulas; do not merge cells.`,
  });
  notes.getColumn("note").alignment = { wrapText: true, vertical: "top" };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export function tableToCsv(table: ExportTable): string {
  return toCsv([table.header, ...table.rows.map((row) => row.map(String))]);
}
