import type { AuditChange } from "@/lib/domain/audit";

// Texts longer than this, or on several lines, fold away behind their label.
const LONG_TEXT = 120;

const isLong = (c: AuditChange) => c.before.length > LONG_TEXT || c.after.length > LONG_TEXT || /\n/.test(c.before + c.after);

function Values({ change }: { change: AuditChange }) {
  return (
    <>
      {change.before && (
        <>
          <del className="diff-removed">{change.before}</del>
          {" → "}
        </>
      )}
      {change.after ? <ins className="diff-added">{change.after}</ins> : <span className="muted">(empty)</span>}
    </>
  );
}

/** The changed fields of an event, old → new; long texts collapsed (the full text one click away). */
export function AuditChanges({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul className="changes">
      {changes.map((c) =>
        isLong(c) ? (
          <li key={c.field}>
            <details>
              <summary>
                <strong>{c.label}</strong>: {c.before ? "changed" : "set"} (show the text)
              </summary>
              {c.before && (
                <p style={{ whiteSpace: "pre-wrap" }}>
                  Before: <del className="diff-removed">{c.before}</del>
                </p>
              )}
              <p style={{ whiteSpace: "pre-wrap" }}>
                {c.before ? "After: " : ""}
                {c.after ? <ins className="diff-added">{c.after}</ins> : <span className="muted">(empty)</span>}
              </p>
            </details>
          </li>
        ) : (
          <li key={c.field}>
            <strong>{c.label}</strong>: <Values change={c} />
          </li>
        ),
      )}
    </ul>
  );
}
