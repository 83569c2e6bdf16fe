"use client";

import { StackedBarChart } from "@/components/charts/lazy";
import { shortPeriodName, trendChart } from "@/lib/domain/charts";
import { STATUS_KEYS, type Dashboard } from "@/lib/domain/dashboard";
import { ChartDownloads } from "./chart-downloads";
import { CountLink } from "./status-by-area";
import { STATUS_SERIES, StatusHeadRow } from "./status-columns";
import { drillDown, type DashboardView } from "./view";

export function Trend({ trend, view }: { trend: Dashboard["trend"]; view: DashboardView }) {
  const series = STATUS_SERIES;
  const data = trend.map((row) => ({ name: shortPeriodName(row.name, row.number), ...row.shares }));
  const hrefs = trend.map((row) => Object.fromEntries(STATUS_KEYS.map((key) => [key, drillDown({ ...view, period: row.periodId }, { status: [key] })])));
  const { summary } = trendChart(trend);
  return (
    <section className="card" aria-labelledby="trend-title">
      <figure className="chart">
        <figcaption id="trend-title">Trend across reporting periods</figcaption>
        <p className="chart__summary">{summary}</p>
        <StackedBarChart data={data} series={series} summary={summary} hrefs={hrefs} orientation="columns" percent />
        <ChartDownloads chart="trend" view={view} />
        <details className="twin">
          <summary>Show the data as a table</summary>
          <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="trend-title">
            <table>
              <caption>Proposals per status in each reporting period (count and share)</caption>
              <thead>
                <StatusHeadRow first="Period" />
              </thead>
              <tbody>
                {trend.map((row, i) => (
                  <tr key={row.periodId}>
                    <th scope="row">{row.name}</th>
                    {series.map((s) => (
                      <td key={s.key} className="num">
                        <CountLink count={row.counts[s.key]} href={hrefs[i]![s.key]!} label={`${row.name}, ${s.label}`} />{" "}
                        <span className="muted">({row.shares[s.key]}%)</span>
                      </td>
                    ))}
                    <td className="num">{row.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figure>
    </section>
  );
}
