// What a printed page says about itself (components/layout/print-header.tsx): when it was printed, and
// which filters were in force, in plain words. Pure: the pages pass names, not ids.
import { formatDate } from "./format";
import type { IncludeOption } from "./proposals";
import { ASSESSMENT_LABELS, PERIOD_STATE_LABELS, type Assessment, type PeriodState } from "./vocabulary";

/** "Printed 2 December 2026, 15:05 CET": the moment the page was rendered, in the reader's IANA time zone. */
export function formatPrintedAt(date: Date, timeZone = "UTC"): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
    timeZoneName: "short",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `Printed ${part("day")} ${part("month")} ${part("year")}, ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}

/** "Period: 11th progress report (open for updates), compared with the 10th progress report." */
export function describePeriodShown(period: { name: string; state: PeriodState }, comparedWith?: string): string {
  const compared = comparedWith ? `, compared with the ${comparedWith}` : "";
  return `Period: ${period.name} (${PERIOD_STATE_LABELS[period.state].toLowerCase()})${compared}.`;
}

/** Which updates a view counts, as a clause: "counting approved updates only". */
export const COUNTING_WORDS: Record<IncludeOption, string> = {
  approved: "counting approved updates only",
  submitted: "counting approved and submitted updates",
  all: "counting every update, drafts and returned ones included",
};

export type FiltersInForce = {
  /** Area names, in catalogue order. */
  areas: readonly string[];
  /** Organisation codes (NATO, EU). */
  organisations: readonly string[];
  assessments: readonly Assessment[];
  include: IncludeOption;
  /** The as-of day (UTC midnight), or null for today's data. */
  asOf: Date | null;
};

function clause(one: string, many: string, values: readonly string[]): string | null {
  return values.length === 0 ? null : `${values.length === 1 ? one : many} ${values.join(", ")}`;
}

/**
 * "Filters: area Cyber security and defence; organisation NATO; counting approved updates only; as it
 * stood at the end of 15 Jan 2022 (UTC)." Without any: "Filters: none (every area, organisation and
 * assessment); counting approved updates only."
 */
export function describeFiltersInForce(filters: FiltersInForce): string {
  const narrowing = [
    clause("area", "areas", filters.areas),
    clause("organisation", "organisations", filters.organisations),
    clause(
      "assessment",
      "assessments",
      filters.assessments.map((a) => ASSESSMENT_LABELS[a]),
    ),
  ].filter((c): c is string => c !== null);
  const parts = [
    ...(narrowing.length ? narrowing : ["none (every area, organisation and assessment)"]),
    COUNTING_WORDS[filters.include],
    ...(filters.asOf ? [`as it stood at the end of ${formatDate(filters.asOf)} (UTC)`] : []),
  ];
  return `Filters: ${parts.join("; ")}.`;
}
