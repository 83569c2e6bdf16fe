// One report PDF from start to end: the pdfkit document with its metadata and fonts, the marks every
// page carries (footer stamp, "Page X of Y", DRAFT), and the bytes pdfkit has produced so far.
import PDFDocument from "pdfkit";
import { reportStamp, type ReportHeader } from "@/lib/domain/report";
import { initialFont, registerFonts } from "./fonts";
import { MARGINS, MUTED, STYLES, fitText, applyStyle, type PdfContext, type Style } from "./layout";
import { createPageNumbers, currentFont, type PageNumbers } from "./page-numbers";
import { cleanText, formatMoment } from "./text";

export const PDF_AUTHOR = "NATO–EU Progress Tracker";

const FOOTER: Style = { font: "Regular", size: 8, color: MUTED, lineGap: 0 };
const DRAFT_MARK: Style = { font: "Bold", size: 120, color: "#e4e4e4", lineGap: 0 };
const DRAFT_LINE: Style = { font: "Bold", size: 8, color: "#a01818", lineGap: 0 };

export type ReportPdf = PdfContext & { pageNumbers: PageNumbers };

/** The moment the content is as of: the edition's publication, or the draft's reading. */
function contentDate(header: ReportHeader): Date {
  return new Date(header.edition?.publishedAt ?? header.asOf);
}

export function openReportPdf(header: ReportHeader): ReportPdf {
  const date = contentDate(header);
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    autoFirstPage: false,
    // Pages are written out as soon as the next one starts: memory stays flat however long the report.
    bufferPages: false,
    pdfVersion: "1.7",
    lang: "en",
    displayTitle: true,
    font: initialFont(),
    // pdfkit derives the file's /ID from these fields, so fixed dates make the output byte-identical.
    info: {
      Title: cleanText(header.title),
      Author: PDF_AUTHOR,
      Creator: PDF_AUTHOR,
      Subject: cleanText(reportStamp(header)),
      CreationDate: date,
      ModDate: date,
    },
  });
  registerFonts(doc);
  const report: ReportPdf = { doc, header, style: STYLES.body, pageNumber: 0, pageNumbers: createPageNumbers(doc, currentFont(doc), FOOTER.size) };
  doc.on("pageAdded", () => decoratePage(report));
  return report;
}

/** Runs as each page starts (before its content, so the marks sit underneath it). */
function decoratePage(report: ReportPdf): void {
  const { doc } = report;
  report.pageNumber++;
  const { x, y } = doc;
  const style = report.style;
  const bottom = doc.page.margins.bottom;
  // Text in the bottom margin would otherwise itself trigger a page break.
  doc.page.margins.bottom = 0;
  if (!report.header.edition) drawDraftMarks(report);
  drawFooter(report, doc.page.height - bottom + 22);
  doc.page.margins.bottom = bottom;
  // An automatic page break happens mid-paragraph: give the paragraph back its style and position.
  applyStyle(report, style);
  doc.x = x;
  doc.y = y;
}

/** The stamp and the page number, on a rule in the bottom margin; `top` is where the text starts. */
function drawFooter(report: ReportPdf, top: number): void {
  const { doc } = report;
  const { left, right } = doc.page.margins;
  const end = doc.page.width - right;
  applyStyle(report, FOOTER);
  doc
    .moveTo(left, top - 6)
    .lineTo(end, top - 6)
    .lineWidth(0.5)
    .strokeColor("#c8c8c8")
    .stroke();
  // Leave room for the page number: "Page 9999 of 9999" is about 75 pt at 8 pt.
  doc.text(fitText(doc, reportStamp(report.header), end - left - 90), left, top, { lineBreak: false });
  report.pageNumbers.draw(doc, report.pageNumber, end, top + (currentFont(doc).ascender / 1000) * FOOTER.size);
}

/** A large light diagonal DRAFT behind the content, and a line saying what a draft is. */
function drawDraftMarks(report: ReportPdf): void {
  const { doc } = report;
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-Math.atan2(height, width) * (180 / Math.PI), { origin: [width / 2, height / 2] });
  applyStyle(report, DRAFT_MARK);
  const markWidth = doc.widthOfString("DRAFT");
  doc.text("DRAFT", width / 2 - markWidth / 2, height / 2 - DRAFT_MARK.size * 0.6, { lineBreak: false });
  doc.restore();
  applyStyle(report, DRAFT_LINE);
  const line = `DRAFT · live data as of ${formatMoment(report.header.asOf)} · not an agreed text`;
  doc.text(line, doc.page.margins.left, doc.page.margins.top - 24, { lineBreak: false });
}

/** Bytes pdfkit has written since the last call (it pushes each finished object into its Readable buffer). */
export function takeBytes(doc: PDFKit.PDFDocument): Uint8Array | null {
  const chunk: Buffer | null = doc.read();
  return chunk && chunk.length > 0 ? chunk : null;
}

/** Writes the page numbers, the fonts, outline and cross-reference table, and returns the last bytes. */
export function closeReportPdf(report: ReportPdf): Uint8Array {
  report.pageNumbers.finish(report.pageNumber);
  report.doc.end();
  const tail = takeBytes(report.doc) ?? new Uint8Array();
  // pdfkit finishes only once every object it handed out was ended: fail loudly rather than truncate.
  if (!Buffer.from(tail.subarray(-7)).toString("latin1").includes("%%EOF")) throw new Error("The PDF did not finish: an object was left open.");
  return tail;
}
