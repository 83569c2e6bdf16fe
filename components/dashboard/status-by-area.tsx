"use client";

import Link from "next/link";
import { StackedBarChart } from "@/components/charts/lazy";
import { statusByAreaChart } from "@/lib/domain/charts";
import { STATUS_KEYS, type Dashboard } from "@/lib/domain/dashboard";
import { ChartDownloads } from "./chart-downloads";

type Props = Pick<Dashboard, "byArea" | "statusCounts" | "totalProposals"> & { view: DashboardView };
import { STATUS_SERIES, StatusHeadRow } from "./status-columns";
import { drillDown, type DashboardView } from "./view";

/** A client component fed with the numbers only: the server sends them once, not a rendered tree. */
export function StatusByArea({ byArea, statusCounts, totalProposals, view }: Props) {
  const series = STATUS_SERIES;
  const rows = byArea.filter((row) => row.total > 0);
  const data = rows.map((row) => ({ name: row.name, ...row.counts }));
  const hrefs = rows.map((row) => Object.fromEntries(STATUS_KEYS.map((key) => [key, drillDown(view, { area: [row.areaId], status: [key] })])));
  const { summary } = statusByAreaChart({ byArea, statusCounts });
  return (
    <section className="card" aria-labelledby="status-by-area-title">
      <figure className="chart">
        <figcaption id="status-by-area-title">Implementation status by area</figcaption>
        <p className="chart__summary">{summary}</p>
        <p className="chart__hint no-print">Select a bar segment, or a number in the table, to list those proposals.</p>
        <StackedBarChart data={data} series={series} summary={summary} hrefs={hrefs} />
        <ChartDownloads chart="status-by-area" view={view} />
        <details className="twin">
          <summary>Show the data as a table</summary>
          <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="status-by-area-title">
            <table>
              <caption>Proposals by area and implementation status</caption>
              <thead>
                <StatusHeadRow first="Area" />
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={row.areaId}>
                    <th scope="row">{row.name}</th>
                    {series.map((s) => (
                      <td key={s.key} className="num">
                        <CountLink count={row.counts[s.key]} href={hrefs[i]![s.key]!} label={`${row.name}, ${s.label}`} />
                      </td>
                    ))}
                    <td className="num">
                      <CountLink count={row.total} href={drillDown(view, { area: [row.areaId] })} label={`${row.name}, all`} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All areas</th>
                  {statusCounts.map((s) => (
                    <td key={s.status} className="num">
                      <CountLink count={s.count} href={drillDown(view, { status: [s.status] })} label={`All areas, ${s.label}`} />
                    </td>
                  ))}
                  <td className="num">{totalProposals}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </details>
      </figure>
    </section>
  );
}

/** A count that opens the proposals behind it (plain text when there are none). */
export function CountLink({ count, href, label }: { count: number; href: string; label: string }) {
  if (count === 0) return <>0</>;
  return (
    <Link prefetch={false} href={href} aria-label={`${count}: list ${label}`}>
      {count}
    </Link>
  );
}
