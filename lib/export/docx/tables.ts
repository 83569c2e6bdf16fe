// Small data tables of the report: a bold header row repeated on every page the table runs over,
// numbers right-aligned, fixed column widths (twips) so Word and LibreOffice lay them out alike.
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import { cleanText } from "./text";

export type Column = { heading: string; width: number; numeric?: boolean };

const HEADER_SHADING = { fill: "D9E2F3", type: "clear", color: "auto" } as const;
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

function cell(text: string, column: Column, size: number, isHeading: boolean, isBold = isHeading): TableCell {
  return new TableCell({
    width: { size: column.width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    shading: isHeading ? HEADER_SHADING : undefined,
    children: [
      new Paragraph({
        spacing: { before: 0, after: 0 },
        alignment: column.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text: cleanText(text), bold: isBold, size })],
      }),
    ],
  });
}

/** A table of text cells; `size` is the font size in half-points (18 = 9 pt); `total`: the last row is a bold total. */
export function dataTable(columns: readonly Column[], rows: readonly (readonly string[])[], options: { size?: number; total?: boolean } = {}): Table {
  const size = options.size ?? 20;
  const isBold = (index: number) => options.total === true && index === rows.length - 1;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: columns.reduce((sum, c) => sum + c.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.heading, c, size, true)) }),
      ...rows.map((row, r) => new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(row[i] ?? "", c, size, false, isBold(r))) })),
    ],
  });
}

/** An empty paragraph after a table, so two tables never merge into one and text does not stick to a border. */
export function spacer(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 120 }, children: [] });
}
