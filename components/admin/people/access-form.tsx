"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { changeAccessAction } from "@/lib/actions/people";
import { FormMessage, useFocusedMessage } from "./form-bits";

/** Deactivate or reactivate, with what it means said next to the button. */
export function AccessForm({ userId, name, active, isSelf }: { userId: string; name: string; active: boolean; isSelf: boolean }) {
  const [state, action, pending] = useActionState(changeAccessAction, { status: "idle" } as FormState);
  const messageRef = useFocusedMessage(state);
  return (
    <form action={action} aria-label={active ? `Deactivate ${name}` : `Reactivate ${name}`} data-state={pending ? "pending" : state.status}>
      <input type="hidden" name="userId" value={userId} />
      <FormMessage state={state} messageRef={messageRef} />
      {active ? (
        <p>
          {isSelf ? "This is your own account: deactivating it signs you out at once. " : ""}A deactivated person cannot sign in, and any session they have open
          stops working at once. Their updates, reviews and history stay, and they can be reactivated later.
        </p>
      ) : (
        <p>Reactivating lets them sign in again with their password (or a new link, if they never chose one).</p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          name="intent"
          value={active ? "deactivate" : "reactivate"}
          className={`button${active ? "" : " button--secondary"}`}
          disabled={pending}
        >
          {active ? `Deactivate ${name}` : `Reactivate ${name}`}
        </button>
      </div>
    </form>
  );
}
