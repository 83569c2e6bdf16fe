"use client";

import { useEffect, useRef, useState } from "react";
import type { ImportOutcome, ImportResult } from "@/lib/domain/import/plan";
import { IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind } from "@/lib/domain/import/columns";
import { isCommittablePlanView } from "./plan-state";
import { ImportPlanView } from "./import-plan";

type Props = {
  /** The limits, in words (shown under the file field). */
  limits: string;
};

type State = { status: "idle" } | { status: "pending"; mode: "check" | "commit" } | { status: "answered"; result: ImportResult };

const GENERIC = "Something went wrong and nothing was changed. Try again; if it keeps happening, tell the administrators";

/** The answer of POST /api/import/{kind}: a result, or an error as JSON (401, 403, 500 with a reference). */
async function send(kind: ImportKind, formData: FormData): Promise<ImportResult> {
  let response: Response;
  try {
    response = await fetch(`/api/import/${kind}`, { method: "POST", body: formData, headers: { Accept: "application/json" } });
  } catch {
    return { outcome: "refused", message: "The file could not be sent: check the connection, then try again. Nothing was changed." };
  }
  const body = (await response.json().catch(() => null)) as { outcome?: ImportOutcome; error?: { message?: string; reference?: string } } | null;
  if (body?.outcome) return body as ImportResult;
  const error = body?.error;
  if (error?.message && !error.reference) return { outcome: "refused", message: error.message };
  return { outcome: "refused", message: `${GENERIC}${error?.reference ? ` (reference ${error.reference})` : ""}.` };
}

/**
 * One form: what the file holds, the file, and two buttons. "Check the file" sends it for a dry run and
 * shows the plan; "Import" sends the same file again with the plan's hash, and the server applies it only
 * if the plan is still the same. The file stays chosen between the two (the form is never reset); choosing
 * another file or kind clears the plan.
 */
export function ImportForm({ limits }: Props) {
  const [state, setState] = useState<State>({ status: "idle" });
  const [kind, setKind] = useState<ImportKind>("catalogue");
  const messageRef = useRef<HTMLDivElement>(null);
  const result = state.status === "answered" ? state.result : null;
  const canCommit = Boolean(result?.hash && result.plan && (result.outcome === "checked" || result.outcome === "stale") && isCommittablePlanView(result.plan));

  useEffect(() => {
    if (state.status === "answered") messageRef.current?.focus();
  }, [state]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const mode = submitter?.value === "commit" ? "commit" : "check";
    if (mode === "commit" && !canCommit) return;
    const formData = new FormData(event.currentTarget);
    formData.set("mode", mode);
    if (mode === "commit" && result?.hash) formData.set("planHash", result.hash);
    setState({ status: "pending", mode });
    setState({ status: "answered", result: await send(kind, formData) });
  }

  const dataState: "idle" | "pending" | ImportOutcome = state.status === "answered" ? state.result.outcome : state.status;
  const pending = state.status === "pending";

  return (
    <>
      <form
        aria-label="Import a file"
        onSubmit={onSubmit}
        onChange={() => state.status === "answered" && setState({ status: "idle" })}
        data-state={dataState}
        noValidate
      >
        <fieldset className="field">
          <legend>What does the file hold?</legend>
          {IMPORT_KINDS.map((k) => (
            <label key={k} className="check">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {IMPORT_KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="import-file">File (.xlsx or .csv)</label>
          <span id="import-file-hint" className="field__hint">
            {limits}
          </span>
          <input
            id="import-file"
            type="file"
            name="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-hint"
          />
        </div>
        <p className="muted" id="import-buttons-hint">
          Check the file first: nothing is written until you import, and nothing is imported while any row has an error.
        </p>
        <div className="form-actions">
          <button type="submit" name="intent" value="check" className="button button--secondary" disabled={pending} aria-describedby="import-buttons-hint">
            {pending && state.mode === "check" ? "Checking…" : "Check the file"}
          </button>
          <button type="submit" name="intent" value="commit" className="button" disabled={pending || !canCommit} aria-describedby="import-buttons-hint">
            {pending && state.mode === "commit" ? "Importing…" : "Import"}
          </button>
        </div>
        <p aria-live="polite" className="visually-hidden">
          {pending ? (state.mode === "check" ? "Checking the file…" : "Importing…") : ""}
        </p>
      </form>
      {result && (
        <section aria-labelledby="import-result-title" data-testid="import-result" data-outcome={result.outcome}>
          <h2 id="import-result-title">
            {result.outcome === "committed" ? "Imported" : result.outcome === "refused" ? "The file was not read" : "What the import will do"}
          </h2>
          <div
            ref={messageRef}
            tabIndex={-1}
            role={result.outcome === "committed" || (result.outcome === "checked" && !result.plan?.counts.errors) ? "status" : "alert"}
            className={`alert ${result.outcome === "committed" || (result.outcome === "checked" && !result.plan?.counts.errors) || result.outcome === "unchanged" ? "alert--success" : "alert--error"}`}
          >
            {result.message}
          </div>
          {result.plan && <ImportPlanView result={result} plan={result.plan} />}
        </section>
      )}
    </>
  );
}
