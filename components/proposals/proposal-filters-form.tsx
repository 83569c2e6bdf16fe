import Link from "next/link";
import { CheckGroup } from "@/components/ui/check-group";
import { IncludeSelect } from "@/components/ui/include-select";
import { ASSESSMENTS, ASSESSMENT_LABELS, IMPLEMENTATION_STATUSES, STATUS_LABELS, NO_UPDATE_LABEL } from "@/lib/domain/vocabulary";
import { REVIEW_STATE_FILTER_LABELS, REVIEW_STATE_FILTER_VALUES } from "@/lib/domain/filter-query";
import { hasActiveFilters, toFilterQuery, type ProposalFilters } from "@/lib/validation/proposal-filters";

/** A GET form: the filters end up in the URL, so any view can be bookmarked or shared. */
export function ProposalFiltersForm({
  filters,
  areas,
  organisations,
  periodId,
  personal,
}: {
  filters: ProposalFilters;
  areas: { id: string; name: string }[];
  organisations: { code: string; name: string }[];
  periodId: string | undefined;
  /** Whether to offer "proposals I follow" and "needs my action" (people who record updates). */
  personal: boolean;
}) {
  return (
    <form method="get" className="card filters-form" role="search" aria-label="Filter proposals">
      {periodId && <input type="hidden" name="period" value={periodId} />}
      {filters.asOf && <input type="hidden" name="asOf" value={filters.asOf} />}
      <div className="filters">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} placeholder="Title, description, area or number (e.g. P12)" style={{ width: "100%" }} />
        </div>
        <div className="field">
          <label htmlFor="include">Count</label>
          <span id="include-hint" className="field__hint">
            Which updates the status, the filters and the CSV use.
          </span>
          <IncludeSelect value={filters.include} describedBy="include-hint" />
        </div>
        {personal && (
          <fieldset>
            <legend>Mine</legend>
            <div className="check-list">
              <label className="check">
                <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} />
                Proposals I follow
              </label>
              <label className="check">
                <input type="checkbox" name="action" value="1" defaultChecked={filters.action} />
                Needs my action
              </label>
            </div>
          </fieldset>
        )}
      </div>
      <div className="filters">
        <CheckGroup legend="Area" name="area" options={areas.map((a) => ({ value: a.id, label: a.name }))} selected={filters.area} />
        <CheckGroup
          legend="Implementation status"
          name="status"
          options={[...IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })), { value: "NO_UPDATE", label: NO_UPDATE_LABEL }]}
          selected={filters.status}
        />
        <CheckGroup
          legend="Assessment"
          name="assessment"
          options={ASSESSMENTS.map((a) => ({ value: a, label: ASSESSMENT_LABELS[a] }))}
          selected={filters.assessment}
        />
        <CheckGroup
          legend="Review state"
          name="state"
          options={REVIEW_STATE_FILTER_VALUES.map((s) => ({ value: s, label: REVIEW_STATE_FILTER_LABELS[s] }))}
          selected={filters.state}
        />
        <CheckGroup
          legend="Focal-point organisation"
          name="org"
          options={organisations.map((o) => ({ value: o.code, label: o.code }))}
          selected={filters.org}
        />
      </div>
      <div className="form-actions" style={{ marginTop: "0.75rem" }}>
        <button type="submit" className="button">
          Apply filters
        </button>
        {hasActiveFilters(filters) && (
          <Link href={`/proposals${toFilterQuery({ period: periodId, include: filters.include, asOf: filters.asOf })}`}>Clear all filters</Link>
        )}
      </div>
    </form>
  );
}
