"use client";

import { createContext, useActionState, useContext, useEffect, useRef, type ReactNode } from "react";
import { changeFocalPoints } from "@/lib/actions/focal-points";
import type { FormState } from "@/lib/actions/form-state";

type Changes = { dispatch: (formData: FormData) => void; isPending: boolean };

const ChangesContext = createContext<Changes | null>(null);

function useChanges(): Changes {
  const changes = useContext(ChangesContext);
  if (!changes) throw new Error("A focal-point form must sit inside <FocalPointChanges>");
  return changes;
}

/**
 * The forms of a focal-point page share one outcome: a row whose form was used may vanish once the page
 * re-renders (a removed person, a person who has no proposals left), so the message lives here, above
 * all of them, and takes the focus so that keyboard and screen-reader users hear what happened.
 */
export function FocalPointChanges({ children }: { children: ReactNode }) {
  const [state, dispatch, isPending] = useActionState(changeFocalPoints, { status: "idle" } as FormState);
  const messageRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.status !== "idle") messageRef.current?.focus();
  }, [state]);

  return (
    <ChangesContext value={{ dispatch, isPending }}>
      <div data-testid="focal-point-changes" data-state={isPending ? "pending" : state.status}>
        {state.message && (
          <div
            ref={messageRef}
            tabIndex={-1}
            role={state.status === "error" ? "alert" : "status"}
            className={`alert ${state.status === "error" ? "alert--error" : "alert--success"}`}
          >
            {state.message}
          </div>
        )}
        {children}
      </div>
    </ChangesContext>
  );
}

/** A form posting one command (its hidden fields) to the shared action. */
export function ChangeForm({ label, fields, children, className }: { label: string; fields: Record<string, string>; children: ReactNode; className?: string }) {
  const { dispatch } = useChanges();
  return (
    <form action={dispatch} aria-label={label} className={className}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}

/** Disabled while any change of the page is on its way, so that one click makes one change. */
export function SubmitButton({ children, secondary = false, small = false }: { children: ReactNode; secondary?: boolean; small?: boolean }) {
  const { isPending } = useChanges();
  return (
    <button type="submit" className={`button${secondary ? " button--secondary" : ""}${small ? " button--small" : ""}`} disabled={isPending}>
      {children}
    </button>
  );
}
