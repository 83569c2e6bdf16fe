"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { setProposalRetired, updateArea, updateProposal, type ProposalConflict } from "@/lib/data/catalogue";
import { isAppError } from "@/lib/errors";
import { areaSchema, proposalSchema, retireSchema } from "@/lib/validation/catalogue";
import { toFieldErrors, type FieldErrors } from "@/lib/validation/status-update";
import { formValues, toFormError, type FormState } from "./form-state";

const CHECK_FIELDS = "Some answers need correcting: see the messages beside the fields.";
const OUT_OF_DATE = "This form is out of date: reload the page and try again.";

/** Field errors of the visible fields; an error in a hidden one (a tampered or outdated form) is the form's. */
function fieldProblems(errors: FieldErrors, hidden: readonly string[]): { message: string; fieldErrors: FieldErrors } {
  if (hidden.some((field) => errors[field])) return { message: OUT_OF_DATE, fieldErrors: {} };
  return { message: CHECK_FIELDS, fieldErrors: errors };
}

/** The raw, untrusted values of the proposal form, kept to re-fill it after an error. */
export type ProposalFormValues = {
  proposalId: string;
  title: string;
  description: string;
  areaId: string;
  set: string;
  edaInvolved: boolean;
  expectedVersion: string;
};

export type SaveProposalState = {
  status: "idle" | "error" | "conflict";
  message?: string;
  fieldErrors?: FieldErrors;
  values?: ProposalFormValues;
  /** On a conflict: the version saved now (its date as ISO text) and which fields changed since the form's. */
  conflict?: Omit<ProposalConflict, "current"> & { current: Omit<ProposalConflict["current"], "validFrom"> & { validFrom: string } };
};

function readProposalForm(formData: FormData): ProposalFormValues {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    proposalId: text("proposalId"),
    title: text("title"),
    description: text("description"),
    areaId: text("areaId"),
    set: text("set"),
    edaInvolved: formData.get("edaInvolved") === "on",
    expectedVersion: text("expectedVersion"),
  };
}

/** Every page that shows catalogue wording: lists, dashboards, reports, the proposal pages. */
function revalidateCatalogue() {
  revalidatePath("/", "layout");
}

/** authenticate -> validate -> (authorize + write in lib/data) -> revalidate. Nothing is written on bad input. */
export async function saveProposal(_previous: SaveProposalState, formData: FormData): Promise<SaveProposalState> {
  const values = readProposalForm(formData);
  let saved: { version: number; changed: boolean };
  try {
    const user = await requireUser();
    const parsed = proposalSchema.safeParse({ ...values, edaInvolved: values.edaInvolved ? "on" : undefined });
    if (!parsed.success) return { status: "error", ...fieldProblems(toFieldErrors(parsed.error), ["proposalId", "expectedVersion"]), values };
    saved = await updateProposal(user, parsed.data);
  } catch (error) {
    if (isAppError(error) && error.code === "CONFLICT" && error.details) {
      const { current, changedFields } = error.details as ProposalConflict;
      // The next save is made deliberately against what is saved now.
      return {
        status: "conflict",
        message: error.message,
        conflict: { current: { ...current, validFrom: current.validFrom.toISOString() }, changedFields },
        values: { ...values, expectedVersion: String(current.version) },
      };
    }
    const state = toFormError(error, { action: "saveProposal", proposalId: values.proposalId });
    return { status: "error", message: state.message, fieldErrors: state.fieldErrors, values };
  }
  if (saved.changed) revalidateCatalogue();
  redirect(`/admin/catalogue/proposals/${encodeURIComponent(values.proposalId)}?${saved.changed ? `saved=${saved.version}` : "unchanged=1"}`);
}

export async function saveArea(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let changed: boolean;
  try {
    const user = await requireUser();
    const parsed = areaSchema.safeParse(values);
    if (!parsed.success) return { status: "error", ...fieldProblems(toFieldErrors(parsed.error), ["areaId", "fingerprint"]), values };
    ({ changed } = await updateArea(user, parsed.data));
  } catch (error) {
    return toFormError(error, { action: "saveArea", areaId: values.areaId }, values);
  }
  if (changed) revalidateCatalogue();
  redirect(`/admin/catalogue/areas/${encodeURIComponent(values.areaId ?? "")}?${changed ? "saved=1" : "unchanged=1"}`);
}

/** Retire a proposal, or bring it back. */
export async function retireProposal(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let action: string;
  try {
    const user = await requireUser();
    const parsed = retireSchema.safeParse(values);
    if (!parsed.success) return { status: "error", message: "This action is not recognised." };
    await setProposalRetired(user, parsed.data);
    action = parsed.data.action;
  } catch (error) {
    return toFormError(error, { action: "retireProposal", proposalId: values.proposalId });
  }
  revalidateCatalogue();
  redirect(`/admin/catalogue/proposals/${encodeURIComponent(values.proposalId ?? "")}?${action === "retire" ? "retired=1" : "unretired=1"}`);
}
