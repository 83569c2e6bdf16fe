import { ActionForm } from "@/components/ui/action-form";
import { highlightUpdate } from "@/lib/actions/reports";
import { reviewUpdate } from "@/lib/actions/status-update";
import { FlaggedWarnings } from "./flagged-warnings";

type Props = {
  proposalId: string;
  periodId: string;
  version: number;
  canApprove: boolean;
  canReturn: boolean;
  /** Contradictions the server flagged when the update was saved (shown before the decision; never blocking). */
  warnings: string[];
  /** For an approved update: whether it is a highlight of the report, and whether this user may change that. */
  highlight: { marked: boolean; canChange: boolean } | null;
  /** Why this manager may not approve (their own update), shown in place of the Approve button. */
  ownUpdate?: string | null;
  /** The review queue's "… and next": where a decision leads (the queue's query), and the buttons' words. */
  queue?: { next: string };
};

/** Managers approve a submitted update or return it to its author with a note, and choose the report's highlights. */
export function ReviewPanel({ proposalId, periodId, version, canApprove, canReturn, warnings, highlight, ownUpdate, queue }: Props) {
  const hidden = [
    { name: "proposalId", label: "", type: "hidden" as const, defaultValue: proposalId },
    { name: "periodId", label: "", type: "hidden" as const, defaultValue: periodId },
    { name: "expectedVersion", label: "", type: "hidden" as const, defaultValue: String(version) },
    ...(queue ? [{ name: "next", label: "", type: "hidden" as const, defaultValue: queue.next }] : []),
  ];
  const andNext = queue ? " and next" : "";
  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      <FlaggedWarnings warnings={warnings} />
      {ownUpdate && (
        <p className="callout" role="note" data-testid="own-update">
          {ownUpdate}
        </p>
      )}
      <div className="grid grid--two">
        {canApprove && (
          <ActionForm
            label="Approve the update"
            action={reviewUpdate}
            fields={[...hidden, { name: "decision", label: "", type: "hidden", defaultValue: "approve" }]}
            buttons={[{ label: `Approve${andNext}` }]}
          />
        )}
        {canReturn && (
          <ActionForm
            label="Return the update"
            action={reviewUpdate}
            fields={[
              ...hidden,
              { name: "decision", label: "", type: "hidden", defaultValue: "return" },
              { name: "note", label: "Note to the author", type: "textarea", hint: "What should change before it can be approved." },
            ]}
            buttons={[{ label: `Return to author${andNext}`, secondary: true }]}
          />
        )}
      </div>
      {highlight && (
        <div className="review-highlight">
          <h3>Report highlight</h3>
          <p data-testid="highlight-state">
            {highlight.marked
              ? "This update is a highlight: it appears in the report's highlights section."
              : "Mark this update as a highlight to show it in the report's highlights section."}
          </p>
          {highlight.canChange && (
            <ActionForm
              label={highlight.marked ? "Remove from the highlights" : "Mark as a highlight"}
              action={highlightUpdate}
              fields={[...hidden, { name: "highlight", label: "", type: "hidden", defaultValue: highlight.marked ? "false" : "true" }]}
              buttons={[{ label: highlight.marked ? "Remove from the highlights" : "Mark as a highlight", secondary: highlight.marked }]}
            />
          )}
        </div>
      )}
    </section>
  );
}
