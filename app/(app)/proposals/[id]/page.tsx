import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintHeader } from "@/components/layout/print-header";
import { ReopenForm } from "@/components/proposals/reopen-form";
import { ReviewPanel } from "@/components/proposals/review-panel";
import { UpdateSummary } from "@/components/proposals/update-summary";
import { Badge } from "@/components/ui/badges";
import { requirePageUser } from "@/lib/auth/session";
import { getActiveReopening, getCurrentPeriod } from "@/lib/data/periods";
import { getProposal } from "@/lib/data/proposals";
import { isInPeriod } from "@/lib/domain/catalogue";
import { formatDateTime, formatDay } from "@/lib/domain/format";
import { canManagePeriods, canReviewUpdates, canViewProposals } from "@/lib/domain/permissions";
import { describePeriodShown, formatPrintedAt } from "@/lib/domain/print";
import { focalPointNames } from "@/lib/domain/proposals";
import { canManageReports, highlightBlocker } from "@/lib/domain/report";
import { SET_LABELS, proposalCode } from "@/lib/domain/vocabulary";
import { ownUpdateReason, updatePermissions } from "@/lib/domain/workflow";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FLASH: Record<string, string> = {
  saved: "Update saved as a draft. Submit it for review when it is ready.",
  submitted: "Update submitted for review.",
  approved: "Update approved.",
  returned: "Update returned to its author.",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: /^p\d+$/.test(id) ? proposalCode(Number(id.slice(1))) : "Proposal" };
}

export default async function ProposalPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/proposals/${encodeURIComponent(id)}`);
  if (!canViewProposals(user)) notFound();
  const now = new Date();
  const [proposal, period, query] = await Promise.all([getProposal(id), getCurrentPeriod(), searchParams]);
  if (!proposal) notFound();

  const current = period ? proposal.history.find((h) => h.period.id === period.id) : undefined;
  const past = proposal.history.filter((h) => h !== current);
  const reopening = period?.state === "LOCKED" ? await getActiveReopening(period.id, proposal.id, now) : null;
  const access = { focalPointUserIds: proposal.focalPoints.map((fp) => fp.userId) };
  // A proposal outside the period (its set not yet endorsed, or retired before the period began) takes no
  // updates in it (the server refuses them too).
  const inPeriod = !period || isInPeriod(proposal, period);
  const writtenBy = current ? [current.authorId] : [];
  const allowed =
    period && inPeriod ? updatePermissions(user, access, { period, reopening, workflowState: current?.workflowState ?? null, now, writtenBy }) : null;
  // A manager's own submitted update: approving it is for another manager (four eyes).
  const ownUpdate = current?.workflowState === "SUBMITTED" && canReviewUpdates(user) ? ownUpdateReason(user, writtenBy) : null;
  const flash = Object.keys(FLASH).find((key) => query[key] === "1");

  return (
    <>
      <PrintHeader
        printedAt={formatPrintedAt(now, user.timeZone)}
        period={period ? describePeriodShown(period) : "No reporting period yet."}
        filters="Filters: none (this period's update, whatever its review state, and every earlier one)."
      />
      <p className="no-print">
        <Link href="/proposals">← All proposals</Link>
      </p>
      {flash && (
        <div className="alert alert--success" role="status">
          {FLASH[flash]}
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
        {period && allowed?.canEdit && (
          <Link className="button" href={`/proposals/${proposal.id}/update`}>
            {current ? "Edit update" : "Record update"} for the {period.name}
          </Link>
        )}
      </div>

      {proposal.retiredAt && (
        <div className="callout" role="note" data-testid="retired-note">
          Retired on {formatDay(proposal.retiredAt, user.timeZone)}: kept with its history and in the reports of periods that began before, but out of later
          periods
          {inPeriod ? "." : `, such as the ${period!.name}.`}
        </div>
      )}
      {current?.workflowState === "RETURNED" && (
        <div className="callout callout--returned" role="note">
          <strong>Returned for changes:</strong> {current.returnNote}
        </div>
      )}

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
        <h2 id="current-title">{period ? `Current state: ${period.name}` : "Current state"}</h2>
        {reopening && (
          <p className="callout">
            Reopened in the locked period until {formatDateTime(reopening.expiresAt, user.timeZone)}: {reopening.reason}
          </p>
        )}
        {current ? <UpdateSummary update={current} timeZone={user.timeZone} /> : <p className="muted">No update recorded for this period yet.</p>}
      </section>

      {/* Acting on the update is for the screen; paper shows the update itself. */}
      <div className="no-print">
        {period && current && allowed && (allowed.canApprove || allowed.canReturn) && (
          <ReviewPanel
            ownUpdate={ownUpdate}
            proposalId={proposal.id}
            periodId={period.id}
            version={current.version}
            canApprove={allowed.canApprove}
            canReturn={allowed.canReturn}
            warnings={current.warnings}
            highlight={
              current.workflowState === "APPROVED"
                ? { marked: current.highlight, canChange: canManageReports(user) && highlightBlocker(period, current.workflowState) === null }
                : null
            }
          />
        )}
        {period?.state === "LOCKED" && canManagePeriods(user) && (
          <ReopenForm
            proposalId={proposal.id}
            periodId={period.id}
            periodName={period.name}
            reopenedUntil={reopening ? formatDateTime(reopening.expiresAt, user.timeZone) : null}
          />
        )}
      </div>

      <section className="card" aria-labelledby="history-title">
        <div className="page-header" style={{ marginBottom: "0.5rem" }}>
          <h2 id="history-title">History</h2>
          {proposal.history.length > 0 && <Link href={`/proposals/${proposal.id}/compare`}>Compare any two versions</Link>}
        </div>
        {past.length === 0 ? (
          <p className="muted">No earlier updates.</p>
        ) : (
          <ol className="timeline">
            {past.map((entry) => (
              <li key={entry.id}>
                <h3>{entry.period.name}</h3>
                <UpdateSummary update={entry} timeZone={user.timeZone} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
