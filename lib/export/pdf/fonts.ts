// The embedded fonts. DejaVu Sans covers Latin with accents, Greek and Cyrillic, so any narrative is drawn,
// selectable and searchable; the standard-14 PDF fonts only know WinAnsi and are never used for content.
import { readFileSync } from "node:fs";
import path from "node:path";

export type FontName = "Regular" | "Bold";

const FILES: Record<FontName, string> = { Regular: "DejaVuSans.ttf", Bold: "DejaVuSans-Bold.ttf" };

/**
 * The names the fonts are registered under: their own PostScript names. The document starts in the
 * regular font (given as data, see initialFont), which pdfkit files under that name; registered under
 * the same name, switching back to it finds that font instead of opening it again.
 */
const KEYS: Record<FontName, string> = { Regular: "DejaVuSans", Bold: "DejaVuSans-Bold" };

/** A font as fontkit parsed it: pdfkit accepts one in place of the file's bytes. */
type ParsedFont = { layout(text: string): unknown };

// Parsed once per process and shared by every document: fontkit decodes a font's tables (the large
// kerning and substitution tables included) lazily and keeps them, so the second report does not pay
// for that again. Documents only read the parsed font; each builds its own subset of the glyphs it uses.
let parsed: Record<FontName, ParsedFont> | null = null;

function fontFile(name: FontName): Buffer {
  // process.cwd() is the app root under `next start` and Vitest; a standalone build must trace this folder.
  return readFileSync(path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", FILES[name]));
}

/** What pdfkit takes as a font: the parsed font once there is one, else the file's bytes. */
function fontSource(name: FontName): Buffer {
  return (parsed?.[name] ?? fontFile(name)) as Buffer;
}

/** The name to select a font by (doc.font, svg-to-pdfkit's fontCallback). */
export function fontKey(name: FontName): string {
  return KEYS[name];
}

/**
 * The document's initial font. Given to the constructor so that pdfkit never loads its default
 * Helvetica: no standard font in the file, and none of pdfkit's font-metric files to find at run time.
 */
export function initialFont(): string {
  return fontSource("Regular") as unknown as string;
}

/**
 * Registers both fonts in `doc` and selects each once, in the same order whatever the cache holds, so
 * that the fonts' ids (and the subset names made from them) and so the bytes are the same every time.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  const fonts = {} as Record<FontName, ParsedFont>;
  for (const name of ["Bold", "Regular"] as const) {
    doc.registerFont(KEYS[name], fontSource(name));
    fonts[name] = (doc.font(KEYS[name]) as unknown as { _font: { font: ParsedFont } })._font.font;
  }
  parsed ??= fonts;
}

type CachingFont = { layoutCache?: Record<string, unknown> };

/**
 * Empties pdfkit's per-document cache of laid-out words. pdfkit keeps the layout of every distinct word
 * it has set for the whole document (about 1 KB each), so a report of thousands of proposals, each with
 * its own numbers, dates and links, would grow by tens of MB. Emptied now and then, memory stays flat;
 * common words are laid out again once, and the output is the same.
 */
export function forgetWordLayouts(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies: Record<string, CachingFont> })._fontFamilies;
  for (const font of Object.values(families)) if (font.layoutCache) font.layoutCache = Object.create(null);
}
