import { REPORT_STATE_LABELS, type ReportState } from "@/lib/domain/report";

/** The state of a report in words (the colour only repeats it). */
export function ReportStateBadge({ state }: { state: ReportState }) {
  return <span className={`badge badge--report-${state}`}>{REPORT_STATE_LABELS[state]}</span>;
}
