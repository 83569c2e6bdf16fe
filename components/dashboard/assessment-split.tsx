import { DonutChart } from "@/components/charts/lazy";
import { ASSESSMENT_COLOURS } from "@/components/charts/palette";
import type { Dashboard } from "@/lib/domain/dashboard";

export function AssessmentSplit({ dashboard }: { dashboard: Dashboard }) {
  const summary =
    `Assessment of the ${dashboard.updatedCount} updated proposals: ` +
    dashboard.assessments.map((a) => `${a.label} ${a.count} (${a.share}%)`).join(", ") +
    ".";
  return (
    <section className="card" aria-labelledby="assessment-title">
      <figure className="chart">
        <figcaption id="assessment-title">Assessment (RAG)</figcaption>
        <p className="chart__summary">{summary}</p>
        <DonutChart
          summary={summary}
          slices={dashboard.assessments.map((a) => ({ key: a.assessment, label: a.label, value: a.count, colour: ASSESSMENT_COLOURS[a.assessment] }))}
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
              {dashboard.assessments.map((a) => (
                <tr key={a.assessment}>
                  <th scope="row">{a.label}</th>
                  <td className="num">{a.count}</td>
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
