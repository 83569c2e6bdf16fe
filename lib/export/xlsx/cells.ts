// Cell values as the workbook writes them: text made safe for Excel, dates in UTC, status labels with
// their colour, each paired with its (shared) style.
import { STATUS_LABELS, type ImplementationStatus } from "@/lib/domain/vocabulary";
import { STATUS_STYLES, STYLES, type Style } from "./styles";

/** Never an object: exceljs would write { formula }, { richText } or { text, hyperlink } values as such. */
export type CellValue = string | number | Date | null;
/** A cell to write: its value and its style (shared objects: exceljs caches the style id per object). */
export type Cell = [CellValue, Style];

/** Excel's limit of characters in a cell. */
export const MAX_CELL_TEXT = 32_767;
// Characters XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE/FFFF) and lone surrogates:
// exceljs writes them as they are, and Excel then refuses the whole file.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as a cell may hold it: forbidden characters removed, line breaks as Excel's LF, at most 32,767
 * characters (cut before a surrogate pair, with an ellipsis). Always returned as a string value, which
 * exceljs writes as a string cell: text like "=HYPERLINK(…)" or "+1" stays text, never a formula.
 */
export function cellText(value: string): string {
  const text = value.replace(/\r\n?/g, "\n").replace(XML_FORBIDDEN, "");
  if (text.length <= MAX_CELL_TEXT) return text;
  let cut = MAX_CELL_TEXT - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut -= 1;
  return text.slice(0, cut) + "…";
}

/** "2025-06-01" (UTC) or an ISO timestamp as a Date; exceljs stores it as an Excel serial in UTC. */
export function excelDate(iso: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00.000Z` : iso);
}

export function statusCell(status: ImplementationStatus | null, emptyLabel: string): Cell {
  if (status) return [STATUS_LABELS[status], STATUS_STYLES[status]];
  return emptyLabel ? [emptyLabel, STATUS_STYLES.NO_UPDATE] : [null, STYLES.plain];
}

export const EMPTY: Cell = [null, STYLES.plain];
/** A text cell; empty text leaves the cell empty. */
export const text = (value: string, style: Style = STYLES.plain): Cell => [value ? cellText(value) : null, style];
export const integer = (value: number): Cell => [value, STYLES.integer];
export const date = (iso: string): Cell => [excelDate(iso), STYLES.date];
export const dateTime = (iso: string): Cell => [excelDate(iso), STYLES.dateTime];
