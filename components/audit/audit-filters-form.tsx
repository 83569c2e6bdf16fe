import Link from "next/link";
import { GetForm } from "@/components/ui/get-form";
import { AUDIT_GROUPS, AUDIT_GROUP_KEYS, actionLabel } from "@/lib/domain/audit";
import { PERSON_SEARCH_MAX, hasActiveAuditFilters, type AuditFilters } from "@/lib/validation/audit-filters";

type Props = { filters: AuditFilters; actions: string[]; periods: { id: string; name: string }[] };

/** A GET form: the filters end up in the URL, so a view of the trail can be bookmarked, shared and exported. */
export function AuditFiltersForm({ filters, actions, periods }: Props) {
  return (
    <GetForm className="card filters-form" role="search" aria-label="Filter the audit trail">
      <div className="filters">
        <div className="field">
          <label htmlFor="audit-proposal">Proposal</label>
          <span id="audit-proposal-hint" className="field__hint">
            Its number, e.g. P12 or 12
          </span>
          <input id="audit-proposal" name="proposal" type="text" defaultValue={filters.proposal ?? ""} aria-describedby="audit-proposal-hint" maxLength={64} />
        </div>
        <div className="field">
          <label htmlFor="audit-person">Person</label>
          <span id="audit-person-hint" className="field__hint">
            Who acted: name or e-mail, or part of it
          </span>
          <input
            id="audit-person"
            name="person"
            type="search"
            defaultValue={filters.person ?? ""}
            aria-describedby="audit-person-hint"
            maxLength={PERSON_SEARCH_MAX}
          />
        </div>
        <div className="field">
          <label htmlFor="audit-group">Kind of event</label>
          <select id="audit-group" name="group" defaultValue={filters.group ?? ""}>
            <option value="">Any kind</option>
            {AUDIT_GROUP_KEYS.map((key) => (
              <option key={key} value={key}>
                {AUDIT_GROUPS[key].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">Any action</option>
            {filters.action && !actions.includes(filters.action) && <option value={filters.action}>{actionLabel(filters.action)}</option>}
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-period">Period</label>
          <select id="audit-period" name="period" defaultValue={filters.period ?? ""}>
            <option value="">Any period</option>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From (UTC)</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To (UTC, inclusive)</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <div className="field">
          <span className="field__hint">Sign-ins are left out unless you ask for them.</span>
          <label className="check">
            <input type="checkbox" name="signIns" value="1" defaultChecked={filters.signIns} />
            Show sign-ins and failed sign-ins
          </label>
        </div>
      </div>
      <div className="form-actions" style={{ marginTop: "0.75rem" }}>
        <button className="button" type="submit">
          Filter
        </button>
        {hasActiveAuditFilters(filters) && <Link href="/audit">Clear all filters</Link>}
      </div>
    </GetForm>
  );
}
