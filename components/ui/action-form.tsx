"use client";

import { useActionState, useEffect, useRef } from "react";
import type { FormState } from "@/lib/actions/form-state";

export type FormField = {
  name: string;
  label: string;
  type: "text" | "textarea" | "date" | "number" | "hidden";
  defaultValue?: string;
  hint?: string;
};

export type FormButton = { label: string; name?: string; value?: string; secondary?: boolean };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: FormField[];
  buttons: FormButton[];
  /** Accessible name of the form. */
  label: string;
  className?: string;
};

function errorId(formId: string, name: string) {
  return `${formId}-${name}-error`;
}

/**
 * A small form bound to a server action: errors beside the fields, what was typed kept after an error,
 * and the outcome announced and focused. The server validates everything; nothing here is trusted.
 */
export function ActionForm({ action, fields, buttons, label, className }: Props) {
  const [state, formAction, isPending] = useActionState(action, { status: "idle" } as FormState);
  const messageRef = useRef<HTMLDivElement>(null);
  const formId = label.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const errors = state.fieldErrors ?? {};
  const values = state.status === "error" ? (state.values ?? {}) : {};

  useEffect(() => {
    if (state.status !== "idle") messageRef.current?.focus();
  }, [state]);

  return (
    <form
      action={formAction}
      aria-label={label}
      className={className}
      data-state={isPending ? "pending" : state.status}
      key={state.status === "error" ? JSON.stringify(values) : state.status}
    >
      {state.message && (
        <div
          ref={messageRef}
          tabIndex={-1}
          role={state.status === "error" ? "alert" : "status"}
          className={`alert alert--${state.status === "idle" ? "success" : state.status}`}
        >
          {state.message}
        </div>
      )}
      {fields.map((field) => {
        const value = values[field.name] ?? field.defaultValue ?? "";
        if (field.type === "hidden") return <input key={field.name} type="hidden" name={field.name} value={value} />;
        const id = `${formId}-${field.name}`;
        const error = errors[field.name];
        const describedBy = [field.hint ? `${id}-hint` : null, error ? errorId(formId, field.name) : null].filter(Boolean).join(" ") || undefined;
        const common = { id, name: field.name, defaultValue: value, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
        return (
          <div className="field" key={field.name}>
            <label htmlFor={id}>{field.label}</label>
            {field.hint && (
              <span id={`${id}-hint`} className="field__hint">
                {field.hint}
              </span>
            )}
            {error && (
              <span id={errorId(formId, field.name)} className="field__error">
                <span className="visually-hidden">Error: </span>
                {error}
              </span>
            )}
            {field.type === "textarea" ? <textarea rows={3} {...common} /> : <input type={field.type} {...common} />}
          </div>
        );
      })}
      <div className="form-actions">
        {buttons.map((button) => (
          <button
            key={button.label}
            type="submit"
            name={button.name}
            value={button.value}
            className={`button${button.secondary ? " button--secondary" : ""}`}
            disabled={isPending}
          >
            {button.label}
          </button>
        ))}
      </div>
    </form>
  );
}
