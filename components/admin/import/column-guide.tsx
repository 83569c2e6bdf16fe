import { IMPORT_COLUMNS, IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from "@/lib/domain/import/columns";

/** Per kind of file: its templates and every column (the CSV templates carry no notes, so they are here). */
export function ColumnGuide({ rules }: { rules: Record<ImportKind, React.ReactNode> }) {
  return (
    <>
      {IMPORT_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`columns-${kind}`} data-testid={`columns-${kind}`}>
          <h3 id={`columns-${kind}`}>{IMPORT_KIND_LABELS[kind]}</h3>
          {rules[kind]}
          <p>
            Template:{" "}
            <a href={`/api/import/templates/${kind}.xlsx`} download>
              {kind} template (Excel, with notes and examples)
            </a>{" "}
            ·{" "}
            <a href={`/api/import/templates/${kind}.csv`} download>
              {kind} template (CSV, headings and one example)
            </a>
          </p>
          {/* A scrollable region must be reachable by keyboard. */}
          <div className="table-wrap" role="region" aria-label={`Columns of a ${kind} file`} tabIndex={0}>
            <table>
              <caption>Columns of a {kind} file</caption>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Required</th>
                  <th scope="col">What to enter</th>
                  <th scope="col">Example</th>
                </tr>
              </thead>
              <tbody>
                {IMPORT_COLUMNS[kind].map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.heading}</th>
                    <td>{c.required ? "Yes" : "No (the column may be left out)"}</td>
                    <td>
                      {c.note}
                      {c.aliases.length > 0 && <span className="muted"> Also accepted as heading: {c.aliases.join(", ")}.</span>}
                    </td>
                    <td style={{ overflowWrap: "anywhere" }}>{c.examples[0]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
