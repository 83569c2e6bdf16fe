// Progress area by area: one Heading 1 per area with its status counts, then each proposal of the area
// (Heading 2 "P07 · Title") with its approved update of the period. Entries stream past in area order
// and become paragraphs at once: no list of entries is kept.
import { HeadingLevel, Paragraph, TextRun, type FileChild } from "docx";
import { STATUS_KEYS, statusKeyLabel, type AreaRow } from "@/lib/domain/dashboard";
import type { ReportEntry, ReportUpdate } from "@/lib/domain/report";
import { ASSESSMENT_LABELS, STATUS_LABELS } from "@/lib/domain/vocabulary";
import { textWidth } from "./layout";
import { dataTable, spacer, type Column } from "./tables";
import { formatCount, heading, link, textParagraphs, textRuns } from "./text";

const NO_UPDATE_TEXT = "No approved update for this period.";

function areaStatusTable(row: AreaRow): FileChild[] {
  const keys = [...STATUS_KEYS, "TOTAL"] as const;
  const width = Math.floor(textWidth("portrait") / keys.length);
  const columns: Column[] = keys.map((key) => ({ heading: key === "TOTAL" ? "Total" : statusKeyLabel(key), width, numeric: true }));
  const counts = keys.map((key) => formatCount(key === "TOTAL" ? row.total : row.counts[key]));
  return [dataTable(columns, [counts], { size: 18 }), spacer()];
}

function areaOpening(entry: ReportEntry, row: AreaRow | undefined): FileChild[] {
  const title = heading(`Area ${entry.areaNumber}: ${entry.areaName}`, HeadingLevel.HEADING_1, true);
  if (!row) return [title];
  const count = new Paragraph({ children: textRuns(`${formatCount(row.total)} ${row.total === 1 ? "proposal" : "proposals"} in this area.`) });
  return [title, count, ...areaStatusTable(row)];
}

function facts(update: ReportUpdate): Paragraph {
  const fact = (label: string, value: string, last = false) => [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value + (last ? "" : "   "))];
  return new Paragraph({
    children: [
      ...fact("Status", STATUS_LABELS[update.status]),
      ...fact("Assessment", ASSESSMENT_LABELS[update.assessment]),
      ...fact("Progress", `${update.progress}%`, true),
    ],
  });
}

function updateBody(update: ReportUpdate): Paragraph[] {
  const label = (text: string) => new Paragraph({ keepNext: true, spacing: { after: 40 }, children: [new TextRun({ text, bold: true })] });
  const nextSteps = update.nextSteps.trim() ? [label("Next steps"), ...textParagraphs(update.nextSteps)] : [];
  const evidence = update.evidenceLinks.length
    ? [
        label("Evidence"),
        ...update.evidenceLinks.map((l) => new Paragraph({ indent: { left: 360 }, spacing: { after: 40 }, children: [link(l.label, l.url)] })),
      ]
    : [];
  return [facts(update), ...textParagraphs(update.narrative), ...nextSteps, ...evidence];
}

function proposal(entry: ReportEntry): Paragraph[] {
  const title = heading(`${entry.code} · ${entry.title}`, HeadingLevel.HEADING_2);
  if (!entry.update) return [title, new Paragraph({ children: textRuns(NO_UPDATE_TEXT, { italics: true }) })];
  return [title, ...updateBody(entry.update)];
}

/** Appends the sections of every area, reading the entries (in area order) as they come. */
export async function appendAreas(children: FileChild[], byArea: readonly AreaRow[], entries: AsyncIterable<ReportEntry>): Promise<void> {
  const rows = new Map(byArea.map((row) => [row.number, row]));
  let area: number | null = null;
  for await (const entry of entries) {
    if (entry.areaNumber !== area) {
      area = entry.areaNumber;
      children.push(...areaOpening(entry, rows.get(area)));
    }
    children.push(...proposal(entry));
  }
}
