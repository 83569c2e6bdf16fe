// The chart specs of lib/domain/charts.ts drawn on the server as standalone SVG 1.1 text, for downloads,
// Word, PDF and the report page (Recharts only draws in the browser). Pure string building, no DOM:
// d3-scale and d3-shape place things, everything is written with inline attributes so that browsers,
// LibreOffice, Word and resvg all draw the same picture. Text is never measured, only estimated from
// DejaVu Sans' advance widths, so every layout leaves some slack. Same spec in, same string out.
import type { ChartSpec } from "@/lib/domain/charts";
import { renderBars, renderColumns } from "./svg-bars";
import { renderDonut } from "./svg-donut";
import { renderHeat } from "./svg-heat";
import type { ChartSvg } from "./svg-markup";

// The entry that pages, routes and exports import: the drawing lives in svg-markup.ts (document and
// primitives), svg-style.ts (inks, spacing), svg-text.ts (escaping, width estimates, wrapping) and one
// file per kind of chart.
export type { ChartSvg } from "./svg-markup";
export { CHART_FONT_FAMILY } from "./svg-style";

/** width in CSS pixels; at least MIN_CHART_WIDTH (a heat map with many periods may come out wider). */
export type ChartSvgOptions = { width?: number };

export const DEFAULT_CHART_WIDTH = 720;
export const MIN_CHART_WIDTH = 320;

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
