import Link from "next/link";
import type { ChangeSummary } from "@/lib/domain/changes";
import { isStatusMove, moveKey } from "@/lib/domain/changes";
import { TableScroll } from "@/components/ui/table-scroll";

type Props = { summary: ChangeSummary; fromName: string; toName: string; changesHref: (narrow?: { move?: string; section?: string }) => string };

/** What moved since the last report, counted in SQL; every number opens the full list of those changes. */
export function ChangesSummary({ summary, fromName, toName, changesHref }: Props) {
  const top = summary.moves.filter((m) => isStatusMove(m.from, m.to)).slice(0, 6);
  return (
    <section className="card" aria-labelledby="changes-title">
      <h2 id="changes-title">What changed since the {fromName}</h2>
      <p className="chart__summary">
        Compared with the {fromName}, in the {toName}: {summary.statusMoves} status {summary.statusMoves === 1 ? "move" : "moves"}, {summary.withNewEvidence}{" "}
        with new evidence, {summary.narrativesEdited} edited narratives, {summary.newlyAtRisk} newly at risk or off track.
        {summary.notReported > 0 && ` ${summary.notReported} proposals counted in the ${fromName} have no counted update (yet) in the ${toName}.`}
        {summary.newlyReported > 0 && ` ${summary.newlyReported} are counted for the first time.`}
      </p>
      <ul className="grid grid--stats plain-list">
        {(
          [
            ["moves", "Status moves", summary.statusMoves],
            ["evidence", "New evidence", summary.withNewEvidence],
            ["narratives", "Edited narratives", summary.narrativesEdited],
            ["at-risk", "Newly at risk", summary.newlyAtRisk],
          ] as const
        ).map(([section, label, count]) => (
          <li key={section} className="stat" data-testid={`changes-${section}`}>
            <div className="stat__label">{label}</div>
            <div className="stat__value">
              {count > 0 ? (
                <Link prefetch={false} href={changesHref({ section })}>
                  {count}
                </Link>
              ) : (
                0
              )}
            </div>
          </li>
        ))}
      </ul>
      {top.length > 0 && (
        <TableScroll label="Largest status moves">
          <table>
            <caption>Largest status moves</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col" className="num">
                  Proposals
                </th>
              </tr>
            </thead>
            <tbody>
              {top.map((m) => (
                <tr key={moveKey(m.from, m.to)}>
                  <td>
                    <span className={`badge badge--${m.from}`}>{m.fromLabel}</span>
                  </td>
                  <td>
                    <span className={`badge badge--${m.to}`}>{m.toLabel}</span>
                  </td>
                  <td className="num">
                    <Link
                      prefetch={false}
                      href={changesHref({ move: moveKey(m.from, m.to) })}
                      aria-label={`${m.count}: list the moves from ${m.fromLabel} to ${m.toLabel}`}
                    >
                      {m.count}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p>
        <Link prefetch={false} href={changesHref()}>
          See everything that changed
        </Link>
      </p>
    </section>
  );
}
