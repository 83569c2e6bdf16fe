import Link from "next/link";
import { CheckGroup } from "@/components/ui/check-group";
import { GetForm } from "@/components/ui/get-form";
import { PeriodOptions } from "@/components/ui/period-select";
import type { PeriodSummary } from "@/lib/domain/periods";
import { IncludeSelect } from "@/components/ui/include-select";
import { ASSESSMENTS, ASSESSMENT_LABELS } from "@/lib/domain/vocabulary";
import type { DashboardView } from "./view";

type Props = {
  periods: PeriodSummary[];
  view: DashboardView;
  fromId: string | undefined;
  asOfInput: string;
  asOfError: string | null;
  areas: { id: string; name: string }[];
  organisations: { code: string; name: string }[];
  today: string;
};

/** One GET form: every choice lives in the URL, so any view can be bookmarked, shared or printed. */
export function DashboardControls({ periods, view, fromId, asOfInput, asOfError, areas, organisations, today }: Props) {
  const filtered = view.area.length + view.org.length + view.assessment.length > 0;
  return (
    <GetForm action="/dashboard" className="card dashboard-controls no-print" aria-label="Dashboard options">
      <div className="form-actions">
        <div className="field field--inline">
          <label htmlFor="period">Reporting period</label>
          <select id="period" name="period" defaultValue={view.period}>
            <PeriodOptions periods={periods} />
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="include">Count</label>
          <IncludeSelect value={view.include} />
        </div>
        <div className="field field--inline">
          <label htmlFor="from">Compare with</label>
          <select id="from" name="from" defaultValue={fromId ?? ""}>
            <option value="">The report before</option>
            <PeriodOptions periods={periods} />
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor="asOf">As of (end of day, UTC)</label>
          <input
            id="asOf"
            name="asOf"
            type="date"
            max={today}
            min="2016-01-01"
            defaultValue={asOfInput}
            aria-invalid={asOfError ? true : undefined}
            aria-describedby={asOfError ? "asOf-error" : "asOf-hint"}
          />
          {asOfError ? (
            <span id="asOf-error" className="field__error">
              {asOfError} Showing today&apos;s data.
            </span>
          ) : (
            <span id="asOf-hint" className="field__hint">
              Leave empty for today.
            </span>
          )}
        </div>
      </div>
      <details className="dashboard-filters" open={filtered}>
        <summary>
          Filter by area, organisation or assessment{filtered ? ` (${view.area.length + view.org.length + view.assessment.length} selected)` : ""}
        </summary>
        <div className="filters">
          <CheckGroup legend="Area" name="area" options={areas.map((a) => ({ value: a.id, label: a.name }))} selected={view.area} />
          <CheckGroup
            legend="Focal-point organisation"
            name="org"
            options={organisations.map((o) => ({ value: o.code, label: `${o.code} (${o.name})` }))}
            selected={view.org}
          />
          <CheckGroup
            legend="Assessment"
            name="assessment"
            options={ASSESSMENTS.map((a) => ({ value: a, label: ASSESSMENT_LABELS[a] }))}
            selected={view.assessment}
          />
        </div>
      </details>
      <div className="form-actions">
        <button type="submit" className="button button--small">
          Show
        </button>
        {(filtered || view.asOf) && (
          <Link prefetch={false} href={`/dashboard?period=${view.period}&include=${view.include}`}>
            Clear filters and date
          </Link>
        )}
      </div>
    </GetForm>
  );
}
