import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TextDiff } from "@/components/ui/text-diff";
import { requirePageUser } from "@/lib/auth/session";
import { getProposal } from "@/lib/data/proposals";
import { listRevisions, type RevisionEntry } from "@/lib/data/revisions";
import { compareVersions } from "@/lib/domain/diff";
import { formatDateTime } from "@/lib/domain/format";
import { canViewProposals } from "@/lib/domain/permissions";
import { proposalCode } from "@/lib/domain/vocabulary";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Compare versions" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function label(r: RevisionEntry, timeZone: string): string {
  return `${r.period.name}, version ${r.version} (${r.authorName}, ${formatDateTime(r.createdAt, timeZone)})`;
}

export default async function CompareVersionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/proposals/${encodeURIComponent(id)}/compare`);
  if (!canViewProposals(user)) notFound();
  const [proposal, revisions, query] = await Promise.all([getProposal(id), listRevisions(id), searchParams]);
  if (!proposal) notFound();
  // Default: the newest version against the one before it.
  const from = revisions.find((r) => r.id === query.from) ?? revisions[1] ?? revisions[0];
  const to = revisions.find((r) => r.id === query.to) ?? revisions[0];
  const changes = from && to ? compareVersions(from.snapshot, to.snapshot) : [];

  return (
    <>
      <p>
        <Link href={`/proposals/${proposal.id}`}>← {proposalCode(proposal.number)}</Link>
      </p>
      <h1>
        Compare versions: {proposalCode(proposal.number)} · {proposal.title}
      </h1>
      {revisions.length === 0 ? (
        <p>No versions recorded yet.</p>
      ) : (
        <>
          <form method="get" className="card form-actions" aria-label="Choose two versions">
            <label htmlFor="from">From</label>
            <select id="from" name="from" defaultValue={from?.id}>
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  {label(r, user.timeZone)}
                </option>
              ))}
            </select>
            <label htmlFor="to">To</label>
            <select id="to" name="to" defaultValue={to?.id}>
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  {label(r, user.timeZone)}
                </option>
              ))}
            </select>
            <button type="submit" className="button button--secondary button--small">
              Compare
            </button>
          </form>
          <TableScroll label="Changes between the two versions">
            <table data-testid="version-diff">
              <caption>
                {from && to ? `${label(from, user.timeZone)} → ${label(to, user.timeZone)}` : ""}: {changes.filter((c) => c.changed).length} field(s) changed
              </caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.field} data-changed={c.changed ? "true" : "false"}>
                    <th scope="row">
                      {c.label}
                      {c.changed && <div className="badge badge--AT_RISK">Changed</div>}
                    </th>
                    <td className="narrative">{c.before || <span className="muted">–</span>}</td>
                    <td className="narrative">{c.segments ? <TextDiff segments={c.segments} /> : c.after || <span className="muted">–</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </>
  );
}
