import { z } from "zod";
import { safeString } from "./text";
import { PERIOD_ACTIONS } from "@/lib/domain/period-lifecycle";

const isoDate = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `Enter the ${label} as a date`, abort: true })
    // Date.parse rolls 30 February over to March: require the date to read back unchanged.
    .refine(
      (v) => {
        const time = Date.parse(`${v}T00:00:00Z`);
        return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === v;
        // abort: an impossible date stops here, so the cross-field rules below do not pile on.
      },
      { message: `Enter a real ${label}`, abort: true },
    )
    .transform((v) => new Date(`${v}T00:00:00Z`));

export const periodSchema = z
  .object({
    number: z.coerce.number("Enter the report number").int("Enter a whole number").min(1, "The number starts at 1").max(999),
    name: safeString().trim().min(3, "Give the period a name, e.g. 12th progress report").max(120, "Keep the name under 120 characters"),
    startsOn: isoDate("start date"),
    cutOffOn: isoDate("cut-off date"),
    dueOn: isoDate("due date"),
    /** 0 when creating. */
    expectedVersion: z.coerce.number().int().min(0).default(0),
  })
  .refine((p) => p.cutOffOn >= p.startsOn, { path: ["cutOffOn"], message: "The cut-off cannot be before the start" })
  .refine((p) => p.dueOn >= p.cutOffOn, { path: ["dueOn"], message: "The due date cannot be before the cut-off" });

export type PeriodInput = z.infer<typeof periodSchema>;

export const periodActionSchema = z.object({
  periodId: z.string().min(1),
  action: z.enum(PERIOD_ACTIONS),
  expectedVersion: z.coerce.number().int().min(1),
});

export const MAX_REOPEN_DAYS = 30;

export const reopenSchema = z.object({
  periodId: z.string().min(1),
  proposalId: z.string().min(1),
  reason: safeString().trim().min(5, "Give the reason for reopening (at least 5 characters)").max(1000, "Keep the reason under 1,000 characters"),
  /** The last day (UTC) the proposal stays open; it re-locks at the end of that day. */
  expiresOn: isoDate("expiry date"),
});

export type ReopenInput = z.infer<typeof reopenSchema>;
