import Link from "next/link";
import { Badge } from "@/components/ui/badges";
import { isVacant, type FocalPointMember, type FocalPointRow } from "@/lib/domain/focal-points";
import { proposalCode } from "@/lib/domain/vocabulary";
import { TableScroll } from "@/components/ui/table-scroll";

export function personHref(userId: string): string {
  return `/admin/focal-points/people/${encodeURIComponent(userId)}`;
}

export function proposalFocalPointsHref(proposalId: string): string {
  return `/admin/focal-points/${encodeURIComponent(proposalId)}`;
}

/** A focal point's name, linking to their proposals; a deactivated one is marked (they no longer count). */
export function MemberName({ member }: { member: Pick<FocalPointMember, "userId" | "name" | "active"> }) {
  return (
    <>
      <Link href={personHref(member.userId)}>{member.name}</Link>
      {!member.active && (
        <>
          {" "}
          <Badge>deactivated</Badge>
        </>
      )}
    </>
  );
}

function SideCell({ row, side }: { row: FocalPointRow; side: string }) {
  const members = row.focalPoints.filter((fp) => fp.organisationCode === side);
  const vacant = isVacant(row, side);
  return (
    <td data-side={side} data-vacant={vacant ? "true" : undefined}>
      {members.length > 0 && (
        <ul className="plain-list">
          {members.map((m) => (
            <li key={m.userId}>
              <MemberName member={m} />
            </li>
          ))}
        </ul>
      )}
      {vacant && <span className="badge badge--AT_RISK">Vacant</span>}
    </td>
  );
}

/** Proposals with their focal points per side; each proposal links to its focal-point page. */
export function FocalPointTable({ rows, sides, caption }: { rows: FocalPointRow[]; sides: string[]; caption: string }) {
  return (
    <TableScroll label={caption}>
      <table data-testid="focal-point-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Proposal</th>
            <th scope="col">Area</th>
            {sides.map((side) => (
              <th scope="col" key={side}>
                {side} focal points
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-proposal={proposalCode(row.number)}>
              <th scope="row">
                <Link href={proposalFocalPointsHref(row.id)}>
                  {proposalCode(row.number)} · {row.title}
                </Link>
                {row.retired && (
                  <>
                    {" "}
                    <Badge>retired</Badge>
                  </>
                )}
              </th>
              <td>{row.areaName}</td>
              {sides.map((side) => (
                <SideCell key={side} row={row} side={side} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
