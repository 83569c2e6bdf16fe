// A chart spec drawn once for every file format: the SVG (vector: page, PDF) and its PNG (Word).
import type { ChartSpec } from "@/lib/domain/charts";
import type { ChartImage } from "@/lib/export/types";
import { renderChartPng } from "./png";
import { renderChartSvg } from "./svg";

export function renderChartImage(spec: ChartSpec): ChartImage {
  const { svg, width, height } = renderChartSvg(spec);
  return { id: spec.id, title: spec.title, summary: spec.summary, svg, width, height, png: renderChartPng(svg, { scale: 2 }) };
}

export function renderChartImages(specs: ChartSpec[]): ChartImage[] {
  return specs.map(renderChartImage);
}
