"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { notifyReturned } from "@/lib/data/notifications";
import { reviewStatusUpdate } from "@/lib/data/status-updates";
import { isReviewQueuePath } from "@/lib/domain/review-queue";
import { reviewSchema, toFieldErrors } from "@/lib/validation/status-update";
import { formValues, toFormError, type FormState } from "./form-state";
import { runSaveStatusUpdate, type SaveStatusUpdateState } from "./save-status-update";

export type { SaveStatusUpdateState };

/** authenticate -> validate -> (authorize + write in lib/data) -> revalidate (lib/actions/save-status-update.ts). Nothing is written on bad input. */
export async function saveStatusUpdate(_previous: SaveStatusUpdateState, formData: FormData): Promise<SaveStatusUpdateState> {
  const result = await runSaveStatusUpdate(formData);
  if (result.status !== "saved") return result;
  revalidatePath(`/proposals/${result.proposalId}`);
  // Opened from "My work": back there, where the next item waits.
  if (formData.get("returnTo") === "my-work") redirect(`/my-work?done=${result.outcome}`);
  // The proposal page shows the warnings the server stored with the update ("Flagged when saved: …").
  redirect(`/proposals/${encodeURIComponent(result.proposalId)}?${result.outcome}=1`);
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
  const done = decision === "approve" ? "approved" : "returned";
  // From the review queue ("… and next"): on to the item the page named, saying what was just decided.
  if (isReviewQueuePath(values.next)) redirect(`${values.next}${values.next.includes("?") ? "&" : "?"}done=${done}`);
  redirect(`/proposals/${encodeURIComponent(values.proposalId ?? "")}?${done}=1`);
}
