// Filters of the proposal list. They live in the URL so that a view can be shared; the same parsed
// object drives the page, the SQL query and the CSV export.
import { z } from "zod";
import { asOfProblem } from "@/lib/domain/as-of";
import { DEFAULT_INCLUDE, INCLUDE_OPTIONS, type IncludeOption } from "@/lib/domain/proposals";
import { ASSESSMENTS, IMPLEMENTATION_STATUSES } from "@/lib/domain/vocabulary";
import { REVIEW_STATE_FILTER_VALUES } from "@/lib/domain/filter-query";
import { withoutUnsafeText } from "./text";

const rawValues = z.union([z.string(), z.array(z.string())]).optional();

/** Repeated (`?a=x&a=y`) and comma-separated (`?a=x,y`) values alike, trimmed and de-duplicated. */
function splitValues(raw: string | string[] | undefined): string[] {
  const items = [raw ?? []].flat().flatMap((value) => value.split(","));
  return [...new Set(items.map((s) => s.trim()).filter(Boolean))];
}

// Unknown values in a shared link are dropped rather than failing the whole page.
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  rawValues.transform((raw) => splitValues(raw).filter((item): item is T[number] => (values as readonly string[]).includes(item)));

const pattern = (re: RegExp, normalise: (s: string) => string = (s) => s) =>
  rawValues.transform((raw) => [...new Set(splitValues(raw).map(normalise))].filter((s) => re.test(s)));

/** A yes/no filter: present as "1" (or "true", "on") in the URL. */
const flag = rawValues.transform((raw) => ["1", "true", "on"].includes([raw ?? []].flat()[0] ?? ""));

export const STATUS_FILTER_VALUES = [...IMPLEMENTATION_STATUSES, "NO_UPDATE"] as const;

export const proposalFiltersSchema = z.object({
  q: z
    .string()
    .optional()
    .transform((v) =>
      withoutUnsafeText(v ?? "")
        .trim()
        .slice(0, 200),
    ),
  area: pattern(/^[a-z0-9-]{1,64}$/),
  status: list(STATUS_FILTER_VALUES),
  assessment: list(ASSESSMENTS),
  org: pattern(/^[A-Z]{2,10}$/, (s) => s.toUpperCase()),
  period: z
    .string()
    .optional()
    .transform((v) => (v && /^[a-z0-9-]{1,64}$/.test(v) ? v : undefined)),
  /** Show the view as it stood at the end of this day (UTC); dropped unless a real, past day. */
  asOf: z
    .string()
    .optional()
    .transform((v) => (v && asOfProblem(v, new Date()) === null ? v : undefined)),
  /** Only the proposals the signed-in person follows as focal point. */
  mine: flag,
  /** Only what needs the signed-in person's action now (as on "My work" and in the bell). */
  action: flag,
  /** The review state of the proposal's update in the period, as it is now ("NONE": no update at all). */
  state: list(REVIEW_STATE_FILTER_VALUES),
  /** Which updates count: approved ones unless asked for more, as on the dashboard and in reports. */
  include: z
    .string()
    .optional()
    .transform((v): IncludeOption => ((INCLUDE_OPTIONS as readonly string[]).includes(v ?? "") ? (v as IncludeOption) : DEFAULT_INCLUDE)),
});

export type ProposalFilters = z.infer<typeof proposalFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined>;

export function parseProposalFilters(searchParams: SearchParams | URLSearchParams): ProposalFilters {
  const record: SearchParams =
    searchParams instanceof URLSearchParams
      ? Object.fromEntries([...new Set(searchParams.keys())].map((key) => [key, searchParams.getAll(key)]))
      : searchParams;
  const flatten = (value: string | string[] | undefined) => (Array.isArray(value) && value.length === 1 ? value[0] : value);
  return proposalFiltersSchema.parse({
    q: [flatten(record.q)].flat()[0],
    area: record.area,
    status: record.status,
    assessment: record.assessment,
    org: record.org,
    mine: record.mine,
    action: record.action,
    state: record.state,
    period: [flatten(record.period)].flat()[0],
    asOf: [flatten(record.asOf)].flat()[0],
    include: [flatten(record.include)].flat()[0],
  });
}

// Building URLs needs no zod: it lives in lib/domain so that client components can use it.
export { proposalListHref, toFilterQuery } from "@/lib/domain/filter-query";

export function hasActiveFilters(filters: ProposalFilters): boolean {
  return Boolean(
    filters.q ||
    filters.area.length ||
    filters.status.length ||
    filters.assessment.length ||
    filters.org.length ||
    filters.mine ||
    filters.action ||
    filters.state.length,
  );
}
