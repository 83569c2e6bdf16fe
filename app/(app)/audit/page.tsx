import type { Metadata } from "next";
import Link from "next/link";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { listAuditActions, listAuditEvents, listUsersForFilter } from "@/lib/data/audit-log";
import { listPeriods } from "@/lib/data/periods";
import { auditChanges } from "@/lib/domain/audit";
import { formatDateTime } from "@/lib/domain/format";
import { canViewAudit } from "@/lib/domain/permissions";
import { parseAuditFilters, type AuditFilters } from "@/lib/validation/audit-filters";

export const metadata: Metadata = { title: "Audit trail" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const iso = (d: Date | undefined) => (d ? d.toISOString().slice(0, 10) : "");

function query(filters: AuditFilters, before: string | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, before })) {
    if (value instanceof Date) params.set(key, iso(value));
    else if (value) params.set(key, value);
  }
  return `?${params.toString()}`;
}

export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePageUser("/audit");
  if (!canViewAudit(user)) await denyPage(user, "view_audit", {});
  const filters = parseAuditFilters(await searchParams);
  const [{ rows, nextBefore }, actions, users, periods] = await Promise.all([
    listAuditEvents(filters),
    listAuditActions(),
    listUsersForFilter(),
    listPeriods(),
  ]);

  return (
    <>
      <h1>Audit trail</h1>
      <p className="muted">
        Every change, review step, lock, reopening, sign-in and refused request, newest first. The trail is append-only: neither the application nor the
        database allows editing or deleting it.
      </p>
      <form method="get" className="card filters" aria-label="Filter the audit trail">
        <div className="field">
          <label htmlFor="user">User</label>
          <select id="user" name="user" defaultValue={filters.user ?? ""}>
            <option value="">Anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="proposal">Proposal id</label>
          <input id="proposal" name="proposal" type="text" defaultValue={filters.proposal ?? ""} placeholder="e.g. p12" />
        </div>
        <div className="field">
          <label htmlFor="period-filter">Period</label>
          <select id="period-filter" name="period" defaultValue={filters.period ?? ""}>
            <option value="">Any</option>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="action">Action</label>
          <select id="action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">Any</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">From (UTC)</label>
          <input id="from" name="from" type="date" defaultValue={iso(filters.from)} />
        </div>
        <div className="field">
          <label htmlFor="to">To (UTC, inclusive)</label>
          <input id="to" name="to" type="date" defaultValue={iso(filters.to)} />
        </div>
        <div className="form-actions">
          <button className="button" type="submit">
            Filter
          </button>
          <Link href="/audit">Clear</Link>
        </div>
      </form>
      <div className="table-wrap">
        <table data-testid="audit-table">
          <caption>Audit events{rows.length === 0 ? ": none match" : ""}</caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
              <th scope="col">Changes (old → new)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{formatDateTime(row.at)}</td>
                <td>{row.actorName ?? <span className="muted">unknown</span>}</td>
                <td>
                  <code>{row.action}</code>
                </td>
                <td>
                  {row.proposalId ? <Link href={`/proposals/${row.proposalId}`}>{row.proposalId}</Link> : row.entityId}
                  {row.periodId && <div className="muted">{row.periodId}</div>}
                </td>
                <td>
                  <ul className="changes">
                    {auditChanges(row.before, row.after).map((c) => (
                      <li key={c.field}>
                        <strong>{c.field}</strong>: {c.before && <del className="diff-removed">{c.before}</del>} {c.before && "→ "}
                        <ins className="diff-added">{c.after || "(empty)"}</ins>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextBefore && (
        <p>
          <Link href={`/audit${query(filters, nextBefore)}`}>Older events</Link>
        </p>
      )}
    </>
  );
}
