import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { describeAsOfEnd } from "@/lib/domain/as-of";
import { CatalogueNotice } from "@/components/layout/catalogue-notice";
import { ProposalFiltersForm } from "@/components/proposals/proposal-filters-form";
import { ProposalTable } from "@/components/proposals/proposal-table";
import { PeriodSelect } from "@/components/ui/period-select";
import { requirePageUser } from "@/lib/auth/session";
import { listPeriods, resolvePeriod } from "@/lib/data/periods";
import { Pagination } from "@/components/ui/pagination";
import { countProposals, listAreas, listOrganisations, listProposalPage } from "@/lib/data/proposals";
import { getCatalogueNotice } from "@/lib/data/settings";
import { canExport, canRecordUpdates, canViewProposals } from "@/lib/domain/permissions";
import { INCLUDE_LABELS } from "@/lib/domain/proposals";
import { hasActiveFilters, parseProposalFilters, toFilterQuery } from "@/lib/validation/proposal-filters";

export const metadata: Metadata = { title: "Proposals" };

/** Rows per page: the whole catalogue of 74 fits on one; a catalogue a hundred times larger does not. */
const PAGE_SIZE = 100;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProposalsPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = parseProposalFilters(params);
  const user = await requirePageUser(`/proposals${toFilterQuery(filters)}`);
  if (!canViewProposals(user)) notFound();

  const [period, periods, areas, organisations] = await Promise.all([resolvePeriod(filters.period), listPeriods(), listAreas(), listOrganisations()]);
  const requested = Number(typeof params.page === "string" ? params.page : 1);
  const page = Number.isSafeInteger(requested) && requested >= 1 && requested <= 100_000 ? requested : 1;
  // Both count the proposals of the period: retired ones are out of periods that start after retirement.
  const [total, { rows, total: matching }] = await Promise.all([
    countProposals(period?.id ?? null),
    listProposalPage(filters, period?.id ?? null, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }, user),
  ]);
  const pageCount = Math.max(1, Math.ceil(matching / PAGE_SIZE));
  const pageHref = (p: number) => {
    const query = new URLSearchParams(toFilterQuery({ ...filters, period: period?.id }).slice(1));
    if (p > 1) query.set("page", String(p));
    return `/proposals?${query.toString()}`;
  };
  // A page past the end (a bookmark from when more matched) goes to the last page.
  if (rows.length === 0 && page > pageCount) redirect(pageHref(pageCount));
  const query = toFilterQuery({ ...filters, period: period?.id });
  const { period: _period, ...withoutPeriod } = filters;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Proposals</h1>
          <p aria-live="polite" data-testid="result-count">
            {hasActiveFilters(filters) ? `${matching} of ${total} proposals match the filters` : `All ${total} proposals`}
            {pageCount > 1 ? ` (showing ${(page - 1) * PAGE_SIZE + 1}–${(page - 1) * PAGE_SIZE + rows.length}, page ${page} of ${pageCount})` : ""}
            {period ? `, status for the ${period.name}` : ""}. Counting: <strong data-testid="counting">{INCLUDE_LABELS[filters.include].toLowerCase()}</strong>
            .
          </p>
        </div>
        <div className="form-actions">
          {period && <PeriodSelect periods={periods} selectedId={period.id} hidden={[...new URLSearchParams(toFilterQuery(withoutPeriod))]} />}
          {canExport(user) && (
            <a className="button button--secondary" href={`/api/proposals/export${query}`} download>
              Download CSV
            </a>
          )}
        </div>
      </div>
      {filters.asOf && (
        <p className="callout" data-testid="as-of-notice">
          Shown as it stood at {describeAsOfEnd(filters.asOf, user.timeZone)}, rebuilt from the version history of every update.{" "}
          <Link href={`/proposals${toFilterQuery({ ...filters, period: period?.id, asOf: undefined })}`}>Show today&apos;s data</Link>
        </p>
      )}
      <CatalogueNotice notice={await getCatalogueNotice()} />
      <ProposalFiltersForm filters={filters} areas={areas} organisations={organisations} periodId={filters.period} personal={canRecordUpdates(user)} />
      {rows.length === 0 ? (
        <p className="card">No proposal matches these filters.</p>
      ) : (
        <>
          <ProposalTable rows={rows} caption={period ? `Proposals and their status for the ${period.name}` : "Proposals"} timeZone={user.timeZone} />
          <Pagination page={page} pageCount={pageCount} label="Pages of proposals" href={pageHref} />
        </>
      )}
    </>
  );
}
