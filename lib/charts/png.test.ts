import { existsSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { chartSpecs, type ChartSpec } from "@/lib/domain/charts";
import { fixtureReport } from "@/tests/support/report-fixture";
import { chartFontFiles, renderChartPng } from "./png";
import { renderChartImage, renderChartImages } from "./render";
import { renderChartSvg } from "./svg";

const header = fixtureReport().header;
const SPECS = chartSpecs(header.figures, header.period.id);
const FIXTURE: [string, ChartSpec][] = SPECS.map((spec) => [spec.id, spec]);

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// ---------------------------------------------------------------------------------------------------
// A small PNG decoder (8-bit RGB/RGBA, not interlaced: what resvg writes), to look at the pixels of the
// bytes renderChartPng really returns.

type Pixels = { width: number; height: number; rgba: Uint8Array };

function decodePng(png: Uint8Array): Pixels {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const [width, height, depth, colourType] = [view.getUint32(16), view.getUint32(20), png[24], png[25]];
  if (depth !== 8 || (colourType !== 6 && colourType !== 2)) throw new Error(`Unexpected PNG format ${depth}/${colourType}`);
  const channels = colourType === 6 ? 4 : 3;
  const chunks: Uint8Array[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === "IDAT") chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let previous: Uint8Array = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const line = unfilter(raw[y * (stride + 1)]!, raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), previous, channels);
    for (let x = 0; x < width; x++)
      out.set([line[x * channels]!, line[x * channels + 1]!, line[x * channels + 2]!, channels === 4 ? line[x * channels + 3]! : 255], (y * width + x) * 4);
    previous = line;
  }
  return { width, height, rgba: out };
}

function unfilter(filter: number, line: Uint8Array, above: Uint8Array, bpp: number): Uint8Array {
  const out = new Uint8Array(line.length);
  for (let i = 0; i < line.length; i++) {
    const [a, b, c] = [i >= bpp ? out[i - bpp]! : 0, above[i]!, i >= bpp ? above[i - bpp]! : 0];
    const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
    if (predictor === undefined) throw new Error(`Unknown PNG filter ${filter}`);
    out[i] = (line[i]! + predictor) & 0xff;
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** How many pixels have each colour, as "#rrggbb" (the background is white, so alpha is always opaque). */
function colourCounts(pixels: Pixels): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < pixels.rgba.length; i += 4) {
    const hex = "#" + [0, 1, 2].map((k) => pixels.rgba[i + k]!.toString(16).padStart(2, "0")).join("");
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return counts;
}

function darkPixels(pixels: Pixels): number {
  let dark = 0;
  for (let i = 0; i < pixels.rgba.length; i += 4) if (pixels.rgba[i]! + pixels.rgba[i + 1]! + pixels.rgba[i + 2]! < 300) dark++;
  return dark;
}

function textSvg(content: string, bold = false): string {
  const weight = bold ? ` font-weight="bold"` : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" viewBox="0 0 200 40"><text x="10" y="28" font-family="'DejaVu Sans', Arial" font-size="20"${weight} fill="#1a2330">${content}</text></svg>`;
}

// ---------------------------------------------------------------------------------------------------

// Rasterising is CPU-bound: allow for a busy machine (the build runs beside the tests).
describe("renderChartPng", { timeout: 30_000 }, () => {
  test.each([1, 2, 3])("at scale %d: a PNG of width × scale by height × scale pixels", (scale) => {
    const { svg, width, height } = renderChartSvg(SPECS[0]!);
    const png = renderChartPng(svg, { scale });
    expect([...png.subarray(0, 8)]).toEqual(SIGNATURE);
    const pixels = decodePng(png);
    expect([pixels.width, pixels.height]).toEqual([width * scale, height * scale]);
  });

  test("scale 2 by default", () => {
    const { svg, width } = renderChartSvg(SPECS[1]!);
    expect(decodePng(renderChartPng(svg)).width).toBe(width * 2);
  });

  test.each(FIXTURE)("%s: not blank, on white, and painted in every colour of its data", (_, spec) => {
    const counts = colourCounts(decodePng(renderChartPng(renderChartSvg(spec).svg)));
    expect(counts.size).toBeGreaterThan(10);
    const [mostUsed] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    expect(mostUsed![0]).toBe("#ffffff");
    const dataColours =
      spec.kind === "bars"
        ? spec.series.filter((_, s) => spec.values.some((row) => row[s]! > 0)).map((s) => s.colour)
        : spec.kind === "donut"
          ? spec.slices.filter((s) => s.value > 0).map((s) => s.colour)
          : [];
    for (const colour of dataColours) expect(counts.get(colour) ?? 0, colour).toBeGreaterThan(400);
  });

  test("draws text with DejaVu Sans (fonts loaded: text leaves ink), regular and bold", () => {
    const blank = darkPixels(decodePng(renderChartPng(textSvg(""))));
    const regular = darkPixels(decodePng(renderChartPng(textSvg("Progress 68%"))));
    const bold = darkPixels(decodePng(renderChartPng(textSvg("Progress 68%", true))));
    expect(blank).toBe(0);
    expect(regular).toBeGreaterThan(300);
    // Without DejaVuSans-Bold.ttf resvg falls back to the regular face: the same ink.
    expect(bold).toBeGreaterThan(regular * 1.2);
  });

  test("a chart's labels are drawn: its PNG changes when its text is taken out", () => {
    const { svg } = renderChartSvg(SPECS[0]!);
    const withoutText = svg.replace(/<text [^>]*>[^<]*<\/text>/g, "");
    const ink = (markup: string) => darkPixels(decodePng(renderChartPng(markup)));
    expect(ink(svg) - ink(withoutText)).toBeGreaterThan(2000);
  });

  test("the font files exist, are DejaVu Sans regular and bold, and are looked up once", () => {
    const files = chartFontFiles();
    expect(files.map((f) => f.split(/[\\/]/).pop())).toEqual(["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]);
    expect(files.every((f) => existsSync(f))).toBe(true);
    expect(chartFontFiles()).toBe(files);
  });

  test("malformed SVG is refused, not drawn as an empty picture", () => {
    expect(() => renderChartPng("<svg xmlns='http://www.w3.org/2000/svg'><g></svg>")).toThrow();
  });
});

describe("renderChartImage(s)", () => {
  test("a chart image carries the spec's id, title and summary, its SVG and a PNG at twice its size", () => {
    const spec = SPECS[2]!;
    const image = renderChartImage(spec);
    expect(image).toMatchObject({ id: spec.id, title: spec.title, summary: spec.summary });
    expect(image.svg).toBe(renderChartSvg(spec).svg);
    const pixels = decodePng(image.png);
    expect([pixels.width, pixels.height]).toEqual([image.width * 2, image.height * 2]);
  });

  test("one image per spec, in the specs' order", () => {
    expect(renderChartImages(SPECS).map((i) => i.id)).toEqual(["status-by-area", "trend", "assessment", "progress-heat-map"]);
    expect(renderChartImages([])).toEqual([]);
  });
});
