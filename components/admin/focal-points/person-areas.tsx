import Link from "next/link";
import { Badge } from "@/components/ui/badges";
import type { PersonFocalPoints } from "@/lib/domain/focal-points";
import { proposalCode } from "@/lib/domain/vocabulary";
import { ChangeForm, SubmitButton } from "./focal-point-changes";
import { proposalFocalPointsHref } from "./focal-point-table";

const count = (n: number) => `${n} proposal${n === 1 ? "" : "s"}`;

/** Every area: the proposals the person follows in it, and the whole area added or removed at once. */
export function PersonAreas({ person, areas, canAssign }: { person: PersonFocalPoints["person"]; areas: PersonFocalPoints["areas"]; canAssign: boolean }) {
  return (
    <section aria-labelledby="areas-title">
      <h2 id="areas-title">Proposals by area</h2>
      <ul className="plain-list">
        {areas.map((area) => {
          const titleId = `area-${area.id}-title`;
          const followedCurrent = area.followed.filter((p) => !p.retired).length;
          const missing = area.current - followedCurrent;
          return (
            <li key={area.id} className="card" data-testid={`area-${area.id}`}>
              <h3 id={titleId}>
                {area.number}. {area.name}
              </h3>
              <p className="muted" data-testid="area-count">
                Follows {followedCurrent} of {count(area.current)}
              </p>
              {area.followed.length > 0 && (
                <ul>
                  {area.followed.map((p) => (
                    <li key={p.id}>
                      <Link href={proposalFocalPointsHref(p.id)}>
                        {proposalCode(p.number)} · {p.title}
                      </Link>
                      {p.retired && (
                        <>
                          {" "}
                          <Badge>retired</Badge>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <div className="form-actions">
                {canAssign && missing > 0 && (
                  <ChangeForm label={`Assign ${area.name} to ${person.name}`} fields={{ intent: "assign_area", userId: person.id, areaId: area.id }}>
                    <SubmitButton secondary small>
                      Assign all of {area.name}
                      {followedCurrent > 0 ? ` (${missing} more)` : ` (${count(area.current)})`}
                    </SubmitButton>
                  </ChangeForm>
                )}
                {area.followed.length > 0 && (
                  <ChangeForm label={`Remove ${area.name} from ${person.name}`} fields={{ intent: "remove_area", userId: person.id, areaId: area.id }}>
                    <SubmitButton secondary small>
                      Remove all of {area.name}
                    </SubmitButton>
                  </ChangeForm>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
