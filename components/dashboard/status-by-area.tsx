import { StackedBarChart } from "@/components/charts/lazy";
import { STATUS_COLOURS } from "@/components/charts/palette";
import { STATUS_KEYS, statusKeyLabel, type Dashboard } from "@/lib/domain/dashboard";

export function StatusByArea({ dashboard }: { dashboard: Dashboard }) {
  const series = STATUS_KEYS.map((key) => ({ key, label: statusKeyLabel(key), colour: STATUS_COLOURS[key] }));
  const data = dashboard.byArea.map((row) => ({ name: row.name, ...row.counts }));
  const busiest = [...dashboard.byArea].sort((a, b) => b.counts.NO_UPDATE - a.counts.NO_UPDATE)[0];
  const summary =
    `Implementation status by area, ${dashboard.byArea.length} areas. ` +
    dashboard.statusCounts.map((s) => `${s.label}: ${s.count}`).join(", ") +
    (busiest && busiest.counts.NO_UPDATE > 0 ? `. Most proposals without an update: ${busiest.name} (${busiest.counts.NO_UPDATE}).` : ".");
  return (
    <section className="card" aria-labelledby="status-by-area-title">
      <figure className="chart">
        <figcaption id="status-by-area-title">Implementation status by area</figcaption>
        <p className="chart__summary">{summary}</p>
        <StackedBarChart data={data} series={series} summary={summary} />
        <details className="twin">
          <summary>Show the data as a table</summary>
          <div className="table-wrap">
            <table>
              <caption>Proposals by area and implementation status</caption>
              <thead>
                <tr>
                  <th scope="col">Area</th>
                  {series.map((s) => (
                    <th key={s.key} scope="col" className="num">
                      {s.label}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {dashboard.byArea.map((row) => (
                  <tr key={row.areaId}>
                    <th scope="row">{row.name}</th>
                    {series.map((s) => (
                      <td key={s.key} className="num">
                        {row.counts[s.key as keyof typeof row.counts]}
                      </td>
                    ))}
                    <td className="num">{row.total}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All areas</th>
                  {dashboard.statusCounts.map((s) => (
                    <td key={s.status} className="num">
                      {s.count}
                    </td>
                  ))}
                  <td className="num">{dashboard.totalProposals}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </details>
      </figure>
    </section>
  );
}
