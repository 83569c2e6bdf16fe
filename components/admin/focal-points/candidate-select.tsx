import type { Candidate } from "@/lib/domain/focal-points";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";
import { EU_BODIES, EU_BODY_LABELS } from "@/lib/validation/people";

function bodyLabel(body: string | null): string | null {
  return body && (EU_BODIES as readonly string[]).includes(body) ? EU_BODY_LABELS[body as (typeof EU_BODIES)[number]] : null;
}

/** "Name · Staff · EEAS · follows 12": enough to tell namesakes apart and to spread the work. */
export function candidateLabel(c: Candidate): string {
  return [c.name, ROLE_LABELS[c.role], bodyLabel(c.body), `follows ${c.follows}`].filter(Boolean).join(" · ");
}

/** A labelled select of people (only eligible ones are offered; the server checks again). */
export function CandidateSelect({ id, name, label, hint, candidates }: { id: string; name: string; label: string; hint?: string; candidates: Candidate[] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="field__hint">
          {hint}
        </span>
      )}
      <select id={id} name={name} required defaultValue="" aria-describedby={hint ? `${id}-hint` : undefined}>
        <option value="" disabled>
          Choose a person…
        </option>
        {candidates.map((c) => (
          <option key={c.id} value={c.id}>
            {candidateLabel(c)}
          </option>
        ))}
      </select>
    </div>
  );
}
