"use client";

import Link from "next/link";
import type { Dashboard, HeatCell } from "@/lib/domain/dashboard";
import { heatMapChart, shortPeriodName } from "@/lib/domain/charts";
import { heatStep } from "@/lib/domain/palette";
import { ChartDownloads } from "./chart-downloads";
import { drillDown, type DashboardView } from "./view";

/** Five steps of blue by average progress (the same steps as the SVG download); the number is always printed, so colour is never the only cue. */
function heatClass(cell: HeatCell): string {
  const step = heatStep(cell.averageProgress);
  return step === null ? "heat heat--none" : `heat heat--${step}`;
}

/** The heat map is a table: each cell is the average progress of the area's counted updates in that period. */
export function HeatMap({ heatMap, view }: { heatMap: Dashboard["heatMap"]; view: DashboardView }) {
  const { periods, rows } = heatMap;
  const visible = rows.filter((row) => row.cells.some((c) => c.total > 0));
  // The summary speaks of the period the dashboard shows (else the latest one in the map).
  const { summary } = heatMapChart(heatMap, view.period);
  return (
    <section className="card" aria-labelledby="heat-title">
      <h2 id="heat-title">Progress by area and period</h2>
      <p className="chart__summary">{summary}</p>
      <p className="chart__hint no-print">
        Each cell shows the average progress (%) and how many proposals reported; select it to list the area&apos;s proposals in that period. A dash means
        nothing was counted.
      </p>
      <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="heat-title">
        <table className="heat-map">
          <caption className="visually-hidden">Average progress (%) of counted updates, areas by reporting period</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              {periods.map((p) => (
                <th
                  key={p.id}
                  scope="col"
                  className={p.id === view.period ? "num heat__selected" : "num"}
                  title={p.name}
                  aria-current={p.id === view.period ? "true" : undefined}
                >
                  {shortPeriodName(p.name, p.number)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={row.areaId}>
                <th scope="row">{row.name}</th>
                {row.cells.map((cell) => (
                  <td key={cell.periodId} className={heatClass(cell)}>
                    {/* Row and column headers name the cell for screen readers; the link text is the value. */}
                    <Link prefetch={false} href={drillDown({ ...view, period: cell.periodId }, { area: [row.areaId] })}>
                      {cell.averageProgress === null ? "–" : `${cell.averageProgress}%`}
                      <span className="heat__count">
                        {cell.counted}/{cell.total}
                      </span>
                    </Link>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChartDownloads chart="progress-heat-map" view={view} />
    </section>
  );
}
