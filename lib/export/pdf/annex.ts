// The annex: every proposal's approved status in each period of the report, one row per proposal in number
// order, on landscape pages. With many periods the status names become two-letter codes with a legend.
import { shortPeriodName } from "@/lib/domain/charts";
import type { ReportEntry, ReportSource } from "@/lib/domain/report";
import { IMPLEMENTATION_STATUSES, STATUS_LABELS, type ImplementationStatus } from "@/lib/domain/vocabulary";
import { STYLES, contentWidth, startSection, write, type PdfContext } from "./layout";
import { drawRow, startTable, type Column, type Table } from "./table";

export const ANNEX_TITLE = "Annex: status of every proposal across all periods";

export const STATUS_CODES: Record<ImplementationStatus, string> = {
  NOT_STARTED: "NS",
  IN_PROGRESS: "IP",
  ONGOING: "OG",
  COMPLETED: "CO",
  STALLED: "ST",
};

const SIZE = 6.5;
const CODE_WIDTH = 30;
const TITLE_MIN = 160;
const FULL_WIDTH = 46;
const SHORT_WIDTH = 16;
/** Rows set between two hand-overs of bytes (and turns of the event loop). */
const ROWS_PER_STEP = 40;

type AnnexLayout = { table: Table; hasTitle: boolean; isShort: boolean };

/** Full status names with the titles when they fit, else codes with the titles, else codes alone. */
export function annexLayout(width: number, periods: { number: number; name: string }[]): AnnexLayout {
  const n = periods.length;
  const isShort = CODE_WIDTH + TITLE_MIN + n * FULL_WIDTH > width;
  const hasTitle = CODE_WIDTH + TITLE_MIN + n * (isShort ? SHORT_WIDTH : FULL_WIDTH) <= width;
  const periodWidth = hasTitle ? (isShort ? SHORT_WIDTH : FULL_WIDTH) : (width - CODE_WIDTH) / Math.max(n, 1);
  const columns: Column[] = [{ label: "No.", width: CODE_WIDTH }];
  if (hasTitle) columns.push({ label: "Proposal", width: width - CODE_WIDTH - n * periodWidth });
  // "11th" needs about 18 pt; narrow columns are headed by the period's number alone.
  for (const p of periods)
    columns.push({ label: periodWidth >= 24 ? shortPeriodName(p.name, p.number) : String(p.number), width: periodWidth, align: "center" });
  return { table: { columns, size: SIZE, layout: "landscape" }, hasTitle, isShort };
}

function annexCells(entry: ReportEntry, layout: AnnexLayout): string[] {
  const statuses = entry.history.map((s) => (s ? (layout.isShort ? STATUS_CODES[s] : STATUS_LABELS[s]) : "–"));
  return layout.hasTitle ? [entry.code, entry.title, ...statuses] : [entry.code, ...statuses];
}

function legend(layout: AnnexLayout): string {
  const codes = layout.isShort ? IMPLEMENTATION_STATUSES.map((s) => `${STATUS_CODES[s]} ${STATUS_LABELS[s]}`).join(" · ") + " · " : "";
  return `${codes}– no approved update in that period. Columns are the reporting periods, oldest first.`;
}

export async function* renderAnnex(ctx: PdfContext, source: ReportSource): AsyncGenerator<void> {
  startSection(ctx, ANNEX_TITLE, "landscape");
  const layout = annexLayout(contentWidth(ctx.doc), ctx.header.annexPeriods);
  write(ctx, legend(layout), STYLES.meta, { paragraphGap: 6 });
  startTable(ctx, layout.table);
  let row = 0;
  for await (const entry of source.entries("number")) {
    drawRow(ctx, layout.table, annexCells(entry, layout), {}, row % 2 === 1);
    if (++row % ROWS_PER_STEP === 0) yield;
  }
  yield;
}
