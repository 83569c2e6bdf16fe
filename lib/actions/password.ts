"use server";

import { redirect } from "next/navigation";
import { setPasswordWithToken } from "@/lib/data/password-tokens";
import { setPasswordSchema } from "@/lib/validation/password";
import { toFieldErrors } from "@/lib/validation/status-update";
import { toFormError, type FormState } from "./form-state";

/** Sets a password through a one-time link (no session: the link is the credential), then goes to sign-in. */
export async function setPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const raw = { token: formData.get("token"), password: formData.get("password"), confirm: formData.get("confirm") };
  let email: string;
  try {
    const parsed = setPasswordSchema.safeParse(raw);
    if (!parsed.success) return { status: "error", message: "Check the password: see the message beside the field.", fieldErrors: toFieldErrors(parsed.error) };
    email = (await setPasswordWithToken(parsed.data.token, parsed.data.password)).email;
  } catch (error) {
    return toFormError(error, { action: "setPassword" });
  }
  redirect(`/signin?passwordSet=1&email=${encodeURIComponent(email)}`);
}
