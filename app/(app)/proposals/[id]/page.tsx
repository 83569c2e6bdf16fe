import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UpdateSummary } from "@/components/proposals/update-summary";
import { Badge } from "@/components/ui/badges";
import { requirePageUser } from "@/lib/auth/session";
import { getOpenPeriod } from "@/lib/data/periods";
import { getProposal } from "@/lib/data/proposals";
import { canRecordStatus, canViewProposals } from "@/lib/domain/permissions";
import { focalPointNames } from "@/lib/domain/proposals";
import { SET_LABELS, proposalCode } from "@/lib/domain/vocabulary";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: /^p\d+$/.test(id) ? proposalCode(Number(id.slice(1))) : "Proposal" };
}

export default async function ProposalPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/proposals/${encodeURIComponent(id)}`);
  if (!canViewProposals(user)) notFound();
  const [proposal, openPeriod, query] = await Promise.all([getProposal(id), getOpenPeriod(), searchParams]);
  if (!proposal) notFound();

  const current = openPeriod ? proposal.history.find((h) => h.period.id === openPeriod.id) : undefined;
  const past = proposal.history.filter((h) => h !== current);
  const access = { focalPointUserIds: proposal.focalPoints.map((fp) => fp.userId) };
  const mayRecord = openPeriod !== null && canRecordStatus(user, access, openPeriod);

  return (
    <>
      <p>
        <Link href="/proposals">← All proposals</Link>
      </p>
      {query.saved === "1" && (
        <div className="alert alert--success" role="status">
          Update saved.
        </div>
      )}
      <div className="page-header">
        <div>
          <h1>
            {proposalCode(proposal.number)} · {proposal.title}
          </h1>
          <div className="meta">
            <span>{proposal.area.name}</span>
            <span>{SET_LABELS[proposal.set]}</span>
            {proposal.edaInvolved && <Badge>EDA involved</Badge>}
          </div>
        </div>
        {mayRecord && (
          <Link className="button" href={`/proposals/${proposal.id}/update`}>
            {current ? "Edit update" : "Record update"} for the {openPeriod!.name}
          </Link>
        )}
      </div>

      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">About this proposal</h2>
        <p>{proposal.description}</p>
        <dl className="facts">
          <dt>NATO focal points</dt>
          <dd>{focalPointNames(proposal, "NATO") || <span className="muted">vacant</span>}</dd>
          <dt>EU focal points</dt>
          <dd>{focalPointNames(proposal, "EU") || <span className="muted">vacant</span>}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="current-title">
        <h2 id="current-title">{openPeriod ? `Current state: ${openPeriod.name}` : "Current state"}</h2>
        {current ? <UpdateSummary update={current} /> : <p className="muted">No update recorded for this period yet.</p>}
      </section>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        {past.length === 0 ? (
          <p className="muted">No earlier updates.</p>
        ) : (
          <ol className="timeline">
            {past.map((entry) => (
              <li key={entry.id}>
                <h3>{entry.period.name}</h3>
                <UpdateSummary update={entry} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
