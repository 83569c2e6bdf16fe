import type { Dashboard } from "@/lib/domain/dashboard";

export function StatusStats({ dashboard }: { dashboard: Dashboard }) {
  return (
    <section aria-labelledby="stats-title" className="card">
      <h2 id="stats-title">Where we stand</h2>
      <ul className="grid grid--stats" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {dashboard.statusCounts.map((s) => (
          <li key={s.status} className="stat" data-testid={`stat-${s.status}`}>
            <div className="stat__label">{s.label}</div>
            <div className="stat__value">{s.count}</div>
            <div className="stat__note">{s.share}% of {dashboard.totalProposals}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
