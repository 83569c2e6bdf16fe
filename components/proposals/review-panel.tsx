import { ActionForm } from "@/components/ui/action-form";
import { reviewUpdate } from "@/lib/actions/status-update";

/** Managers approve a submitted update or return it to its author with a note. */
export function ReviewPanel({
  proposalId,
  periodId,
  version,
  canApprove,
  canReturn,
}: {
  proposalId: string;
  periodId: string;
  version: number;
  canApprove: boolean;
  canReturn: boolean;
}) {
  const hidden = [
    { name: "proposalId", label: "", type: "hidden" as const, defaultValue: proposalId },
    { name: "periodId", label: "", type: "hidden" as const, defaultValue: periodId },
    { name: "expectedVersion", label: "", type: "hidden" as const, defaultValue: String(version) },
  ];
  return (
    <section className="card" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      <div className="grid grid--two">
        {canApprove && (
          <ActionForm
            label="Approve the update"
            action={reviewUpdate}
            fields={[...hidden, { name: "decision", label: "", type: "hidden", defaultValue: "approve" }]}
            buttons={[{ label: "Approve" }]}
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
            buttons={[{ label: "Return to author", secondary: true }]}
          />
        )}
      </div>
    </section>
  );
}
