import { daysUntil, describeDaysLeft, formatDate } from "@/lib/domain/format";
import type { PeriodSummary } from "@/lib/data/periods";

export function PeriodBanner({ period, now }: { period: PeriodSummary | null; now: Date }) {
  return (
    <div className="period-banner" role="region" aria-label="Open reporting period">
      <div className="period-banner__inner">
        {period ? (
          <>
            <span>
              <strong>Open for updates:</strong> {period.name}
            </span>
            <span>
              Cut-off {formatDate(period.cutOffOn)} · Due {formatDate(period.dueOn)} ({describeDaysLeft(daysUntil(period.dueOn, now))})
            </span>
          </>
        ) : (
          <span>No reporting period is open for updates.</span>
        )}
      </div>
    </div>
  );
}
