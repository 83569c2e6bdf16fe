// The Summary sheet: what the report is (period, dates, edition, state, sign-offs), then its figures.
import { STATUS_KEYS, statusKeyLabel } from "@/lib/domain/dashboard";
import { REPORT_STATE_LABELS, editionLabel, reportStamp, type ReportHeader } from "@/lib/domain/report";
import { date, dateTime, integer, text, type Cell } from "./cells";
import { DRAFT_WARNING, addRow, sheetOptions, type Workbook } from "./sheets";
import { STATUS_HEADER_STYLES, STATUS_STYLES, STYLES } from "./styles";

export const SUMMARY_SHEET = "Summary";

const label = (value: string): Cell => [value, STYLES.label];
const heading = (value: string): Cell[] => [[value, STYLES.heading]];
const columnHeader = (value: string): Cell => [value, STYLES.header];

/** What the report is: period, dates, edition, state and sign-offs. */
function aboutRows(header: ReportHeader): Cell[][] {
  const { period, edition } = header;
  const rows: Cell[][] = [
    [label("Report"), text(period.name)],
    [label("Period starts"), date(period.startsOn)],
    [label("Cut-off"), date(period.cutOffOn)],
    [label("Due"), date(period.dueOn)],
    [label("Edition"), text(editionLabel(header))],
    [label("State"), text(header.state === "draft" ? DRAFT_WARNING : REPORT_STATE_LABELS[header.state])],
  ];
  if (edition) rows.push([label("Published (UTC)"), dateTime(edition.publishedAt)], [label("Published by"), text(edition.publishedBy)]);
  if (edition?.changeNote) rows.push([label("Change note"), text(edition.changeNote, STYLES.wrap)]);
  if (edition?.supersededBy) rows.push([label("Superseded by"), text(`Edition ${edition.supersededBy}`)]);
  rows.push([label("As of (UTC)"), dateTime(header.asOf)]);
  for (const s of header.signOffs) rows.push([label(`Signed off for ${s.organisationCode}`), text(s.userName), dateTime(s.signedAt)]);
  if (header.missingSignOffs.length > 0) rows.push([label("Not yet signed off by"), text(header.missingSignOffs.join(", "))]);
  return rows;
}

/** The report's numbers, the same ReportFigures every other format shows. */
function figureRows(figures: ReportHeader["figures"]): Cell[][] {
  return [
    heading("Figures"),
    [label("Total proposals"), integer(figures.totalProposals)],
    ...figures.bySet.map((s) => [label(s.label), integer(s.count)]),
    [label("Updated in the period"), integer(figures.updatedCount)],
    [label("Without update"), integer(figures.missingCount)],
    [label("Coverage (%)"), integer(figures.coveragePercent)],
    [label("At risk or off track"), integer(figures.atRiskCount)],
    [],
    heading("By status"),
    [columnHeader("Status"), columnHeader("Proposals"), columnHeader("Share (%)")],
    ...figures.statusCounts.map((s): Cell[] => [[s.label, STATUS_STYLES[s.status]], integer(s.count), integer(s.share)]),
    [],
    heading("By assessment"),
    [columnHeader("Assessment"), columnHeader("Updates"), columnHeader("Share (%)")],
    ...figures.assessments.map((a) => [text(a.label), integer(a.count), integer(a.share)]),
    [],
    heading("By area"),
    [columnHeader("Area"), columnHeader("Proposals"), ...STATUS_KEYS.map((key): Cell => [statusKeyLabel(key), STATUS_HEADER_STYLES[key]])],
    ...figures.byArea.map((row) => [text(`${row.number} ${row.name}`, STYLES.wrap), integer(row.total), ...STATUS_KEYS.map((key) => integer(row.counts[key]))]),
  ];
}

export function writeSummary(workbook: Workbook, header: ReportHeader, name: string): void {
  const sheet = workbook.addWorksheet(name, sheetOptions(header, header.title, null));
  // Labels, then values; the widest table (by area) has a column per status after the total.
  sheet.columns = [{ width: 36 }, { width: 22 }, ...STATUS_KEYS.map(() => ({ width: 14 }))];
  const rows: Cell[][] = [
    ...(header.state === "draft" ? [[[DRAFT_WARNING, STYLES.draft] as Cell]] : []),
    [text(header.title, STYLES.title)],
    [text(reportStamp(header))],
    [],
    ...aboutRows(header),
    [],
    ...figureRows(header.figures),
  ];
  for (const row of rows) addRow(sheet, row);
  sheet.commit();
}
