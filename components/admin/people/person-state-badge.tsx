import { PERSON_STATE_LABELS, type PersonState } from "@/lib/domain/people";

// Reuses the status badge colours: active like "Ongoing", invited like "At risk" (waiting for them),
// deactivated like "Not started" (grey).
const BADGE: Record<PersonState, string> = { active: "ONGOING", invited: "AT_RISK", deactivated: "NOT_STARTED" };

export function PersonStateBadge({ state }: { state: PersonState }) {
  return (
    <span className={`badge badge--${BADGE[state]}`} data-state={state}>
      {PERSON_STATE_LABELS[state]}
    </span>
  );
}
