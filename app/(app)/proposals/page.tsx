import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { parseDay } from "@/lib/domain/as-of";
import { formatDate } from "@/lib/domain/format";
import { CatalogueNotice } from "@/components/layout/catalogue-notice";
import { ProposalFiltersForm } from "@/components/proposals/proposal-filters-form";
import { ProposalTable } from "@/components/proposals/proposal-table";
import { PeriodSelect } from "@/components/ui/period-select";
import { requirePageUser } from "@/lib/auth/session";
import { listPeriods, resolvePeriod } from "@/lib/data/periods";
import { countProposals, listAreas, listOrganisations, listProposals } from "@/lib/data/proposals";
import { canExport, canViewProposals } from "@/lib/domain/permissions";
import { hasActiveFilters, parseProposalFilters, toFilterQuery } from "@/lib/validation/proposal-filters";

export const metadata: Metadata = { title: "Proposals" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProposalsPage({ searchParams }: Props) {
  const params = await searchParams;
  const filters = parseProposalFilters(params);
  const user = await requirePageUser(`/proposals${toFilterQuery(filters)}`);
  if (!canViewProposals(user)) notFound();

  const [period, periods, areas, organisations, total] = await Promise.all([
    resolvePeriod(filters.period),
    listPeriods(),
    listAreas(),
    listOrganisations(),
    countProposals(),
  ]);
  const rows = await listProposals(filters, period?.id ?? null);
  const query = toFilterQuery({ ...filters, period: period?.id });
  const { period: _period, ...withoutPeriod } = filters;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Proposals</h1>
          <p aria-live="polite" data-testid="result-count">
            {hasActiveFilters(filters) ? `${rows.length} of ${total} proposals match the filters` : `All ${total} proposals`}
            {period ? `, status for the ${period.name}.` : "."}
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
          Shown as it stood at the end of {formatDate(parseDay(filters.asOf)!)} (UTC), rebuilt from the version history of every update.{" "}
          <Link href={`/proposals${toFilterQuery({ ...filters, period: period?.id, asOf: undefined })}`}>Show today&apos;s data</Link>
        </p>
      )}
      <CatalogueNotice />
      <ProposalFiltersForm filters={filters} areas={areas} organisations={organisations} periodId={filters.period} />
      {rows.length === 0 ? (
        <p className="card">No proposal matches these filters.</p>
      ) : (
        <ProposalTable rows={rows} caption={period ? `Proposals and their status for the ${period.name}` : "Proposals"} />
      )}
    </>
  );
}
