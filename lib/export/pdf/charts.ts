// The charts, drawn as vector graphics from their SVG (svg-to-pdfkit), scaled to the text width, each with
// its title as a caption and its text summary under it. Chart text uses the embedded font, so it reads and
// searches like the rest of the report.
import SVGtoPDF from "svg-to-pdfkit";
import type { ChartImage } from "../types";
import { fontKey } from "./fonts";
import { STYLES, contentWidth, ensureSpace, heightOf, space, startSection, applyStyle, write, type PdfContext } from "./layout";

const SVG_OPTIONS: SVGtoPDF.Options = {
  fontCallback: (_family, bold) => fontKey(bold ? "Bold" : "Regular"),
  // Only inline images: an href to a file or URL must never be read from the server's disk or network.
  imageCallback: (link) => (/^data:image\/(png|jpeg);base64,/.test(link) ? link : ""),
  warningCallback: () => {},
};

/** The drawing's size in points: the text width, or smaller so that caption, drawing and summary share a page. */
export function chartSize(ctx: PdfContext, chart: ChartImage, reserved: number): { width: number; height: number } {
  const { doc } = ctx;
  const width = contentWidth(doc);
  const height = chart.width > 0 ? (width * chart.height) / chart.width : width / 2;
  const room = doc.page.maxY() - doc.page.margins.top - reserved;
  return height <= room ? { width, height } : { width: (width * room) / height, height: room };
}

function drawChart(ctx: PdfContext, chart: ChartImage, number: number): void {
  const { doc } = ctx;
  const caption = `Figure ${number}: ${chart.title}`;
  const reserved = heightOf(ctx, caption, STYLES.h2) + heightOf(ctx, chart.summary, STYLES.meta) + 24;
  const { width, height } = chartSize(ctx, chart, reserved);
  space(ctx, 14);
  ensureSpace(ctx, reserved + height);
  write(ctx, caption, STYLES.h2);
  space(ctx, 6);
  const top = doc.y;
  const left = doc.page.margins.left + (contentWidth(doc) - width) / 2;
  SVGtoPDF(doc, chart.svg, left, top, { ...SVG_OPTIONS, width, height, preserveAspectRatio: "xMidYMid meet" });
  // svg-to-pdfkit leaves its last font and colour selected.
  applyStyle(ctx, ctx.style);
  doc.y = top + height + 6;
  write(ctx, chart.summary, STYLES.meta);
}

export async function* renderCharts(ctx: PdfContext, charts: readonly ChartImage[]): AsyncGenerator<void> {
  if (charts.length === 0) return;
  startSection(ctx, "Charts");
  for (const [i, chart] of charts.entries()) {
    drawChart(ctx, chart, i + 1);
    yield;
  }
}
