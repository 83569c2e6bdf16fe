import Link from "next/link";
import type { Dashboard } from "@/lib/domain/dashboard";
import { drillDown, type DashboardView } from "./view";

export function StatusStats({ dashboard, view }: { dashboard: Dashboard; view: DashboardView }) {
  return (
    <section aria-labelledby="stats-title" className="card">
      <h2 id="stats-title">Where we stand</h2>
      <ul className="grid grid--stats plain-list">
        {dashboard.statusCounts.map((s) => (
          <li key={s.status} className="stat" data-testid={`stat-${s.status}`}>
            <div className="stat__label">
              <span className={`badge badge--${s.status}`}>{s.label}</span>
            </div>
            <div className="stat__value">
              <Link prefetch={false} href={drillDown(view, { status: [s.status] })} aria-label={`${s.count} ${s.label}: list them`}>
                {s.count}
              </Link>
            </div>
            <div className="stat__note">
              {s.share}% of {dashboard.totalProposals}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
