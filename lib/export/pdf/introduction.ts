// The introduction (the period, the 74 proposals and the figures as small tables) and the highlights.
// Every number comes from the report's frozen figures, so the PDF and the report page cannot disagree.
import { reportIntroduction, type ReportFigures, type ReportHeader } from "@/lib/domain/report";
import { STYLES, heading, space, startSection, write, writeParagraphs, type PdfContext } from "./layout";
import { drawTable, spreadColumns, type Table } from "./table";

const TABLE_SIZE = 8.5;

/** The opening paragraphs, in words: the report's own sentences (lib/domain/report.ts). */
export function introductionText(header: ReportHeader): string[] {
  return reportIntroduction(header);
}

function figureTables(ctx: PdfContext, f: ReportFigures): { title: string; table: Table; rows: string[][] }[] {
  const table = (labels: string[]): Table => ({
    columns: spreadColumns(
      ctx,
      labels.map((label, i) => (i === 0 ? { label } : { label, width: 90, align: "right" as const })),
    ),
    size: TABLE_SIZE,
    layout: "portrait",
  });
  return [
    {
      title: "Implementation status",
      table: table(["Status", "Proposals", "Share"]),
      rows: f.statusCounts.map((s) => [s.label, String(s.count), `${s.share}%`]),
    },
    { title: "Assessment", table: table(["Assessment", "Updates", "Share"]), rows: f.assessments.map((a) => [a.label, String(a.count), `${a.share}%`]) },
    {
      title: "Coverage by organisation",
      table: table(["Organisation", "Followed", "Reported", "Coverage"]),
      rows: f.coverageByOrganisation.map((o) => [o.name, String(o.followed), String(o.reported), `${o.percent}%`]),
    },
  ];
}

export async function* renderIntroduction(ctx: PdfContext): AsyncGenerator<void> {
  startSection(ctx, "Introduction");
  for (const text of introductionText(ctx.header)) write(ctx, text, STYLES.body, { paragraphGap: 6 });
  for (const { title, table, rows } of figureTables(ctx, ctx.header.figures)) {
    heading(ctx, title, STYLES.h3, 50);
    drawTable(ctx, table, rows);
  }
  yield;
}

export async function* renderHighlights(ctx: PdfContext): AsyncGenerator<void> {
  startSection(ctx, "Highlights");
  const { highlights } = ctx.header;
  if (highlights.length === 0) write(ctx, "No highlights were chosen for this period.", STYLES.meta);
  for (const highlight of highlights) {
    heading(ctx, `${highlight.code} · ${highlight.title}`, STYLES.h2, 30);
    write(ctx, `Area ${highlight.areaNumber}: ${highlight.areaName}`, STYLES.meta);
    space(ctx, 3);
    writeParagraphs(ctx, highlight.narrative);
    yield;
  }
}
