import Link from "next/link";
import { CheckGroup } from "@/components/ui/check-group";
import type { ReviewQueueFilters } from "@/lib/domain/review-queue";

/** A GET form: the queue's filters (area, organisation, author) end up in the URL. */
export function ReviewQueueFiltersForm({
  filters,
  areas,
  organisations,
  authors,
}: {
  filters: ReviewQueueFilters;
  areas: { id: string; name: string }[];
  organisations: { code: string }[];
  authors: { id: string; name: string }[];
}) {
  const count = filters.area.length + filters.org.length + filters.author.length;
  const active = count > 0;
  // Folded away so the update under review stays in view; the summary says how many filters are on.
  return (
    <details className="card review-filters">
      <summary>Filter by area, organisation or author{active ? ` (${count} on)` : ""}</summary>
      <form method="get" className="filters-form" role="search" aria-label="Filter the review queue">
        <div className="filters">
          <CheckGroup legend="Area" name="area" options={areas.map((a) => ({ value: a.id, label: a.name }))} selected={filters.area} />
          <CheckGroup legend="Organisation" name="org" options={organisations.map((o) => ({ value: o.code, label: o.code }))} selected={filters.org} />
          <CheckGroup legend="Author" name="author" options={authors.map((a) => ({ value: a.id, label: a.name }))} selected={filters.author} />
        </div>
        <div className="form-actions" style={{ marginTop: "0.75rem" }}>
          <button type="submit" className="button">
            Apply filters
          </button>
          {active && <Link href="/review">Clear all filters</Link>}
        </div>
      </form>
    </details>
  );
}
