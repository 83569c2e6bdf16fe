import Link from "next/link";
import { daysUntil, describeDaysLeft, formatDate } from "@/lib/domain/format";
import type { PeriodSummary } from "@/lib/domain/periods";

export function PeriodBanner({ period, now }: { period: PeriodSummary | null; now: Date }) {
  return (
    <div className="period-banner" role="region" aria-label="Current reporting period">
      <div className="period-banner__inner">
        {period ? (
          <>
            <span>
              <strong>{period.state === "OPEN" ? "Open for updates:" : "Locked for review:"}</strong> <Link href={`/periods/${period.id}`}>{period.name}</Link>
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
