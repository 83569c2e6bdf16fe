// "Page X of Y" without holding pages in memory. Pages are written out as soon as the next one starts
// (no bufferPages), so the total is unknown while a page is drawn. Each page therefore draws a small form
// XObject where its number goes, and the forms' content ("Page 3 of 42") is written at the end, once the
// total is known: PDF objects may come in any order, and a reader draws a form wherever a page refers to
// it. This is the template technique of iText's "page X of Y". Each form holds the whole phrase, not just
// the total: pdf.js does not put a space at a form's edge ("Page 3 of42"), so the phrase stays one piece.

/** What we need of pdfkit's embedded font: the same internals svg-to-pdfkit relies on to set text. */
export type EmbeddedFont = {
  id: string;
  ascender: number;
  ref(): PDFKit.PDFKitReference;
  encode(text: string): [string[], unknown[]];
  widthOfString(text: string, size: number): number;
};

const NAME = "PageNumber";

export type PageNumbers = {
  /** Reserves the current page's "Page X of Y", right-aligned to `right`, baseline at `baseline` (pdfkit's top-down coordinates). */
  draw(doc: PDFKit.PDFDocument, pageNumber: number, right: number, baseline: number): void;
  /** Writes every page's phrase; call once, after the last page and before doc.end(). */
  finish(total: number): void;
};

/** The font currently selected in `doc` (pdfkit keeps it in a private field). */
export function currentFont(doc: PDFKit.PDFDocument): EmbeddedFont {
  return (doc as unknown as { _font: EmbeddedFont })._font;
}

export function pageNumberText(pageNumber: number, total: number): string {
  return `Page ${pageNumber} of ${total}`;
}

/** Page numbers set in `font` at `size` points (the footer's). */
export function createPageNumbers(doc: PDFKit.PDFDocument, font: EmbeddedFont, size: number): PageNumbers {
  // One small open object per page until the end: a few hundred bytes each, like pdfkit's own page list.
  const pending: { form: PDFKit.PDFKitReference; pageNumber: number }[] = [];
  return {
    draw(page, pageNumber, right, baseline) {
      const form = doc.ref({
        Type: "XObject",
        Subtype: "Form",
        FormType: 1,
        BBox: [-size * 12, -size, 0, size * 1.5],
        Resources: { Font: { [font.id]: font.ref() } },
      });
      pending.push({ form, pageNumber });
      page.page.xobjects[NAME] = form;
      // pdfkit's user space is flipped (y down); flip back so the form's text stands upright.
      page.addContent(`q 1 0 0 -1 ${right.toFixed(2)} ${baseline.toFixed(2)} cm /${NAME} Do Q`);
    },
    finish(total) {
      for (const { form, pageNumber } of pending) {
        const text = pageNumberText(pageNumber, total);
        // Encoding through the font also adds the glyphs to its subset before the font is embedded.
        const [glyphs] = font.encode(text);
        const x = -font.widthOfString(text, size);
        form.end(`BT /${font.id} ${size} Tf ${x.toFixed(2)} 0 Td <${glyphs.join("")}> Tj ET`);
      }
      pending.length = 0;
    },
  };
}
