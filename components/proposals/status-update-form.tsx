"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { saveStatusUpdate, type SaveStatusUpdateState } from "@/lib/actions/status-update";
import { judgedFromForm, updateWarnings, type UpdateWarning, type WarnedField } from "@/lib/domain/update-warnings";
import { ASSESSMENTS, ASSESSMENT_LABELS, IMPLEMENTATION_STATUSES, STATUS_HINTS, STATUS_LABELS } from "@/lib/domain/vocabulary";
import { MAX_EVIDENCE_LINKS, type StatusUpdateFormValues } from "@/lib/validation/status-update";
import { AssessmentBadge, StatusBadge } from "@/components/ui/badges";

const FIELD_ORDER = ["status", "assessment", "rationale", "progress", "narrative", "nextSteps", "evidenceLinks"];
const FIELD_LABELS: Record<string, string> = {
  status: "Implementation status",
  assessment: "Assessment",
  progress: "Progress",
  narrative: "Narrative",
  nextSteps: "Next steps",
  evidenceLinks: "Evidence links",
  rationale: "Why it changed",
};

function errorId(field: string) {
  return `${field.replace(/\./g, "-")}-error`;
}

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

function fieldAnchor(field: string): string {
  if (field.startsWith("evidenceLinks.")) {
    const [, index, part] = field.split(".");
    return `evidence-${index}-${part ?? "url"}`;
  }
  return field === "status" || field === "assessment" ? `${field}-${field === "status" ? IMPLEMENTATION_STATUSES[0] : ASSESSMENTS[0]}` : field;
}

function warningId(warning: UpdateWarning) {
  return `warning-${warning.code}`;
}

/** The ids that describe a field: its hint, its error, and the warnings about it. */
function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

/** The judgement fields as typed now (read from the form on every change), for the live warnings. */
type Judgement = { status: string; assessment: string; progress: string };

function readJudgement(form: HTMLFormElement): Judgement {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" ? value : "";
  };
  return { status: text("status"), assessment: text("assessment"), progress: text("progress") };
}

type Previous = { periodName: string; status: string; assessment: string; statusValue: string; assessmentValue: string };

export function StatusUpdateForm({
  initial,
  periodName,
  cancelHref,
  returnTo,
  canSubmit,
  previous,
}: {
  initial: StatusUpdateFormValues;
  periodName: string;
  cancelHref: string;
  /** Where a successful save leads: "my-work" when opened from there, else the proposal page. */
  returnTo?: "my-work";
  canSubmit: boolean;
  previous: Previous | null;
}) {
  const [state, formAction, isPending] = useActionState<SaveStatusUpdateState, FormData>(saveStatusUpdate, { status: "idle" });
  const values = state.values ?? initial;
  const errors = state.fieldErrors ?? {};
  const [extraRows, setExtraRows] = useState(0);
  // What the user changes after the last answer; that answer's values until then.
  const [typed, setTyped] = useState<{ after: SaveStatusUpdateState; judgement: Judgement } | null>(null);
  const judgement = typed && typed.after === state ? typed.judgement : values;
  // Contradictions are warnings, not errors: the same pure rules as the server's, which stores them on save.
  const warnings = updateWarnings(judgedFromForm(judgement));
  const warningsAbout = (field: WarnedField) => warnings.filter((w) => w.fields.includes(field)).map(warningId);
  const summaryRef = useRef<HTMLDivElement>(null);
  // After an answer from the server, move focus to the error summary so keyboard and screen-reader
  // users land on what needs fixing (the form is re-created and would otherwise drop focus to <body>).
  useEffect(() => {
    if (state.status !== "idle") summaryRef.current?.focus();
  }, [state]);
  const rowCount = Math.min(MAX_EVIDENCE_LINKS, Math.max(values.evidenceLinks.length + 1, 2) + extraRows);
  const orderedErrors = Object.entries(errors).sort(([a], [b]) => FIELD_ORDER.indexOf(a.split(".")[0]!) - FIELD_ORDER.indexOf(b.split(".")[0]!));
  const invalid = (field: string) => (errors[field] ? { "aria-invalid": true as const, "aria-describedby": errorId(field) } : {});

  return (
    // The key re-creates the fields with what the user typed after every answer from the server.
    <form
      action={formAction}
      noValidate
      key={JSON.stringify(values)}
      data-state={isPending ? "saving" : state.status}
      onChange={(event) => setTyped({ after: state, judgement: readJudgement(event.currentTarget) })}
    >
      {state.status !== "idle" && state.message && (
        <div className="alert alert--error" role="alert" tabIndex={-1} ref={summaryRef}>
          <p>
            <strong>{state.message}</strong>
          </p>
          {orderedErrors.length > 0 && (
            <ul>
              {orderedErrors.map(([field, message]) => (
                <li key={field}>
                  <a href={`#${fieldAnchor(field)}`}>
                    {FIELD_LABELS[field.split(".")[0]!] ?? field}: {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {state.status === "conflict" && state.current && (
            <div data-testid="conflict-current">
              {state.changedFields && state.changedFields.length > 0 && <p>Changed by the other person: {state.changedFields.join(", ")}.</p>}
              <p>
                Saved now (version {state.current.version}, by {state.current.authorName}): <StatusBadge status={state.current.status} />{" "}
                <AssessmentBadge assessment={state.current.assessment} /> {state.current.progress}%.
              </p>
              <p className="narrative">{state.current.narrative}</p>
            </div>
          )}
        </div>
      )}

      <input type="hidden" name="proposalId" value={values.proposalId} />
      <input type="hidden" name="periodId" value={values.periodId} />
      <input type="hidden" name="expectedVersion" value={values.expectedVersion} />
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}

      <fieldset className="field" aria-describedby={describedBy(errors.status && errorId("status"), ...warningsAbout("status"))}>
        <legend>Implementation status</legend>
        <FieldError field="status" errors={errors} />
        <div className="radio-grid">
          {IMPLEMENTATION_STATUSES.map((s) => (
            <label key={s} htmlFor={`status-${s}`}>
              <input id={`status-${s}`} type="radio" name="status" value={s} defaultChecked={values.status === s} />
              <span>
                {STATUS_LABELS[s]}
                <br />
                <span className="field__hint">{STATUS_HINTS[s]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="field" aria-describedby={describedBy(errors.assessment && errorId("assessment"), ...warningsAbout("assessment"))}>
        <legend>Assessment</legend>
        <FieldError field="assessment" errors={errors} />
        <div className="radio-grid">
          {ASSESSMENTS.map((a) => (
            <label key={a} htmlFor={`assessment-${a}`}>
              <input id={`assessment-${a}`} type="radio" name="assessment" value={a} defaultChecked={values.assessment === a} />
              {ASSESSMENT_LABELS[a]}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor="rationale">Why it changed</label>
        <span className="field__hint" id="rationale-hint">
          {previous
            ? `Required when status or assessment differs from the ${previous.periodName} (${previous.status}, ${previous.assessment}).`
            : "Only needed when status or assessment changes from the previous period."}
        </span>
        <FieldError field="rationale" errors={errors} />
        <textarea
          id="rationale"
          name="rationale"
          rows={2}
          defaultValue={values.rationale}
          aria-invalid={errors.rationale ? true : undefined}
          aria-describedby={errors.rationale ? `rationale-hint ${errorId("rationale")}` : "rationale-hint"}
        />
      </div>

      <div className="field">
        <label htmlFor="progress">Progress (%)</label>
        <span className="field__hint" id="progress-hint">
          A whole number from 0 to 100.
        </span>
        <FieldError field="progress" errors={errors} />
        <input
          id="progress"
          name="progress"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          defaultValue={values.progress}
          style={{ width: "8rem" }}
          aria-invalid={errors.progress ? true : undefined}
          aria-describedby={describedBy("progress-hint", errors.progress && errorId("progress"), ...warningsAbout("progress"))}
        />
      </div>

      {/* Always in the page, so that a warning appearing while the user types is announced (politely). */}
      <div className={warnings.length > 0 ? "field-warnings" : undefined} role="status" id="update-warnings" data-testid="live-warnings">
        {warnings.length > 0 && (
          <>
            <p>
              <strong>Check before saving:</strong> this can still be saved, and the reviewer will see it flagged.
            </p>
            <ul>
              {warnings.map((warning) => (
                <li key={warning.code} id={warningId(warning)}>
                  {warning.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <div className="field">
        <label htmlFor="narrative">Narrative</label>
        <span className="field__hint">What happened in this period: the text drafters will use in the progress report.</span>
        <FieldError field="narrative" errors={errors} />
        <textarea id="narrative" name="narrative" defaultValue={values.narrative} rows={6} {...invalid("narrative")} />
      </div>

      <div className="field">
        <label htmlFor="nextSteps">Next steps (optional)</label>
        <FieldError field="nextSteps" errors={errors} />
        <textarea id="nextSteps" name="nextSteps" defaultValue={values.nextSteps} rows={3} {...invalid("nextSteps")} />
      </div>

      <fieldset>
        <legend>Evidence links (optional)</legend>
        <p className="field__hint">Links to minutes, reports or other records, starting with https://.</p>
        <FieldError field="evidenceLinks" errors={errors} />
        {Array.from({ length: rowCount }, (_, i) => {
          const link = values.evidenceLinks[i] ?? { label: "", url: "" };
          return (
            <div key={i} className="evidence-row">
              <div className="field">
                <label htmlFor={`evidence-${i}-label`}>Link {i + 1}: label</label>
                <FieldError field={`evidenceLinks.${i}.label`} errors={errors} />
                <input id={`evidence-${i}-label`} name={`evidence.${i}.label`} type="text" defaultValue={link.label} {...invalid(`evidenceLinks.${i}.label`)} />
              </div>
              <div className="field">
                <label htmlFor={`evidence-${i}-url`}>Link {i + 1}: address</label>
                <FieldError field={`evidenceLinks.${i}.url`} errors={errors} />
                <input id={`evidence-${i}-url`} name={`evidence.${i}.url`} type="url" defaultValue={link.url} {...invalid(`evidenceLinks.${i}.url`)} />
              </div>
            </div>
          );
        })}
        {rowCount < MAX_EVIDENCE_LINKS && (
          <button type="button" className="button button--secondary button--small" onClick={() => setExtraRows((n) => n + 1)}>
            Add another link
          </button>
        )}
      </fieldset>

      <div className="form-actions">
        {canSubmit && (
          <button type="submit" name="intent" value="submit" className="button" disabled={isPending}>
            {isPending ? "Saving…" : "Submit for review"}
          </button>
        )}
        <button type="submit" name="intent" value="save" className={canSubmit ? "button button--secondary" : "button"} disabled={isPending}>
          {isPending ? "Saving…" : `Save ${canSubmit ? "draft" : "changes"} for the ${periodName}`}
        </button>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
