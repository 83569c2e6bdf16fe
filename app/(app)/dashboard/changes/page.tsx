import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintHeader } from "@/components/layout/print-header";
import { PeriodOptions } from "@/components/ui/period-select";
import { PrintButton } from "@/components/ui/print-button";
import { TextDiff } from "@/components/ui/text-diff";
import { requirePageUser } from "@/lib/auth/session";
import { getChanges } from "@/lib/data/changes";
import { listPeriods, resolvePeriod } from "@/lib/data/periods";
import { listAreas } from "@/lib/data/proposals";
import { parseDay } from "@/lib/domain/as-of";
import { diffText } from "@/lib/domain/diff";
import { isStatusMove, moveKey, parseMoveKey, type ChangeItem } from "@/lib/domain/changes";
import { STATUS_KEYS, statusKeyLabel } from "@/lib/domain/dashboard";
import { formatDate } from "@/lib/domain/format";
import { canViewDashboard } from "@/lib/domain/permissions";
import { describeFiltersInForce, formatPrintedAt } from "@/lib/domain/print";
import { INCLUDE_LABELS } from "@/lib/domain/proposals";
import { ASSESSMENT_LABELS, proposalCode } from "@/lib/domain/vocabulary";
import { parseDashboardParams } from "@/lib/validation/dashboard-filters";
import { toDashboardQuery } from "@/lib/domain/filter-query";

export const metadata: Metadata = { title: "What changed" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function ItemList({ items, detail, testId }: { items: ChangeItem[]; detail: (item: ChangeItem) => React.ReactNode; testId: string }) {
  if (items.length === 0) return <p>None.</p>;
  return (
    <ul data-testid={testId}>
      {items.map((item) => (
        <li key={item.proposalId}>
          <Link prefetch={false} href={`/proposals/${item.proposalId}`}>
            {proposalCode(item.number)} {item.title}
          </Link>{" "}
          <span className="muted">({item.areaName})</span>: {detail(item)}
        </li>
      ))}
    </ul>
  );
}

const assessmentText = (a: ChangeItem["fromAssessment"]) => (a ? ASSESSMENT_LABELS[a] : "no update");

/** Everything that changed between two reports, proposal by proposal; the dashboard's summary links here. */
export default async function ChangesPage({ searchParams }: Props) {
  const params = await searchParams;
  const { filters, from } = parseDashboardParams(params);
  const to = typeof params.to === "string" ? params.to : undefined;
  const move = parseMoveKey(typeof params.move === "string" ? params.move : undefined);
  const self = toDashboardQuery(filters);
  for (const [key, value] of [
    ["to", to],
    ["from", from],
    ["move", move && moveKey(move.from, move.to)],
  ] as const)
    if (value) self.set(key, value);
  const user = await requirePageUser(`/dashboard/changes?${self.toString()}`);
  if (!canViewDashboard(user)) notFound();

  const now = new Date();
  const [periods, toPeriod, areas] = await Promise.all([listPeriods(), resolvePeriod(to, filters.asOf ? parseDay(filters.asOf) : null), listAreas()]);
  const fromPeriod = periods.find((p) => p.id === from && p.id !== toPeriod?.id) ?? periods.find((p) => toPeriod && p.number < toPeriod.number);
  if (!toPeriod || !fromPeriod) {
    return (
      <>
        <h1>What changed</h1>
        <p>There are not yet two reports to compare.</p>
      </>
    );
  }
  const view = { include: filters.include, area: filters.area, org: filters.org, assessment: filters.assessment, asOf: filters.asOf };
  const changes = await getChanges({ ...view, fromPeriodId: fromPeriod.id, toPeriodId: toPeriod.id });
  const base = toDashboardQuery(view);
  base.set("from", fromPeriod.id);
  base.set("to", toPeriod.id);
  const moveHref = (key?: string) => {
    const params = new URLSearchParams(base);
    if (key) params.set("move", key);
    return `/dashboard/changes?${params.toString()}#moves`;
  };
  const moveCount = new Map(changes.moves.map((m) => [moveKey(m.from, m.to), m.count]));
  const shownMoves = move ? changes.transitionItems.filter((i) => i.from === move.from && i.to === move.to) : changes.statusMoveItems;
  const largest = changes.moves.find((m) => isStatusMove(m.from, m.to));
  const back = toDashboardQuery({ ...view, period: toPeriod.id });
  if (from) back.set("from", fromPeriod.id);
  const dashboardHref = `/dashboard?${back.toString()}`;

  const filtersInForce = describeFiltersInForce({
    areas: areas.filter((a) => view.area.includes(a.id)).map((a) => a.name),
    organisations: view.org,
    assessments: view.assessment,
    include: view.include,
    asOf: view.asOf ? parseDay(view.asOf) : null,
  });

  return (
    <>
      <PrintHeader
        printedAt={formatPrintedAt(now, user.timeZone)}
        period={`Periods: from the ${fromPeriod.name} to the ${toPeriod.name}.`}
        filters={filtersInForce}
      />
      <div className="page-header">
        <div>
          <h1>What changed</h1>
          <p data-testid="changes-scope">
            From the {fromPeriod.name} to the {toPeriod.name} ({INCLUDE_LABELS[view.include].toLowerCase()}
            {view.asOf ? `, as of ${formatDate(parseDay(view.asOf)!)}, end of day UTC` : ""}).
          </p>
        </div>
        <div className="form-actions">
          <Link prefetch={false} href={dashboardHref}>
            Back to the dashboard
          </Link>
          <PrintButton />
        </div>
      </div>
      <form method="get" className="card form-actions no-print" aria-label="Periods to compare">
        {[...base.entries()]
          .filter(([key]) => key !== "from" && key !== "to")
          .map(([key, value]) => (
            <input key={`${key}=${value}`} type="hidden" name={key} value={value} />
          ))}
        <label htmlFor="from">From</label>
        <select id="from" name="from" defaultValue={fromPeriod.id}>
          <PeriodOptions periods={periods} />
        </select>
        <label htmlFor="to">To</label>
        <select id="to" name="to" defaultValue={toPeriod.id}>
          <PeriodOptions periods={periods} />
        </select>
        <button type="submit" className="button button--secondary button--small">
          Compare
        </button>
      </form>

      <section className="card" aria-labelledby="moves-title" id="moves">
        <h2 id="moves-title">Status moves ({changes.statusMoves})</h2>
        <p className="chart__summary">
          {changes.statusMoves} proposals reported in both changed status
          {largest ? `; the largest move: ${largest.fromLabel} to ${largest.toLabel} (${largest.count})` : ""}. {changes.newlyReported} reported for the first
          time in the {toPeriod.name}; {changes.notReported} reported in the {fromPeriod.name} have no counted update (yet) in the {toPeriod.name}. Rows are the
          status in the {fromPeriod.name}, columns the status in the {toPeriod.name}; select a number to list those proposals.
        </p>
        <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="moves-title">
          <table>
            <caption>
              Proposals by status in the {fromPeriod.name} (rows) and in the {toPeriod.name} (columns)
            </caption>
            <thead>
              <tr>
                <th scope="col">From \ To</th>
                {STATUS_KEYS.map((key) => (
                  <th key={key} scope="col" className="num">
                    {statusKeyLabel(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {STATUS_KEYS.map((fromKey) => (
                <tr key={fromKey}>
                  <th scope="row">{statusKeyLabel(fromKey)}</th>
                  {STATUS_KEYS.map((toKey) => {
                    const count = moveCount.get(moveKey(fromKey, toKey)) ?? 0;
                    return (
                      <td key={toKey} className="num">
                        {fromKey === toKey ? (
                          <span className="muted">–</span>
                        ) : count > 0 ? (
                          <Link
                            prefetch={false}
                            href={moveHref(moveKey(fromKey, toKey))}
                            aria-label={`${count}: list the moves from ${statusKeyLabel(fromKey)} to ${statusKeyLabel(toKey)}`}
                          >
                            {count}
                          </Link>
                        ) : (
                          0
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {move && (
          <p data-testid="move-filter">
            Showing the {shownMoves.length} proposals from {statusKeyLabel(move.from)} to {statusKeyLabel(move.to)}.{" "}
            <Link prefetch={false} href={moveHref()}>
              Show every move
            </Link>
          </p>
        )}
        <ItemList items={shownMoves} testId="move-items" detail={(i) => `${statusKeyLabel(i.from)} → ${statusKeyLabel(i.to)}`} />
      </section>
      <section className="card" aria-labelledby="evidence-title" id="evidence">
        <h2 id="evidence-title">New evidence ({changes.withNewEvidence})</h2>
        <ItemList items={changes.newEvidenceItems} testId="evidence-items" detail={(i) => `${i.newEvidence} new ${i.newEvidence === 1 ? "link" : "links"}`} />
      </section>
      <section className="card" aria-labelledby="narratives-title" id="narratives">
        <h2 id="narratives-title">Edited narratives ({changes.narrativesEdited})</h2>
        <ItemList
          items={changes.narrativeItems}
          testId="narrative-items"
          detail={(i) => (
            <details className="narrative-diff">
              <summary>narrative rewritten: show what changed</summary>
              <p className="narrative-diff__text">
                <TextDiff segments={diffText(i.fromNarrative ?? "", i.toNarrative ?? "")} />
              </p>
            </details>
          )}
        />
      </section>
      <section className="card" aria-labelledby="at-risk-title" id="at-risk">
        <h2 id="at-risk-title">Newly at risk or off track ({changes.newlyAtRisk})</h2>
        <ItemList
          items={changes.newlyAtRiskItems}
          testId="at-risk-items"
          detail={(i) => `${assessmentText(i.fromAssessment)} → ${assessmentText(i.toAssessment)}`}
        />
      </section>
    </>
  );
}
