import type { Metadata } from "next";
import Link from "next/link";
import { MyWorkGroups } from "@/components/my-work/my-work-groups";
import { requirePageUser } from "@/lib/auth/session";
import { getMyWorkRows } from "@/lib/data/my-work";
import { getCurrentPeriod } from "@/lib/data/periods";
import { formatDate } from "@/lib/domain/format";
import { describeMyWork, groupMyWork } from "@/lib/domain/my-work";
import { canRecordUpdates } from "@/lib/domain/permissions";

export const metadata: Metadata = { title: "My work" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The landing page of staff: everything they owe for the current period, with no cap, one click from each form. */
export default async function MyWorkPage({ searchParams }: Props) {
  const user = await requirePageUser("/my-work");
  const [period, query] = await Promise.all([getCurrentPeriod(), searchParams]);
  if (!canRecordUpdates(user)) {
    return (
      <>
        <h1>My work</h1>
        <p>Your role reads the tracker but records no updates, so nothing is owed by you.</p>
        <p>
          <Link href="/dashboard">Go to the dashboard</Link>
        </p>
      </>
    );
  }
  if (!period) {
    return (
      <>
        <h1>My work</h1>
        <p>No reporting period is open or locked, so nothing is owed yet.</p>
      </>
    );
  }
  const now = new Date();
  const work = groupMyWork(await getMyWorkRows(user, period, now), period, now);
  const done = query.done === "saved" || query.done === "submitted" ? query.done : null;
  return (
    <>
      {done && (
        <div className="alert alert--success" role="status" data-testid="my-work-flash">
          {done === "submitted" ? "Update submitted for review." : "Update saved as a draft."}{" "}
          {work.next ? (
            <>
              Next:{" "}
              <Link href={work.next.href}>
                {work.next.code} · {work.next.title}
              </Link>
            </>
          ) : (
            "Nothing else needs your action."
          )}
        </div>
      )}
      <div className="page-header">
        <div>
          <h1>My work: {period.name}</h1>
          <p data-testid="my-work-summary">{describeMyWork(work, period.name)}</p>
          <p className="muted">
            {period.state === "OPEN"
              ? `Cut-off ${formatDate(period.cutOffOn)} (${work.daysLeft}).`
              : `The period is locked since the cut-off on ${formatDate(period.cutOffOn)}: only proposals a manager reopened can still be changed.`}
          </p>
        </div>
        {work.next && (
          <Link className="button" href={work.next.href} data-testid="my-work-start">
            Start with {work.next.code}
          </Link>
        )}
      </div>
      <nav aria-label="Groups of my work" className="work-counts">
        <ul>
          {work.groups.map((g) => (
            <li key={g.key}>
              <a href={`#${g.key}`}>
                {g.title}: <strong>{g.items.length}</strong>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <MyWorkGroups groups={work.groups} />
      <p>
        <Link href="/proposals?mine=1">All the proposals you follow in the list</Link>
      </p>
    </>
  );
}
