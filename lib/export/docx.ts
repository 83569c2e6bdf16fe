// The progress report as a Word document, for drafters to continue in Word: real Heading styles (the
// navigation pane and the contents work), a contents field Word fills in on opening, tables they can
// edit, charts as pictures with alt text, and the annex of statuses across periods. The same report
// gives the same bytes (see docx/package.ts).
import { Document, Packer, type FileChild } from "docx";
import { REPORT_SHORT_TITLE, editionLabel, reportStamp, type ReportHeader } from "@/lib/domain/report";
import { annex, annexOrientation } from "./docx/annex";
import { appendAreas } from "./docx/areas";
import { charts } from "./docx/charts";
import { highlights, introduction } from "./docx/introduction";
import { REPORT_STYLES, section } from "./docx/layout";
import { stabilisePackage } from "./docx/package";
import { fillSlots } from "./docx/slots";
import { titlePage } from "./docx/title-page";
import { cleanText } from "./docx/text";
import { bufferStream } from "./stream";
import type { ReportRenderInput, ReportRenderer } from "./types";

export const DOCX_CREATOR = "NATO–EU Progress Tracker";

/** The moment the document is of: its publication for an edition, the reading of the live data for a draft. */
export function documentDate(header: ReportHeader): Date {
  return new Date(header.edition?.publishedAt ?? header.asOf);
}

async function mainContent(input: ReportRenderInput): Promise<FileChild[]> {
  const { header } = input.source;
  const children: FileChild[] = [...titlePage(header), ...introduction(header), ...highlights(header)];
  await appendAreas(children, header.figures.byArea, input.source.entries("area"));
  children.push(...charts(input.charts));
  return children;
}

function documentOf(header: ReportHeader, main: FileChild[], annexChildren: FileChild[]): Document {
  return new Document({
    title: cleanText(`${header.title} (${header.period.name})`),
    subject: cleanText(`${REPORT_SHORT_TITLE}: ${reportStamp(header)}`),
    creator: DOCX_CREATOR,
    lastModifiedBy: DOCX_CREATOR,
    keywords: "NATO; EU; progress report",
    description: cleanText(`${header.period.name}, ${editionLabel(header)}`),
    revision: header.edition?.number ?? 1,
    // Word asks to update the fields on opening: the contents, then the page numbers.
    features: { updateFields: true },
    styles: REPORT_STYLES,
    sections: [section(header, "portrait", main), section(header, annexOrientation(header.annexPeriods.length), annexChildren)],
  });
}

async function renderDocx(input: ReportRenderInput): Promise<Uint8Array> {
  const { header } = input.source;
  const main = await mainContent(input);
  const annexPart = await annex(header, input.source.entries("number"));
  const packed = await Packer.pack(documentOf(header, main, annexPart.children), "uint8array");
  return stabilisePackage(packed, documentDate(header), (xml) => fillSlots(xml, annexPart.slots));
}

export const renderReportDocx: ReportRenderer = (input) => bufferStream(() => renderDocx(input));
