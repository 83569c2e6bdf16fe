// One definition of each chart: its title, text summary, categories, series, colours and numbers, built
// from the dashboard's numbers. The dashboard's Recharts charts, the server-drawn SVG and PNG downloads
// and the report's charts (page, Word, PDF) all draw these specs, so a picture and its export agree.
import { STATUS_KEYS, statusKeyLabel, type Dashboard, type StatusKey } from "./dashboard";
import { ASSESSMENT_COLOURS, STATUS_COLOURS } from "./palette";

export const CHART_IDS = ["status-by-area", "trend", "assessment", "progress-heat-map"] as const;
export type ChartId = (typeof CHART_IDS)[number];

export const CHART_TITLES: Record<ChartId, string> = {
  "status-by-area": "Implementation status by area",
  trend: "Trend across reporting periods",
  assessment: "Assessment (RAG)",
  "progress-heat-map": "Progress by area and period",
};

export const CHART_IMAGE_FORMATS = ["svg", "png"] as const;
export type ChartImageFormat = (typeof CHART_IMAGE_FORMATS)[number];

export type ChartSeries = { key: string; label: string; colour: string };

/** The status series of every status chart, in vocabulary order, "No update" last. */
export const STATUS_SERIES: readonly (ChartSeries & { key: StatusKey })[] = STATUS_KEYS.map((key) => ({
  key,
  label: statusKeyLabel(key),
  colour: STATUS_COLOURS[key],
}));

/** Stacked bars (categories down the side) or columns (categories along the bottom). */
export type BarChartSpec = {
  id: ChartId;
  kind: "bars";
  orientation: "bars" | "columns";
  title: string;
  summary: string;
  /** Values are shares 0-100 (each category sums to 100), else counts. */
  percent: boolean;
  categories: { key: string; label: string }[];
  series: ChartSeries[];
  /** values[category][series]. */
  values: number[][];
};

export type DonutChartSpec = {
  id: ChartId;
  kind: "donut";
  title: string;
  summary: string;
  total: number;
  totalLabel: string;
  slices: { key: string; label: string; value: number; share: number; colour: string }[];
};

export type HeatChartSpec = {
  id: ChartId;
  kind: "heat";
  title: string;
  summary: string;
  columns: { key: string; label: string; title: string }[];
  /** Index of the marked column (the period the view is about), or -1. */
  selectedColumn: number;
  rows: { key: string; label: string; cells: { value: number | null; note: string }[] }[];
};

export type ChartSpec = BarChartSpec | DonutChartSpec | HeatChartSpec;

/** The numbers every chart is drawn from (a Dashboard, or a report's frozen figures). */
export type ChartNumbers = Pick<Dashboard, "byArea" | "statusCounts" | "trend" | "assessments" | "updatedCount" | "heatMap">;

/** Short label of a period: "11th progress report" -> "11th". */
export function shortPeriodName(name: string, number: number): string {
  return /^\S+/.exec(name)?.[0] ?? String(number);
}

export function statusByAreaChart(numbers: Pick<ChartNumbers, "byArea" | "statusCounts">): BarChartSpec {
  const rows = numbers.byArea.filter((row) => row.total > 0);
  const busiest = [...rows].sort((a, b) => b.counts.NO_UPDATE - a.counts.NO_UPDATE)[0];
  const summary =
    `Implementation status by area, ${rows.length} areas. ` +
    numbers.statusCounts.map((s) => `${s.label}: ${s.count}`).join(", ") +
    (busiest && busiest.counts.NO_UPDATE > 0 ? `. Most proposals without an update: ${busiest.name} (${busiest.counts.NO_UPDATE}).` : ".");
  return {
    id: "status-by-area",
    kind: "bars",
    orientation: "bars",
    title: CHART_TITLES["status-by-area"],
    summary,
    percent: false,
    categories: rows.map((row) => ({ key: row.areaId, label: row.name })),
    series: [...STATUS_SERIES],
    values: rows.map((row) => STATUS_SERIES.map((s) => row.counts[s.key])),
  };
}

export function trendChart(trend: ChartNumbers["trend"]): BarChartSpec {
  const [first, last] = [trend[0], trend[trend.length - 1]];
  const delivered = (row: (typeof trend)[number]) => row.shares.ONGOING + row.shares.COMPLETED;
  const summary =
    first && last
      ? `Share of proposals per status in each of the ${trend.length} reporting periods, from the ${first.name} to the ${last.name}. ` +
        `Ongoing or completed: ${delivered(first)}% then, ${delivered(last)}% in the latest. ` +
        `Latest: ${STATUS_KEYS.map((key) => `${statusKeyLabel(key)} ${last.shares[key]}%`).join(", ")}.`
      : "No reporting periods yet.";
  return {
    id: "trend",
    kind: "bars",
    orientation: "columns",
    title: CHART_TITLES.trend,
    summary,
    percent: true,
    categories: trend.map((row) => ({ key: row.periodId, label: shortPeriodName(row.name, row.number) })),
    series: [...STATUS_SERIES],
    values: trend.map((row) => STATUS_SERIES.map((s) => row.shares[s.key])),
  };
}

export function assessmentChart(numbers: Pick<ChartNumbers, "assessments" | "updatedCount">): DonutChartSpec {
  const summary =
    `Assessment of the ${numbers.updatedCount} updated proposals: ` + numbers.assessments.map((a) => `${a.label} ${a.count} (${a.share}%)`).join(", ") + ".";
  return {
    id: "assessment",
    kind: "donut",
    title: CHART_TITLES.assessment,
    summary,
    total: numbers.updatedCount,
    totalLabel: "updated",
    slices: numbers.assessments.map((a) => ({ key: a.assessment, label: a.label, value: a.count, share: a.share, colour: ASSESSMENT_COLOURS[a.assessment] })),
  };
}

/** The heat map speaks of `selectedPeriodId` (else of the latest period in it). */
export function heatMapChart(heatMap: ChartNumbers["heatMap"], selectedPeriodId: string | null): HeatChartSpec {
  const { periods } = heatMap;
  const rows = heatMap.rows.filter((row) => row.cells.some((c) => c.total > 0));
  const selected = periods.findIndex((p) => p.id === selectedPeriodId);
  const latest = selected >= 0 ? selected : periods.length - 1;
  const ranked = rows
    .map((row) => ({ name: row.name, progress: row.cells[latest]?.averageProgress ?? null }))
    .filter((r): r is { name: string; progress: number } => r.progress !== null)
    .sort((a, b) => b.progress - a.progress);
  const summary = ranked.length
    ? `Average progress of the counted updates by area and period. In the ${periods[latest]!.name}, highest: ${ranked[0]!.name} (${ranked[0]!.progress}%); lowest: ${ranked[ranked.length - 1]!.name} (${ranked[ranked.length - 1]!.progress}%).`
    : "Average progress of the counted updates by area and period: nothing counted yet.";
  return {
    id: "progress-heat-map",
    kind: "heat",
    title: CHART_TITLES["progress-heat-map"],
    summary,
    columns: periods.map((p) => ({ key: p.id, label: shortPeriodName(p.name, p.number), title: p.name })),
    selectedColumn: selected,
    rows: rows.map((row) => ({
      key: row.areaId,
      label: row.name,
      cells: row.cells.map((cell) => ({ value: cell.averageProgress, note: `${cell.counted}/${cell.total}` })),
    })),
  };
}

export function chartSpec(id: ChartId, numbers: ChartNumbers, selectedPeriodId: string | null): ChartSpec {
  switch (id) {
    case "status-by-area":
      return statusByAreaChart(numbers);
    case "trend":
      return trendChart(numbers.trend);
    case "assessment":
      return assessmentChart(numbers);
    case "progress-heat-map":
      return heatMapChart(numbers.heatMap, selectedPeriodId);
  }
}

export function chartSpecs(numbers: ChartNumbers, selectedPeriodId: string | null): ChartSpec[] {
  return CHART_IDS.map((id) => chartSpec(id, numbers, selectedPeriodId));
}

/** Parses "trend.svg"; null when it is not a chart and image format. */
export function parseChartFileName(name: string): { id: ChartId; format: ChartImageFormat } | null {
  const match = /^([a-z-]+)\.(svg|png)$/.exec(name);
  if (!match || !(CHART_IDS as readonly string[]).includes(match[1]!)) return null;
  return { id: match[1] as ChartId, format: match[2] as ChartImageFormat };
}
