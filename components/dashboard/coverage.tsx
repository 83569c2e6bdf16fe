import Link from "next/link";
import type { Dashboard } from "@/lib/domain/dashboard";
import { TableScroll } from "@/components/ui/table-scroll";
import { CountLink } from "./status-by-area";
import { drillDown, type DashboardView } from "./view";

/** Who has reported: coverage overall and by the organisation of the proposals' focal points. No chart library. */
export function Coverage({ dashboard, view }: { dashboard: Dashboard; view: DashboardView }) {
  // With an organisation filter, only those organisations' rows: each then opens exactly its proposals.
  const organisations = dashboard.coverageByOrganisation.filter((org) => view.org.length === 0 || view.org.includes(org.code));
  return (
    <section className="card" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Coverage</h2>
      <p>
        <strong data-testid="coverage-total">
          {dashboard.updatedCount} of {dashboard.totalProposals}
        </strong>{" "}
        proposals have a counted update ({dashboard.coveragePercent}%).{" "}
        {dashboard.missingCount > 0 && (
          <Link prefetch={false} href={drillDown(view, { status: ["NO_UPDATE"] })}>
            See the {dashboard.missingCount} without an update
          </Link>
        )}
      </p>
      <TableScroll label="Reporting by organisation">
        <table>
          <caption>Reporting by organisation (proposals its focal points follow)</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col" className="num">
                Follows
              </th>
              <th scope="col" className="num">
                Reported
              </th>
              <th scope="col" className="num">
                Not reported
              </th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((org) => (
              <tr key={org.code} data-testid={`coverage-${org.code}`}>
                <th scope="row">
                  {org.code} <span className="muted">({org.name})</span>
                </th>
                <td className="num">
                  <CountLink count={org.followed} href={drillDown(view, { org: [org.code] })} label={`followed by ${org.code}`} />
                </td>
                <td className="num" data-testid={`coverage-${org.code}-reported`}>
                  <span className="progress-bar" aria-hidden="true">
                    <span style={{ width: `${org.percent}%` }} />
                  </span>
                  {org.reported} ({org.percent}%)
                </td>
                <td className="num" data-testid={`coverage-${org.code}-missing`}>
                  <CountLink
                    count={org.missing}
                    href={drillDown(view, { org: [org.code], status: ["NO_UPDATE"] })}
                    label={`followed by ${org.code} without an update`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
