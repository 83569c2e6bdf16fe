// Plain tables of one-line cells: the figures of the introduction, each area's status counts and the annex.
// A table that runs over a page repeats its header row on the next one.
import { INK, NAVY, contentWidth, ensureSpace, fitText, newPage, applyStyle, type PageLayout, type PdfContext, type Style } from "./layout";

export type Column = { label: string; width: number; align?: "left" | "right" | "center" };

export type Table = { columns: Column[]; size: number; layout: PageLayout };

const PADDING = 3;
const RULE = "#9aa7b4";
const SHADE = "#f1f4f7";

function rowHeight(table: Table): number {
  return table.size * 1.9;
}

/** Columns that share out the text width: fixed widths as given, the rest split among `flex` columns. */
export function spreadColumns(ctx: PdfContext, columns: (Omit<Column, "width"> & { width?: number })[]): Column[] {
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const flexible = columns.filter((c) => c.width === undefined).length;
  const share = flexible ? (contentWidth(ctx.doc) - fixed) / flexible : 0;
  return columns.map((c) => ({ ...c, width: c.width ?? share }));
}

function drawCells(ctx: PdfContext, table: Table, cells: readonly string[]): void {
  const { doc } = ctx;
  const y = doc.y + (rowHeight(table) - table.size * 1.15) / 2;
  let x = doc.page.margins.left;
  table.columns.forEach((column, i) => {
    const inner = column.width - 2 * PADDING;
    const text = fitText(doc, cells[i] ?? "", inner);
    const width = column.align && column.align !== "left" ? doc.widthOfString(text) : 0;
    const offset = column.align === "right" ? inner - width : column.align === "center" ? (inner - width) / 2 : 0;
    doc.text(text, x + PADDING + offset, y, { lineBreak: false });
    x += column.width;
  });
}

function tableWidth(table: Table): number {
  return table.columns.reduce((sum, c) => sum + c.width, 0);
}

export function drawHeaderRow(ctx: PdfContext, table: Table): void {
  const { doc } = ctx;
  const top = doc.y;
  applyStyle(ctx, { font: "Bold", size: table.size, color: NAVY, lineGap: 0 });
  drawCells(
    ctx,
    table,
    table.columns.map((c) => c.label),
  );
  const bottom = top + rowHeight(table);
  doc
    .moveTo(doc.page.margins.left, bottom)
    .lineTo(doc.page.margins.left + tableWidth(table), bottom)
    .lineWidth(0.8)
    .strokeColor(RULE)
    .stroke();
  doc.y = bottom;
}

/** Starts a table where its header and `rows` first rows fit. */
export function startTable(ctx: PdfContext, table: Table, rows = 2): void {
  ensureSpace(ctx, rowHeight(table) * (1 + rows));
  drawHeaderRow(ctx, table);
}

export function drawRow(ctx: PdfContext, table: Table, cells: readonly string[], style: Partial<Style> = {}, shaded = false): void {
  const { doc } = ctx;
  const height = rowHeight(table);
  if (doc.y + height > doc.page.maxY()) {
    newPage(ctx, table.layout);
    drawHeaderRow(ctx, table);
  }
  const top = doc.y;
  // Translucent, so the DRAFT mark underneath stays whole.
  if (shaded) doc.rect(doc.page.margins.left, top, tableWidth(table), height).fillOpacity(0.6).fill(SHADE).fillOpacity(1);
  applyStyle(ctx, { font: "Regular", color: INK, lineGap: 0, ...style, size: table.size });
  drawCells(ctx, table, cells);
  doc.y = top + height;
}

/** A whole small table, with a little space after it. */
export function drawTable(ctx: PdfContext, table: Table, rows: readonly (readonly string[])[]): void {
  startTable(ctx, table, Math.min(rows.length, 3));
  rows.forEach((cells, i) => drawRow(ctx, table, cells, {}, i % 2 === 1));
  ctx.doc.y += table.size;
}
