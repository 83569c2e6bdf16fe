"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { publishEdition, signOffEdition } from "@/lib/data/editions";
import { setHighlight } from "@/lib/data/highlights";
import { highlightSchema, publishSchema, signOffSchema } from "@/lib/validation/reports";
import { toFieldErrors } from "@/lib/validation/status-update";
import { formValues, toFormError, type FormState } from "./form-state";

// authenticate -> validate (zod) -> authorize + write (lib/data, in one transaction with its audit event) -> revalidate.

/** A manager publishes the next edition of a period's report (and signs it off for their organisation). */
export async function publishReport(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let published: number;
  let periodNumber: number;
  try {
    const user = await requireUser();
    const parsed = publishSchema.safeParse(values);
    if (!parsed.success) return { status: "error", message: "Check the edition's details.", fieldErrors: toFieldErrors(parsed.error), values };
    periodNumber = parsed.data.periodNumber;
    published = (await publishEdition(user, parsed.data)).number;
  } catch (error) {
    return toFormError(error, { action: "publishReport", periodNumber: values.periodNumber }, values);
  }
  revalidatePath("/reports");
  redirect(`/reports/${periodNumber}?edition=${published}&published=1`);
}

/** A manager signs off an edition for their organisation; the page then says what happened. */
export async function signOffReport(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let target: string;
  try {
    const user = await requireUser();
    const parsed = signOffSchema.safeParse(values);
    if (!parsed.success) return { status: "error", message: "This edition is not recognised. Reload the page." };
    const { outcome } = await signOffEdition(user, parsed.data);
    target = `/reports/${parsed.data.periodNumber}?edition=${parsed.data.edition}&signed=${outcome}`;
  } catch (error) {
    return toFormError(error, { action: "signOffReport", periodNumber: values.periodNumber, edition: values.edition });
  }
  revalidatePath("/reports");
  redirect(target);
}

/** A manager marks an approved update as a highlight of the report, or unmarks it. */
export async function highlightUpdate(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const user = await requireUser();
    const parsed = highlightSchema.safeParse(values);
    if (!parsed.success) return { status: "error", message: "This request is not recognised. Reload the page." };
    const { changed } = await setHighlight(user, parsed.data);
    revalidatePath(`/proposals/${parsed.data.proposalId}`);
    const state = parsed.data.highlight ? "marked as a highlight of the report" : "no longer a highlight of the report";
    return { status: "success", message: changed ? `The update is ${state}.` : `The update was already ${state}.` };
  } catch (error) {
    return toFormError(error, { action: "highlightUpdate", proposalId: values.proposalId });
  }
}
