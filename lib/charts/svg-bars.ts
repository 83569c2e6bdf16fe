// Stacked bars (categories down the side) and stacked columns (categories along the bottom) of a BarChartSpec.
import { scaleBand, scaleLinear, type ScaleLinear } from "d3-scale";
import type { BarChartSpec } from "@/lib/domain/charts";
import { baselineShift, flowLegend, group, line, noData, num, rect, svgDocument, text, textLines, type ChartSvg } from "./svg-markup";
import { AXIS, GAP, GRID, LABEL_SIZE, LINE, MUTED, PAD, TICK_SIZE, VALUE_SIZE, WHITE, inkOn } from "./svg-style";
import { escapeXml, labelColumnWidth, textWidth, widest, widestWord, wrapText } from "./svg-text";

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
export function renderBars(spec: BarChartSpec, width: number): ChartSvg {
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
export function renderColumns(spec: BarChartSpec, requestedWidth: number): ChartSvg {
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
