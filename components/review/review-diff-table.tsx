import { EvidenceLinks } from "@/components/proposals/evidence-links";
import { TextDiff } from "@/components/ui/text-diff";
import type { ReviewDiff } from "@/lib/domain/review-queue";

/** What changed since the previous period, field by field: before, now (texts as word diffs), and the evidence added or removed. */
export function ReviewDiffTable({ diff, previousName }: { diff: ReviewDiff; previousName: string | null }) {
  return (
    <>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Changes since the previous period (scrolls sideways)">
        <table data-testid="review-diff">
          <caption>
            {previousName
              ? `Compared with the ${previousName}: ${diff.changedCount} ${diff.changedCount === 1 ? "field" : "fields"} changed`
              : "No earlier update: everything is new"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">{previousName ? `Before (${previousName})` : "Before"}</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {diff.fields.map((c) => (
              <tr key={c.field} data-changed={c.changed ? "true" : "false"} data-field={c.field}>
                <th scope="row">
                  {c.label}
                  {c.changed && previousName && <div className="badge badge--AT_RISK">Changed</div>}
                </th>
                <td className="narrative">{c.before || <span className="muted">–</span>}</td>
                <td className="narrative">{c.segments && previousName ? <TextDiff segments={c.segments} /> : c.after || <span className="muted">–</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="grid grid--two review-evidence">
        <div data-testid="evidence-added">
          <h3>Evidence added ({diff.evidenceAdded.length})</h3>
          {diff.evidenceAdded.length ? <EvidenceLinks links={diff.evidenceAdded} /> : <p className="muted">None.</p>}
        </div>
        <div data-testid="evidence-removed">
          <h3>Evidence removed ({diff.evidenceRemoved.length})</h3>
          {diff.evidenceRemoved.length ? <EvidenceLinks links={diff.evidenceRemoved} /> : <p className="muted">None.</p>}
        </div>
      </div>
    </>
  );
}
