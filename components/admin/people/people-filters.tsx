import Link from "next/link";
import { GetForm } from "@/components/ui/get-form";
import { ORGANISATION_CODES, PERSON_STATE_LABELS, PERSON_STATES } from "@/lib/domain/people";
import { ROLE_LABELS, ROLES } from "@/lib/domain/vocabulary";
import type { PeopleFilters } from "@/lib/validation/people";

/** A GET form: the filters live in the URL, so a view can be bookmarked or shared. */
export function PeopleFiltersForm({ filters }: { filters: PeopleFilters }) {
  const isFiltered = Boolean(filters.q || filters.org || filters.role || filters.state);
  return (
    <GetForm className="card filters-form" role="search" aria-label="Filter people">
      <div className="filters">
        <div className="field">
          <label htmlFor="people-q">Name or e-mail</label>
          <input id="people-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="people-org">Organisation</label>
          <select id="people-org" name="org" defaultValue={filters.org ?? ""}>
            <option value="">Both</option>
            {ORGANISATION_CODES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-role">Role</label>
          <select id="people-role" name="role" defaultValue={filters.role ?? ""}>
            <option value="">Any</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-state">State</label>
          <select id="people-state" name="state" defaultValue={filters.state ?? ""}>
            <option value="">Any</option>
            {PERSON_STATES.map((state) => (
              <option key={state} value={state}>
                {PERSON_STATE_LABELS[state]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          Filter
        </button>
        {isFiltered && <Link href="/admin/users">Clear filters</Link>}
      </div>
    </GetForm>
  );
}
