import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RetiredBadge } from "@/components/admin/catalogue/catalogue-tables";
import { ProposalForm } from "@/components/admin/catalogue/proposal-form";
import { RetireForm } from "@/components/admin/catalogue/retire-form";
import { VersionHistory } from "@/components/admin/catalogue/version-history";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { getCatalogueProposal } from "@/lib/data/catalogue";
import { conventionalSet } from "@/lib/domain/catalogue";
import { canEditCatalogue } from "@/lib/domain/permissions";
import { SET_LABELS, proposalCode } from "@/lib/domain/vocabulary";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: /^p\d+$/.test(id) ? `Edit ${proposalCode(Number(id.slice(1)))}` : "Edit a proposal" };
}

function flash(query: Record<string, string | string[] | undefined>): string | null {
  const saved = typeof query.saved === "string" && /^\d+$/.test(query.saved) ? query.saved : null;
  if (saved) return `Saved as version ${saved}. Reports of periods whose cut-off day has ended keep the wording they had.`;
  if (query.unchanged === "1") return "Nothing changed, so no new version was saved.";
  if (query.retired === "1") return "Retired: the proposal is left out of every period that starts from now on.";
  if (query.unretired === "1") return "Brought back: the proposal is in every period again.";
  return null;
}

export default async function CatalogueProposalPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/admin/catalogue/proposals/${encodeURIComponent(id)}`);
  if (!canEditCatalogue(user)) await denyPage(user, "view_catalogue_proposal", { proposalId: id });
  const [proposal, query] = await Promise.all([getCatalogueProposal(id), searchParams]);
  if (!proposal) notFound();
  const code = proposalCode(proposal.number);
  const message = flash(query);
  const usual = conventionalSet(proposal.number);
  const areaName = Object.fromEntries(proposal.areas.map((a) => [a.id, a.name]));

  return (
    <>
      <p>
        <Link href="/admin/catalogue">← Catalogue</Link>
      </p>
      {message && (
        <div className="alert alert--success" role="status">
          {message}
        </div>
      )}
      <div className="page-header">
        <div>
          <h1>
            {code} · {proposal.title}
          </h1>
          <div className="meta">
            <span>Version {proposal.version}</span>
            <span>
              {proposal.updateCount} status update{proposal.updateCount === 1 ? "" : "s"}
            </span>
            {proposal.retiredAt && <RetiredBadge retiredAt={proposal.retiredAt} timeZone={user.timeZone} />}
          </div>
        </div>
        <Link href={`/proposals/${proposal.id}`}>Open the proposal&apos;s page</Link>
      </div>
      <section className="card" aria-labelledby="edit-title">
        <h2 id="edit-title">Wording</h2>
        <p className="field__hint">
          Saving makes a new version, valid from now. The report of a period uses the version valid at the end of its cut-off day, so reports of earlier periods
          keep their wording; published editions never change.
        </p>
        <ProposalForm
          timeZone={user.timeZone}
          initial={{
            proposalId: proposal.id,
            title: proposal.title,
            description: proposal.description,
            areaId: proposal.areaId,
            set: proposal.set,
            edaInvolved: proposal.edaInvolved,
            expectedVersion: String(proposal.version),
          }}
          areas={proposal.areas}
          setHint={
            usual
              ? `In the catalogue's numbering (1–42 endorsed in December 2016, 43–74 in December 2017), ${code} belongs to the ${SET_LABELS[usual]}.`
              : "The catalogue's numbering: 1–42 endorsed in December 2016, 43–74 in December 2017."
          }
        />
      </section>
      <RetireForm proposal={{ id: proposal.id, code, retiredAt: proposal.retiredAt, retiredByName: proposal.retiredByName }} timeZone={user.timeZone} />
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        <VersionHistory versions={proposal.versions} areaName={areaName} timeZone={user.timeZone} />
      </section>
    </>
  );
}
