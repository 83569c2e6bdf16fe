"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/actions/form-state";

// Small pieces the people forms share, following components/ui/action-form.tsx: the outcome announced
// and focused after every answer, errors beside their fields and tied to them with aria-describedby.

export function errorId(formId: string, field: string): string {
  return `${formId}-${field}-error`;
}

/** A ref for the outcome message, focused whenever the server answers. */
export function useFocusedMessage(state: FormState) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") ref.current?.focus();
  }, [state]);
  return ref;
}

export function FormMessage({ state, messageRef }: { state: FormState; messageRef: React.RefObject<HTMLDivElement | null> }) {
  if (!state.message) return null;
  const isError = state.status === "error";
  return (
    <div ref={messageRef} tabIndex={-1} role={isError ? "alert" : "status"} className={`alert ${isError ? "alert--error" : "alert--success"}`}>
      {state.message}
    </div>
  );
}

export function FieldError({ formId, field, errors }: { formId: string; field: string; errors: Record<string, string> }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <span id={errorId(formId, field)} className="field__error">
      <span className="visually-hidden">Error: </span>
      {message}
    </span>
  );
}

/** aria-invalid and aria-describedby for a field: its hint (if any), then its error (if any). */
export function describe(formId: string, field: string, errors: Record<string, string>, hintId?: string) {
  const ids = [hintId, errors[field] ? errorId(formId, field) : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": errors[field] ? (true as const) : undefined, "aria-describedby": ids || undefined };
}
