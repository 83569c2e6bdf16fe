// Inks and spacing of the server-drawn charts, and the readable ink for a value printed on a data colour.
import { HEAT_NONE, HEAT_STEPS } from "@/lib/domain/palette";

export const CHART_FONT_FAMILY = "'DejaVu Sans', Arial, Helvetica, sans-serif";

// Ink of text, axes and separators: not data, so not in the palette. INK is the palette's body text.
export const INK = HEAT_STEPS[0].text;
export const MUTED = HEAT_NONE.text;
const BLACK = "#000000";
export const WHITE = "#ffffff";
export const GRID = "#dde1e7";
export const AXIS = "#6b7480";

export const PAD = 16;
export const GAP = 8;
export const LABEL_SIZE = 12;
export const LINE = 14;
export const VALUE_SIZE = 11;
export const TICK_SIZE = 11;

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
export function inkOn(fill: string): string {
  if (luminance(fill) === null) return INK;
  const best = contrastRatio(fill, WHITE) >= contrastRatio(fill, INK) ? WHITE : INK;
  return best === INK && contrastRatio(fill, INK) < 4.5 ? BLACK : best;
}
