import Link from "next/link";
import { Badge } from "@/components/ui/badges";
import { TableScroll } from "@/components/ui/table-scroll";
import type { CatalogueAreaRow, CatalogueRow } from "@/lib/domain/catalogue";
import { formatDay } from "@/lib/domain/format";
import { SET_LABELS, proposalCode } from "@/lib/domain/vocabulary";

/** The day of the retirement, in the reader's time zone. */
export function RetiredBadge({ retiredAt, timeZone }: { retiredAt: Date; timeZone: string }) {
  return <Badge>Retired {formatDay(retiredAt, timeZone)}</Badge>;
}

export function AreaTable({ areas }: { areas: CatalogueAreaRow[] }) {
  return (
    <TableScroll label="Areas">
      <table data-testid="catalogue-areas">
        <caption>Areas</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Area</th>
            <th scope="col" className="num">
              Proposals in use
            </th>
            <th scope="col" className="num">
              Retired
            </th>
          </tr>
        </thead>
        <tbody>
          {areas.map((a) => (
            <tr key={a.id}>
              <td>{a.number}</td>
              <th scope="row" style={{ fontWeight: 400 }}>
                <Link href={`/admin/catalogue/areas/${a.id}`}>{a.name}</Link>
              </th>
              <td className="num">{a.active}</td>
              <td className="num">{a.retired}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function CatalogueProposalTable({ proposals, caption, timeZone }: { proposals: CatalogueRow[]; caption: string; timeZone: string }) {
  return (
    <TableScroll label={caption}>
      <table data-testid="catalogue-proposals">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">No.</th>
            <th scope="col">Proposal</th>
            <th scope="col">Area</th>
            <th scope="col">Set</th>
            <th scope="col">EDA</th>
            <th scope="col" className="num">
              Version
            </th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {proposals.map((p) => (
            <tr key={p.id} data-proposal={proposalCode(p.number)}>
              <td>{proposalCode(p.number)}</td>
              <th scope="row" style={{ fontWeight: 400 }}>
                <Link href={`/admin/catalogue/proposals/${p.id}`}>{p.title}</Link>
              </th>
              <td>{p.area.name}</td>
              <td>{SET_LABELS[p.set]}</td>
              <td>{p.edaInvolved ? "Yes" : "No"}</td>
              <td className="num">{p.version}</td>
              <td>{p.retiredAt ? <RetiredBadge retiredAt={p.retiredAt} timeZone={timeZone} /> : "In use"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
