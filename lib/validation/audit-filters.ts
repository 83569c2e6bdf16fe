import { z } from "zod";
import { AUDIT_GROUP_KEYS, shorten, type AuditGroup } from "@/lib/domain/audit";

// Filters of the audit page and its CSV, all in the URL. A malformed value is left out and named in a
// problem the page shows ("… was ignored"); it never reaches the database. Control characters (NUL
// included, which PostgreSQL refuses in text) are removed first.

export const PERSON_SEARCH_MAX = 100;

export type AuditFilters = {
  /** As typed: "P12", "p12", "12" (a proposal number) or a proposal id. */
  proposal?: string;
  /** A user id, or part of a name or e-mail address. */
  person?: string;
  group?: AuditGroup;
  /** An action ("period.lock") or the start of one ("status_update"). */
  action?: string;
  period?: string;
  /** Calendar days, YYYY-MM-DD, UTC; `to` inclusive. */
  from?: string;
  to?: string;
  /** Sign-ins and failed sign-ins are hidden unless this is set (or they are asked for by kind or action). */
  signIns: boolean;
  /** Keyset cursor: events with a smaller id (older). */
  before?: string;
};

export type ParsedAuditFilters = { filters: AuditFilters; problems: string[] };

const CONTROL = /[\u0000-\u001f\u007f]/g;
const clean = (value: string) => value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
const echo = (value: string) => `“${shorten(clean(value), 40)}”`;

const PROPOSAL_NUMBER = /^P?\s?0*(\d{1,4})$/i;
const PROPOSAL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A proposal filter as a number ("P12", "p12", "12" -> 12) or an id; null when it is neither. */
export function proposalRef(text: string): { number: number } | { id: string } | null {
  const number = PROPOSAL_NUMBER.exec(text);
  if (number) return { number: Number(number[1]) };
  return PROPOSAL_ID.test(text) ? { id: text } : null;
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  const year = Number(value.slice(0, 4));
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && year >= 1970 && year <= 2999;
}

const dayField = (name: string) => ({
  schema: z.string().refine(isCalendarDay),
  problem: (raw: string) => `${name}: ${echo(raw)} is not a date (use the form YYYY-MM-DD); it was ignored.`,
});

const FIELDS = {
  proposal: {
    schema: z
      .string()
      .max(64)
      .refine((v) => proposalRef(v) !== null),
    problem: (raw: string) => `${echo(raw)} is not a proposal number (use the form P12 or 12); the proposal filter was ignored.`,
  },
  person: {
    schema: z.string().max(PERSON_SEARCH_MAX),
    problem: () => `The person search is longer than ${PERSON_SEARCH_MAX} characters; it was ignored.`,
  },
  group: {
    schema: z.enum(AUDIT_GROUP_KEYS as [AuditGroup, ...AuditGroup[]]),
    problem: (raw: string) => `${echo(raw)} is not a kind of event; that filter was ignored.`,
  },
  action: {
    schema: z.string().regex(/^[a-z_]{1,40}(\.[a-z_]{1,40})?\.?$/),
    problem: (raw: string) => `${echo(raw)} is not an action; that filter was ignored.`,
  },
  period: {
    schema: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    problem: (raw: string) => `${echo(raw)} is not a reporting period; that filter was ignored.`,
  },
  from: dayField("From"),
  to: dayField("To"),
} as const;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads the filters from a query string; what cannot be used is left out and said in `problems`. */
export function parseAuditFilters(params: Params): ParsedAuditFilters {
  const problems: string[] = [];
  const filters: AuditFilters = { signIns: /^(1|on|true|yes)$/i.test(first(params, "signIns") ?? "") };
  for (const [key, { schema, problem }] of Object.entries(FIELDS)) {
    // `user` is the person filter's older name (links that still carry it keep working).
    const raw = first(params, key) ?? (key === "person" ? first(params, "user") : undefined);
    if (raw === undefined) continue;
    const value = key === "person" || key === "proposal" ? clean(raw) : raw.trim();
    if (value === "") continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) Object.assign(filters, { [key]: parsed.data });
    else problems.push(problem(raw));
  }
  const before = first(params, "before");
  if (before && /^\d{1,18}$/.test(before)) filters.before = before;
  if (filters.from && filters.to && filters.from > filters.to) problems.push("The From date is after the To date, so no event can match.");
  return { filters, problems };
}

/** Whether sign-ins are part of the view: asked for, or chosen by kind or action. */
export function showsSignIns(filters: AuditFilters): boolean {
  return filters.signIns || filters.group === "signins" || (filters.action?.startsWith("auth") ?? false);
}

export function hasActiveAuditFilters(filters: AuditFilters): boolean {
  return Boolean(filters.proposal || filters.person || filters.group || filters.action || filters.period || filters.from || filters.to || filters.signIns);
}

/** The filters as a query string ("?proposal=P12&signIns=1"), without the cursor unless given. */
export function toAuditQuery(filters: AuditFilters, before?: string): string {
  const params = new URLSearchParams();
  for (const key of ["proposal", "person", "group", "action", "period", "from", "to"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.signIns) params.set("signIns", "1");
  if (before) params.set("before", before);
  const query = params.toString();
  return query ? `?${query}` : "";
}
