import type { PersonFocalPoints } from "@/lib/domain/focal-points";
import { CandidateSelect } from "./candidate-select";
import { ChangeForm, SubmitButton } from "./focal-point-changes";

/** Hand all of a leaving person's current proposals to someone of the same organisation, in one step. */
export function HandoverForm({
  person,
  current,
  candidates,
}: {
  person: PersonFocalPoints["person"];
  current: number;
  candidates: PersonFocalPoints["handoverCandidates"];
}) {
  return (
    <section className="card" aria-labelledby="handover-title">
      <h2 id="handover-title">Hand over all proposals</h2>
      {current === 0 ? (
        <p className="muted">{person.name} follows no current proposal: there is nothing to hand over.</p>
      ) : candidates.length === 0 ? (
        <p className="muted">No other active {person.organisation.code} staff member, manager or administrator can take the proposals over.</p>
      ) : (
        <>
          <p>
            For someone who leaves or changes job: the {current} current proposal{current === 1 ? "" : "s"} {person.name} follows go to the person you choose,
            in one step. Those that person already follows stay theirs; retired proposals stay with {person.name}.
          </p>
          <ChangeForm label={`Hand over ${person.name}'s proposals`} fields={{ intent: "handover", userId: person.id }}>
            <CandidateSelect
              id="handover-to"
              name="toUserId"
              label="Hand over to"
              hint={`Active ${person.organisation.name} staff, managers and administrators.`}
              candidates={candidates}
            />
            <SubmitButton>
              Hand over {current} proposal{current === 1 ? "" : "s"}
            </SubmitButton>
          </ChangeForm>
        </>
      )}
    </section>
  );
}
