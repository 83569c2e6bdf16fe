// The dashboard's URL: the proposal list's filters (period, area, organisation, assessment, include, as-of
// date) with "approved updates only" as the default count, plus the period to compare with.
import { asOfProblem } from "@/lib/domain/as-of";
import { INCLUDE_OPTIONS, type IncludeOption } from "@/lib/domain/proposals";
import { parseProposalFilters, type ProposalFilters } from "./proposal-filters";

type SearchParams = Record<string, string | string[] | undefined>;

export type DashboardParams = {
  filters: ProposalFilters;
  /** The period "what changed" compares with (default: the one before the selected period). */
  from: string | undefined;
  /** The as-of date as typed, and why it was not used (shown next to the field). */
  asOfInput: string;
  asOfError: string | null;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseDashboardParams(params: SearchParams, now = new Date()): DashboardParams {
  const include = first(params.include);
  const filters = parseProposalFilters({
    ...params,
    include: (INCLUDE_OPTIONS as readonly string[]).includes(include ?? "") ? (include as IncludeOption) : "approved",
  });
  const from = first(params.from);
  const asOfInput = (first(params.asOf) ?? "").trim();
  return {
    filters,
    from: from && /^[a-z0-9-]{1,64}$/.test(from) ? from : undefined,
    asOfInput,
    asOfError: asOfInput ? asOfProblem(asOfInput, now) : null,
  };
}
