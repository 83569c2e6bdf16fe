import Link from "next/link";
import type { Dashboard } from "@/lib/domain/dashboard";
import type { IncludeOption } from "@/lib/domain/proposals";
import { toFilterQuery } from "@/lib/validation/proposal-filters";

/** Coverage needs no chart library: a table with inline bars. */
export function Coverage({ dashboard, periodId, include }: { dashboard: Dashboard; periodId: string; include: IncludeOption }) {
  return (
    <section className="card" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Coverage</h2>
      <p>
        <strong data-testid="coverage-total">
          {dashboard.updatedCount} of {dashboard.totalProposals}
        </strong>{" "}
        proposals have a counted update ({dashboard.coveragePercent}%).{" "}
        {dashboard.missingCount > 0 && (
          <Link href={`/proposals${toFilterQuery({ status: ["NO_UPDATE"], period: periodId, include })}`}>
            See the {dashboard.missingCount} without an update
          </Link>
        )}
      </p>
      <table>
        <caption>Updates by the organisation that wrote them</caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col" className="num">
              Updates
            </th>
            <th scope="col" className="num">
              Share of all {dashboard.totalProposals} proposals
            </th>
          </tr>
        </thead>
        <tbody>
          {dashboard.coverageByOrganisation.map((org) => (
            <tr key={org.organisationId} data-testid={`coverage-${org.code}`}>
              <th scope="row">
                {org.code} <span className="muted">({org.name})</span>
              </th>
              <td className="num">{org.count}</td>
              <td className="num">
                <span className="progress-bar" aria-hidden="true">
                  <span style={{ width: `${org.percentOfTotal}%` }} />
                </span>
                {org.percentOfTotal}%
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
