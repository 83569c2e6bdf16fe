// The answer every form action gives back to its form (not a "use server" module: shared helpers).
import { isAppError, logUnexpected } from "@/lib/errors";
import type { FieldErrors } from "@/lib/validation/status-update";

export type FormState = {
  /** "warning": done, but not all of it (e.g. reminders that could not be e-mailed). */
  status: "idle" | "error" | "success" | "warning";
  message?: string;
  fieldErrors?: FieldErrors;
  /** What the user typed, to re-fill the form after an error. */
  values?: Record<string, string>;
};

export const IDLE: FormState = { status: "idle" };

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return values;
}

/** Maps an expected failure to a message (and field errors); anything else is logged with a reference. */
export function toFormError(error: unknown, context: Record<string, unknown>, values?: Record<string, string>): FormState {
  if (isAppError(error)) {
    const fields = (error.details as { fields?: FieldErrors } | undefined)?.fields;
    return { status: "error", message: error.message, fieldErrors: fields, values };
  }
  const reference = logUnexpected(error, context);
  return { status: "error", message: `Something went wrong and nothing was changed (reference ${reference}).`, values };
}
