import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FocalPointChanges } from "@/components/admin/focal-points/focal-point-changes";
import { HandoverForm } from "@/components/admin/focal-points/handover-form";
import { PersonAreas } from "@/components/admin/focal-points/person-areas";
import { Badge } from "@/components/ui/badges";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { getPersonFocalPoints } from "@/lib/data/focal-points";
import { focalPointRefusal } from "@/lib/domain/focal-points";
import { canManageFocalPoints } from "@/lib/domain/permissions";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";
import { EU_BODY_LABELS } from "@/lib/validation/people";

export const metadata: Metadata = { title: "A person's proposals" };

type Props = { params: Promise<{ userId: string }> };

export default async function PersonFocalPointsPage({ params }: Props) {
  const { userId } = await params;
  const user = await requirePageUser(`/admin/focal-points/people/${encodeURIComponent(userId)}`);
  if (!canManageFocalPoints(user)) await denyPage(user, "manage_focal_points", {});
  const data = await getPersonFocalPoints(userId);
  if (!data) notFound();
  const { person, areas, followedCount, handoverCandidates } = data;
  const refusal = focalPointRefusal(person);
  const current = areas.reduce((sum, a) => sum + a.followed.filter((p) => !p.retired).length, 0);

  return (
    <>
      <p>
        <Link href="/admin/focal-points">← Focal points</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>Proposals followed by {person.name}</h1>
          <div className="meta">
            <span>{person.organisation.code}</span>
            {person.body && <span>{EU_BODY_LABELS[person.body as keyof typeof EU_BODY_LABELS] ?? person.body}</span>}
            <span>{ROLE_LABELS[person.role]}</span>
            <span>{person.email}</span>
            {!person.active && <Badge>deactivated</Badge>}
          </div>
          <p data-testid="followed-count">
            Follows {followedCount} proposal{followedCount === 1 ? "" : "s"}
            {followedCount > current ? ` (${followedCount - current} retired)` : ""}.
          </p>
        </div>
      </div>
      {refusal && (
        <p className="callout" role="note">
          {refusal} Proposals can still be removed or handed over.
        </p>
      )}
      <FocalPointChanges>
        <HandoverForm person={person} current={current} candidates={handoverCandidates} />
        <PersonAreas person={person} areas={areas} canAssign={refusal === null} />
      </FocalPointChanges>
    </>
  );
}
