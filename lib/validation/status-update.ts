import { z } from "zod";
import { requiresRationale } from "@/lib/domain/review-rules";
import { ASSESSMENTS, IMPLEMENTATION_STATUSES, type Assessment, type ImplementationStatus } from "@/lib/domain/vocabulary";
import { safeString, strictInteger } from "./text";

export const MAX_EVIDENCE_LINKS = 10;

export const evidenceLinkSchema = z.object({
  label: safeString().trim().max(200, "Keep the label under 200 characters"),
  url: safeString()
    .trim()
    .min(1, "Enter the link's address")
    .max(2000, "The address is too long")
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    }, "Enter a full web address starting with https://"),
});

export const statusUpdateSchema = z.object({
  proposalId: z.string().min(1),
  periodId: z.string().min(1),
  status: z.enum(IMPLEMENTATION_STATUSES, "Choose an implementation status"),
  assessment: z.enum(ASSESSMENTS, "Choose an assessment"),
  // A blank box is no answer, not 0 % (z.coerce alone would read "" as 0).
  // Strictly: null, [], true, "1e309" or "4.5" are not a number of percent (z.coerce would read most as 0).
  progress: strictInteger("Enter progress as a whole number from 0 to 100").pipe(
    z.number().min(0, "Progress cannot be below 0").max(100, "Progress cannot be above 100"),
  ),
  narrative: safeString().trim().min(1, "Describe the progress made in this period").max(5000, "Keep the narrative under 5,000 characters"),
  nextSteps: safeString().trim().max(2000, "Keep next steps under 2,000 characters").default(""),
  evidenceLinks: z.array(evidenceLinkSchema).max(MAX_EVIDENCE_LINKS, `Add at most ${MAX_EVIDENCE_LINKS} links`).default([]),
  /** Required (checked against the previous period in lib/data) when status or assessment changes. */
  rationale: safeString().trim().max(1000, "Keep the rationale under 1,000 characters").default(""),
  /** "save" keeps a draft (or a returned item) as it is; "submit" sends it for review. */
  intent: z.enum(["save", "submit"]).default("save"),
  /** The version the user started from; 0 when no update exists yet. */
  expectedVersion: z.coerce.number().int().min(0),
});

export const RATIONALE_REQUIRED_MESSAGE = "Explain briefly why the status or assessment changed since the last period";

/** The message beside the rationale field, naming the period compared with. */
export function rationaleRequiredMessage(previousPeriodName: string): string {
  return `${RATIONALE_REQUIRED_MESSAGE} (${previousPeriodName}).`;
}

/** The proposal's latest update in an earlier period (null when there is none): the baseline of the rationale rule. */
export type RationaleBaseline = { status: ImplementationStatus; assessment: Assessment; periodName: string } | null;

const statusValue = z.enum(IMPLEMENTATION_STATUSES);
const assessmentValue = z.enum(ASSESSMENTS);

/**
 * The cross-field rules of an update, read from the raw input so that they hold even when other fields
 * are invalid: a status or assessment that differs from the baseline needs a rationale. A status or
 * assessment that is itself invalid cannot be compared and is left to its own message.
 */
export function crossFieldIssues(input: unknown, baseline: RationaleBaseline): { path: string[]; message: string }[] {
  if (!baseline || typeof input !== "object" || input === null) return [];
  const raw = input as Record<string, unknown>;
  const status = statusValue.safeParse(raw.status);
  const assessment = assessmentValue.safeParse(raw.assessment);
  const rationale = typeof raw.rationale === "string" ? raw.rationale.trim() : "";
  const next = { status: status.success ? status.data : undefined, assessment: assessment.success ? assessment.data : undefined };
  if (!rationale && requiresRationale(baseline, next)) return [{ path: ["rationale"], message: rationaleRequiredMessage(baseline.periodName) }];
  return [];
}

/**
 * statusUpdateSchema with the rules that need the previous period. The refinement runs even when other
 * fields fail (`when`), so a form hears about every error in one answer, the rationale included.
 */
export function statusUpdateSchemaWith(baseline: RationaleBaseline) {
  return statusUpdateSchema.superRefine(
    (_value, ctx) => {
      // ctx.value is the raw object when other fields failed: crossFieldIssues reads it defensively.
      for (const issue of crossFieldIssues(ctx.value, baseline)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    },
    { when: () => true },
  );
}

export const reviewSchema = z
  .object({
    proposalId: z.string().min(1),
    periodId: z.string().min(1),
    decision: z.enum(["approve", "return"], "Choose to approve or return the update"),
    note: safeString().trim().max(2000, "Keep the note under 2,000 characters").default(""),
    expectedVersion: z.coerce.number().int().min(1),
  })
  .refine((review) => review.decision !== "return" || review.note.length > 0, {
    path: ["note"],
    message: "Tell the author what to change before returning the update",
  });

export type ReviewInput = z.infer<typeof reviewSchema>;

export type StatusUpdateInput = z.infer<typeof statusUpdateSchema>;

/** The raw, untrusted values of the form, kept to re-fill it after an error. */
export type StatusUpdateFormValues = {
  proposalId: string;
  periodId: string;
  status: string;
  assessment: string;
  progress: string;
  narrative: string;
  nextSteps: string;
  evidenceLinks: { label: string; url: string }[];
  rationale: string;
  intent: string;
  expectedVersion: string;
};

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Reads the form; evidence rows are `evidence.N.label` / `evidence.N.url`, blank rows dropped. */
export function readStatusUpdateForm(formData: FormData): StatusUpdateFormValues {
  const evidenceLinks: { label: string; url: string }[] = [];
  for (let i = 0; i < MAX_EVIDENCE_LINKS + 5; i++) {
    const label = text(formData, `evidence.${i}.label`);
    const url = text(formData, `evidence.${i}.url`);
    if (label.trim() || url.trim()) evidenceLinks.push({ label, url });
  }
  return {
    proposalId: text(formData, "proposalId"),
    periodId: text(formData, "periodId"),
    status: text(formData, "status"),
    assessment: text(formData, "assessment"),
    progress: text(formData, "progress"),
    narrative: text(formData, "narrative"),
    nextSteps: text(formData, "nextSteps"),
    evidenceLinks,
    rationale: text(formData, "rationale"),
    intent: text(formData, "intent") || "save",
    expectedVersion: text(formData, "expectedVersion"),
  };
}

export type FieldErrors = Record<string, string>;

/** First message per field, keyed by dotted path ("progress", "evidenceLinks.0.url"). */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
