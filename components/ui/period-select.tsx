import type { PeriodSummary } from "@/lib/domain/periods";
import { PERIOD_STATE_LABELS } from "@/lib/domain/vocabulary";

/** A GET form: works without JavaScript and keeps the choice in the URL. */
export function PeriodSelect({ periods, selectedId, hidden = [] }: { periods: PeriodSummary[]; selectedId: string; hidden?: [string, string][] }) {
  return (
    <form method="get" className="form-actions no-print">
      {hidden.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="period">Reporting period</label>
      <select id="period" name="period" defaultValue={selectedId}>
        <PeriodOptions periods={periods} />
      </select>
      <button type="submit" className="button button--secondary button--small">
        Show
      </button>
    </form>
  );
}

export function PeriodOptions({ periods }: { periods: PeriodSummary[] }) {
  return periods.map((p) => (
    <option key={p.id} value={p.id}>
      {p.name} ({PERIOD_STATE_LABELS[p.state]})
    </option>
  ));
}
