import type { PeriodSummary } from "@/lib/data/periods";
import { INCLUDE_LABELS, INCLUDE_OPTIONS, type IncludeOption } from "@/lib/domain/proposals";
import { PeriodOptions } from "@/components/ui/period-select";

/** Period and "which updates count" in one GET form: the choice lives in the URL. */
export function DashboardControls({ periods, periodId, include }: { periods: PeriodSummary[]; periodId: string; include: IncludeOption }) {
  return (
    <form method="get" className="form-actions no-print" aria-label="Dashboard options">
      <label htmlFor="period">Reporting period</label>
      <select id="period" name="period" defaultValue={periodId}>
        <PeriodOptions periods={periods} />
      </select>
      <label htmlFor="include">Count</label>
      <select id="include" name="include" defaultValue={include}>
        {INCLUDE_OPTIONS.map((option) => (
          <option key={option} value={option}>
            {INCLUDE_LABELS[option]}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary button--small">
        Show
      </button>
    </form>
  );
}
