import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FocalPointFiltersForm } from "@/components/admin/focal-points/focal-point-filters";
import { FocalPointTable } from "@/components/admin/focal-points/focal-point-table";
import { VacancySummary } from "@/components/admin/focal-points/vacancy-summary";
import { Pagination } from "@/components/ui/pagination";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { countVacancies, listFocalPointRows, listSides } from "@/lib/data/focal-points";
import { listAreas } from "@/lib/data/proposals";
import { canManageFocalPoints } from "@/lib/domain/permissions";
import { focalPointsHref, parseFocalPointFilters } from "@/lib/validation/focal-points";

export const metadata: Metadata = { title: "Focal points" };

/** Rows per page: the 74 proposals fit on one. */
const PAGE_SIZE = 100;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FocalPointsPage({ searchParams }: Props) {
  const filters = parseFocalPointFilters(await searchParams);
  const user = await requirePageUser(focalPointsHref(filters));
  if (!canManageFocalPoints(user)) await denyPage(user, "manage_focal_points", {});

  const [vacancies, sides, areas, { rows, total }] = await Promise.all([countVacancies(), listSides(), listAreas(), listFocalPointRows(filters, PAGE_SIZE)]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (rows.length === 0 && filters.page > pageCount) redirect(focalPointsHref({ ...filters, page: pageCount }));
  const side = sides.find((s) => s.code === filters.side)?.code;
  const shownSides = side ? [side] : sides.map((s) => s.code);
  const area = areas.find((a) => a.id === filters.area);
  const what = [filters.vacant ? `vacant on the ${shownSides.join(" or ")} side` : null, area ? `in ${area.name}` : null].filter(Boolean).join(", ");

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Focal points</h1>
          <p>Who follows which proposal for each organisation. Staff record updates only for the proposals they follow.</p>
        </div>
      </div>
      <VacancySummary sides={vacancies} />
      <h2 id="proposals-title">Proposals and their focal points</h2>
      <FocalPointFiltersForm filters={filters} areas={areas} sides={sides} />
      <p aria-live="polite" data-testid="result-count">
        {total} proposal{total === 1 ? "" : "s"}
        {what ? ` ${what}` : ""}
        {pageCount > 1 ? ` (page ${filters.page} of ${pageCount})` : ""}.
      </p>
      {rows.length === 0 ? (
        <p className="card">No proposal matches these filters.</p>
      ) : (
        <>
          <FocalPointTable rows={rows} sides={shownSides} caption={`Proposals${what ? ` ${what}` : ""}, with their focal points`} />
          <Pagination page={filters.page} pageCount={pageCount} label="Pages of proposals" href={(page) => focalPointsHref({ ...filters, page })} />
        </>
      )}
    </>
  );
}
