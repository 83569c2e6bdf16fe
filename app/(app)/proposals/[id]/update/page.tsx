import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusUpdateForm } from "@/components/proposals/status-update-form";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { getActiveReopening, getCurrentPeriod } from "@/lib/data/periods";
import { getProposal } from "@/lib/data/proposals";
import { canViewProposals } from "@/lib/domain/permissions";
import { ASSESSMENT_LABELS, STATUS_LABELS, proposalCode } from "@/lib/domain/vocabulary";
import { updatePermissions } from "@/lib/domain/workflow";
import type { StatusUpdateFormValues } from "@/lib/validation/status-update";

export const metadata: Metadata = { title: "Record update" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecordUpdatePage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  // Opened from "My work": saving and cancelling lead back there.
  const fromMyWork = query.from === "my-work";
  const user = await requirePageUser(`/proposals/${encodeURIComponent(id)}/update`);
  if (!canViewProposals(user)) notFound();
  const now = new Date();
  const [proposal, period] = await Promise.all([getProposal(id), getCurrentPeriod()]);
  if (!proposal) notFound();
  if (!period) {
    return (
      <>
        <h1>No period is open</h1>
        <p>Updates can be recorded only while a reporting period is open.</p>
      </>
    );
  }
  const current = proposal.history.find((h) => h.period.id === period.id);
  const reopening = period.state === "LOCKED" ? await getActiveReopening(period.id, proposal.id, now) : null;
  const allowed = updatePermissions(
    user,
    { focalPointUserIds: proposal.focalPoints.map((fp) => fp.userId) },
    { period, reopening, workflowState: current?.workflowState ?? null, now },
  );
  if (!allowed.canEdit) await denyPage(user, "edit_status_update", { proposalId: proposal.id, periodId: period.id });

  // A new update starts from the latest earlier one: status and assessment rarely change every period.
  const previous = proposal.history.find((h) => h.period.id !== period.id);
  const start = current ?? previous;
  const initial: StatusUpdateFormValues = {
    proposalId: proposal.id,
    periodId: period.id,
    status: start?.status ?? "",
    assessment: start?.assessment ?? "",
    progress: start ? String(start.progress) : "",
    narrative: current?.narrative ?? "",
    nextSteps: start?.nextSteps ?? "",
    evidenceLinks: current?.evidenceLinks ?? [],
    rationale: current?.rationale ?? "",
    intent: "save",
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
        For the {period.name}. {!current && previous && `Status, assessment, progress and next steps are pre-filled from the ${previous.period.name}.`}
      </p>
      {current?.workflowState === "RETURNED" && (
        <div className="callout callout--returned" role="note">
          <strong>Returned for changes:</strong> {current.returnNote}
        </div>
      )}
      <div className="card">
        <StatusUpdateForm
          initial={initial}
          periodName={period.name}
          cancelHref={fromMyWork ? "/my-work" : `/proposals/${proposal.id}`}
          returnTo={fromMyWork ? "my-work" : undefined}
          canSubmit={allowed.canSubmit}
          previous={
            previous
              ? {
                  periodName: previous.period.name,
                  status: STATUS_LABELS[previous.status],
                  assessment: ASSESSMENT_LABELS[previous.assessment],
                  statusValue: previous.status,
                  assessmentValue: previous.assessment,
                }
              : null
          }
        />
      </div>
    </>
  );
}
