import { ActionForm } from "@/components/ui/action-form";
import { reopenProposalAction } from "@/lib/actions/periods";
import { MAX_REOPEN_DAYS } from "@/lib/validation/periods";

export function ReopenForm({
  proposalId,
  periodId,
  periodName,
  reopenedUntil,
}: {
  proposalId: string;
  periodId: string;
  periodName: string;
  reopenedUntil: string | null;
}) {
  return (
    <section className="card" aria-labelledby="reopen-title">
      <h2 id="reopen-title">Reopen in the locked {periodName}</h2>
      <p className="muted">
        {reopenedUntil ? `Reopened until ${reopenedUntil}. ` : ""}Focal points (and managers) can edit this proposal until the end of the chosen day (UTC, at
        most {MAX_REOPEN_DAYS} days ahead); it then re-locks by itself. An approved update goes back to draft and must be submitted and approved again.
      </p>
      <ActionForm
        label="Reopen this proposal"
        action={reopenProposalAction}
        fields={[
          { name: "proposalId", label: "", type: "hidden", defaultValue: proposalId },
          { name: "periodId", label: "", type: "hidden", defaultValue: periodId },
          { name: "reason", label: "Reason", type: "textarea" },
          { name: "expiresOn", label: "Open until (inclusive)", type: "date" },
        ]}
        buttons={[{ label: "Reopen", secondary: true }]}
      />
    </section>
  );
}
