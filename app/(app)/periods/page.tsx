import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { listPeriods } from "@/lib/data/periods";
import { formatDate } from "@/lib/domain/format";
import { canManagePeriods, canViewProposals } from "@/lib/domain/permissions";
import { PERIOD_STATE_LABELS } from "@/lib/domain/vocabulary";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Reporting cycle" };

export default async function PeriodsPage() {
  const user = await requirePageUser("/periods");
  if (!canViewProposals(user)) notFound();
  const periods = await listPeriods();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Reporting cycle</h1>
          <p>One period is open for updates at a time; after its cut-off a manager locks it for review.</p>
        </div>
        {canManagePeriods(user) && (
          <Link className="button" href="/periods/new">
            New period
          </Link>
        )}
      </div>
      <TableScroll label="Reporting periods">
        <table>
          <caption>Reporting periods, newest first</caption>
          <thead>
            <tr>
              <th scope="col">No.</th>
              <th scope="col">Period</th>
              <th scope="col">State</th>
              <th scope="col">Start</th>
              <th scope="col">Cut-off</th>
              <th scope="col">Due</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.id}>
                <td>{p.number}</td>
                <th scope="row">
                  <Link href={`/periods/${p.id}`}>{p.name}</Link>
                </th>
                <td>
                  <span className={`badge badge--${p.state === "OPEN" ? "IN_PROGRESS" : p.state === "LOCKED" ? "AT_RISK" : "NOT_STARTED"}`}>
                    {PERIOD_STATE_LABELS[p.state]}
                  </span>
                </td>
                <td>{formatDate(p.startsOn)}</td>
                <td>{formatDate(p.cutOffOn)}</td>
                <td>{formatDate(p.dueOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
