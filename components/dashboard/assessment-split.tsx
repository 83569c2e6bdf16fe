"use client";

import { DonutChart } from "@/components/charts/lazy";
import { TableScroll } from "@/components/ui/table-scroll";
import { assessmentChart } from "@/lib/domain/charts";
import type { Dashboard } from "@/lib/domain/dashboard";
import { ChartDownloads } from "./chart-downloads";
import { CountLink } from "./status-by-area";
import { drillDown, type DashboardView } from "./view";

export function AssessmentSplit({ assessments, updatedCount, view }: Pick<Dashboard, "assessments" | "updatedCount"> & { view: DashboardView }) {
  const { summary, slices } = assessmentChart({ assessments, updatedCount });
  const href = (assessment: Dashboard["assessments"][number]["assessment"]) => drillDown(view, { assessment: [assessment] });
  return (
    <section className="card" aria-labelledby="assessment-title">
      <figure className="chart">
        <figcaption id="assessment-title">Assessment (RAG)</figcaption>
        <p className="chart__summary">{summary}</p>
        <DonutChart summary={summary} slices={slices.map((s) => ({ ...s, href: href(s.key as Dashboard["assessments"][number]["assessment"]) }))} />
        <ChartDownloads chart="assessment" view={view} />
        <details className="twin">
          <summary>Show the data as a table</summary>
          <TableScroll labelledBy="assessment-title">
            <table>
              <caption>Updated proposals by assessment</caption>
              <thead>
                <tr>
                  <th scope="col">Assessment</th>
                  <th scope="col" className="num">
                    Proposals
                  </th>
                  <th scope="col" className="num">
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {assessments.map((a) => (
                  <tr key={a.assessment}>
                    <th scope="row">
                      <span className={`badge badge--${a.assessment}`}>{a.label}</span>
                    </th>
                    <td className="num">
                      <CountLink count={a.count} href={href(a.assessment)} label={a.label} />
                    </td>
                    <td className="num">{a.share}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </details>
      </figure>
    </section>
  );
}
