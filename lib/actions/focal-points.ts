"use server";

import { revalidatePath } from "next/cache";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { assignArea, assignFocalPoint, handOverFocalPoints, removeArea, removeFocalPoint } from "@/lib/data/focal-points";
import { areaAssignMessage, areaRemoveMessage, assignMessage, handoverMessage, removeMessage } from "@/lib/domain/focal-points";
import { focalPointCommandSchema, type FocalPointCommand } from "@/lib/validation/focal-points";
import { toFieldErrors } from "@/lib/validation/status-update";
import { formValues, toFormError, type FormState } from "./form-state";

/** Runs one command (authorized and audited in lib/data) and says what it did. */
async function run(user: SessionUser, command: FocalPointCommand): Promise<string> {
  switch (command.intent) {
    case "assign":
      return assignMessage(await assignFocalPoint(user, command));
    case "remove":
      return removeMessage(await removeFocalPoint(user, command));
    case "assign_area":
      return areaAssignMessage(await assignArea(user, command));
    case "remove_area":
      return areaRemoveMessage(await removeArea(user, command));
    case "handover":
      return handoverMessage(await handOverFocalPoints(user, { fromUserId: command.userId, toUserId: command.toUserId }));
  }
}

/**
 * Every focal-point form: assign or remove one person on one proposal, add or remove a whole area for a
 * person, hand all of a person's proposals to someone else. authenticate -> validate -> (authorize +
 * write in lib/data) -> revalidate. A change that was made already ("nothing changed") is a success.
 */
export async function changeFocalPoints(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  let message: string;
  try {
    const user = await requireUser();
    const parsed = focalPointCommandSchema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors = toFieldErrors(parsed.error);
      return { status: "error", message: Object.values(fieldErrors)[0] ?? "This action is not recognised.", fieldErrors, values };
    }
    message = await run(user, parsed.data);
  } catch (error) {
    return toFormError(error, { action: "changeFocalPoints", intent: values.intent, proposalId: values.proposalId, userId: values.userId }, values);
  }
  // Focal points show on the proposal pages, the list's organisation filter and the cycle's coverage.
  revalidatePath("/", "layout");
  return { status: "success", message };
}
