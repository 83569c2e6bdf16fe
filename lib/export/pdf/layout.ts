// The typesetting rules shared by every part of the report: page geometry (A4, 2 cm margins), the styles,
// and small text primitives that always set text inside the margins, in a known style, cleaned.
import type { ReportHeader } from "@/lib/domain/report";
import { fontKey, type FontName } from "./fonts";
import { cleanText, paragraphsOf } from "./text";

/** 2 cm in points (1 pt = 1/72 in). */
export const MARGIN = 56.69;
export const MARGINS = { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN };

export type Style = { font: FontName; size: number; color: string; lineGap: number };

export const INK = "#1a1a1a";
export const NAVY = "#0b2a4a";
export const MUTED = "#555555";
export const LINK = "#1a4f9c";

export const STYLES = {
  body: { font: "Regular", size: 10, color: INK, lineGap: 2 },
  bodyBold: { font: "Bold", size: 10, color: INK, lineGap: 2 },
  meta: { font: "Regular", size: 8.5, color: MUTED, lineGap: 1 },
  link: { font: "Regular", size: 9, color: LINK, lineGap: 1 },
  h1: { font: "Bold", size: 16, color: NAVY, lineGap: 2 },
  h2: { font: "Bold", size: 11, color: NAVY, lineGap: 1 },
  h3: { font: "Bold", size: 10, color: NAVY, lineGap: 1 },
} satisfies Record<string, Style>;

export type PageLayout = "portrait" | "landscape";

export type PdfContext = {
  doc: PDFKit.PDFDocument;
  header: ReportHeader;
  /** The style text is being set in: restored after the page decorations of an automatic page break. */
  style: Style;
  /** Pages started so far (1-based number of the current page). */
  pageNumber: number;
};

export function applyStyle(ctx: PdfContext, style: Style): void {
  ctx.style = style;
  ctx.doc.font(fontKey(style.font), style.size).fillColor(style.color);
}

export function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function isAtPageTop(doc: PDFKit.PDFDocument): boolean {
  return doc.y <= doc.page.margins.top + 0.5;
}

export function newPage(ctx: PdfContext, layout: PageLayout = "portrait"): void {
  ctx.doc.addPage({ size: "A4", layout, margins: MARGINS });
}

/** Starts a new page (same orientation) unless `height` points still fit above the bottom margin. */
export function ensureSpace(ctx: PdfContext, height: number): void {
  const { doc } = ctx;
  if (doc.y + height > doc.page.maxY() && !isAtPageTop(doc)) newPage(ctx, doc.page.layout as PageLayout);
}

/** Vertical space between blocks; none at the top of a page, where it would only push content down. */
export function space(ctx: PdfContext, points: number): void {
  if (!isAtPageTop(ctx.doc)) ctx.doc.y += points;
}

/** Sets a block of text across the text width (wrapping, and breaking pages as needed). */
export function write(ctx: PdfContext, text: string, style: Style, options: PDFKit.Mixins.TextOptions = {}): void {
  applyStyle(ctx, style);
  const { doc } = ctx;
  doc.text(cleanText(text), doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: style.lineGap, ...options });
}

/**
 * "Label: text" with the label in bold and the text running on after it. Drawn as a bold label and an
 * indented first line rather than with pdfkit's `continued` text, whose options would also apply to the
 * page marks drawn when the text breaks onto a new page.
 */
export function writeLabelled(ctx: PdfContext, label: string, text: string, style: Style = STYLES.body): void {
  const { doc } = ctx;
  applyStyle(ctx, style);
  ensureSpace(ctx, 2 * (doc.currentLineHeight(true) + style.lineGap));
  applyStyle(ctx, { ...style, font: "Bold" });
  const indent = doc.widthOfString(`${label} `);
  const top = doc.y;
  doc.text(label, doc.page.margins.left, top, { lineBreak: false });
  write(ctx, text.trim(), style, { indent });
  // pdfkit moves on from the label's line only after the text; nothing to undo when the text is empty.
  if (doc.y === top) doc.y = top + doc.currentLineHeight(true) + style.lineGap;
}

/** A narrative: its paragraphs (blank-line separated) with space between, its single line breaks kept. */
export function writeParagraphs(ctx: PdfContext, text: string, style: Style = STYLES.body): void {
  // pdfkit's paragraphGap would also open up single line breaks: space only between paragraphs.
  for (const paragraph of paragraphsOf(text)) {
    write(ctx, paragraph, style);
    ctx.doc.y += 5;
  }
}

/** Height of `text` set across the text width in `style` (used to keep headings with what follows). */
export function heightOf(ctx: PdfContext, text: string, style: Style): number {
  applyStyle(ctx, style);
  return ctx.doc.heightOfString(cleanText(text), { width: contentWidth(ctx.doc), lineGap: style.lineGap });
}

/**
 * Height of `text` in `style` from its width alone, a little generous: good enough to keep a heading
 * with what follows, and much cheaper than laying the text out twice (once per proposal adds up).
 */
function estimateHeight(ctx: PdfContext, text: string, style: Style): number {
  applyStyle(ctx, style);
  const lines = Math.max(1, Math.ceil(ctx.doc.widthOfString(cleanText(text)) / (contentWidth(ctx.doc) * 0.9)));
  return lines * (ctx.doc.currentLineHeight(true) + style.lineGap);
}

/** A heading kept on the same page as at least `keep` points of what follows it. */
export function heading(ctx: PdfContext, text: string, style: Style, keep = 40): void {
  space(ctx, style.size * 0.9);
  ensureSpace(ctx, estimateHeight(ctx, text, style) + keep);
  write(ctx, text, style);
  ctx.doc.y += style.size * 0.35;
}

/** A top-level section: a new page, a bookmark in the reader's sidebar, and the heading. */
export function startSection(ctx: PdfContext, title: string, layout: PageLayout = "portrait"): void {
  newPage(ctx, layout);
  // pdfkit's default destination fits the whole page in the window (its XYZ variant measures `left`
  // from the right edge, so it would scroll sideways): sections start on a new page for that reason too.
  ctx.doc.outline.addItem(cleanText(title));
  heading(ctx, title, STYLES.h1);
}

/** `text` cut to fit `width` at the current font, with an ellipsis when it had to be cut. */
export function fitText(doc: PDFKit.PDFDocument, text: string, width: number): string {
  const clean = cleanText(text).replace(/\s+/g, " ");
  if (doc.widthOfString(clean) <= width) return clean;
  // Cut between code points, never inside a surrogate pair.
  const chars = Array.from(clean);
  const cut = (n: number) => `${chars.slice(0, n).join("").trimEnd()}…`;
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(cut(mid)) <= width) low = mid;
    else high = mid - 1;
  }
  return low > 0 ? cut(low) : "";
}
