import type { Metadata } from "next";
import Link from "next/link";
import { ReportStateBadge } from "@/components/reports/report-state-badge";
import { requirePageUser } from "@/lib/auth/session";
import { listPeriodReports } from "@/lib/data/reports";
import { formatDate, formatDay } from "@/lib/domain/format";
import { canManageReports, canViewEdition } from "@/lib/domain/report";
import { PERIOD_STATE_LABELS } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "Progress reports" };

/** Every period's report: its draft (managers) and its editions (final ones for everybody). */
export default async function ReportsPage() {
  const user = await requirePageUser("/reports");
  const manages = canManageReports(user);
  const reports = await listPeriodReports();
  const visible = reports
    .map((r) => ({ ...r, editions: r.editions.filter((e) => canViewEdition(user, { signedBy: e.signOffs.map((s) => s.organisationCode) })) }))
    .filter((r) => manages || r.editions.length > 0);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Progress reports</h1>
          <p>
            The joint progress report of each period, built only from approved updates.{" "}
            {manages
              ? "While a period is open its report is a draft; once it is locked, publish an edition, which NATO and the EU then sign off."
              : "You see the editions that NATO and the EU have both signed off."}
          </p>
        </div>
      </div>
      {visible.length === 0 ? (
        <p className="muted">No edition has been signed off by both organisations yet.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="group" aria-label="Progress reports">
          <table data-testid="reports-table">
            <caption>Reports by period, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Covers</th>
                <th scope="col">Period state</th>
                <th scope="col">Editions</th>
              </tr>
            </thead>
            <tbody>
              {visible.map(({ period, editions }) => (
                <tr key={period.id}>
                  <th scope="row">
                    <Link href={`/reports/${period.number}`}>{period.name}</Link>
                  </th>
                  <td>
                    {formatDate(period.startsOn)} – {formatDate(period.cutOffOn)}
                  </td>
                  <td>{PERIOD_STATE_LABELS[period.state as keyof typeof PERIOD_STATE_LABELS]}</td>
                  <td>
                    {editions.length === 0 ? (
                      <span className="muted">None yet{manages ? " (draft only)" : ""}</span>
                    ) : (
                      <ul className="plain-list">
                        {editions.map((e) => (
                          <li key={e.number}>
                            <Link href={`/reports/${period.number}?edition=${e.number}`}>Edition {e.number}</Link> <ReportStateBadge state={e.state} />{" "}
                            <span className="muted">{formatDay(e.publishedAt, user.timeZone)}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
