// Inputs about people: who they are, where they work, what they may do.
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "@/lib/domain/password-policy";
import { bodyProblem, ORGANISATION_CODES, PERSON_STATES, type EuBodyCode, type OrganisationCode } from "@/lib/domain/people";
import { ROLES } from "@/lib/domain/vocabulary";

export const EU_BODIES = ["EEAS", "COMMISSION", "EDA"] as const;
export const EU_BODY_LABELS: Record<(typeof EU_BODIES)[number], string> = { EEAS: "EEAS", COMMISSION: "European Commission", EDA: "European Defence Agency" };

export const emailSchema = z
  .string("Enter the e-mail address")
  .trim()
  .toLowerCase()
  .max(320, "The e-mail address is too long")
  .email("Enter an e-mail address like name@example.org");

export const personNameSchema = z
  .string("Enter the person's name")
  .trim()
  .min(2, "Enter the person's name")
  .max(120, "Keep the name under 120 characters")
  .refine((v) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(v), "Remove control and direction-override characters from the name");

/** `npm run admin:create -- --email … --name … --organisation NATO|EU [--body EEAS|COMMISSION|EDA]`. */
export const adminCommandSchema = z
  .object({
    email: emailSchema,
    name: personNameSchema,
    organisation: z.enum(["NATO", "EU"], "--organisation must be NATO or EU"),
    body: z.enum(EU_BODIES, "--body must be EEAS, COMMISSION or EDA").optional(),
  })
  .refine((v) => v.organisation === "EU" || v.body === undefined, { path: ["body"], message: "--body is for EU users only" });

export type AdminCommandInput = z.infer<typeof adminCommandSchema>;

// The admin's forms (/admin/users) and the account page. Empty selects arrive as "" and mean "none".

const idSchema = z.string("This person is not recognised").regex(/^[A-Za-z0-9_-]{1,64}$/, "This person is not recognised");
const roleSchema = z.enum(ROLES, "Choose a role");
const organisationSchema = z.enum(ORGANISATION_CODES, "Choose the organisation");
const bodySchema = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(EU_BODIES, "Choose an EU body from the list").optional());

/** Who the person is and where they work; the body only for the EU side (a pure rule in lib/domain/people.ts). */
const personFields = { name: personNameSchema, role: roleSchema, organisation: organisationSchema, body: bodySchema };

function checkBody(value: { organisation: OrganisationCode; body?: EuBodyCode }, ctx: z.core.$RefinementCtx) {
  const problem = bodyProblem(value.organisation, value.body);
  if (problem) ctx.addIssue({ code: "custom", path: ["body"], message: problem });
}

export const inviteSchema = z.object({ email: emailSchema, ...personFields }).superRefine(checkBody);
export type InviteInput = z.infer<typeof inviteSchema>;

export const personUpdateSchema = z
  .object({
    userId: idSchema,
    ...personFields,
    /** The person's `updatedAt` when the form was shown (ISO, ms): a later change makes this edit stale. */
    expectedUpdatedAt: z.iso.datetime({ message: "Reload the page and try again", offset: true }).transform((v) => new Date(v)),
  })
  .superRefine(checkBody);
export type PersonUpdateInput = z.infer<typeof personUpdateSchema>;

export const personIdSchema = z.object({ userId: idSchema });

/** Changing one's own password: the current one, then the new one twice (the policy is checked with the person known). */
export const changePasswordSchema = z
  .object({
    current: z.string("Enter your current password").min(1, "Enter your current password").max(1024, "Enter your current password"),
    password: z.string("Choose a new password").min(1, "Choose a new password").max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`),
    confirm: z.string("Type the new password again").max(MAX_PASSWORD_LENGTH),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two new passwords are not the same" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** Filters of the people list (all in the URL). Unknown or malformed values are ignored. */
export const peopleFiltersSchema = z.object({
  q: z
    .string()
    .optional()
    .transform((v) => v?.trim().slice(0, 100) || undefined),
  org: z
    .string()
    .optional()
    .transform((v) => ORGANISATION_CODES.find((c) => c === v)),
  role: z
    .string()
    .optional()
    .transform((v) => ROLES.find((r) => r === v)),
  state: z
    .string()
    .optional()
    .transform((v) => PERSON_STATES.find((s) => s === v)),
  page: z
    .string()
    .optional()
    .transform((v) => (v && /^[1-9]\d{0,5}$/.test(v) ? Number(v) : 1)),
});
export type PeopleFilters = z.infer<typeof peopleFiltersSchema>;

export function parsePeopleFilters(params: Record<string, string | string[] | undefined>): PeopleFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return peopleFiltersSchema.parse(Object.fromEntries(Object.keys(peopleFiltersSchema.shape).map((k) => [k, first(params[k])])));
}

/** `?q=…&org=…` for the list, leaving out what is not set (and page 1). */
export function toPeopleQuery(filters: Partial<PeopleFilters>): string {
  const params = new URLSearchParams();
  for (const key of ["q", "org", "role", "state"] as const) if (filters[key]) params.set(key, filters[key]);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
