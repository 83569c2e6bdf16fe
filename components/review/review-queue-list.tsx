import Link from "next/link";
import { reviewQueueHref, type ReviewQueueFilters, type ReviewQueueItem } from "@/lib/domain/review-queue";
import { proposalCode } from "@/lib/domain/vocabulary";

/** The queue in proposal order: one link per update, the one shown marked as current. */
export function ReviewQueueList({ items, currentId, filters }: { items: ReviewQueueItem[]; currentId: string | null; filters: ReviewQueueFilters }) {
  return (
    <nav className="card review-queue" aria-labelledby="queue-title">
      <h2 id="queue-title">Awaiting review ({items.length})</h2>
      <ol className="work-list" data-testid="review-queue">
        {items.map((item) => (
          <li key={item.proposalId}>
            <Link href={reviewQueueHref(filters, item.proposalId)} aria-current={item.proposalId === currentId ? "page" : undefined}>
              {proposalCode(item.number)} · {item.title}
            </Link>
            <div className="muted work-list__meta">
              <span>
                {item.authorName} ({item.organisationCode})
              </span>
              {item.own && <span>yours</span>}
            </div>
          </li>
        ))}
      </ol>
    </nav>
  );
}
