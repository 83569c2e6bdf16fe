// Inputs of the focal-point admin: the forms' commands and the overview's filters in the URL.
import { z } from "zod";

const id = (what: string) =>
  z
    .string(`Choose ${what}`)
    .trim()
    .min(1, `Choose ${what}`)
    .regex(/^[A-Za-z0-9_-]{1,64}$/, `Choose ${what} from the list`);

const personId = id("a person");

/** One form action serves every focal-point form; `intent` says which change is asked for. */
export const focalPointCommandSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("assign"), proposalId: id("a proposal"), userId: personId }),
    z.object({ intent: z.literal("remove"), proposalId: id("a proposal"), userId: personId }),
    z.object({ intent: z.literal("assign_area"), userId: personId, areaId: id("an area") }),
    z.object({ intent: z.literal("remove_area"), userId: personId, areaId: id("an area") }),
    z.object({ intent: z.literal("handover"), userId: personId, toUserId: id("who takes the proposals over") }),
  ],
  "This action is not recognised.",
);

export type FocalPointCommand = z.infer<typeof focalPointCommandSchema>;
export type FocalPointInput = { proposalId: string; userId: string };
export type AreaFocalPointInput = { userId: string; areaId: string };
export type HandoverInput = { fromUserId: string; toUserId: string };

/** The sides of a proposal are the organisations, by code (as the proposal list's `org` filter). */
const sideSchema = z
  .string()
  .optional()
  .transform((v) => (v && /^[A-Za-z]{2,10}$/.test(v) ? v.toUpperCase() : undefined));

/** Filters of the overview, all in the URL; anything malformed is ignored rather than failing the page. */
export const focalPointFiltersSchema = z.object({
  area: z
    .string()
    .optional()
    .transform((v) => (v && /^[a-z0-9-]{1,64}$/.test(v) ? v : undefined)),
  /** Show this organisation's focal points only (and, with `vacant`, its vacancies only). */
  side: sideSchema,
  /** Only proposals with a vacancy (on `side`, or on either side). */
  vacant: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "true" || v === "on"),
  page: z
    .string()
    .optional()
    .transform((v) => {
      const n = Number(v ?? 1);
      return Number.isSafeInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
    }),
});

export type FocalPointFilters = z.infer<typeof focalPointFiltersSchema>;

export function parseFocalPointFilters(params: Record<string, string | string[] | undefined>): FocalPointFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return focalPointFiltersSchema.parse({ area: first(params.area), side: first(params.side), vacant: first(params.vacant), page: first(params.page) });
}

/** The overview's URL for a filter set (stable order, defaults left out). */
export function focalPointsHref(filters: Partial<FocalPointFilters>): string {
  const params = new URLSearchParams();
  if (filters.area) params.set("area", filters.area);
  if (filters.side) params.set("side", filters.side);
  if (filters.vacant) params.set("vacant", "1");
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return `/admin/focal-points${query ? `?${query}` : ""}`;
}
