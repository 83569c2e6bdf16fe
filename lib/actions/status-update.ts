"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { recordStatusUpdate } from "@/lib/data/status-updates";
import type { CurrentUpdate } from "@/lib/domain/proposals";
import { isAppError, logUnexpected } from "@/lib/errors";
import { readStatusUpdateForm, statusUpdateSchema, toFieldErrors, type FieldErrors, type StatusUpdateFormValues } from "@/lib/validation/status-update";

export type SaveStatusUpdateState = {
  status: "idle" | "error" | "conflict";
  message?: string;
  fieldErrors?: FieldErrors;
  /** What the user typed, to re-fill the form. */
  values?: StatusUpdateFormValues;
  /** On a conflict: what is saved now. */
  current?: CurrentUpdate;
};

/** authenticate -> validate -> (authorize + write in lib/data) -> revalidate. Nothing is written on bad input. */
export async function saveStatusUpdate(_previous: SaveStatusUpdateState, formData: FormData): Promise<SaveStatusUpdateState> {
  const values = readStatusUpdateForm(formData);
  try {
    const user = await requireUser();
    const parsed = statusUpdateSchema.safeParse(values);
    if (!parsed.success) {
      return { status: "error", message: "Some answers need correcting: see the messages beside the fields.", fieldErrors: toFieldErrors(parsed.error), values };
    }
    await recordStatusUpdate(user, parsed.data);
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "CONFLICT") {
        const current = (error.details as { current?: CurrentUpdate } | undefined)?.current;
        // The next save is made deliberately against what is saved now.
        return { status: "conflict", message: error.message, current, values: { ...values, expectedVersion: String(current?.version ?? values.expectedVersion) } };
      }
      return { status: "error", message: error.message, values };
    }
    const reference = logUnexpected(error, { action: "saveStatusUpdate", proposalId: values.proposalId });
    return { status: "error", message: `The update could not be saved because of an unexpected error (reference ${reference}). Nothing was changed.`, values };
  }
  revalidatePath(`/proposals/${values.proposalId}`);
  redirect(`/proposals/${encodeURIComponent(values.proposalId)}?saved=1`);
}
