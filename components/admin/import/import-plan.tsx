"use client";

import type { FieldChange, ImportResult, PlanEntry, PlanView } from "@/lib/domain/import/plan";
import { downloadText } from "./plan-state";

const wrap = { overflowWrap: "anywhere" as const, whiteSpace: "pre-line" as const };

/** A table that may scroll sideways on a narrow screen: focusable, so a keyboard can scroll it. */
function TableWrap({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    // Focusable: a region that scrolls sideways must be reachable by keyboard.
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function shownOf(total: number, shown: number, what: string) {
  if (total <= shown) return null;
  return (
    <p className="muted">
      The first {shown.toLocaleString("en-GB")} of {total.toLocaleString("en-GB")} {what} are shown here; the whole plan is in the file to download.
    </p>
  );
}

function Values({ changes, mode }: { changes: FieldChange[]; mode: "create" | "change" }) {
  return (
    <dl className="import-values">
      {changes.map((c) => (
        <div key={c.label}>
          <dt>{c.label}</dt>
          <dd style={wrap}>
            {mode === "create" ? (
              c.after
            ) : (
              <>
                <span className="visually-hidden">Now: </span>
                <del className="diff-removed">{c.before || "(empty)"}</del>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden">. Becomes: </span>
                <ins className="diff-added">{c.after || "(empty)"}</ins>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function EntryTable({ entries, caption, testId, mode }: { entries: PlanEntry[]; caption: string; testId: string; mode: "create" | "change" }) {
  return (
    <TableWrap label={caption}>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Record</th>
            <th scope="col">{mode === "create" ? "Values" : "Changes (now → becomes)"}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.row} data-row={e.row}>
              <td>{e.row}</td>
              <th scope="row" style={{ fontWeight: 400, ...wrap }}>
                <strong>{e.key}</strong> {e.label}
              </th>
              <td>
                <Values changes={e.changes} mode={mode} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The plan of a dry run (or of a commit): counts, notes, row errors, what is created and changed, what is left alone. */
export function ImportPlanView({ result, plan }: { result: ImportResult; plan: PlanView }) {
  const base = (result.fileName ?? "import").replace(/\.(xlsx|csv)$/i, "");
  const { counts } = plan;
  return (
    <div data-testid="import-plan">
      <ul className="plain-list" data-testid="import-counts">
        <li>
          Rows in the file: <strong>{plan.rowCount.toLocaleString("en-GB")}</strong>
        </li>
        <li>
          To create: <strong data-testid="count-creates">{counts.creates.toLocaleString("en-GB")}</strong>
        </li>
        <li>
          To change: <strong data-testid="count-changes">{counts.changes.toLocaleString("en-GB")}</strong>
        </li>
        <li>
          Unchanged (left as they are): <strong data-testid="count-unchanged">{counts.unchanged.toLocaleString("en-GB")}</strong>
        </li>
        <li>
          Errors: <strong data-testid="count-errors">{counts.errors.toLocaleString("en-GB")}</strong>
          {counts.errors > 0 && ` in ${counts.errorRows.toLocaleString("en-GB")} ${counts.errorRows === 1 ? "row" : "rows"}`}
        </li>
      </ul>
      {plan.notes.length > 0 && (
        <ul data-testid="import-notes">
          {plan.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <p className="form-actions">
        {result.errorsCsv && (
          <button type="button" className="button" onClick={() => downloadText(result.errorsCsv!, `${base}-errors.csv`)}>
            Download the errors (CSV)
          </button>
        )}
        {result.planCsv && (
          <button type="button" className="button button--secondary" onClick={() => downloadText(result.planCsv!, `${base}-plan.csv`)}>
            Download the whole plan (CSV)
          </button>
        )}
      </p>

      {counts.errors > 0 && (
        <>
          <TableWrap label="Row errors">
            <table data-testid="import-errors">
              <caption>Row errors: fix these, then check the file again</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Value</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {plan.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.column}-${i}`}>
                    <td>{e.row}</td>
                    <td style={wrap}>{e.column}</td>
                    <td style={wrap}>{e.value}</td>
                    <td style={wrap}>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {shownOf(counts.errors, plan.errors.length, "errors")}
        </>
      )}
      {counts.creates > 0 && (
        <>
          <EntryTable entries={plan.creates} caption={`To create (${counts.creates.toLocaleString("en-GB")})`} testId="import-creates" mode="create" />
          {shownOf(counts.creates, plan.creates.length, "rows to create")}
        </>
      )}
      {counts.changes > 0 && (
        <>
          <EntryTable entries={plan.changes} caption={`To change (${counts.changes.toLocaleString("en-GB")})`} testId="import-changes" mode="change" />
          {shownOf(counts.changes, plan.changes.length, "rows to change")}
        </>
      )}
      {counts.unchanged > 0 && (
        <details data-testid="import-unchanged">
          <summary>Unchanged rows ({counts.unchanged.toLocaleString("en-GB")})</summary>
          <ul className="plain-list">
            {plan.unchanged.map((e) => (
              <li key={e.row} style={wrap}>
                Row {e.row}: {e.key} {e.label}
              </li>
            ))}
          </ul>
          {shownOf(counts.unchanged, plan.unchanged.length, "unchanged rows")}
        </details>
      )}
    </div>
  );
}
