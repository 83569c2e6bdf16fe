import type { ProposalFilters } from "@/lib/validation/proposal-filters";
import { proposalListHref } from "@/lib/validation/proposal-filters";

/** What the dashboard shows (period, which updates count, filters, as-of date): every drill-down keeps it. */
export type DashboardView = Pick<ProposalFilters, "include" | "area" | "org" | "assessment" | "asOf"> & { period: string };

/** The proposal list for the dashboard's view, narrowed by `narrow` (e.g. one status in one area). */
export function drillDown(view: DashboardView, narrow: Partial<ProposalFilters>): string {
  return proposalListHref({ ...view, ...narrow });
}
