// The body of the account page's time zone action (lib/actions/account.ts), kept out of the "use server"
// module so the tests call the real thing with the session as a seam: authenticate -> validate -> write
// (one's own account only, with its audit event) -> answer.
import "server-only";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { setOwnTimeZone } from "@/lib/data/preferences";
import { formatDateTime } from "@/lib/domain/format";
import { timeZoneSchema } from "@/lib/validation/account";
import { toFieldErrors } from "@/lib/validation/status-update";
import { formValues, toFormError, type FormState } from "./form-state";

export type SaveTimeZoneSeams = { getUser: () => Promise<SessionUser>; now: () => Date };

/** Nothing is written on bad input: the error comes back beside the select. */
export async function runSaveTimeZone(formData: FormData, seams: Partial<SaveTimeZoneSeams> = {}): Promise<FormState> {
  const { getUser, now } = { getUser: requireUser, now: () => new Date(), ...seams };
  const values = formValues(formData);
  try {
    const user = await getUser();
    const parsed = timeZoneSchema.safeParse(values);
    if (!parsed.success)
      return { status: "error", message: "Choose a time zone: see the message beside the field.", fieldErrors: toFieldErrors(parsed.error), values };
    const { timeZone } = parsed.data;
    const { changed } = await setOwnTimeZone(user, timeZone);
    const example = formatDateTime(now(), timeZone);
    return changed
      ? { status: "success", message: `Saved: times are now shown in ${timeZone}, e.g. now is ${example}.` }
      : { status: "success", message: `Nothing to save: times are already shown in ${timeZone} (now ${example}).` };
  } catch (error) {
    return toFormError(error, { action: "saveTimeZone" }, values);
  }
}
