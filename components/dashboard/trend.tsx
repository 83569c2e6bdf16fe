"use client";

import { StackedBarChart } from "@/components/charts/lazy";
import { STATUS_KEYS, statusKeyLabel, type Dashboard } from "@/lib/domain/dashboard";
import { CountLink } from "./status-by-area";
import { STATUS_SERIES, StatusHeadRow } from "./status-columns";
import { drillDown, type DashboardView } from "./view";

/** Short column label of a period: "11th progress report" -> "11th". */
function shortName(name: string, number: number): string {
  return /^\S+/.exec(name)?.[0] ?? String(number);
}

export function Trend({ trend, view }: { trend: Dashboard["trend"]; view: DashboardView }) {
  const series = STATUS_SERIES;
  const data = trend.map((row) => ({ name: shortName(row.name, row.number), ...row.shares }));
  const hrefs = trend.map((row) => Object.fromEntries(STATUS_KEYS.map((key) => [key, drillDown({ ...view, period: row.periodId }, { status: [key] })])));
  const [first, last] = [trend[0], trend[trend.length - 1]];
  const delivered = (row: (typeof trend)[number]) => row.shares.ONGOING + row.shares.COMPLETED;
  const summary =
    first && last
      ? `Share of proposals per status in each of the ${trend.length} reporting periods, from the ${first.name} to the ${last.name}. ` +
        `Ongoing or completed: ${delivered(first)}% then, ${delivered(last)}% in the latest. ` +
        `Latest: ${STATUS_KEYS.map((key) => `${statusKeyLabel(key)} ${last.shares[key]}%`).join(", ")}.`
      : "No reporting periods yet.";
  return (
    <section className="card" aria-labelledby="trend-title">
      <figure className="chart">
        <figcaption id="trend-title">Trend across reporting periods</figcaption>
        <p className="chart__summary">{summary}</p>
        <StackedBarChart data={data} series={series} summary={summary} hrefs={hrefs} orientation="columns" percent />
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
