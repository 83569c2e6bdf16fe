import Link from "next/link";
import { GetForm } from "@/components/ui/get-form";
import { focalPointsHref, type FocalPointFilters } from "@/lib/validation/focal-points";

/** A GET form: the filters land in the URL, so a view (e.g. "NATO vacancies in cyber") can be shared. */
export function FocalPointFiltersForm({
  filters,
  areas,
  sides,
}: {
  filters: FocalPointFilters;
  areas: { id: string; number: number; name: string }[];
  sides: { code: string; name: string }[];
}) {
  const active = Boolean(filters.area || filters.side || filters.vacant);
  return (
    // Keyed by the URL: after a client-side navigation (a vacancy count's link) the fields show that URL's filters.
    <GetForm key={focalPointsHref({ ...filters, page: 1 })} className="card filters-form" role="search" aria-label="Filter focal points">
      <div className="filters">
        <div className="field">
          <label htmlFor="fp-area">Area</label>
          <select id="fp-area" name="area" defaultValue={filters.area ?? ""}>
            <option value="">All areas</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.number}. {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="fp-side">Side</label>
          <select id="fp-side" name="side" defaultValue={filters.side ?? ""}>
            <option value="">Both sides</option>
            {sides.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>Show</legend>
          <label className="check">
            <input type="checkbox" name="vacant" value="1" defaultChecked={filters.vacant} />
            Only vacancies (on the chosen side, or on either)
          </label>
        </fieldset>
      </div>
      <div className="form-actions">
        <button type="submit" className="button">
          Apply filters
        </button>
        {active && <Link href="/admin/focal-points">Clear all filters</Link>}
      </div>
    </GetForm>
  );
}
