import Link from "next/link";
import { AssessmentBadge, ProgressValue, StatusBadge, WorkflowBadge } from "@/components/ui/badges";
import { formatDay } from "@/lib/domain/format";
import { focalPointNames, type ProposalRow } from "@/lib/domain/proposals";
import { proposalCode } from "@/lib/domain/vocabulary";
import { TableScroll } from "@/components/ui/table-scroll";

/** `timeZone`: the reader's, for the day each update was saved. */
export function ProposalTable({ rows, caption, timeZone }: { rows: ProposalRow[]; caption: string; timeZone: string }) {
  return (
    <TableScroll label={caption}>
      <table data-testid="proposal-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Proposal</th>
            <th scope="col">Area</th>
            <th scope="col">Status</th>
            <th scope="col">Assessment</th>
            <th scope="col">Progress</th>
            <th scope="col">Review</th>
            <th scope="col">Focal points</th>
            <th scope="col">Last update</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-proposal={proposalCode(row.number)}>
              <td>{proposalCode(row.number)}</td>
              <th scope="row" style={{ fontWeight: 400 }}>
                <Link href={`/proposals/${row.id}`}>{row.title}</Link>
              </th>
              <td>{row.areaName}</td>
              <td>
                <StatusBadge status={row.update?.status ?? null} />
              </td>
              <td>{row.update ? <AssessmentBadge assessment={row.update.assessment} /> : <span className="muted">–</span>}</td>
              <td>{row.update ? <ProgressValue value={row.update.progress} /> : <span className="muted">–</span>}</td>
              <td>{row.update ? <WorkflowBadge state={row.update.workflowState} /> : <span className="muted">–</span>}</td>
              <td>
                <div>NATO: {focalPointNames(row, "NATO") || <span className="muted">vacant</span>}</div>
                <div>EU: {focalPointNames(row, "EU") || <span className="muted">vacant</span>}</div>
              </td>
              <td>
                {row.update ? (
                  <>
                    {formatDay(row.update.updatedAt, timeZone)}
                    <div className="muted">
                      {row.update.authorName} ({row.update.organisationCode})
                    </div>
                  </>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
