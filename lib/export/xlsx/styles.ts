// The workbook's cell styles: shared objects, since exceljs caches the style id per object. Status cells
// carry their palette colour with whichever text colour reads better on it.
import type ExcelJS from "exceljs";
import { STATUS_KEYS, type StatusKey } from "@/lib/domain/dashboard";
import { STATUS_COLOURS } from "@/lib/domain/palette";

export type Style = Partial<ExcelJS.Style>;

const top: Partial<ExcelJS.Alignment> = { vertical: "top" };
// Fonts in full: a font without name or size in styles.xml is rendered inconsistently across spreadsheet apps.
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: "Calibri", size: 11, ...extra });
const solid = (hex: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${hex.slice(1).toUpperCase()}` } });

const DARK_TEXT = "#1A2330";

/** WCAG relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** White or dark text, whichever contrasts more with the fill. */
export function readableTextColour(fill: string): string {
  const onFill = luminance(fill) + 0.05;
  return 1.05 / onFill >= onFill / (luminance(DARK_TEXT) + 0.05) ? "#FFFFFF" : DARK_TEXT;
}

export const STYLES = {
  plain: { alignment: top },
  wrap: { alignment: { vertical: "top", wrapText: true } },
  integer: { numFmt: "0", alignment: top },
  date: { numFmt: "yyyy-mm-dd", alignment: { horizontal: "left", vertical: "top" } },
  dateTime: { numFmt: "yyyy-mm-dd hh:mm", alignment: { horizontal: "left", vertical: "top" } },
  header: {
    font: font({ bold: true }),
    fill: solid("#E8ECF2"),
    alignment: { vertical: "top", wrapText: true },
    border: { bottom: { style: "thin", color: { argb: "FF8A94A3" } } },
  },
  title: { font: font({ bold: true, size: 14 }) },
  heading: { font: font({ bold: true, size: 12 }) },
  draft: { font: font({ bold: true, size: 14, color: { argb: "FFB42318" } }) },
  label: { font: font({ bold: true }), alignment: top },
} satisfies Record<string, Style>;

/** Status cells: the label is the value, the colour only repeats it. */
export const STATUS_STYLES = Object.fromEntries(
  STATUS_KEYS.map((key) => [
    key,
    { fill: solid(STATUS_COLOURS[key]), font: font({ color: { argb: `FF${readableTextColour(STATUS_COLOURS[key]).slice(1)}` } }), alignment: top },
  ]),
) as Record<StatusKey, Style>;
export const STATUS_HEADER_STYLES = Object.fromEntries(
  STATUS_KEYS.map((key) => [key, { ...STATUS_STYLES[key], font: { ...STATUS_STYLES[key].font, bold: true }, alignment: STYLES.header.alignment }]),
) as Record<StatusKey, Style>;
