import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { AuditTable } from "@/components/audit/audit-table";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { AUDIT_PAGE_SIZE, listAuditActions, listAuditEvents } from "@/lib/data/audit-log";
import { listPeriods } from "@/lib/data/periods";
import { canViewAudit } from "@/lib/domain/permissions";
import { parseAuditFilters, showsSignIns, toAuditQuery } from "@/lib/validation/audit-filters";

export const metadata: Metadata = { title: "Audit trail" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const user = await requirePageUser("/audit");
  if (!canViewAudit(user)) await denyPage(user, "view_audit", {});
  const { filters, problems } = parseAuditFilters(await searchParams);
  const [page, actions, periods] = await Promise.all([listAuditEvents(filters, user.timeZone), listAuditActions(), listPeriods()]);
  const allProblems = [...problems, ...page.problems];
  const query = toAuditQuery(filters);

  return (
    <>
      <AdminNav />
      <div className="page-header">
        <div>
          <h1>Audit trail</h1>
          <p>
            Every change, review step, lock, reopening, sign-off and refused request, newest first, with old and new values. Times are shown in {user.timeZone}{" "}
            (<Link href="/account">your time zone</Link>); the From and To dates below are whole days in UTC, as in the CSV. The trail is append-only: neither
            the application nor the database allows editing or deleting it.
          </p>
        </div>
        <a className="button button--secondary no-print" href={`/api/audit/export${query}`} download>
          Download as CSV
        </a>
      </div>
      <p className="callout" data-testid="audit-history-note">
        History recorded before this trail existed, such as the demo history loaded with the seed or past updates brought in by an import, is not listed here:
        each proposal&apos;s page keeps it under <strong>History</strong>. Open a proposal from the <Link href="/proposals">proposal list</Link> to read it.
      </p>
      {/* Keyed by the query: after a link changes the filters (Show them, Clear), the fields show the new values. */}
      <AuditFiltersForm key={query} filters={filters} actions={actions} periods={periods.map((p) => ({ id: p.id, name: p.name }))} />
      {allProblems.length > 0 && (
        <div className="alert alert--error" role="alert" data-testid="audit-filter-problems">
          <ul className="plain-list">
            {allProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="muted" data-testid="audit-sign-ins">
        {showsSignIns(filters) ? (
          "Sign-ins and failed sign-ins are shown."
        ) : (
          <>
            Sign-ins and failed sign-ins are hidden. <Link href={`/audit${toAuditQuery({ ...filters, signIns: true })}`}>Show them</Link>
          </>
        )}
      </p>
      <AuditTable
        rows={page.rows}
        timeZone={user.timeZone}
        caption={
          page.rows.length === 0
            ? "Audit events: none match these filters"
            : `Audit events, newest first: ${page.rows.length}${page.nextBefore ? ` on this page (${AUDIT_PAGE_SIZE} a page)` : ""}`
        }
      />
      {(filters.before || page.nextBefore) && (
        <nav className="pagination no-print" aria-label="Pages of the audit trail">
          <ul className="plain-list">
            {filters.before && (
              <li>
                <Link href={`/audit${query}`}>Newest events</Link>
              </li>
            )}
            {page.nextBefore && (
              <li>
                <Link href={`/audit${toAuditQuery(filters, page.nextBefore)}`}>Older events</Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  );
}
