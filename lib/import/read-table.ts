// Reads an uploaded spreadsheet into a table of text cells, refusing what is not what it claims to be.
// Accepts .xlsx (the first sheet, or the one named like the import) and .csv (UTF-8, comma, semicolon or
// tab separated, as Excel writes it in any locale). Everything is checked before a cell is read: the size,
// the file's real type (a renamed PDF is refused), a zip that inflates far beyond its size (a zip bomb),
// formulas and merged cells (refused by cell, so that the user can fix them), very long cells and rows.
import ExcelJS from "exceljs";
import { Unzip, UnzipInflate } from "fflate";
import { parse } from "csv-parse/sync";

export const IMPORT_LIMITS = {
  /** The uploaded file. */
  fileBytes: 5 * 1024 * 1024,
  /** Everything an .xlsx inflates to (its XML); a real 5 MB workbook stays far below. */
  inflatedBytes: 100 * 1024 * 1024,
  /** Data rows (the header row not counted). */
  rows: 10_000,
  columns: 50,
  /** Characters in one cell. */
  cellChars: 10_000,
} as const;

/** A cell that cannot be read as plain text: reported with its place (and what it held), so the user can fix the file. */
export type CellProblem = { row: number; column: number; reason: string; value?: string };

export type Table = {
  format: "xlsx" | "csv";
  /** The first non-empty row: the column headings. */
  header: string[];
  /** The header's row number in the file (1-based). */
  headerRow: number;
  /** Data rows with their row number in the file (1-based, as a spreadsheet shows it). */
  rows: { row: number; cells: string[] }[];
  problems: CellProblem[];
};

export class FileRefused extends Error {}

const XLSX_NOTE = "Save it as an Excel workbook (.xlsx) or as CSV (UTF-8), then upload it again.";

/** What the bytes really are, from their first bytes: never from the file name. */
function sniff(bytes: Uint8Array): "zip" | "pdf" | "xls" | "text" | "other" {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith("PK\u0003\u0004")) return "zip";
  if (head.startsWith("%PDF")) return "pdf";
  if (head === "\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1") return "xls";
  if (bytes.subarray(0, 8192).includes(0)) return "other";
  return "text";
}

/** Inflates every entry of the zip with a running cap: a zip bomb is refused after `cap` bytes, not after it fills memory. */
function checkZip(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  let total = 0;
  let refused: string | null = null;
  const unzip = new Unzip((file) => {
    names.add(file.name);
    file.ondata = (error, chunk) => {
      if (error) refused ??= "The file is a damaged zip archive.";
      total += chunk?.length ?? 0;
      if (total > IMPORT_LIMITS.inflatedBytes && !refused) {
        refused = "The file unpacks to far more data than a spreadsheet of this size holds (a zip bomb?): it was not read.";
        file.terminate();
      }
    };
    if (!refused) file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    refused ??= "The file is a damaged zip archive.";
  }
  if (refused) throw new FileRefused(refused);
  return names;
}

/** The text of a cell, or a problem: formulas and errors are refused (type the value instead). */
function cellText(cell: ExcelJS.Cell): { text: string } | { problem: string; value?: string } {
  const value = cell.value;
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number" || typeof value === "boolean") return { text: String(value) };
  if (value instanceof Date) return { text: value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 19 : 10) };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const formula = (value as { formula?: unknown; sharedFormula?: unknown }).formula ?? (value as { sharedFormula?: unknown }).sharedFormula;
      return {
        problem: "Formulas are not imported: replace it with the value (copy, paste as values).",
        value: typeof formula === "string" ? `=${formula.slice(0, 200)}` : undefined,
      };
    }
    if ("error" in value) return { problem: `The cell shows an error (${String((value as { error: unknown }).error)}).` };
    if ("richText" in value) return { text: (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("") };
    if ("hyperlink" in value) return { text: String((value as ExcelJS.CellHyperlinkValue).hyperlink) };
    if ("text" in value) return { text: String((value as { text: unknown }).text) };
  }
  return { problem: "This cell's content cannot be read as text." };
}

function pickSheet(workbook: ExcelJS.Workbook, preferred: readonly string[]): ExcelJS.Worksheet {
  const sheets = workbook.worksheets.filter((s) => s.state !== "hidden" && s.state !== "veryHidden");
  const named = sheets.find((s) => preferred.some((p) => s.name.trim().toLowerCase() === p.toLowerCase()));
  const sheet = named ?? sheets[0];
  if (!sheet) throw new FileRefused("The workbook has no visible sheet.");
  return sheet;
}

async function readXlsx(bytes: Uint8Array, preferredSheets: readonly string[]): Promise<Table> {
  const names = checkZip(bytes);
  if (!names.has("[Content_Types].xml") || ![...names].some((n) => n.startsWith("xl/"))) {
    throw new FileRefused(`This zip file is not an Excel workbook. ${XLSX_NOTE}`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new FileRefused(`The workbook could not be read. ${XLSX_NOTE}`);
  }
  const sheet = pickSheet(workbook, preferredSheets);
  const problems: CellProblem[] = [];
  const grid: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (grid.length > IMPORT_LIMITS.rows + 1) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      if (col > IMPORT_LIMITS.columns) return;
      const read = cellText(cell);
      if (cell.isMerged) {
        problems.push({
          row: rowNumber,
          column: col,
          reason: "Merged cells are not imported: unmerge them and fill in every cell.",
          value: "text" in read ? read.text.slice(0, 200) : undefined,
        });
      }
      if ("problem" in read) problems.push({ row: rowNumber, column: col, reason: read.problem, ...(read.value === undefined ? {} : { value: read.value }) });
      cells[col - 1] = "text" in read ? read.text : "";
    });
    grid.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  return finish("xlsx", grid, problems);
}

function readCsv(bytes: Uint8Array): Table {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new FileRefused('The CSV file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (Comma delimited)".');
  }
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = [";", "\t", ","].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ",");
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, max_record_size: IMPORT_LIMITS.cellChars * 4 });
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    if (code === "CSV_MAX_RECORD_SIZE") {
      throw new FileRefused(
        `Row ${lines ?? "?"} of the CSV file holds far more text than can be imported (at most ${IMPORT_LIMITS.cellChars.toLocaleString("en-GB")} characters per cell): shorten it, then upload the file again.`,
      );
    }
    throw new FileRefused(`The CSV file could not be read: ${(error as Error).message.split("\n")[0]}`);
  }
  const grid = records.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ""));
  return finish("csv", grid, []);
}

/** The header row, the data rows (with the limits) and per-cell problems of over-long text. */
function finish(format: Table["format"], grid: { row: number; cells: string[] }[], problems: CellProblem[]): Table {
  const [header, ...rows] = grid;
  if (!header) throw new FileRefused("The file is empty.");
  if (rows.length > IMPORT_LIMITS.rows)
    throw new FileRefused(`The file has more than ${IMPORT_LIMITS.rows.toLocaleString("en-GB")} rows: split it into several files.`);
  if (header.cells.length > IMPORT_LIMITS.columns) throw new FileRefused(`The file has more than ${IMPORT_LIMITS.columns} columns.`);
  for (const { row, cells } of rows) {
    cells.forEach((cell, i) => {
      if (cell.length > IMPORT_LIMITS.cellChars) {
        problems.push({
          row,
          column: i + 1,
          reason: `The cell holds ${cell.length.toLocaleString("en-GB")} characters; at most ${IMPORT_LIMITS.cellChars.toLocaleString("en-GB")} are imported.`,
          value: `${cell.slice(0, 40)}…`,
        });
        cells[i] = "";
      }
    });
  }
  return { format, header: header.cells.map((c) => c.trim()), headerRow: header.row, rows, problems };
}

/**
 * The table in an uploaded file. Throws FileRefused (with a message for the user) when the file as a whole
 * cannot be imported; problems with single cells come back in `problems`.
 */
export async function readTable(bytes: Uint8Array, options: { preferredSheets?: readonly string[] } = {}): Promise<Table> {
  if (bytes.length === 0) throw new FileRefused("The file is empty.");
  if (bytes.length > IMPORT_LIMITS.fileBytes) {
    throw new FileRefused(`The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB can be imported.`);
  }
  switch (sniff(bytes)) {
    case "zip":
      return readXlsx(bytes, options.preferredSheets ?? []);
    case "text":
      return readCsv(bytes);
    case "pdf":
      throw new FileRefused(`This is a PDF document, not a spreadsheet. ${XLSX_NOTE}`);
    case "xls":
      throw new FileRefused(`This is an old Excel 97–2003 file (.xls). ${XLSX_NOTE}`);
    default:
      throw new FileRefused(`This file is neither an Excel workbook (.xlsx) nor a CSV file. ${XLSX_NOTE}`);
  }
}
