// The report's opening: the introduction with the period's figures as small tables (the same numbers
// as the dashboard: they come from the header, never recomputed here) and the highlights.
import { HeadingLevel, Paragraph, TextRun, type FileChild } from "docx";
import { reportIntroduction, type ReportFigures, type ReportHeader } from "@/lib/domain/report";
import { dataTable, spacer, type Column } from "./tables";
import { formatCount, heading, textParagraphs, textRuns } from "./text";

const LABEL = 4200;
const NUMBER = 1700;

function overview(header: ReportHeader): Paragraph[] {
  return reportIntroduction(header).map((sentence) => new Paragraph({ children: textRuns(sentence) }));
}

function figureTables(figures: ReportFigures): FileChild[] {
  const count = (heading: string): Column => ({ heading, width: NUMBER, numeric: true });
  const share: Column = { heading: "Share", width: NUMBER, numeric: true };
  return [
    heading("Proposals by set", HeadingLevel.HEADING_3),
    dataTable(
      [{ heading: "Set", width: LABEL }, count("Proposals")],
      [...figures.bySet.map((s) => [s.label, formatCount(s.count)]), ["Total", formatCount(figures.totalProposals)]],
      { total: true },
    ),
    heading("Implementation status", HeadingLevel.HEADING_3),
    dataTable(
      [{ heading: "Status", width: LABEL }, count("Proposals"), share],
      [...figures.statusCounts.map((s) => [s.label, formatCount(s.count), `${s.share}%`]), ["Total", formatCount(figures.totalProposals), ""]],
      { total: true },
    ),
    heading("Assessment", HeadingLevel.HEADING_3),
    dataTable(
      [{ heading: "Assessment", width: LABEL }, count("Approved updates"), share],
      [...figures.assessments.map((a) => [a.label, formatCount(a.count), `${a.share}%`]), ["Total", formatCount(figures.updatedCount), ""]],
      { total: true },
    ),
    heading("Coverage", HeadingLevel.HEADING_3),
    dataTable(
      [{ heading: "Measure", width: LABEL }, count("Proposals")],
      [
        ["With an approved update", formatCount(figures.updatedCount)],
        ["Without an approved update", formatCount(figures.missingCount)],
        ["Coverage", `${figures.coveragePercent}%`],
        ["At risk or off track", formatCount(figures.atRiskCount)],
      ],
    ),
    spacer(),
  ];
}

export function introduction(header: ReportHeader): FileChild[] {
  return [
    heading("Introduction", HeadingLevel.HEADING_1, true),
    ...overview(header),
    heading("Figures", HeadingLevel.HEADING_2),
    ...figureTables(header.figures),
  ];
}

export function highlights(header: ReportHeader): FileChild[] {
  const intro = heading("Highlights", HeadingLevel.HEADING_1);
  if (header.highlights.length === 0) return [intro, new Paragraph({ children: textRuns("No approved update was marked as a highlight for this period.") })];
  return [
    intro,
    ...header.highlights.flatMap((h) => [
      new Paragraph({
        keepNext: true,
        spacing: { before: 200, after: 60 },
        children: [
          ...textRuns(`${h.code} · ${h.title}`, { bold: true }),
          new TextRun({ text: " — ", color: "595959" }),
          ...textRuns(`Area ${h.areaNumber}: ${h.areaName}`, { italics: true, color: "595959" }),
        ],
      }),
      ...textParagraphs(h.narrative),
    ]),
  ];
}
