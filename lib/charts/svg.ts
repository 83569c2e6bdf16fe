// The chart specs of lib/domain/charts.ts drawn on the server as standalone SVG 1.1 text, for downloads,
// Word, PDF and the report page (Recharts only draws in the browser). Pure string building, no DOM:
// d3-scale and d3-shape place things, everything is written with inline attributes so that browsers,
// LibreOffice, Word and resvg all draw the same picture. Text is never measured, only estimated from
// DejaVu Sans' advance widths, so every layout leaves some slack. Same spec in, same string out.
import { scaleBand, scaleLinear, type ScaleLinear } from "d3-scale";
import { arc, pie, type PieArcDatum } from "d3-shape";
import type { BarChartSpec, ChartSpec, DonutChartSpec, HeatChartSpec } from "@/lib/domain/charts";
import { HEAT_NONE, HEAT_STEPS, heatStep } from "@/lib/domain/palette";

export type ChartSvg = { svg: string; width: number; height: number };
/** width in CSS pixels; at least MIN_CHART_WIDTH (a heat map with many periods may come out wider). */
export type ChartSvgOptions = { width?: number };

export const DEFAULT_CHART_WIDTH = 720;
export const MIN_CHART_WIDTH = 320;
export const CHART_FONT_FAMILY = "'DejaVu Sans', Arial, Helvetica, sans-serif";

// Ink of text, axes and separators: not data, so not in the palette. INK is the palette's body text.
const INK = HEAT_STEPS[0].text;
const MUTED = HEAT_NONE.text;
const BLACK = "#000000";
const WHITE = "#ffffff";
const GRID = "#dde1e7";
const AXIS = "#6b7480";

const PAD = 16;
const GAP = 8;
const LABEL_SIZE = 12;
const LINE = 14;
const VALUE_SIZE = 11;
const TICK_SIZE = 11;

export function renderChartSvg(spec: ChartSpec, options: ChartSvgOptions = {}): ChartSvg {
  const width = Math.max(MIN_CHART_WIDTH, Math.round(options.width ?? DEFAULT_CHART_WIDTH));
  switch (spec.kind) {
    case "bars":
      return spec.orientation === "bars" ? renderBars(spec, width) : renderColumns(spec, width);
    case "donut":
      return renderDonut(spec, width);
    case "heat":
      return renderHeat(spec, width);
  }
}

// ---------------------------------------------------------------------------------------------------
// Markup primitives

/** At most 2 decimals in the markup; never "-0" or "NaN". */
function num(value: number): string {
  return String(Math.round(value * 100) / 100 || 0);
}

/** Escapes XML's five specials and drops characters XML 1.0 forbids (control characters, lone surrogates). */
function escapeXml(value: string): string {
  const allowed = [...value].filter((ch) => {
    const code = ch.codePointAt(0)!;
    return code === 9 || code === 10 || code === 13 || (code >= 32 && !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff);
  });
  return allowed.join("").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

type TextStyle = { size: number; anchor?: "start" | "middle" | "end"; bold?: boolean; fill?: string };

/** One line of text; y is the baseline. One <text> per line (no tspans): Word and LibreOffice place them alike. */
function text(content: string, x: number, y: number, style: TextStyle): string {
  const anchor = style.anchor && style.anchor !== "start" ? ` text-anchor="${style.anchor}"` : "";
  const weight = style.bold ? ` font-weight="bold"` : "";
  return (
    `<text x="${num(x)}" y="${num(y)}" font-family="${CHART_FONT_FAMILY}" font-size="${style.size}"${anchor}${weight} ` +
    `fill="${escapeXml(style.fill ?? INK)}">${escapeXml(content)}</text>`
  );
}

/** Lines of text stacked LINE apart, centred vertically on centreY. */
function textLines(lines: string[], x: number, centreY: number, style: TextStyle): string[] {
  const first = centreY - ((lines.length - 1) * LINE) / 2 + baselineShift(style.size);
  return lines.map((line, i) => text(line, x, first + i * LINE, style));
}

/** From the vertical middle of a line of text to its baseline (about half of DejaVu Sans' cap height). */
function baselineShift(size: number): number {
  return size * 0.36;
}

function rect(x: number, y: number, width: number, height: number, attributes: string): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" ${attributes}/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, strokeWidth = 1): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`;
}

function group(id: string, parts: string[], attributes = ""): string {
  return `<g id="${escapeXml(id)}"${attributes ? " " + attributes : ""}>\n${parts.join("\n")}\n</g>`;
}

/** The document: title and desc first (the accessible name and description), then a white page. */
function svgDocument(spec: ChartSpec, width: number, height: number, parts: string[]): ChartSvg {
  const id = escapeXml(spec.id);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc">\n` +
    `<title id="${id}-title">${escapeXml(spec.title)}</title>\n<desc id="${id}-desc">${escapeXml(spec.summary)}</desc>\n` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${WHITE}"/>\n${parts.join("\n")}\n</svg>\n`;
  return { svg, width, height };
}

function noData(spec: ChartSpec, width: number): ChartSvg {
  const height = 120;
  return svgDocument(spec, width, height, [text("No data", width / 2, height / 2 + baselineShift(14), { size: 14, anchor: "middle", fill: MUTED })]);
}

// ---------------------------------------------------------------------------------------------------
// Text estimates: DejaVu Sans advance widths in em by kind of character, rounded up (checked against resvg's
// real glyph boxes in svg.test.ts), since nothing measures text here.

function charWidth(ch: string): number {
  if (" .,:;'|!ijlItfr()[]".includes(ch)) return 0.36;
  if (ch === "%" || ch === "m" || ch === "w" || ch === "M" || ch === "W") return 0.96;
  if (/[0-9A-Z\u0391-\u03a9\u0400-\u042f]/.test(ch)) return 0.7;
  return 0.62;
}

function textWidth(content: string, size: number, bold = false): number {
  const em = [...content].reduce((sum, ch) => sum + charWidth(ch), 0);
  return em * size * (bold ? 1.12 : 1);
}

/** Greedy word wrap at spaces; a word wider than the line is broken after its hyphens, else between letters, never cut. */
function wrapText(content: string, maxWidth: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of content.replace(/\s+/g, " ").trim().split(" ")) {
    for (const [i, piece] of breakWord(word, maxWidth, size, bold).entries()) {
      const candidate = current ? current + (i === 0 ? " " : "") + piece : piece;
      if (current && textWidth(candidate, size, bold) > maxWidth) {
        lines.push(current);
        current = piece;
      } else current = candidate;
    }
  }
  lines.push(current);
  return lines;
}

/** "capacity-building" -> "capacity-", "building" (a leading or doubled hyphen is not a break). */
const AFTER_HYPHEN = /(?<=[^-\s]-)(?=[^-])/;

function breakWord(word: string, maxWidth: number, size: number, bold: boolean): string[] {
  if (textWidth(word, size, bold) <= maxWidth) return [word];
  return word.split(AFTER_HYPHEN).flatMap((part) => {
    if (textWidth(part, size, bold) <= maxWidth) return [part];
    const pieces = [""];
    for (const ch of part) {
      if (pieces[pieces.length - 1] && textWidth(pieces[pieces.length - 1] + ch, size, bold) > maxWidth) pieces.push("");
      pieces[pieces.length - 1] += ch;
    }
    return pieces;
  });
}

/** The widest piece of any label that wrapping cannot break (a word, or part of a hyphenated one). */
function widestWord(labels: string[], size: number, bold = false): number {
  return widest(
    labels.flatMap((l) => l.split(/\s+/).flatMap((w) => w.split(AFTER_HYPHEN))),
    size,
    bold,
  );
}

function widest(lines: string[], size: number, bold = false): number {
  return Math.max(0, ...lines.map((l) => textWidth(l, size, bold)));
}

/**
 * Width of a column of labels: wide enough for the longest label on one line up to `comfortable`, then
 * the narrowest width that keeps every label within two lines, never past `max` (then labels take more lines).
 */
function labelColumnWidth(labels: string[], size: number, comfortable: number, max: number): number {
  const natural = widest(labels, size);
  let twoLines = widestWord(labels, size);
  while (twoLines < max && labels.some((l) => wrapText(l, twoLines, size).length > 2)) twoLines += 4;
  return Math.ceil(Math.min(max, Math.max(twoLines, Math.min(natural, comfortable))));
}

// ---------------------------------------------------------------------------------------------------
// Colour contrast (WCAG relative luminance), to print values on a data colour

function luminance(colour: string): number | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!match) return null;
  const hex = match[1]!.length === 3 ? [...match[1]!].map((c) => c + c).join("") : match[1]!;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a) ?? 0, luminance(b) ?? 1];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Body ink or white, whichever reads better on `fill`; black when ink stays under 4.5:1 (mid oranges and greys). */
function inkOn(fill: string): string {
  if (luminance(fill) === null) return INK;
  const best = contrastRatio(fill, WHITE) >= contrastRatio(fill, INK) ? WHITE : INK;
  return best === INK && contrastRatio(fill, INK) < 4.5 ? BLACK : best;
}

// ---------------------------------------------------------------------------------------------------
// Legends

type LegendItem = { label: string; fill: string; stroke?: string };

/** Swatch-and-label items flowing left to right, wrapping onto new rows within maxWidth. */
function flowLegend(id: string, items: LegendItem[], x: number, y: number, maxWidth: number): { markup: string; height: number } {
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

// ---------------------------------------------------------------------------------------------------
// Stacked bars and columns

type Stack = { category: number; series: number; start: number; end: number; value: number };
type Box = { x: number; y: number; width: number; height: number };

/** The drawn segments: zero (and negative or missing) values are skipped, so they leave no sliver. */
function stacks(spec: BarChartSpec): Stack[] {
  return spec.categories.flatMap((_, category) => {
    let start = 0;
    return spec.series.flatMap((_, series) => {
      const value = spec.values[category]?.[series] ?? 0;
      if (!(value > 0)) return [];
      const stack = { category, series, start, end: start + value, value };
      start += value;
      return [stack];
    });
  });
}

/** Percent: 0-100 in steps of 20. Counts: a nice domain from 0 with integer ticks only. */
function valueAxis(spec: BarChartSpec, all: Stack[], range: [number, number]): { scale: ScaleLinear<number, number>; ticks: number[] } {
  const max = Math.max(0, ...all.map((s) => s.end));
  if (spec.percent)
    return {
      scale: scaleLinear()
        .domain([0, Math.max(100, max)])
        .range(range),
      ticks: [0, 20, 40, 60, 80, 100],
    };
  const scale = scaleLinear().domain([0, max]).range(range).nice(6);
  return { scale, ticks: scale.ticks(6).filter(Number.isInteger) };
}

function valueLabel(spec: BarChartSpec, value: number): string {
  return spec.percent ? `${num(value)}%` : num(value);
}

/** Segments (white separators) and, where a value fits inside its segment, the value in a readable ink. */
function segmentMarkup(spec: BarChartSpec, all: Stack[], place: (stack: Stack) => Box): string[] {
  const shapes: string[] = [];
  const values: string[] = [];
  for (const stack of all) {
    const box = place(stack);
    const colour = spec.series[stack.series]!.colour;
    shapes.push(rect(box.x, box.y, box.width, box.height, `fill="${escapeXml(colour)}"`));
    const label = valueLabel(spec, stack.value);
    if (textWidth(label, VALUE_SIZE) + 6 <= box.width && box.height >= VALUE_SIZE + 4) {
      values.push(
        text(label, box.x + box.width / 2, box.y + box.height / 2 + baselineShift(VALUE_SIZE), { size: VALUE_SIZE, anchor: "middle", fill: inkOn(colour) }),
      );
    }
  }
  return [group(`${spec.id}-segments`, shapes, `stroke="${WHITE}" stroke-width="1"`), group(`${spec.id}-values`, values)];
}

function seriesLegend(spec: BarChartSpec, top: number, width: number): { markup: string; height: number } {
  return flowLegend(
    spec.id,
    spec.series.map((s) => ({ label: s.label, fill: s.colour })),
    PAD,
    top,
    width - 2 * PAD,
  );
}

type BarPieces = { grid: string[]; segments: string[]; tickLabels: string[]; categoryLabels: string[]; legend: string };

/** Both orientations in the same drawing order: gridlines under the segments, labels on top. */
function barParts(spec: BarChartSpec, pieces: BarPieces): string[] {
  return [
    group(`${spec.id}-grid`, pieces.grid),
    ...pieces.segments,
    group(`${spec.id}-axis`, pieces.tickLabels),
    group(`${spec.id}-categories`, pieces.categoryLabels),
    pieces.legend,
  ];
}

/** Up to 80 px per column: a longer word is broken rather than the chart grown without bound. */
function columnsWidth(spec: BarChartSpec, left: number, requestedWidth: number): number {
  const labels = spec.categories.map((c) => c.label);
  const minStep = Math.min(80, Math.max(24, widestWord(labels, LABEL_SIZE) + 8));
  return Math.max(requestedWidth, Math.ceil(left + spec.categories.length * minStep + PAD));
}

/** Horizontal bars: categories down the side (labels wrapped right-aligned), values along the bottom. */
function renderBars(spec: BarChartSpec, width: number): ChartSvg {
  const all = stacks(spec);
  if (!all.length) return noData(spec, width);
  const labels = spec.categories.map((c) => c.label);
  const labelWidth = labelColumnWidth(labels, LABEL_SIZE, width * 0.28, width * 0.4);
  const wrapped = labels.map((l) => wrapText(l, labelWidth, LABEL_SIZE));
  const maxLines = Math.max(...wrapped.map((l) => l.length));
  const band = Math.max(28, maxLines * LINE + 4);
  const top = PAD / 2;
  const plotBottom = top + band * spec.categories.length;
  const { scale, ticks } = valueAxis(spec, all, [0, 1]);
  const rightPad = PAD + textWidth(valueLabel(spec, ticks[ticks.length - 1] ?? 0), TICK_SIZE) / 2;
  const left = PAD + labelWidth + GAP;
  const x = scale.copy().range([left, width - rightPad]);
  const y = scaleBand<number>()
    .domain(spec.categories.map((_, i) => i))
    .range([top, plotBottom]);
  // Bars stay at most 24 px thick when long labels make the rows tall; centred on their label.
  const thickness = Math.min(24, y.bandwidth() * 0.75);
  const barTop = (i: number) => y(i)! + (y.bandwidth() - thickness) / 2;
  const grid = ticks.map((t) => line(x(t), top, x(t), plotBottom, t === 0 ? AXIS : GRID));
  const tickLabels = ticks.map((t) => text(valueLabel(spec, t), x(t), plotBottom + 16, { size: TICK_SIZE, anchor: "middle", fill: MUTED }));
  const categoryLabels = wrapped.flatMap((lines, i) => textLines(lines, PAD + labelWidth, y(i)! + y.bandwidth() / 2, { size: LABEL_SIZE, anchor: "end" }));
  const segments = segmentMarkup(spec, all, (s) => ({ x: x(s.start), y: barTop(s.category), width: x(s.end) - x(s.start), height: thickness }));
  const legend = seriesLegend(spec, plotBottom + 32, width);
  const parts = barParts(spec, { grid, segments, tickLabels, categoryLabels, legend: legend.markup });
  return svgDocument(spec, width, Math.ceil(plotBottom + 32 + legend.height + PAD), parts);
}

/**
 * Vertical columns: categories along the bottom (labels wrapped to the column step), values up the side.
 * The chart grows wider rather than break a label's words into pieces.
 */
function renderColumns(spec: BarChartSpec, requestedWidth: number): ChartSvg {
  const all = stacks(spec);
  if (!all.length) return noData(spec, requestedWidth);
  const [top, plotBottom] = [PAD, PAD + 240];
  const { scale, ticks } = valueAxis(spec, all, [plotBottom, top]);
  const left =
    PAD +
    widest(
      ticks.map((t) => valueLabel(spec, t)),
      TICK_SIZE,
    ) +
    GAP;
  const width = columnsWidth(spec, left, requestedWidth);
  // paddingInner 0.3 with paddingOuter 0.15 makes the step exactly range / categories.
  const x = scaleBand<number>()
    .domain(spec.categories.map((_, i) => i))
    .range([left, width - PAD])
    .paddingInner(0.3)
    .paddingOuter(0.15);
  const wrapped = spec.categories.map((c) => wrapText(c.label, x.step() - 4, LABEL_SIZE));
  const maxLines = Math.max(...wrapped.map((l) => l.length));
  const grid = ticks.map((t) => line(left, scale(t), width - PAD, scale(t), t === 0 ? AXIS : GRID));
  const tickLabels = ticks.map((t) =>
    text(valueLabel(spec, t), left - GAP, scale(t) + baselineShift(TICK_SIZE), { size: TICK_SIZE, anchor: "end", fill: MUTED }),
  );
  const categoryLabels = wrapped.flatMap((lines, i) =>
    lines.map((l, j) => text(l, x(i)! + x.bandwidth() / 2, plotBottom + 18 + j * LINE, { size: LABEL_SIZE, anchor: "middle" })),
  );
  const segments = segmentMarkup(spec, all, (s) => ({ x: x(s.category)!, y: scale(s.end), width: x.bandwidth(), height: scale(s.start) - scale(s.end) }));
  const legendTop = plotBottom + 18 + maxLines * LINE + 12;
  const legend = seriesLegend(spec, legendTop, width);
  const parts = barParts(spec, { grid, segments, tickLabels, categoryLabels, legend: legend.markup });
  return svgDocument(spec, width, Math.ceil(legendTop + legend.height + PAD), parts);
}

// ---------------------------------------------------------------------------------------------------
// Donut

type Slice = DonutChartSpec["slices"][number];

const DONUT = { height: 320, outer: 124, inner: 74 } as const;

function renderDonut(spec: DonutChartSpec, width: number): ChartSvg {
  const visible = spec.slices.filter((s) => s.value > 0);
  if (!visible.length) return noData(spec, width);
  // Ring (with room for labels outside it) and legend centred side by side; on a narrow canvas the legend goes below.
  const ring = 2 * (DONUT.outer + 16);
  const legendWidth = Math.min(width - 2 * PAD, 20 + widest(spec.slices.map(legendLine), LABEL_SIZE));
  const isSideBySide = ring + 32 + legendWidth + 2 * PAD <= width;
  const left = isSideBySide ? (width - ring - 32 - legendWidth) / 2 : (width - ring) / 2;
  const [cx, cy] = [left + ring / 2, DONUT.height / 2];
  const rows = donutLegendRows(spec, legendWidth);
  const legend = isSideBySide
    ? donutLegend(spec, rows, left + ring + 32, cy - rows.height / 2)
    : donutLegend(spec, rows, (width - legendWidth) / 2, DONUT.height);
  // sort(null): slices keep the spec's order (the legend's order), not d3's largest-first.
  const arcs = pie<Slice>()
    .sort(null)
    .value((s) => s.value)(visible);
  const shape = arc<PieArcDatum<Slice>>().innerRadius(DONUT.inner).outerRadius(DONUT.outer).digits(2);
  const paths = arcs.map((a) => `<path d="${shape(a) ?? ""}" fill="${escapeXml(a.data.colour)}"/>`);
  const parts = [
    group(`${spec.id}-segments`, paths, `transform="translate(${num(cx)} ${num(cy)})" stroke="${WHITE}" stroke-width="2" stroke-linejoin="round"`),
    group(`${spec.id}-values`, sliceValues(arcs, cx, cy)),
    group(`${spec.id}-total`, donutCentre(spec, cx, cy)),
    legend,
  ];
  return svgDocument(spec, width, isSideBySide ? DONUT.height : Math.ceil(DONUT.height + rows.height + PAD), parts);
}

/** Each slice's count: inside the ring when it fits, else just outside (skipped if it would touch its neighbour's). */
function sliceValues(arcs: PieArcDatum<Slice>[], cx: number, cy: number): string[] {
  const middle = (DONUT.inner + DONUT.outer) / 2;
  let previous: { x: number; y: number } | null = null;
  return arcs.flatMap((a) => {
    const label = num(a.data.value);
    const angle = (a.startAngle + a.endAngle) / 2;
    if ((a.endAngle - a.startAngle) * middle >= textWidth(label, LABEL_SIZE, true) + 10) {
      const [x, y] = [cx + Math.sin(angle) * middle, cy - Math.cos(angle) * middle];
      return [text(label, x, y + baselineShift(LABEL_SIZE), { size: LABEL_SIZE, anchor: "middle", bold: true, fill: inkOn(a.data.colour) })];
    }
    const radius = DONUT.outer + 14;
    const [x, y] = [cx + Math.sin(angle) * radius, cy - Math.cos(angle) * radius];
    if (previous && Math.hypot(x - previous.x, y - previous.y) < LABEL_SIZE * 2) return [];
    previous = { x, y };
    const anchor = Math.sin(angle) > 0.3 ? "start" : Math.sin(angle) < -0.3 ? "end" : "middle";
    return [text(label, x, y + baselineShift(LABEL_SIZE), { size: LABEL_SIZE, anchor, bold: true })];
  });
}

function donutCentre(spec: DonutChartSpec, cx: number, cy: number): string[] {
  const caption = wrapText(spec.totalLabel, DONUT.inner * 1.6, LABEL_SIZE);
  return [
    text(num(spec.total), cx, cy + 4, { size: 28, anchor: "middle", bold: true }),
    ...caption.map((l, i) => text(l, cx, cy + 24 + i * LINE, { size: LABEL_SIZE, anchor: "middle", fill: MUTED })),
  ];
}

function legendLine(slice: Slice): string {
  return `${slice.label}: ${num(slice.value)} (${num(slice.share)}%)`;
}

type LegendRows = { lines: string[][]; heights: number[]; height: number };

function donutLegendRows(spec: DonutChartSpec, maxWidth: number): LegendRows {
  const lines = spec.slices.map((s) => wrapText(legendLine(s), maxWidth - 20, LABEL_SIZE));
  const heights = lines.map((l) => Math.max(16, l.length * LINE) + 10);
  return { lines, heights, height: heights.reduce((a, b) => a + b, 0) };
}

/** Every slice, zero ones included, with its count and share: the words beside the colours. */
function donutLegend(spec: DonutChartSpec, rows: LegendRows, x: number, top: number): string {
  let rowTop = top;
  const parts = spec.slices.flatMap((s, i) => {
    const swatch = rect(x, rowTop + 2, 12, 12, `fill="${escapeXml(s.colour)}"`);
    const labels = rows.lines[i]!.map((l, j) => text(l, x + 20, rowTop + 12.5 + j * LINE, { size: LABEL_SIZE }));
    rowTop += rows.heights[i]!;
    return [swatch, ...labels];
  });
  return group(`${spec.id}-legend`, parts);
}

// ---------------------------------------------------------------------------------------------------
// Heat map

// Cells at least 46 px (room for "100%" in bold) and widened up to 72 px for a long period label.
const HEAT = { minCell: 46, maxMinCell: 72, minLabel: 120, minRow: 40, headerSize: 11 } as const;

type HeatLayout = { width: number; labelWidth: number; cellWidth: number; headerTop: number; headerHeight: number; rowTops: number[]; rowHeights: number[] };

/** Area labels on the left, one column per period; the chart grows wider rather than squeeze cells past reading. */
function heatLayout(spec: HeatChartSpec, width: number): HeatLayout {
  const n = spec.columns.length;
  const minCell = Math.min(
    HEAT.maxMinCell,
    Math.max(
      HEAT.minCell,
      widestWord(
        spec.columns.map((c) => c.label),
        HEAT.headerSize,
        true,
      ) + 8,
    ),
  );
  const room = width - 2 * PAD - GAP - n * minCell;
  const labelWidth = labelColumnWidth(
    spec.rows.map((r) => r.label),
    LABEL_SIZE,
    width * 0.28,
    Math.max(HEAT.minLabel, Math.min(width * 0.4, room)),
  );
  const fullWidth = Math.max(width, Math.ceil(2 * PAD + GAP + labelWidth + n * minCell));
  const cellWidth = (fullWidth - 2 * PAD - GAP - labelWidth) / n;
  const headerLines = Math.max(...spec.columns.map((c) => wrapText(c.label, cellWidth - 6, HEAT.headerSize, true).length));
  const headerHeight = headerLines * LINE + 12;
  const rowHeights = spec.rows.map((r) => wrapText(r.label, labelWidth, LABEL_SIZE)).map((l) => Math.max(HEAT.minRow, l.length * LINE + 10));
  const rowTops = rowHeights.map((_, i) => PAD + headerHeight + rowHeights.slice(0, i).reduce((a, b) => a + b, 0));
  return { width: fullWidth, labelWidth, cellWidth, headerTop: PAD, headerHeight, rowTops, rowHeights };
}

function renderHeat(spec: HeatChartSpec, width: number): ChartSvg {
  if (!spec.rows.length || !spec.columns.length) return noData(spec, width);
  const layout = heatLayout(spec, width);
  const columnX = (i: number) => PAD + layout.labelWidth + GAP + i * layout.cellWidth;
  const rowLabels = spec.rows.flatMap((r, i) =>
    textLines(wrapText(r.label, layout.labelWidth, LABEL_SIZE), PAD, layout.rowTops[i]! + layout.rowHeights[i]! / 2, { size: LABEL_SIZE }),
  );
  const bottom = layout.rowTops[spec.rows.length - 1]! + layout.rowHeights[spec.rows.length - 1]!;
  const legend = heatLegend(spec, bottom + 20, layout.width);
  const parts = [
    group(`${spec.id}-columns`, heatHeader(spec, layout, columnX)),
    group(`${spec.id}-rows`, rowLabels),
    group(`${spec.id}-cells`, heatCells(spec, layout, columnX)),
    heatSelection(spec, layout, columnX, bottom),
    legend.markup,
  ];
  return svgDocument(spec, layout.width, Math.ceil(bottom + 20 + legend.height + PAD), parts);
}

/** Period labels, bottom-aligned; the marked period in bold and underlined, not by colour alone. */
function heatHeader(spec: HeatChartSpec, layout: HeatLayout, columnX: (i: number) => number): string[] {
  const bottom = layout.headerTop + layout.headerHeight;
  return spec.columns.flatMap((c, i) => {
    const isSelected = i === spec.selectedColumn;
    const lines = wrapText(c.label, layout.cellWidth - 6, HEAT.headerSize, true);
    const centre = columnX(i) + layout.cellWidth / 2;
    const labels = lines.map((l, j) =>
      text(l, centre, bottom - 10 - (lines.length - 1 - j) * LINE, { size: HEAT.headerSize, anchor: "middle", bold: isSelected }),
    );
    const underline = widest(lines, HEAT.headerSize, true) / 2;
    return isSelected ? [...labels, line(centre - underline, bottom - 6, centre + underline, bottom - 6, INK, 1.5)] : labels;
  });
}

/** Every cell states its value ("–" when nothing was counted) and its note, in the palette's text colour. */
function heatCells(spec: HeatChartSpec, layout: HeatLayout, columnX: (i: number) => number): string[] {
  return spec.rows.flatMap((row, r) =>
    spec.columns.flatMap((_, c) => {
      const cell = row.cells[c] ?? { value: null, note: "" };
      const step = heatStep(cell.value);
      const colours = step === null ? HEAT_NONE : HEAT_STEPS[step]!;
      const [x, y, h] = [columnX(c), layout.rowTops[r]!, layout.rowHeights[r]!];
      const centre = x + layout.cellWidth / 2;
      const value = cell.value === null ? "–" : `${num(cell.value)}%`;
      return [
        rect(x + 1, y + 1, layout.cellWidth - 2, h - 2, `fill="${colours.fill}" stroke="${GRID}" stroke-width="1"`),
        text(value, centre, y + h / 2 - 1, { size: VALUE_SIZE, anchor: "middle", bold: true, fill: colours.text }),
        ...(cell.note ? [text(cell.note, centre, y + h / 2 + 12, { size: 10, anchor: "middle", fill: colours.text })] : []),
      ];
    }),
  );
}

function heatSelection(spec: HeatChartSpec, layout: HeatLayout, columnX: (i: number) => number, bottom: number): string {
  if (spec.selectedColumn < 0 || spec.selectedColumn >= spec.columns.length) return "";
  const x = columnX(spec.selectedColumn);
  return `<rect id="${escapeXml(spec.id)}-selected" x="${num(x)}" y="${num(layout.headerTop)}" width="${num(layout.cellWidth)}" height="${num(bottom - layout.headerTop)}" fill="none" stroke="${INK}" stroke-width="2"/>`;
}

/** The five steps and "nothing counted", then what a cell says and which column is outlined. */
function heatLegend(spec: HeatChartSpec, top: number, width: number): { markup: string; height: number } {
  const items: LegendItem[] = [
    ...HEAT_STEPS.map((s, i) => ({ label: i === HEAT_STEPS.length - 1 ? `${i * 20}–100%` : `${i * 20}–${i * 20 + 19}%`, fill: s.fill, stroke: GRID })),
    { label: "Nothing counted (–)", fill: HEAT_NONE.fill, stroke: GRID },
  ];
  const selected = spec.columns[spec.selectedColumn];
  const note = `Each cell: average progress, then updates counted / proposals.${selected ? ` Outlined: ${selected.title}.` : ""}`;
  const noteLines = wrapText(note, width - 2 * PAD, VALUE_SIZE);
  const legend = flowLegend(spec.id, items, PAD, top, width - 2 * PAD);
  const noteTop = top + legend.height + 10;
  const noteMarkup = noteLines.map((l, i) => text(l, PAD, noteTop + 10 + i * LINE, { size: VALUE_SIZE, fill: MUTED }));
  return { markup: `${legend.markup}\n${group(`${spec.id}-note`, noteMarkup)}`, height: legend.height + 10 + noteLines.length * LINE };
}
