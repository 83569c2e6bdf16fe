import { proposalListHref, type FilterQueryInput } from "@/lib/domain/filter-query";
import type { IncludeOption } from "@/lib/domain/proposals";
import type { Assessment } from "@/lib/domain/vocabulary";

/** What the dashboard shows (period, which updates count, filters, as-of date): every drill-down keeps it. */
export type DashboardView = { period: string; include: IncludeOption; area: string[]; org: string[]; assessment: Assessment[]; asOf: string | undefined };

/** The proposal list for the dashboard's view, narrowed by `narrow` (e.g. one status in one area). */
export function drillDown(view: DashboardView, narrow: FilterQueryInput): string {
  return proposalListHref({ ...view, ...narrow });
}
