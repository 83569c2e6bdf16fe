// WordprocessingML written as text, for the one part too large for docx's object model: the annex
// (7,400 proposals x 40 periods is 300,000 cells; as docx objects it took minutes and gigabytes, as
// strings it takes a fraction of a second). Only cleaned, escaped text goes in; no field markup.
import { cleanText } from "./text";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** A run of text, its line breaks and tabs as Word's w:br and w:tab. */
export function runXml(text: string, bold = false): string {
  const properties = bold ? "<w:rPr><w:b/><w:bCs/></w:rPr>" : "";
  const content = cleanText(text)
    .split("\n")
    .map((line) =>
      line
        .split("\t")
        .map((part) => (part ? `<w:t xml:space="preserve">${escapeXml(part)}</w:t>` : ""))
        .join("<w:tab/>"),
    )
    .join("<w:br/>");
  return `<w:r>${properties}${content}</w:r>`;
}

/** A paragraph in a paragraph style (which carries the font size and spacing, so cells stay small). */
export function paragraphXml(style: string, text: string, bold = false): string {
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${runXml(text, bold)}</w:p>`;
}

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="808080"';
const BORDERS = ["top", "left", "bottom", "right", "insideH", "insideV"].map((side) => `<w:${side} ${BORDER}/>`).join("");

/** The opening of a fixed-layout table with thin borders, its column widths in twips. */
export function tableStartXml(widths: readonly number[]): string {
  const total = widths.reduce((sum, w) => sum + w, 0);
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="50" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="50" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`
  );
}

/** The header row, repeated at the top of every page the table runs over. */
export function headerRowXml(style: string, headings: readonly string[], widths: readonly number[]): string {
  const cells = headings.map(
    (text, i) =>
      `<w:tc><w:tcPr><w:tcW w:w="${widths[i]}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/></w:tcPr>${paragraphXml(style, text, true)}</w:tc>`,
  );
  return `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${cells.join("")}</w:tr>`;
}

/** A body row; its cells take their widths from the table grid. */
export function rowXml(style: string, cells: readonly string[]): string {
  return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.map((text) => `<w:tc>${paragraphXml(style, text)}</w:tc>`).join("")}</w:tr>`;
}

export const TABLE_END_XML = "</w:tbl>";
