// The title page: what the report is, which period it covers, which edition and state it is in, who
// published and signed it, and the content hash that identifies a published edition.
import { HeadingLevel, PageBreak, Paragraph, TableOfContents, TextRun, type FileChild } from "docx";
import { REPORT_STATE_LABELS, SIGNATORY_ORGANISATIONS, editionLabel, type ReportHeader } from "@/lib/domain/report";
import { formatDay, formatMoment, labelled, textRuns } from "./text";

function signOffLines(header: ReportHeader): Paragraph[] {
  if (!header.edition) return [];
  const lines = SIGNATORY_ORGANISATIONS.map((code) => {
    const signed = header.signOffs.find((s) => s.organisationCode === code);
    return labelled(`Signed off for ${code}`, signed ? `${signed.userName}, ${formatMoment(signed.signedAt)}` : "not yet signed");
  });
  const missing = header.missingSignOffs.length > 0 ? [labelled("Still to sign off", header.missingSignOffs.join(" and "))] : [];
  return [...lines, ...missing];
}

function editionLines(header: ReportHeader): Paragraph[] {
  const { edition } = header;
  if (!edition) {
    return [
      labelled("As of", formatMoment(header.asOf)),
      new Paragraph({
        children: textRuns("Built from the live data: figures and narratives may still change until an edition is published.", { italics: true }),
      }),
    ];
  }
  return [
    labelled("Published", formatMoment(edition.publishedAt)),
    labelled("Published by", edition.publishedBy),
    ...(edition.changeNote.trim() ? [labelled("Change note", edition.changeNote)] : []),
    ...(edition.supersededBy !== null ? [labelled("Superseded by", `Edition ${edition.supersededBy}`)] : []),
    ...signOffLines(header),
    new Paragraph({
      spacing: { before: 480 },
      children: [new TextRun({ text: `Content hash (SHA-256): ${edition.contentHash}`, size: 14, color: "595959" })],
    }),
  ];
}

/** The title page, then the table of contents (filled in by Word when it updates the fields on opening). */
export function titlePage(header: ReportHeader): FileChild[] {
  const { period } = header;
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400 }, children: textRuns(header.title) }),
    new Paragraph({
      spacing: { after: 480 },
      children: textRuns(`${period.name}: ${formatDay(period.startsOn)} – ${formatDay(period.cutOffOn)}`, { size: 28 }),
    }),
    labelled("Edition", editionLabel(header)),
    labelled("State", REPORT_STATE_LABELS[header.state]),
    ...editionLines(header),
    new Paragraph({ children: [new PageBreak()] }),
    // Not a Heading style: the contents must not list itself.
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: "Contents", bold: true, size: 32, color: "1F3864" })] }),
    new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "1-3" }),
  ];
}
