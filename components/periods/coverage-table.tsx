import type { CoverageRow } from "@/lib/domain/cockpit";
import { TableScroll } from "@/components/ui/table-scroll";

export function CoverageTable({ caption, rows, header }: { caption: string; rows: CoverageRow[]; header: string }) {
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col" className="num">
              Reported
            </th>
            <th scope="col" className="num">
              Proposals
            </th>
            <th scope="col" className="num">
              Coverage
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="num">{row.reported}</td>
              <td className="num">{row.total}</td>
              <td className="num">
                <span className="progress-bar" aria-hidden="true">
                  <span style={{ width: `${row.percent}%` }} />
                </span>
                {row.percent}%
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
