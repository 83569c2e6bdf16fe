import type { Metadata } from "next";
import Link from "next/link";
import { FlaggedWarnings } from "@/components/proposals/flagged-warnings";
import { ReviewPanel } from "@/components/proposals/review-panel";
import { ReviewDiffTable } from "@/components/review/review-diff-table";
import { ReviewQueueFiltersForm } from "@/components/review/review-queue-filters-form";
import { ReviewQueueList } from "@/components/review/review-queue-list";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { getActiveReopening, getCurrentPeriod } from "@/lib/data/periods";
import { getProposal, listAreas, listOrganisations } from "@/lib/data/proposals";
import { getReviewQueue } from "@/lib/data/review-queue";
import { formatDateTime } from "@/lib/domain/format";
import { canReviewUpdates } from "@/lib/domain/permissions";
import { describeQueue, queuePosition, reviewDiff, reviewQueueHref } from "@/lib/domain/review-queue";
import { proposalCode } from "@/lib/domain/vocabulary";
import { ownUpdateReason, updatePermissions } from "@/lib/domain/workflow";
import { parseReviewQueueQuery } from "@/lib/validation/review-queue";

export const metadata: Metadata = { title: "Review queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Managers: every update awaiting review in the current period, one at a time, against the period before;
 * "Approve and next" and "Return and next" move through the queue.
 */
export default async function ReviewQueuePage({ searchParams }: Props) {
  const query = parseReviewQueueQuery(await searchParams);
  const filters = { area: query.area, org: query.org, author: query.author };
  const user = await requirePageUser(reviewQueueHref(filters, query.at));
  if (!canReviewUpdates(user)) await denyPage(user, "review_queue", {});
  const period = await getCurrentPeriod();
  if (!period) {
    return (
      <>
        <h1>Review queue</h1>
        <p>No reporting period is open or locked, so nothing awaits review.</p>
      </>
    );
  }
  const [{ items, authors }, areas, organisations] = await Promise.all([getReviewQueue(user, period.id, filters), listAreas(), listOrganisations()]);
  const position = queuePosition(items, query.at);
  const current = position.current;
  const proposal = current ? await getProposal(current.proposalId) : null;
  const update = proposal?.history.find((h) => h.period.id === period.id) ?? null;
  const previous = proposal?.history.find((h) => h.period.number < period.number) ?? null;
  const now = new Date();
  const reopening = proposal && period.state === "LOCKED" ? await getActiveReopening(period.id, proposal.id, now) : null;
  const writtenBy = update && current ? [update.authorId, ...(current.own ? [user.id] : [])] : [];
  const allowed =
    proposal && update
      ? updatePermissions(
          user,
          { focalPointUserIds: proposal.focalPoints.map((fp) => fp.userId) },
          { period, reopening, workflowState: update.workflowState, now, writtenBy },
        )
      : null;
  const filtered = filters.area.length + filters.org.length + filters.author.length > 0;
  // Where a decision leads: the next item, or the queue's start once this was the last.
  const nextHref = reviewQueueHref(filters, position.next?.proposalId ?? null);

  return (
    <>
      {query.done && (
        <div className="alert alert--success" role="status" data-testid="review-flash">
          {query.done === "approved" ? "Update approved." : "Update returned to its author."}
          {current ? ` Next: ${proposalCode(current.number)}.` : ""}
        </div>
      )}
      <div className="page-header">
        <div>
          <h1>Review queue: {period.name}</h1>
          <p data-testid="review-summary">{describeQueue(items.length, items.filter((i) => i.own).length, filtered)}</p>
        </div>
      </div>
      <ReviewQueueFiltersForm filters={filters} areas={areas} organisations={organisations} authors={authors} />
      {items.length > 0 && (
        <div className="review-layout">
          <ReviewQueueList items={items} currentId={current?.proposalId ?? null} filters={filters} />
          {current && proposal && update && (
            <article className="review-item" aria-labelledby="review-item-title" data-testid="review-item">
              <div className="card">
                <p className="muted">
                  {position.index} of {items.length}
                </p>
                <h2 id="review-item-title">
                  <Link href={`/proposals/${proposal.id}`}>
                    {proposalCode(proposal.number)} · {proposal.title}
                  </Link>
                </h2>
                <p className="meta">
                  <span>{proposal.area.name}</span>
                  <span>
                    By {current.authorName} ({current.organisationCode}), saved {formatDateTime(current.updatedAt, user.timeZone)}
                  </span>
                </p>
                <ReviewDiffTable diff={reviewDiff(previous, update)} previousName={previous?.period.name ?? null} />
                <FlaggedWarnings warnings={update.warnings} />
              </div>
              {allowed && (allowed.canApprove || allowed.canReturn) && (
                <ReviewPanel
                  key={`${proposal.id}-${update.version}`}
                  proposalId={proposal.id}
                  periodId={period.id}
                  version={update.version}
                  canApprove={allowed.canApprove}
                  canReturn={allowed.canReturn}
                  warnings={[]}
                  highlight={null}
                  ownUpdate={current.own ? ownUpdateReason(user, writtenBy) : null}
                  queue={{ next: nextHref }}
                />
              )}
              {position.next && (
                <p className="form-actions">
                  {position.previous && position.previous !== position.next && (
                    <Link href={reviewQueueHref(filters, position.previous.proposalId)}>← Previous: {proposalCode(position.previous.number)}</Link>
                  )}
                  <Link href={reviewQueueHref(filters, position.next.proposalId)} data-testid="review-skip">
                    Skip to {proposalCode(position.next.number)} →
                  </Link>
                </p>
              )}
            </article>
          )}
        </div>
      )}
    </>
  );
}
