import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { StatusUpdateForm } from "@/components/proposals/status-update-form";
import { requirePageUser } from "@/lib/auth/session";
import { getOpenPeriod } from "@/lib/data/periods";
import { getProposal } from "@/lib/data/proposals";
import { canRecordStatus, canViewProposals } from "@/lib/domain/permissions";
import { proposalCode } from "@/lib/domain/vocabulary";
import type { StatusUpdateFormValues } from "@/lib/validation/status-update";

export const metadata: Metadata = { title: "Record update" };

type Props = { params: Promise<{ id: string }> };

export default async function RecordUpdatePage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/proposals/${encodeURIComponent(id)}/update`);
  if (!canViewProposals(user)) notFound();
  const [proposal, openPeriod] = await Promise.all([getProposal(id), getOpenPeriod()]);
  if (!proposal) notFound();
  if (!openPeriod) {
    return (
      <>
        <h1>No period is open</h1>
        <p>Updates can be recorded only while a reporting period is open.</p>
      </>
    );
  }
  if (!canRecordStatus(user, { focalPointUserIds: proposal.focalPoints.map((fp) => fp.userId) }, openPeriod)) forbidden();

  const current = proposal.history.find((h) => h.period.id === openPeriod.id);
  // A new update starts from the latest earlier one: status and assessment rarely change every period.
  const previous = current ? undefined : proposal.history.find((h) => h.period.id !== openPeriod.id);
  const start = current ?? previous;
  const initial: StatusUpdateFormValues = {
    proposalId: proposal.id,
    periodId: openPeriod.id,
    status: start?.status ?? "",
    assessment: start?.assessment ?? "",
    progress: start ? String(start.progress) : "",
    narrative: current?.narrative ?? "",
    nextSteps: start?.nextSteps ?? "",
    evidenceLinks: current?.evidenceLinks ?? [],
    expectedVersion: String(current?.version ?? 0),
  };

  return (
    <>
      <p>
        <Link href={`/proposals/${proposal.id}`}>← {proposalCode(proposal.number)}</Link>
      </p>
      <h1>
        {current ? "Edit the update" : "Record an update"}: {proposalCode(proposal.number)} · {proposal.title}
      </h1>
      <p className="muted">
        For the {openPeriod.name}.{" "}
        {previous && `Status, assessment, progress and next steps are pre-filled from the ${previous.period.name}.`}
      </p>
      <div className="card">
        <StatusUpdateForm initial={initial} periodName={openPeriod.name} cancelHref={`/proposals/${proposal.id}`} />
      </div>
    </>
  );
}
