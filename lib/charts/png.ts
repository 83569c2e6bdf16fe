// PNG of a chart's SVG (for Word, which wants a bitmap next to the SVG), drawn by resvg with DejaVu Sans
// only: no system fonts, so the picture is the same on every machine and text never silently vanishes.
import { existsSync } from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";

export type ChartPngOptions = { scale?: number };

const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

let fontFiles: string[] | null = null;

/** Absolute paths of the regular and bold DejaVu Sans, looked up once per process. */
export function chartFontFiles(): string[] {
  fontFiles ??= FONT_FILES.map((file) => path.join(fontDirectory(), file));
  return fontFiles;
}

// From the app's root (npm start, the tests and the benchmark all run there). No module resolution of the
// .ttf: the Next.js bundler would try to bundle it.
function fontDirectory(): string {
  const directory = path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf");
  if (!existsSync(path.join(directory, FONT_FILES[0]!))) throw new Error(`DejaVu Sans not found under ${directory} (is dejavu-fonts-ttf installed?)`);
  return directory;
}

/** The PNG bytes of `svg` at `scale` times its size (default 2: sharp when printed or zoomed in Word). */
export function renderChartPng(svg: string, options: ChartPngOptions = {}): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: options.scale ?? 2 },
    font: { loadSystemFonts: false, fontFiles: chartFontFiles(), defaultFontFamily: "DejaVu Sans" },
    background: "white",
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
