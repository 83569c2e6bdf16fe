"use client";

import { useActionState } from "react";
import { FieldError, FormMessage, describe, useFocusedMessage } from "@/components/admin/people/form-bits";
import type { FormState } from "@/lib/actions/form-state";
import { changeOwnPasswordAction } from "@/lib/actions/people";

const FIELDS = [
  { name: "current", label: "Current password", autoComplete: "current-password" },
  { name: "password", label: "New password", autoComplete: "new-password" },
  { name: "confirm", label: "Type the new password again", autoComplete: "new-password" },
] as const;

/** Changing one's own password. Nothing typed comes back from the server; after success the form is empty. */
export function ChangePasswordForm({ email, rule }: { email: string; rule: string }) {
  const [state, action, pending] = useActionState(changeOwnPasswordAction, { status: "idle" } as FormState);
  const messageRef = useFocusedMessage(state);
  const errors = state.fieldErrors ?? {};
  const formId = "change-password";
  return (
    <form action={action} aria-label="Change your password" data-state={pending ? "pending" : state.status} noValidate>
      <FormMessage state={state} messageRef={messageRef} />
      {/* For password managers: the account this password belongs to. */}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      {FIELDS.map((field) => {
        const id = `${formId}-${field.name}`;
        const hintId = field.name === "password" ? `${id}-hint` : undefined;
        return (
          <div className="field" key={`${field.name}-${state.status === "success" ? "done" : "editing"}`}>
            <label htmlFor={id}>{field.label}</label>
            {hintId && (
              <span id={hintId} className="field__hint">
                {rule}
              </span>
            )}
            <FieldError formId={formId} field={field.name} errors={errors} />
            <input
              id={id}
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              maxLength={256}
              {...describe(formId, field.name, errors, hintId)}
            />
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="button" disabled={pending}>
          Change password
        </button>
      </div>
    </form>
  );
}
