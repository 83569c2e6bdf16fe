"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { sendDueReminders } from "@/lib/data/notifications";
import { reminderOutcome } from "@/lib/domain/reminders";
import { isMailConfigured } from "@/lib/mail";
import { changePeriodState, createPeriod, reopenProposal, updatePeriod } from "@/lib/data/period-admin";
import { periodActionSchema, periodSchema, reopenSchema } from "@/lib/validation/periods";
import { toFieldErrors } from "@/lib/validation/status-update";
import { formValues, toFormError, type FormState } from "./form-state";

const CHECK_FIELDS = "Some answers need correcting: see the messages beside the fields.";

/** Creates a period (no periodId) or edits one. */
export async function savePeriod(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let id = values.periodId;
  try {
    const user = await requireUser();
    const parsed = periodSchema.safeParse(values);
    if (!parsed.success) return { status: "error", message: CHECK_FIELDS, fieldErrors: toFieldErrors(parsed.error), values };
    if (id) await updatePeriod(user, id, parsed.data);
    else id = (await createPeriod(user, parsed.data)).id;
  } catch (error) {
    return toFormError(error, { action: "savePeriod", periodId: id }, values);
  }
  revalidatePath("/periods");
  redirect(`/periods/${id}?saved=1`);
}

/** Open, lock, unlock or close a period. */
export async function changePeriod(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const user = await requireUser();
    const parsed = periodActionSchema.safeParse(values);
    if (!parsed.success) return { status: "error", message: "This action is not recognised." };
    await changePeriodState(user, parsed.data.periodId, parsed.data.action, parsed.data.expectedVersion);
  } catch (error) {
    return toFormError(error, { action: "changePeriod", periodId: values.periodId });
  }
  revalidatePath("/", "layout");
  return { status: "success", message: "Done." };
}

/** Reopens one proposal in a locked period until a date. */
export async function reopenProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const user = await requireUser();
    const parsed = reopenSchema.safeParse(values);
    if (!parsed.success) return { status: "error", message: CHECK_FIELDS, fieldErrors: toFieldErrors(parsed.error), values };
    await reopenProposal(user, parsed.data);
  } catch (error) {
    return toFormError(error, { action: "reopenProposal", proposalId: values.proposalId }, values);
  }
  revalidatePath(`/proposals/${values.proposalId}`);
  return { status: "success", message: "Reopened: focal points can edit this proposal until the end of the chosen day." };
}

export async function sendReminders(_previous: FormState, formData: FormData): Promise<FormState> {
  const periodId = String(formData.get("periodId") ?? "");
  try {
    const user = await requireUser();
    const { recipients, sent } = await sendDueReminders(user, periodId);
    return reminderOutcome(recipients, sent, isMailConfigured());
  } catch (error) {
    return toFormError(error, { action: "sendReminders", periodId });
  }
}
