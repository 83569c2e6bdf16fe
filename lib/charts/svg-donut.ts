// The donut of a DonutChartSpec: the ring, each slice's count, the total in the centre and a legend.
import { arc, pie, type PieArcDatum } from "d3-shape";
import type { DonutChartSpec } from "@/lib/domain/charts";
import { baselineShift, group, noData, num, rect, svgDocument, text, type ChartSvg } from "./svg-markup";
import { LABEL_SIZE, LINE, MUTED, PAD, WHITE, inkOn } from "./svg-style";
import { escapeXml, textWidth, widest, wrapText } from "./svg-text";

type Slice = DonutChartSpec["slices"][number];

const DONUT = { height: 320, outer: 124, inner: 74 } as const;

export function renderDonut(spec: DonutChartSpec, width: number): ChartSvg {
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
