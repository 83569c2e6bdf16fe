// The annex: the approved status of every proposal in every period of the report, one row per proposal
// (in number order) and one column per period. More than PERIODS_PER_TABLE periods do not fit across a
// landscape page, so the periods are split over several tables, each repeating the code and title.
// The tables are written as XML text (xml.ts) in one pass over the entries: at 7,400 proposals x 40
// periods docx's objects for them needed minutes and more than 4 GB.
import { HeadingLevel, Paragraph, type FileChild } from "docx";
import type { ReportEntry, ReportHeader } from "@/lib/domain/report";
import { STATUS_LABELS } from "@/lib/domain/vocabulary";
import { ANNEX_CELL_STYLE, textWidth, type Orientation } from "./layout";
import { slotParagraph } from "./slots";
import { spacer } from "./tables";
import { heading, ordinal, textRuns } from "./text";
import { TABLE_END_XML, headerRowXml, rowXml, tableStartXml } from "./xml";

const ANNEX_TITLE = "Annex: status of every proposal across all periods";
const NO_STATUS = "–";
const PERIODS_PER_TABLE = 12;
const CODE_WIDTH = 700;
const TITLE_WIDTH = 2600;
/** Narrowest period column that holds "Completed" at 8 pt; the widest worth giving one. */
const MIN_PERIOD_WIDTH = 850;
const MAX_PERIOD_WIDTH = 1800;

type AnnexPeriod = ReportHeader["annexPeriods"][number];
type Group = { from: number; periods: AnnexPeriod[]; rows: string[] };

/** Portrait while the period columns fit across it, landscape beyond. */
export function annexOrientation(periods: number): Orientation {
  const needed = CODE_WIDTH + TITLE_WIDTH + Math.min(periods, PERIODS_PER_TABLE) * MIN_PERIOD_WIDTH;
  return needed <= textWidth("portrait") ? "portrait" : "landscape";
}

function groupsOf(periods: readonly AnnexPeriod[]): Group[] {
  const groups: Group[] = [];
  for (let from = 0; from < periods.length; from += PERIODS_PER_TABLE) groups.push({ from, periods: periods.slice(from, from + PERIODS_PER_TABLE), rows: [] });
  return groups;
}

function tableXml(group: Group, orientation: Orientation): string {
  const free = textWidth(orientation) - CODE_WIDTH - TITLE_WIDTH;
  const periodWidth = Math.min(MAX_PERIOD_WIDTH, Math.floor(free / group.periods.length));
  const widths = [CODE_WIDTH, TITLE_WIDTH, ...group.periods.map(() => periodWidth)];
  const headings = ["Code", "Title", ...group.periods.map((p) => ordinal(p.number))];
  return tableStartXml(widths) + headerRowXml(ANNEX_CELL_STYLE, headings, widths) + group.rows.join("") + TABLE_END_XML;
}

function addRow(group: Group, entry: ReportEntry): void {
  const statuses = entry.history.slice(group.from, group.from + group.periods.length);
  const cells = group.periods.map((_, i) => {
    const status = statuses[i];
    return status ? STATUS_LABELS[status] : NO_STATUS;
  });
  group.rows.push(rowXml(ANNEX_CELL_STYLE, [entry.code, entry.title, ...cells]));
}

function groupHeading(group: Group): Paragraph {
  const first = group.periods[0]!.number;
  const last = group.periods[group.periods.length - 1]!.number;
  return heading(`${ordinal(first)} to ${ordinal(last)} progress reports`, HeadingLevel.HEADING_2);
}

/**
 * The annex's paragraphs, with a slot per table, and the XML of those tables (slot i holds table i).
 * Reads the entries (in number order) once.
 */
export async function annex(header: ReportHeader, entries: AsyncIterable<ReportEntry>): Promise<{ children: FileChild[]; slots: string[] }> {
  const orientation = annexOrientation(header.annexPeriods.length);
  const groups = groupsOf(header.annexPeriods);
  for await (const entry of entries) for (const group of groups) addRow(group, entry);
  const children: FileChild[] = [
    heading(ANNEX_TITLE, HeadingLevel.HEADING_1),
    new Paragraph({
      children: textRuns(`Approved implementation status of each proposal in each progress report; “${NO_STATUS}” where no update was approved.`),
    }),
  ];
  // The empty paragraph after each table keeps tables apart and gives the body the paragraph Word expects after a table.
  groups.forEach((group, i) => children.push(...(groups.length > 1 ? [groupHeading(group)] : []), slotParagraph(i), spacer()));
  const slots = groups.map((group) => {
    const xml = tableXml(group, orientation);
    group.rows = [];
    return xml;
  });
  return { children, slots };
}
