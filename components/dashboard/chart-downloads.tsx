import { toDashboardQuery } from "@/lib/domain/filter-query";
import { CHART_IMAGE_FORMATS, CHART_TITLES, type ChartId } from "@/lib/domain/charts";
import type { DashboardView } from "./view";

/** Links to the chart as SVG and PNG, drawn on the server for exactly this view (period, Count, filters, as-of). */
export function ChartDownloads({ chart, view }: { chart: ChartId; view: DashboardView }) {
  const query = toDashboardQuery(view).toString();
  return (
    <p className="chart__downloads no-print">
      Download this chart:{" "}
      {CHART_IMAGE_FORMATS.map((format, i) => (
        <span key={format}>
          {i > 0 && " · "}
          <a href={`/api/charts/${chart}.${format}?${query}`} download>
            {format.toUpperCase()}
            <span className="visually-hidden"> of {CHART_TITLES[chart]}</span>
          </a>
        </span>
      ))}
    </p>
  );
}
