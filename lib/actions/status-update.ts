"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { notifyReturned } from "@/lib/data/notifications";
import { recordStatusUpdate, reviewStatusUpdate, type ConflictDetails } from "@/lib/data/status-updates";
import type { CurrentUpdate } from "@/lib/domain/proposals";
import { isAppError } from "@/lib/errors";
import {
  readStatusUpdateForm,
  reviewSchema,
  statusUpdateSchema,
  toFieldErrors,
  type FieldErrors,
  type StatusUpdateFormValues,
} from "@/lib/validation/status-update";
import { formValues, toFormError, type FormState } from "./form-state";

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

/** authenticate -> validate -> (authorize + write in lib/data) -> revalidate. Nothing is written on bad input. */
export async function saveStatusUpdate(_previous: SaveStatusUpdateState, formData: FormData): Promise<SaveStatusUpdateState> {
  const values = readStatusUpdateForm(formData);
  let outcome: string;
  try {
    const user = await requireUser();
    const parsed = statusUpdateSchema.safeParse(values);
    if (!parsed.success) {
      return {
        status: "error",
        message: "Some answers need correcting: see the messages beside the fields.",
        fieldErrors: toFieldErrors(parsed.error),
        values,
      };
    }
    const saved = await recordStatusUpdate(user, parsed.data);
    outcome = saved.workflowState === "SUBMITTED" ? "submitted" : "saved";
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT" && error.details) {
      const { current, changedFields } = error.details as ConflictDetails;
      // The next save is made deliberately against what is saved now.
      return { status: "conflict", message: error.message, current, changedFields, values: { ...values, expectedVersion: String(current.version) } };
    }
    const state = toFormError(error, { action: "saveStatusUpdate", proposalId: values.proposalId });
    return { status: "error", message: state.message, fieldErrors: state.fieldErrors, values };
  }
  revalidatePath(`/proposals/${values.proposalId}`);
  redirect(`/proposals/${encodeURIComponent(values.proposalId)}?${outcome}=1`);
}

/** A manager approves an update, or returns it to its author with a note (who is told by e-mail when SMTP is set). */
export async function reviewUpdate(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let decision: string;
  try {
    const user = await requireUser();
    const parsed = reviewSchema.safeParse(values);
    if (!parsed.success)
      return { status: "error", message: "Check the review: see the message beside the field.", fieldErrors: toFieldErrors(parsed.error), values };
    const reviewed = await reviewStatusUpdate(user, parsed.data);
    decision = parsed.data.decision;
    if (decision === "return") await notifyReturned(reviewed.id);
  } catch (error) {
    return toFormError(error, { action: "reviewUpdate", proposalId: values.proposalId }, values);
  }
  revalidatePath(`/proposals/${values.proposalId}`);
  redirect(`/proposals/${encodeURIComponent(values.proposalId ?? "")}?${decision === "approve" ? "approved" : "returned"}=1`);
}
