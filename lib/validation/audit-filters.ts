import { z } from "zod";

const optionalId = z
  .string()
  .optional()
  .transform((v) => (v && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : undefined));
const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? new Date(`${v}T00:00:00Z`) : undefined));

/** Filters of the audit page (all in the URL). Unknown or malformed values are ignored. */
export const auditFiltersSchema = z.object({
  user: optionalId,
  proposal: optionalId,
  period: optionalId,
  action: z
    .string()
    .optional()
    .transform((v) => (v && /^[a-z_.]{1,64}$/.test(v) ? v : undefined)),
  from: optionalDate,
  to: optionalDate,
  before: z
    .string()
    .optional()
    .transform((v) => (v && /^\d{1,18}$/.test(v) ? v : undefined)),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return auditFiltersSchema.parse(Object.fromEntries(Object.keys(auditFiltersSchema.shape).map((k) => [k, first(params[k])])));
}
