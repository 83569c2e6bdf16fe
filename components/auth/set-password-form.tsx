"use client";

import { useActionState, useEffect, useRef } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { setPasswordAction } from "@/lib/actions/password";

/** Choosing a password through a one-time link: errors beside the fields, the rule always in view. */
export function SetPasswordForm({ token, email, rule }: { token: string; email: string; rule: string }) {
  const [state, action, pending] = useActionState(setPasswordAction, { status: "idle" } as FormState);
  const message = useRef<HTMLDivElement>(null);
  const errors = state.fieldErrors ?? {};
  useEffect(() => {
    if (state.status === "error") message.current?.focus();
  }, [state]);
  const describedBy = (name: string, extra?: string) => [extra, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <form action={action} data-state={pending ? "pending" : state.status} aria-label="Choose your password">
      {state.message && (
        <div ref={message} tabIndex={-1} role="alert" className="alert alert--error">
          {state.message}
        </div>
      )}
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account this password belongs to. */}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      {(["password", "confirm"] as const).map((name) => (
        <div className="field" key={name}>
          <label htmlFor={name}>{name === "password" ? "New password" : "Type it again"}</label>
          {name === "password" && (
            <span id="password-hint" className="field__hint">
              {rule}
            </span>
          )}
          {errors[name] && (
            <span id={`${name}-error`} className="field__error">
              <span className="visually-hidden">Error: </span>
              {errors[name]}
            </span>
          )}
          <input
            id={name}
            name={name}
            type="password"
            autoComplete="new-password"
            required
            maxLength={256}
            aria-invalid={errors[name] ? true : undefined}
            aria-describedby={describedBy(name, name === "password" ? "password-hint" : undefined)}
          />
        </div>
      ))}
      <button type="submit" className="button" disabled={pending}>
        Set password
      </button>
    </form>
  );
}
