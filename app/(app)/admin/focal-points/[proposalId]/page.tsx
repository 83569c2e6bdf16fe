import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FocalPointChanges } from "@/components/admin/focal-points/focal-point-changes";
import { ProposalSide } from "@/components/admin/focal-points/proposal-side";
import { Badge } from "@/components/ui/badges";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { getProposalFocalPoints } from "@/lib/data/focal-points";
import { canManageFocalPoints } from "@/lib/domain/permissions";
import { proposalCode } from "@/lib/domain/vocabulary";

type Props = { params: Promise<{ proposalId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { proposalId } = await params;
  return { title: `Focal points of ${/^p\d+$/.test(proposalId) ? proposalCode(Number(proposalId.slice(1))) : "a proposal"}` };
}

export default async function ProposalFocalPointsPage({ params }: Props) {
  const { proposalId } = await params;
  const user = await requirePageUser(`/admin/focal-points/${encodeURIComponent(proposalId)}`);
  if (!canManageFocalPoints(user)) await denyPage(user, "manage_focal_points", { proposalId });
  const data = await getProposalFocalPoints(proposalId);
  if (!data) notFound();
  const { proposal, sides } = data;
  const code = proposalCode(proposal.number);

  return (
    <>
      <p>
        <Link href="/admin/focal-points">← Focal points</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            Focal points: {code} · {proposal.title}
          </h1>
          <div className="meta">
            <span>{proposal.area.name}</span>
            {proposal.retired && <Badge>retired</Badge>}
            <Link href={`/proposals/${encodeURIComponent(proposal.id)}`}>Open the proposal</Link>
          </div>
        </div>
      </div>
      <FocalPointChanges>
        <div className="grid grid--two">
          {sides.map((side) => (
            <ProposalSide key={side.id} proposalId={proposal.id} proposalLabel={code} side={side} retired={proposal.retired} />
          ))}
        </div>
      </FocalPointChanges>
    </>
  );
}
