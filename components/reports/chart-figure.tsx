import { CountShareTable } from "@/components/ui/count-share-table";
import type { ChartSpec } from "@/lib/domain/charts";

type Props = {
  spec: ChartSpec;
  /** Drawn on the server (lib/charts/svg.ts) from the same spec: every text in it is escaped there. */
  svg: string;
  hrefs: { svg: string; png: string };
};

/** A server-drawn chart with its summary, its numbers as a table and downloads as SVG and PNG. */
export function ChartFigure({ spec, svg, hrefs }: Props) {
  const captionId = `chart-${spec.id}-caption`;
  return (
    <figure className="chart report__chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>{spec.title}</figcaption>
      <p className="chart__summary">{spec.summary}</p>
      <div className="report__chart-image" dangerouslySetInnerHTML={{ __html: svg }} />
      <p className="no-print chart__downloads">
        Download this chart:{" "}
        <a href={hrefs.svg} download>
          SVG<span className="visually-hidden"> of {spec.title}</span>
        </a>{" "}
        ·{" "}
        <a href={hrefs.png} download>
          PNG<span className="visually-hidden"> of {spec.title}</span>
        </a>
      </p>
      <details className="twin">
        <summary>Show the data as a table</summary>
        <div className="table-wrap" tabIndex={0} role="group" aria-labelledby={captionId}>
          <ChartTable spec={spec} />
        </div>
      </details>
    </figure>
  );
}

/** The table twin of a chart: exactly the numbers the picture is drawn from. */
export function ChartTable({ spec }: { spec: ChartSpec }) {
  switch (spec.kind) {
    case "bars":
      return (
        <table>
          <caption>
            {spec.title}
            {spec.percent ? " (share of proposals, %)" : " (proposals)"}
          </caption>
          <thead>
            <tr>
              <th scope="col">{spec.orientation === "bars" ? "Area" : "Period"}</th>
              {spec.series.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.categories.map((c, i) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                {spec.values[i]!.map((v, j) => (
                  <td key={spec.series[j]!.key} className="num">
                    {spec.percent ? `${v}%` : v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case "donut":
      return (
        <CountShareTable
          caption={spec.title}
          header="Assessment"
          rows={spec.slices.map((s) => ({ key: s.key, label: s.label, count: s.value, share: s.share }))}
        />
      );
    case "heat":
      return (
        <table>
          <caption>{spec.title} (average progress %, proposals counted / in view)</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              {spec.columns.map((c) => (
                <th key={c.key} scope="col" className="num" title={c.title}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, i) => (
                  <td key={spec.columns[i]!.key} className="num">
                    {cell.value === null ? "–" : `${cell.value}%`} <span className="muted">({cell.note})</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}
