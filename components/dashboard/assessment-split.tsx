"use client";

import { DonutChart } from "@/components/charts/lazy";
import { ASSESSMENT_COLOURS } from "@/components/charts/palette";
import type { Dashboard } from "@/lib/domain/dashboard";
import { CountLink } from "./status-by-area";
import { drillDown, type DashboardView } from "./view";

export function AssessmentSplit({ assessments, updatedCount, view }: Pick<Dashboard, "assessments" | "updatedCount"> & { view: DashboardView }) {
  const summary = `Assessment of the ${updatedCount} updated proposals: ` + assessments.map((a) => `${a.label} ${a.count} (${a.share}%)`).join(", ") + ".";
  const href = (assessment: Dashboard["assessments"][number]["assessment"]) => drillDown(view, { assessment: [assessment] });
  return (
    <section className="card" aria-labelledby="assessment-title">
      <figure className="chart">
        <figcaption id="assessment-title">Assessment (RAG)</figcaption>
        <p className="chart__summary">{summary}</p>
        <DonutChart
          summary={summary}
          slices={assessments.map((a) => ({
            key: a.assessment,
            label: a.label,
            value: a.count,
            colour: ASSESSMENT_COLOURS[a.assessment],
            href: href(a.assessment),
          }))}
        />
        <details className="twin">
          <summary>Show the data as a table</summary>
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
        </details>
      </figure>
    </section>
  );
}
