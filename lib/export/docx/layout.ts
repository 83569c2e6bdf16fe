// The page of the Word report: A4 with 2 cm margins, a header that marks a draft (or an edition not yet
// final) on every page, and a footer with the report's stamp and "Page X of Y". Sizes are in twips
// (1/20 pt) unless they say otherwise.
import {
  AlignmentType,
  Footer,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  TabStopType,
  TextRun,
  convertMillimetersToTwip,
  type ISectionOptions,
  type IStylesOptions,
} from "docx";
import { TextWatermark } from "docx/watermarks";
import { reportStamp, type ReportHeader } from "@/lib/domain/report";
import { cleanText } from "./text";

const A4_WIDTH = convertMillimetersToTwip(210);
const A4_HEIGHT = convertMillimetersToTwip(297);
const MARGIN = convertMillimetersToTwip(20);

export type Orientation = "portrait" | "landscape";

/** Width of the text between the margins, in twips. */
export function textWidth(orientation: Orientation): number {
  return (orientation === "portrait" ? A4_WIDTH : A4_HEIGHT) - 2 * MARGIN;
}

/** Text width in CSS pixels (96 per inch, 1440 twips per inch): the unit of image sizes. */
export function textWidthPx(orientation: Orientation): number {
  return Math.floor((textWidth(orientation) * 96) / 1440);
}

/** Text height of a portrait page in CSS pixels, less room for the header, footer and a caption. */
export const TEXT_HEIGHT_PX = Math.floor(((A4_HEIGHT - 2 * MARGIN) * 96) / 1440) - 120;

/** The mark on top of every page while the report is not final; none for a final edition. */
export function pageMark(header: Pick<ReportHeader, "state" | "edition">): string | null {
  switch (header.state) {
    case "draft":
      return "DRAFT";
    case "awaiting_sign_off":
      return "AWAITING SIGN-OFF";
    case "superseded":
      return header.edition?.supersededBy ? `SUPERSEDED BY EDITION ${header.edition.supersededBy}` : "SUPERSEDED";
    case "final":
      return null;
  }
}

function pageHeader(header: ReportHeader): Header {
  const mark = pageMark(header);
  if (!mark)
    return new Header({
      children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: "NATO–EU", size: 16, color: "595959" })] })],
    });
  // The watermark is a Word "Design > Watermark" shape, so a drafter can remove it the usual way; the
  // bold text line is what every reader and converter shows.
  const watermark = header.state === "draft" ? [new TextWatermark({ text: "DRAFT", color: "D9D9D9", opacity: 0.5 })] : [];
  return new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [...watermark, new TextRun({ text: mark, bold: true, color: "C00000", size: 24 })] }),
    ],
  });
}

function pageFooter(header: ReportHeader, orientation: Orientation): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: textWidth(orientation) }],
        children: [
          new TextRun({ text: cleanText(reportStamp(header)), size: 16 }),
          new TextRun({ size: 16, children: ["\tPage ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** A section's page set-up, header and footer, around its content. */
export function section(header: ReportHeader, orientation: Orientation, children: ISectionOptions["children"]): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: A4_WIDTH, height: A4_HEIGHT, orientation: orientation === "portrait" ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
        margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10) },
      },
    },
    headers: { default: pageHeader(header) },
    footers: { default: pageFooter(header, orientation) },
    children,
  };
}

/** Paragraph style of the annex cells: 8 pt, no spacing (see annex.ts). */
export const ANNEX_CELL_STYLE = "AnnexCell";

/** Word's built-in styles, tuned: Calibri 11 pt text, headings that keep with what follows. */
export const REPORT_STYLES: IStylesOptions = {
  default: {
    document: { run: { font: "Calibri", size: 22 }, paragraph: { spacing: { after: 120 } } },
    title: { run: { font: "Calibri", size: 48, bold: true, color: "1F3864" }, paragraph: { spacing: { after: 240 } } },
    heading1: {
      run: { font: "Calibri", size: 32, bold: true, color: "1F3864" },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, outlineLevel: 0 },
    },
    heading2: {
      run: { font: "Calibri", size: 26, bold: true, color: "2F5496" },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 1 },
    },
    heading3: {
      run: { font: "Calibri", size: 23, bold: true, color: "2F5496" },
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, outlineLevel: 2 },
    },
    caption: { run: { size: 18, italics: true, color: "404040" }, paragraph: { spacing: { before: 60, after: 240 } } },
  },
  paragraphStyles: [{ id: ANNEX_CELL_STYLE, name: "Annex cell", basedOn: "Normal", run: { size: 16 }, paragraph: { spacing: { before: 0, after: 0 } } }],
};
