"use client";

import { useActionState, useEffect, useRef } from "react";
import { saveProposal, type ProposalFormValues, type SaveProposalState } from "@/lib/actions/catalogue";
import { formatDateTime } from "@/lib/domain/format";
import { PROPOSAL_SETS, SET_LABELS } from "@/lib/domain/vocabulary";

const FIELD_ORDER = ["title", "description", "areaId", "set", "edaInvolved"];
const FIELD_LABELS: Record<string, string> = { title: "Title", description: "Description", areaId: "Area", set: "Set", edaInvolved: "EDA involved" };

const errorId = (field: string) => `proposal-${field}-error`;

function FieldError({ field, errors }: { field: string; errors: Record<string, string> }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <span id={errorId(field)} className="field__error">
      <span className="visually-hidden">Error: </span>
      {message}
    </span>
  );
}

/**
 * Edits a proposal's wording. The form carries the latest version it showed: if someone saved another
 * version meanwhile, the server refuses and this shows what is saved now and what changed.
 */
export function ProposalForm({
  initial,
  areas,
  setHint,
  timeZone,
}: {
  initial: ProposalFormValues;
  areas: { id: string; number: number; name: string }[];
  setHint: string;
  /** The reader's, for the time of a conflicting version (formatted in the browser, after a save). */
  timeZone: string;
}) {
  const [state, formAction, isPending] = useActionState<SaveProposalState, FormData>(saveProposal, { status: "idle" });
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const summaryRef = useRef<HTMLDivElement>(null);
  // Focus the answer from the server, so keyboard and screen-reader users land on what needs fixing.
  useEffect(() => {
    if (state.status !== "idle") summaryRef.current?.focus();
  }, [state]);
  const described = (field: string, hint?: string) => {
    const ids = [hint, errors[field] ? errorId(field) : undefined].filter(Boolean).join(" ");
    return { "aria-invalid": errors[field] ? (true as const) : undefined, "aria-describedby": ids || undefined };
  };
  const ordered = Object.entries(errors).sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
  const conflict = state.status === "conflict" ? state.conflict : undefined;

  return (
    // The key re-creates the fields with what the user typed after every answer from the server.
    <form action={formAction} noValidate aria-label="Edit the proposal" key={JSON.stringify(values)} data-state={isPending ? "saving" : state.status}>
      {state.status !== "idle" && state.message && (
        <div className="alert alert--error" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>
            <strong>{state.message}</strong>
          </p>
          {ordered.length > 0 && (
            <ul>
              {ordered.map(([field, message]) => (
                <li key={field}>
                  <a href={`#proposal-${field === "set" ? `set-${PROPOSAL_SETS[0]}` : field}`}>
                    {FIELD_LABELS[field] ?? field}: {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {conflict && (
            <div data-testid="conflict-current">
              {conflict.changedFields.length > 0 && <p>Changed by the other person: {conflict.changedFields.join(", ")}.</p>}
              <p>
                Saved now: version {conflict.current.version}
                {conflict.current.changedByName ? `, by ${conflict.current.changedByName}` : ""},{" "}
                {formatDateTime(new Date(conflict.current.validFrom), timeZone)}.
              </p>
              <dl className="facts">
                <dt>Title</dt>
                <dd>{conflict.current.title}</dd>
                <dt>Description</dt>
                <dd className="narrative">{conflict.current.description}</dd>
                <dt>Area</dt>
                <dd>{conflict.current.areaName}</dd>
                <dt>Set</dt>
                <dd>{SET_LABELS[conflict.current.set]}</dd>
                <dt>EDA involved</dt>
                <dd>{conflict.current.edaInvolved ? "Yes" : "No"}</dd>
              </dl>
              <p>Your text is kept below: saving it now replaces the version above.</p>
            </div>
          )}
        </div>
      )}

      <input type="hidden" name="proposalId" value={values.proposalId} />
      <input type="hidden" name="expectedVersion" value={values.expectedVersion} />

      <div className="field">
        <label htmlFor="proposal-title">Title</label>
        <FieldError field="title" errors={errors} />
        <input id="proposal-title" name="title" type="text" defaultValue={values.title} style={{ width: "100%" }} {...described("title")} />
      </div>

      <div className="field">
        <label htmlFor="proposal-description">Description</label>
        <FieldError field="description" errors={errors} />
        <textarea id="proposal-description" name="description" rows={4} defaultValue={values.description} {...described("description")} />
      </div>

      <div className="field">
        <label htmlFor="proposal-areaId">Area</label>
        <FieldError field="areaId" errors={errors} />
        <select id="proposal-areaId" name="areaId" defaultValue={values.areaId} {...described("areaId")}>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.number}. {a.name}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="field" aria-describedby={described("set", "proposal-set-hint")["aria-describedby"]}>
        <legend>Set</legend>
        <span id="proposal-set-hint" className="field__hint">
          {setHint}
        </span>
        <FieldError field="set" errors={errors} />
        <div className="radio-grid">
          {PROPOSAL_SETS.map((s) => (
            <label key={s} htmlFor={`proposal-set-${s}`}>
              <input id={`proposal-set-${s}`} type="radio" name="set" value={s} defaultChecked={values.set === s} />
              {SET_LABELS[s]}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label className="check" htmlFor="proposal-edaInvolved">
          <input id="proposal-edaInvolved" name="edaInvolved" type="checkbox" defaultChecked={values.edaInvolved} {...described("edaInvolved")} />
          The European Defence Agency is involved
        </label>
        <FieldError field="edaInvolved" errors={errors} />
      </div>

      <div className="form-actions">
        <button type="submit" className="button" disabled={isPending}>
          {isPending ? "Saving…" : "Save as a new version"}
        </button>
      </div>
    </form>
  );
}
