import type { Metadata } from "next";
import { ColumnGuide } from "@/components/admin/import/column-guide";
import { ImportForm } from "@/components/admin/import/import-form";
import { CatalogueNotice } from "@/components/layout/catalogue-notice";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { getCatalogueNotice } from "@/lib/data/settings";
import { DEMO_EMAIL_SUFFIX } from "@/lib/domain/import/catalogue";
import { canImport } from "@/lib/domain/permissions";
import { IMPORT_LIMITS } from "@/lib/import/read-table";

export const metadata: Metadata = { title: "Import" };

const n = (value: number) => value.toLocaleString("en-GB");

const LIMITS = `An Excel workbook (.xlsx: the sheet named like the kind of file, else the first sheet) or a CSV file saved as UTF-8 (comma, semicolon or tab separated). At most ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB, ${n(IMPORT_LIMITS.rows)} rows, ${IMPORT_LIMITS.columns} columns and ${n(IMPORT_LIMITS.cellChars)} characters in a cell.`;

export default async function ImportPage() {
  const user = await requirePageUser("/admin/import");
  if (!canImport(user)) await denyPage(user, "view_import", {});
  return (
    <>
      <h1>Import</h1>
      <p>
        Load the official catalogue, people and the status updates of past periods from Excel or CSV. Every import first runs dry: it shows exactly what will be
        created, changed and left alone, and every error by row and column. Importing applies all of it in one go, or nothing.
      </p>
      <CatalogueNotice notice={await getCatalogueNotice()} />
      <div className="card" style={{ maxWidth: "60rem" }}>
        <ImportForm limits={LIMITS} />
      </div>

      <section aria-labelledby="rules-title">
        <h2 id="rules-title">How an import works</h2>
        <ul>
          <li>
            <strong>Check, then import.</strong> &ldquo;Check the file&rdquo; writes nothing. &ldquo;Import&rdquo; sends the same file again and applies it only
            if the plan is still the one you checked; if the data changed meanwhile, you see the new plan and look again.
          </li>
          <li>
            <strong>Any row error blocks the whole import.</strong> Fix the file (the errors download as a CSV file with row, column, value and reason), then
            check it again.
          </li>
          <li>
            <strong>Importing the same file twice changes nothing</strong> the second time: rows already as the tracker has them are left alone.
          </li>
          <li>
            <strong>Refused files:</strong> anything that is not a real .xlsx or UTF-8 CSV (a renamed PDF, an old .xls, a zip that unpacks to far more than a
            spreadsheet holds), and files over the limits. Formulas and merged cells are refused cell by cell (type the values; unmerge), and a date where a
            number belongs is an error.
          </li>
          <li>
            <strong>Nothing uploaded is kept:</strong> each check and each import reads the file it is sent. Every import is recorded in the audit trail, with
            every record it created or changed.
          </li>
          <li>Limits: {LIMITS}</li>
        </ul>
      </section>

      <section aria-labelledby="columns-title">
        <h2 id="columns-title">What each kind of file holds</h2>
        <ColumnGuide
          rules={{
            catalogue: (
              <ul>
                <li>
                  Rows are matched by <strong>proposal number</strong>: a known number updates that proposal in place, so its status updates, focal points and
                  wording history stay linked; each change of wording is kept as a new version. A new number adds a proposal.
                </li>
                <li>Areas are matched by name; a name no area has adds an area (shown in the check).</li>
                <li>
                  Focal points are <strong>added only</strong>: a file never removes one. Proposals not in the file are left as they are (never retired or
                  deleted).
                </li>
                <li>
                  Where a proposal still has the demo wording, the imported wording also applies to the reports of earlier periods (the demo wording was never
                  official); otherwise it applies from now on, and earlier reports keep the wording they had.
                </li>
                <li>
                  The demo-data notice disappears after a catalogue import once no demo record remains: no proposal keeps the demo wording (each has been edited
                  or imported) and no account with an e-mail address ending in {DEMO_EMAIL_SUFFIX} is active (deactivate the demo accounts on People).
                </li>
              </ul>
            ),
            people: (
              <ul>
                <li>
                  Rows are matched by <strong>e-mail address</strong>: a new address creates an account without a password (nothing is e-mailed: send each
                  person their link from People), a known one changes the name, role, organisation or EU body.
                </li>
                <li>An import never sets a password and never deactivates or reactivates anyone; it cannot leave the tracker without an active admin.</li>
              </ul>
            ),
            updates: (
              <ul>
                <li>
                  Rows are matched by <strong>proposal and period number</strong>. Only past periods (locked or closed) take imports: the open period is
                  recorded in the tracker.
                </li>
                <li>
                  An imported update is <strong>approved</strong>, written by the author the file names (it counts for their organisation) and reviewed by you;
                  its history shows the import as your revision, and the audit trail records it. The rule that a change of status needs a rationale applies to
                  saves in the tracker, not to imported history: a new update has no rationale, an existing one keeps its own.
                </li>
                <li>A published report edition does not change: publish a new edition of that period to include imported updates.</li>
              </ul>
            ),
          }}
        />
      </section>

      <section aria-labelledby="export-title">
        <h2 id="export-title">Export the catalogue</h2>
        <p>
          The catalogue as it is now, in exactly the columns of a catalogue import (focal points by e-mail): edit it and import it back, or keep it as a copy.
          Imported back unchanged, it changes nothing.
        </p>
        <p>
          <a href="/api/import/export/catalogue.xlsx" download>
            Catalogue (Excel)
          </a>{" "}
          ·{" "}
          <a href="/api/import/export/catalogue.csv" download>
            Catalogue (CSV)
          </a>
        </p>
      </section>
    </>
  );
}
