// The body of the status update form's action (lib/actions/status-update.ts), kept out of the "use server"
// module so the tests call the real thing with the session as a seam: authenticate -> validate (every
// error in one answer, the rationale rule included) -> authorize + write (lib/data) -> answer.
import "server-only";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { getRationaleBaseline, recordStatusUpdate, type ConflictDetails } from "@/lib/data/status-updates";
import type { CurrentUpdate } from "@/lib/domain/proposals";
import { isAppError } from "@/lib/errors";
import { readStatusUpdateForm, statusUpdateSchemaWith, toFieldErrors, type FieldErrors, type StatusUpdateFormValues } from "@/lib/validation/status-update";
import { toFormError } from "./form-state";

export type SaveStatusUpdateState = {
  status: "idle" | "error" | "conflict";
  message?: string;
  fieldErrors?: FieldErrors;
  /** What the user typed, to re-fill the form. */
  values?: StatusUpdateFormValues;
  /** On a conflict: what is saved now, and which fields changed since the user's version. */
  current?: CurrentUpdate;
  changedFields?: string[];
};

/** Saved: where the form goes next, and the warnings the server flagged on the saved values. */
export type SavedStatusUpdate = { status: "saved"; outcome: "saved" | "submitted"; proposalId: string; warnings: string[] };

export const CHECK_FIELDS_MESSAGE = "Some answers need correcting: see the messages beside the fields.";

/** What the tests replace: the session (a real request has one). */
export type SaveStatusUpdateSeams = { getUser: () => Promise<SessionUser> };

/** Nothing is written on bad input: every field's error, the cross-field ones included, comes back at once. */
export async function runSaveStatusUpdate(formData: FormData, seams: Partial<SaveStatusUpdateSeams> = {}): Promise<SaveStatusUpdateState | SavedStatusUpdate> {
  const { getUser } = { getUser: requireUser, ...seams };
  const values = readStatusUpdateForm(formData);
  try {
    const user = await getUser();
    const baseline = await getRationaleBaseline(user, values.proposalId, values.periodId);
    const parsed = statusUpdateSchemaWith(baseline).safeParse(values);
    if (!parsed.success) return { status: "error", message: CHECK_FIELDS_MESSAGE, fieldErrors: toFieldErrors(parsed.error), values };
    const saved = await recordStatusUpdate(user, parsed.data);
    return {
      status: "saved",
      outcome: saved.workflowState === "SUBMITTED" ? "submitted" : "saved",
      proposalId: parsed.data.proposalId,
      warnings: saved.warnings,
    };
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT" && error.details) {
      const { current, changedFields } = error.details as ConflictDetails;
      // The next save is made deliberately against what is saved now.
      return { status: "conflict", message: error.message, current, changedFields, values: { ...values, expectedVersion: String(current.version) } };
    }
    const state = toFormError(error, { action: "saveStatusUpdate", proposalId: values.proposalId });
    return { status: "error", message: state.message, fieldErrors: state.fieldErrors, values };
  }
}
