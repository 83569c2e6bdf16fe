import Link from "next/link";
import { AT_RISK_ASSESSMENTS, type Dashboard } from "@/lib/domain/dashboard";
import { drillDown, type DashboardView } from "./view";

/** The four numbers a manager reads first; each opens the proposals behind it. */
export function Headline({ dashboard, view, cockpitHref }: { dashboard: Dashboard; view: DashboardView; cockpitHref: string | null }) {
  const risky = AT_RISK_ASSESSMENTS.filter((a) => view.assessment.length === 0 || view.assessment.includes(a));
  return (
    <section aria-labelledby="headline-title" className="card">
      <h2 id="headline-title">At a glance</h2>
      <ul className="grid grid--stats plain-list">
        <li className="stat" data-testid="headline-total">
          <div className="stat__label">Proposals in view</div>
          <div className="stat__value">
            <Link prefetch={false} href={drillDown(view, {})}>
              {dashboard.totalProposals}
            </Link>
          </div>
          <div className="stat__note">with the filters above</div>
        </li>
        <li className="stat" data-testid="headline-counted">
          <div className="stat__label">Counted updates</div>
          <div className="stat__value">{dashboard.updatedCount}</div>
          <div className="stat__note">
            {dashboard.coveragePercent}% coverage;{" "}
            {dashboard.missingCount > 0 ? (
              <Link prefetch={false} href={drillDown(view, { status: ["NO_UPDATE"] })}>
                {dashboard.missingCount} without
              </Link>
            ) : (
              "none without"
            )}
          </div>
        </li>
        <li className="stat" data-testid="headline-at-risk">
          <div className="stat__label">At risk or off track</div>
          <div className="stat__value">
            {risky.length ? (
              <Link prefetch={false} href={drillDown(view, { assessment: risky })}>
                {dashboard.atRiskCount}
              </Link>
            ) : (
              dashboard.atRiskCount
            )}
          </div>
          <div className="stat__note">of the counted updates</div>
        </li>
        <li className="stat" data-testid="headline-overdue">
          <div className="stat__label">Overdue</div>
          <div className="stat__value">
            {dashboard.overdueCount === null ? (
              "–"
            ) : cockpitHref && dashboard.overdueCount > 0 ? (
              <Link prefetch={false} href={cockpitHref}>
                {dashboard.overdueCount}
              </Link>
            ) : (
              dashboard.overdueCount
            )}
          </div>
          <div className="stat__note">
            {dashboard.overdueCount !== null
              ? "nothing submitted by the cut-off"
              : dashboard.periodClosed
                ? "the period is closed: see what was missing"
                : view.assessment.length
                  ? "not counted with an assessment filter"
                  : "not before the cut-off"}
          </div>
        </li>
      </ul>
    </section>
  );
}
