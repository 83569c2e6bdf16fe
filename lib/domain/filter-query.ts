// The query string of the proposal list's filters (and the dashboard's, which shares them). Pure and
// free of zod, so that client components (the charts' drill-down) can build the same links.
import { DEFAULT_INCLUDE, type IncludeOption } from "./proposals";
import { WORKFLOW_LABELS, WORKFLOW_STATES } from "./workflow";

/** The list's review-state filter: an update in one of the workflow states, or none ("NONE"). */
export const REVIEW_STATE_FILTER_VALUES = [...WORKFLOW_STATES, "NONE"] as const;
export type ReviewStateFilter = (typeof REVIEW_STATE_FILTER_VALUES)[number];
export const REVIEW_STATE_FILTER_LABELS: Record<ReviewStateFilter, string> = { ...WORKFLOW_LABELS, NONE: "No update yet" };

export type FilterQueryInput = {
  q?: string;
  area?: readonly string[];
  status?: readonly string[];
  assessment?: readonly string[];
  org?: readonly string[];
  mine?: boolean;
  action?: boolean;
  state?: readonly string[];
  period?: string;
  include?: IncludeOption;
  asOf?: string;
};

/** The canonical query string of a filter set (stable order, empty values left out). */
export function toFilterQuery(filters: FilterQueryInput): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  for (const key of ["area", "status", "assessment", "org"] as const) {
    for (const value of filters[key] ?? []) params.append(key, value);
  }
  if (filters.mine) params.set("mine", "1");
  if (filters.action) params.set("action", "1");
  for (const value of filters.state ?? []) params.append("state", value);
  if (filters.period) params.set("period", filters.period);
  if (filters.include && filters.include !== DEFAULT_INCLUDE) params.set("include", filters.include);
  if (filters.asOf) params.set("asOf", filters.asOf);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The proposal list showing exactly the given filters (the target of every dashboard drill-down). */
export function proposalListHref(filters: FilterQueryInput): string {
  return `/proposals${toFilterQuery(filters)}`;
}

/**
 * The query string of a dashboard view (/dashboard, /dashboard/changes). A dashboard URL always names its
 * Count choice, so that a bookmark keeps meaning the same if the default ever changes.
 */
export function toDashboardQuery(filters: FilterQueryInput & { include: IncludeOption }): URLSearchParams {
  const params = new URLSearchParams(toFilterQuery(filters).slice(1));
  params.set("include", filters.include);
  return params;
}
