import type { ProposalFocalPoints } from "@/lib/domain/focal-points";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";
import { CandidateSelect } from "./candidate-select";
import { ChangeForm, SubmitButton } from "./focal-point-changes";
import { MemberName } from "./focal-point-table";

type Side = ProposalFocalPoints["sides"][number];

/** One organisation's focal points of a proposal: remove any of them, add an eligible person. */
export function ProposalSide({ proposalId, proposalLabel, side, retired }: { proposalId: string; proposalLabel: string; side: Side; retired: boolean }) {
  const titleId = `side-${side.code}-title`;
  const active = side.focalPoints.filter((fp) => fp.active);
  return (
    <section className="card" aria-labelledby={titleId} data-testid={`side-${side.code}`}>
      <h2 id={titleId}>{side.code} focal points</h2>
      {side.focalPoints.length > 0 && (
        <ul className="plain-list">
          {side.focalPoints.map((fp) => (
            <li key={fp.userId} className="form-actions" style={{ marginBottom: "0.5rem" }}>
              <span>
                <MemberName member={fp} /> <span className="muted">({ROLE_LABELS[fp.role]})</span>
              </span>
              <ChangeForm label={`Remove ${fp.name} from ${proposalLabel}`} fields={{ intent: "remove", proposalId, userId: fp.userId }}>
                <SubmitButton secondary small>
                  Remove {fp.name}
                </SubmitButton>
              </ChangeForm>
            </li>
          ))}
        </ul>
      )}
      {active.length === 0 && !retired && (
        <p>
          <span className="badge badge--AT_RISK">Vacant</span> No active {side.code} focal point follows this proposal.
        </p>
      )}
      {retired ? (
        <p className="muted">Retired proposals get no new focal points.</p>
      ) : side.candidates.length === 0 ? (
        <p className="muted">Every active {side.code} staff member, manager and administrator already follows this proposal.</p>
      ) : (
        <ChangeForm label={`Add a ${side.code} focal point to ${proposalLabel}`} fields={{ intent: "assign", proposalId }}>
          <CandidateSelect
            id={`assign-${side.code}`}
            name="userId"
            label={`Add a ${side.code} focal point`}
            hint={`Active ${side.name} staff, managers and administrators; viewers cannot be focal points.`}
            candidates={side.candidates}
          />
          <SubmitButton>Assign as {side.code} focal point</SubmitButton>
        </ChangeForm>
      )}
    </section>
  );
}
