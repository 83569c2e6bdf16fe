import { ActionForm } from "@/components/ui/action-form";
import { retireProposal } from "@/lib/actions/catalogue";
import { formatDateTime } from "@/lib/domain/format";

/**
 * Retire a proposal, or bring it back. Proposals are never deleted: retiring keeps the proposal, its
 * history and its place in the periods that began before, and takes it out of every later period.
 */
export function RetireForm({
  proposal,
  timeZone,
}: {
  proposal: { id: string; code: string; retiredAt: Date | null; retiredByName: string | null };
  timeZone: string;
}) {
  const retired = proposal.retiredAt !== null;
  return (
    <section className="card" aria-labelledby="retire-title" data-testid="retirement">
      <h2 id="retire-title">{retired ? "Retired" : "Retire"}</h2>
      {retired ? (
        <p>
          {proposal.code} was retired on {formatDateTime(proposal.retiredAt!, timeZone)}
          {proposal.retiredByName ? ` by ${proposal.retiredByName}` : ""}. It stays in the periods that began before, in their reports and in its history, and
          is left out of every period that starts later. Bringing it back puts it in every period again.
        </p>
      ) : (
        <p>
          A retired proposal stays in the periods that have already begun (the open one included), in their reports and in its history, and is left out of every
          period that starts from now on: lists, dashboards, the cockpit, reminders and new reports. Proposals are never deleted; a retired one can be brought
          back.
        </p>
      )}
      <ActionForm
        label={retired ? "Bring the proposal back" : "Retire the proposal"}
        action={retireProposal}
        fields={[
          { name: "proposalId", label: "", type: "hidden", defaultValue: proposal.id },
          { name: "action", label: "", type: "hidden", defaultValue: retired ? "unretire" : "retire" },
        ]}
        buttons={[{ label: retired ? `Bring ${proposal.code} back` : `Retire ${proposal.code}`, secondary: true }]}
      />
    </section>
  );
}
