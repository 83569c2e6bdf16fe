// readTable on real files made here: workbooks written by exceljs (what Excel reads and writes), CSV as
// Excel saves it in English and continental locales, and files that only pretend to be spreadsheets.
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { describe, expect, test } from "vitest";
import { FileRefused, IMPORT_LIMITS, readTable } from "./read-table";

async function workbook(fill: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet("Catalogue"), book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const encode = (text: string) => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await readTable(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileRefused);
  return (error as Error).message;
}

describe("readTable: workbooks", () => {
  test("reads the header and data rows as text, with their row numbers, skipping empty rows", async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(["Number", "Title", "EDA involved"]);
      sheet.addRow([12, "Cyber exercises", true]);
      sheet.addRow([]);
      sheet.addRow([13, { richText: [{ text: "Rich " }, { font: { bold: true }, text: "text" }] }, "no"]);
      sheet.getCell("A5").value = new Date(Date.UTC(2024, 5, 1));
    });
    const table = await readTable(bytes);
    expect(table.format).toBe("xlsx");
    expect(table.header).toEqual(["Number", "Title", "EDA involved"]);
    expect(table.headerRow).toBe(1);
    expect(table.rows).toEqual([
      { row: 2, cells: ["12", "Cyber exercises", "true"] },
      { row: 4, cells: ["13", "Rich text", "no"] },
      { row: 5, cells: ["2024-06-01"] },
    ]);
    expect(table.problems).toEqual([]);
  });

  test("prefers the sheet named like the import, and reports formulas and merged cells by place", async () => {
    const bytes = await workbook((first, book) => {
      first.addRow(["not this one"]);
      const sheet = book.addWorksheet("People");
      sheet.addRow(["Name", "E-mail"]);
      sheet.addRow(["Ana", { formula: 'CONCAT("ana","@nato.int")', result: "ana@nato.int" }]);
      sheet.addRow(["Bo", "bo@eu.test"]);
      sheet.addRow(["", ""]);
      sheet.mergeCells("A4:B4");
    });
    const table = await readTable(bytes, { preferredSheets: ["people"] });
    expect(table.header).toEqual(["Name", "E-mail"]);
    expect(table.problems).toEqual(
      expect.arrayContaining([
        { row: 2, column: 2, reason: expect.stringMatching(/^Formulas are not imported/), value: '=CONCAT("ana","@nato.int")' },
        { row: 4, column: 1, reason: expect.stringMatching(/^Merged cells/), value: "" },
      ]),
    );
  });

  test("a cell over the limit is reported and emptied, not imported cut short", async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(["Narrative"]);
      sheet.addRow(["x".repeat(IMPORT_LIMITS.cellChars + 1)]);
    });
    const table = await readTable(bytes);
    expect(table.rows[0]!.cells).toEqual([""]);
    expect(table.problems).toEqual([{ row: 2, column: 1, reason: expect.stringContaining("at most 10,000"), value: `${"x".repeat(40)}…` }]);
  });
});

describe("readTable: CSV", () => {
  test.each([
    [",", 'Number,Title\r\n12,"Cyber, exercises"\r\n'],
    [";", "\uFEFFNumber;Title\r\n12;Cyber, exercises\r\n"],
    ["tab", "Number\tTitle\n12\tCyber, exercises\n"],
  ])("reads %s-separated UTF-8 (with or without BOM)", async (_name, text) => {
    const table = await readTable(encode(text));
    expect(table.format).toBe("csv");
    expect(table.header).toEqual(["Number", "Title"]);
    expect(table.rows).toEqual([{ row: 2, cells: ["12", "Cyber, exercises"] }]);
  });

  test("refuses a record far over the cell limit clearly, naming its row", async () => {
    const text = `Number,Title\r\n1,short\r\n2,${"x".repeat(IMPORT_LIMITS.cellChars * 5)}\r\n`;
    expect(await refusal(encode(text))).toMatch(/^Row 3 of the CSV file holds far more text than can be imported \(at most 10,000 characters per cell\)/);
  });

  test("the header row is the first non-empty one", async () => {
    const table = await readTable(encode("\r\n\r\nNumber,Title\r\n12,x\r\n"));
    expect(table.headerRow).toBe(3);
    expect(table.rows).toEqual([{ row: 4, cells: ["12", "x"] }]);
  });

  test("refuses text that is not UTF-8 (e.g. saved as Windows-1252)", async () => {
    expect(await refusal(new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x43, 0x6f, 0x6f, 0x70, 0xe9, 0x72, 0x61, 0x74, 0x69, 0x6f, 0x6e]))).toMatch(
      /not UTF-8/,
    );
  });
});

describe("readTable: files that are not what they claim", () => {
  test.each([
    ["an empty file", new Uint8Array(), /empty/],
    ["a renamed PDF", encode("%PDF-1.7\n1 0 obj\n"), /PDF document/],
    ["an old .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /97–2003/],
    ["binary data", new Uint8Array([1, 2, 3, 0, 5, 6]), /neither an Excel workbook/],
    ["a zip that is not a workbook", zipSync({ "readme.txt": encode("hello") }), /not an Excel workbook/],
    ["a damaged zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), /damaged|not an Excel workbook/],
  ])("refuses %s", async (_name, bytes, message) => {
    expect(await refusal(bytes)).toMatch(message);
  });

  test("refuses a file over the size limit without reading it", async () => {
    expect(await refusal(new Uint8Array(IMPORT_LIMITS.fileBytes + 1))).toMatch(/at most 5 MB/);
  });

  // Inflating up to the cap takes seconds of CPU: a longer limit than 5 s, for a busy machine.
  test("refuses a zip bomb: it stops inflating at the cap", { timeout: 30_000 }, async () => {
    // 110 MB of zeros compress to about 100 KB.
    const bomb = zipSync({ "[Content_Types].xml": encode("<Types/>"), "xl/worksheets/sheet1.xml": new Uint8Array(110 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(IMPORT_LIMITS.fileBytes);
    expect(await refusal(bomb)).toMatch(/zip bomb/);
  });

  test("refuses more rows than the limit", async () => {
    const text = "N\n" + Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => String(i)).join("\n");
    expect(await refusal(encode(text))).toMatch(/more than 10,000 rows/);
  });
});
