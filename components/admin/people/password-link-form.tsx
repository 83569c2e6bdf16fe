"use client";

import { useActionState } from "react";
import { issuePasswordLinkAction, type PeopleFormState } from "@/lib/actions/people";
import { FormMessage, useFocusedMessage } from "./form-bits";
import { PasswordLinkPanel } from "./password-link-panel";

/** "Send a new password link": the new link appears below, once; it is gone when the page is left. */
export function PasswordLinkForm({ userId, name, hasPassword, timeZone }: { userId: string; name: string; hasPassword: boolean; timeZone: string }) {
  const [state, action, pending] = useActionState(issuePasswordLinkAction, { status: "idle" } as PeopleFormState);
  const messageRef = useFocusedMessage(state);
  return (
    <form action={action} aria-label={`New password link for ${name}`} data-state={pending ? "pending" : state.status}>
      <input type="hidden" name="userId" value={userId} />
      <p>
        {hasPassword
          ? "A reset link lets them choose a new password (valid 24 hours); their current password works until they use it."
          : "They have not chosen a password yet. A new invitation link (valid 7 days) replaces the one they had."}{" "}
        Any older unused link stops working.
      </p>
      <FormMessage state={state} messageRef={messageRef} />
      {state.status === "success" && state.link && <PasswordLinkPanel link={state.link} timeZone={timeZone} />}
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={pending}>
          Send a new password link
        </button>
      </div>
    </form>
  );
}
