import "server-only";
import type { ChartImageFormat, ChartSpec } from "@/lib/domain/charts";
import { renderChartPng } from "./png";
import { renderChartSvg } from "./svg";

/** A chart as a downloadable SVG or PNG file, drawn on the server from its spec. */
export function chartImageResponse(spec: ChartSpec, format: ChartImageFormat, baseName: string): Response {
  const { svg } = renderChartSvg(spec);
  const body = format === "svg" ? svg : renderChartPng(svg);
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": format === "svg" ? "image/svg+xml; charset=utf-8" : "image/png",
      "Content-Disposition": `attachment; filename="${baseName}.${format}"`,
      "Cache-Control": "private, no-store",
      // An SVG opened on its own must not run anything, whatever its text holds.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
