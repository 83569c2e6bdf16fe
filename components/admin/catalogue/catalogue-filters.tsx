import Link from "next/link";
import { GetForm } from "@/components/ui/get-form";
import type { AreaChoice } from "@/lib/domain/catalogue";
import { PROPOSAL_SETS, SET_LABELS } from "@/lib/domain/vocabulary";
import type { CatalogueFilters } from "@/lib/validation/catalogue";

const STATE_OPTIONS = [
  ["", "In use and retired"],
  ["active", "In use only"],
  ["retired", "Retired only"],
] as const;

/** A GET form: the filters end up in the URL, so a view of the catalogue can be bookmarked. */
export function CatalogueFiltersForm({ filters, areas }: { filters: CatalogueFilters; areas: AreaChoice[] }) {
  const active = Boolean(filters.q || filters.area || filters.set || filters.state !== "all");
  return (
    <GetForm className="card" role="search" aria-label="Filter the catalogue">
      <div className="filters">
        <div className="field">
          <label htmlFor="catalogue-q">Search</label>
          <input id="catalogue-q" name="q" type="search" defaultValue={filters.q} placeholder="Title, description or number (e.g. P12)" />
        </div>
        <div className="field">
          <label htmlFor="catalogue-area">Area</label>
          <select id="catalogue-area" name="area" defaultValue={filters.area}>
            <option value="">All areas</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.number}. {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalogue-set">Set</label>
          <select id="catalogue-set" name="set" defaultValue={filters.set}>
            <option value="">Both sets</option>
            {PROPOSAL_SETS.map((s) => (
              <option key={s} value={s}>
                {SET_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="catalogue-state">Shown</label>
          <select id="catalogue-state" name="state" defaultValue={filters.state === "all" ? "" : filters.state}>
            {STATE_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        {active && <Link href="/admin/catalogue">Clear all filters</Link>}
      </div>
    </GetForm>
  );
}
