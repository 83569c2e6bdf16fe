// The catalogue's forms (areas, proposals, retirement) and the filters of the admin catalogue page.
import { z } from "zod";
import { safeString } from "./text";
import { PROPOSAL_SETS } from "@/lib/domain/vocabulary";

/** Trimmed, with Windows line breaks (what browsers send from a textarea) as plain ones. */
const text = () => safeString().transform((v) => v.replace(/\r\n?/g, "\n").trim());

const id = z.string().trim().min(1).max(64);

export const areaSchema = z.object({
  areaId: id,
  name: text().pipe(z.string().min(3, "Give the area a name of at least 3 characters").max(120, "Keep the name under 120 characters")),
  description: text().pipe(z.string().max(2000, "Keep the description under 2,000 characters")),
  /** The fingerprint of the wording the form showed (lib/domain/catalogue.ts, areaFingerprint). */
  fingerprint: z.string().regex(/^[0-9a-f]{32}$/, "Reload the page and try again"),
});

export type AreaInput = z.infer<typeof areaSchema>;

export const proposalSchema = z.object({
  proposalId: id,
  title: text().pipe(
    z
      .string()
      .min(3, "Give the proposal a title of at least 3 characters")
      .max(300, "Keep the title under 300 characters")
      .refine((v) => !v.includes("\n"), "Keep the title on one line"),
  ),
  description: text().pipe(z.string().min(1, "Describe the proposal").max(5000, "Keep the description under 5,000 characters")),
  areaId: z.string().trim().min(1, "Choose an area").max(64, "Choose one of the areas"),
  set: z.enum(PROPOSAL_SETS, "Choose the set the proposal belongs to"),
  /** A checkbox: "on" when ticked, absent when not. */
  edaInvolved: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
  /** The latest version the form showed (0 for a proposal without any version yet). */
  expectedVersion: z.coerce.number().int().min(0),
});

export type ProposalInput = z.infer<typeof proposalSchema>;

export const retireSchema = z.object({
  proposalId: id,
  action: z.enum(["retire", "unretire"]),
});

export type RetireInput = z.infer<typeof retireSchema>;

export const CATALOGUE_STATES = ["all", "active", "retired"] as const;
export type CatalogueState = (typeof CATALOGUE_STATES)[number];

const one = z.union([z.string(), z.array(z.string())]).optional();
const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw) ?? "";

/** The admin catalogue page's filters (in the URL); unknown values are dropped, never an error. */
export const catalogueFiltersSchema = z.object({
  q: one.transform((raw) => first(raw).trim().slice(0, 200)),
  area: one.transform((raw) => {
    const v = first(raw).trim();
    return /^[a-z0-9-]{1,64}$/.test(v) ? v : "";
  }),
  set: one.transform((raw) => {
    const v = first(raw);
    return (PROPOSAL_SETS as readonly string[]).includes(v) ? (v as (typeof PROPOSAL_SETS)[number]) : "";
  }),
  state: one.transform((raw): CatalogueState => {
    const v = first(raw);
    return (CATALOGUE_STATES as readonly string[]).includes(v) ? (v as CatalogueState) : "all";
  }),
});

export type CatalogueFilters = z.infer<typeof catalogueFiltersSchema>;

export function parseCatalogueFilters(searchParams: Record<string, string | string[] | undefined>): CatalogueFilters {
  return catalogueFiltersSchema.parse(searchParams);
}
