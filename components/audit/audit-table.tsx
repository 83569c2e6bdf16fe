import Link from "next/link";
import type { AuditRow } from "@/lib/domain/audit";
import { formatDateTime } from "@/lib/domain/format";
import { AuditChanges } from "./audit-changes";
import { TableScroll } from "@/components/ui/table-scroll";

/** The trail, newest first: when (in the reader's time zone), who, what in plain words, the proposal and period, the changes. */
export function AuditTable({ rows, caption, timeZone }: { rows: AuditRow[]; caption: string; timeZone: string }) {
  return (
    <TableScroll label={caption}>
      <table data-testid="audit-table" data-state={rows.length === 0 ? "empty" : "loaded"}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Proposal</th>
            <th scope="col">Period</th>
            <th scope="col">Changes (old → new)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-action={row.action} data-event={row.id}>
              <td>
                <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, timeZone)}</time>
              </td>
              <td>
                <div>{row.who.name}</div>
                {row.who.organisation && <div className="muted">{row.who.organisation}</div>}
              </td>
              <td style={{ overflowWrap: "anywhere" }}>{row.summary}</td>
              <td>{row.proposal && <Link href={`/proposals/${encodeURIComponent(row.proposal.id)}`}>{row.proposal.code}</Link>}</td>
              <td>{row.period?.name}</td>
              <td>
                <AuditChanges changes={row.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
