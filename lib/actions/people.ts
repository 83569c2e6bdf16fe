"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { changeOwnPassword, deactivatePerson, invitePerson, issuePasswordLink, reactivatePerson, updatePerson } from "@/lib/data/people";
import type { IssuedLink } from "@/lib/domain/people";
import { changePasswordSchema, inviteSchema, personIdSchema, personUpdateSchema } from "@/lib/validation/people";
import { toFieldErrors } from "@/lib/validation/status-update";
import { formValues, toFormError, type FormState } from "./form-state";

// People (admins, /admin/users) and one's own password (/account). Each action: the session user,
// then zod, then lib/data/people.ts, which checks canManagePeople and writes with its audit event.

/** A form's answer that may carry a one-time link: shown once, in the browser's memory only. */
export type PeopleFormState = FormState & { link?: IssuedLink };

const CHECK_FIELDS = "Some answers need correcting: see the messages beside the fields.";

export async function invitePersonAction(_previous: PeopleFormState, formData: FormData): Promise<PeopleFormState> {
  const values = formValues(formData);
  try {
    const user = await requireUser();
    const parsed = inviteSchema.safeParse(values);
    if (!parsed.success) return { status: "error", message: CHECK_FIELDS, fieldErrors: toFieldErrors(parsed.error), values };
    const link = await invitePerson(user, parsed.data);
    revalidatePath("/admin/users");
    return { status: "success", message: `${link.name} is invited. Their one-time link is below: it is shown only this once.`, link };
  } catch (error) {
    return toFormError(error, { action: "invitePerson" }, values);
  }
}

export async function updatePersonAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let demotedSelf = false;
  try {
    const user = await requireUser();
    const parsed = personUpdateSchema.safeParse(values);
    if (!parsed.success) return { status: "error", message: CHECK_FIELDS, fieldErrors: toFieldErrors(parsed.error), values };
    const { changed } = await updatePerson(user, parsed.data);
    if (!changed) return { status: "success", message: "Nothing to save: the details are as they were." };
    demotedSelf = parsed.data.userId === user.id && parsed.data.role !== "ADMIN";
  } catch (error) {
    return toFormError(error, { action: "updatePerson", userId: values.userId }, values);
  }
  revalidatePath("/", "layout");
  // Someone who has just given up the admin role can no longer open the admin pages.
  redirect(demotedSelf ? "/dashboard" : `/admin/users/${values.userId}?saved=1`);
}

/** "deactivate" or "reactivate", from the button pressed. */
export async function changeAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let deactivatedSelf = false;
  let message: string;
  try {
    const user = await requireUser();
    const parsed = personIdSchema.safeParse(values);
    if (!parsed.success || (values.intent !== "deactivate" && values.intent !== "reactivate"))
      return { status: "error", message: "This action is not recognised." };
    if (values.intent === "deactivate") {
      await deactivatePerson(user, parsed.data.userId);
      deactivatedSelf = parsed.data.userId === user.id;
      message = "Deactivated: they can no longer sign in, and any session they had open has stopped working.";
    } else {
      await reactivatePerson(user, parsed.data.userId);
      message = "Reactivated: they can sign in again.";
    }
  } catch (error) {
    return toFormError(error, { action: "changeAccess", userId: values.userId, intent: values.intent });
  }
  revalidatePath("/admin/users", "layout");
  if (deactivatedSelf) redirect("/signin");
  return { status: "success", message };
}

export async function issuePasswordLinkAction(_previous: PeopleFormState, formData: FormData): Promise<PeopleFormState> {
  const values = formValues(formData);
  try {
    const user = await requireUser();
    const parsed = personIdSchema.safeParse(values);
    if (!parsed.success) return { status: "error", message: "This person is not recognised." };
    const link = await issuePasswordLink(user, parsed.data.userId);
    revalidatePath(`/admin/users/${parsed.data.userId}`);
    return { status: "success", message: "A new one-time link is ready. It is shown only this once; any older link no longer works.", link };
  } catch (error) {
    return toFormError(error, { action: "issuePasswordLink", userId: values.userId });
  }
}

/** The signed-in person changes their own password. Nothing typed is sent back to the page. */
export async function changeOwnPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const user = await requireUser();
    const parsed = changePasswordSchema.safeParse({ current: formData.get("current"), password: formData.get("password"), confirm: formData.get("confirm") });
    if (!parsed.success)
      return { status: "error", message: "Check the passwords: see the messages beside the fields.", fieldErrors: toFieldErrors(parsed.error) };
    await changeOwnPassword(user, parsed.data);
  } catch (error) {
    return toFormError(error, { action: "changeOwnPassword" });
  }
  return { status: "success", message: "Your password is changed. Use the new one next time you sign in." };
}
