// The markup every server-drawn chart shares: one-line elements with inline attributes (browsers,
// LibreOffice, Word and resvg draw them alike), the document wrapper and the flowing swatch legend.
import type { ChartSpec } from "@/lib/domain/charts";
import { CHART_FONT_FAMILY, INK, LABEL_SIZE, LINE, MUTED, WHITE } from "./svg-style";
import { escapeXml, widest, wrapText } from "./svg-text";

export type ChartSvg = { svg: string; width: number; height: number };

// ---------------------------------------------------------------------------------------------------
// Markup primitives

/** At most 2 decimals in the markup; never "-0" or "NaN". */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100 || 0);
}

export type TextStyle = { size: number; anchor?: "start" | "middle" | "end"; bold?: boolean; fill?: string };

/** One line of text; y is the baseline. One <text> per line (no tspans): Word and LibreOffice place them alike. */
export function text(content: string, x: number, y: number, style: TextStyle): string {
  const anchor = style.anchor && style.anchor !== "start" ? ` text-anchor="${style.anchor}"` : "";
  const weight = style.bold ? ` font-weight="bold"` : "";
  return (
    `<text x="${num(x)}" y="${num(y)}" font-family="${CHART_FONT_FAMILY}" font-size="${style.size}"${anchor}${weight} ` +
    `fill="${escapeXml(style.fill ?? INK)}">${escapeXml(content)}</text>`
  );
}

/** Lines of text stacked LINE apart, centred vertically on centreY. */
export function textLines(lines: string[], x: number, centreY: number, style: TextStyle): string[] {
  const first = centreY - ((lines.length - 1) * LINE) / 2 + baselineShift(style.size);
  return lines.map((line, i) => text(line, x, first + i * LINE, style));
}

/** From the vertical middle of a line of text to its baseline (about half of DejaVu Sans' cap height). */
export function baselineShift(size: number): number {
  return size * 0.36;
}

export function rect(x: number, y: number, width: number, height: number, attributes: string): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" ${attributes}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, strokeWidth = 1): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`;
}

export function group(id: string, parts: string[], attributes = ""): string {
  return `<g id="${escapeXml(id)}"${attributes ? " " + attributes : ""}>\n${parts.join("\n")}\n</g>`;
}

/** The document: title and desc first (the accessible name and description), then a white page. */
export function svgDocument(spec: ChartSpec, width: number, height: number, parts: string[]): ChartSvg {
  const id = escapeXml(spec.id);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc">\n` +
    `<title id="${id}-title">${escapeXml(spec.title)}</title>\n<desc id="${id}-desc">${escapeXml(spec.summary)}</desc>\n` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${WHITE}"/>\n${parts.join("\n")}\n</svg>\n`;
  return { svg, width, height };
}

export function noData(spec: ChartSpec, width: number): ChartSvg {
  const height = 120;
  return svgDocument(spec, width, height, [text("No data", width / 2, height / 2 + baselineShift(14), { size: 14, anchor: "middle", fill: MUTED })]);
}

// ---------------------------------------------------------------------------------------------------
// Legends

export type LegendItem = { label: string; fill: string; stroke?: string };

/** Swatch-and-label items flowing left to right, wrapping onto new rows within maxWidth. */
export function flowLegend(id: string, items: LegendItem[], x: number, y: number, maxWidth: number): { markup: string; height: number } {
  const swatch = 12;
  const parts: string[] = [];
  let [left, top, rowHeight] = [x, y, 0];
  for (const item of items) {
    const lines = wrapText(item.label, maxWidth - swatch - 6, LABEL_SIZE);
    const itemWidth = swatch + 6 + widest(lines, LABEL_SIZE);
    if (left > x && left + itemWidth > x + maxWidth) [left, top, rowHeight] = [x, top + rowHeight + 8, 0];
    const stroke = item.stroke ? ` stroke="${escapeXml(item.stroke)}" stroke-width="1"` : "";
    parts.push(rect(left, top, swatch, swatch, `fill="${escapeXml(item.fill)}"${stroke}`));
    lines.forEach((l, i) => parts.push(text(l, left + swatch + 6, top + 10.5 + i * LINE, { size: LABEL_SIZE })));
    rowHeight = Math.max(rowHeight, swatch, lines.length * LINE);
    left += itemWidth + 20;
  }
  return { markup: group(`${id}-legend`, parts), height: top - y + rowHeight };
}
