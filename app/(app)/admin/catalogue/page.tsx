import type { Metadata } from "next";
import { CatalogueFiltersForm } from "@/components/admin/catalogue/catalogue-filters";
import { AreaTable, CatalogueProposalTable } from "@/components/admin/catalogue/catalogue-tables";
import { CatalogueNotice } from "@/components/layout/catalogue-notice";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { listCatalogue } from "@/lib/data/catalogue";
import { getCatalogueNotice } from "@/lib/data/settings";
import { canEditCatalogue } from "@/lib/domain/permissions";
import { parseCatalogueFilters } from "@/lib/validation/catalogue";

export const metadata: Metadata = { title: "Catalogue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CataloguePage({ searchParams }: Props) {
  const user = await requirePageUser("/admin/catalogue");
  if (!canEditCatalogue(user)) await denyPage(user, "view_catalogue", {});
  const filters = parseCatalogueFilters(await searchParams);
  const { areas, proposals, total } = await listCatalogue(filters);
  const filtered = Boolean(filters.q || filters.area || filters.set || filters.state !== "all");
  const retired = areas.reduce((sum, a) => sum + a.retired, 0);

  return (
    <>
      <h1>Catalogue</h1>
      <p>
        The areas and the proposals. Every change of a proposal&apos;s wording is kept as a new version and recorded in the audit trail; the report of a period
        uses the wording valid at the end of its cut-off day, and published editions never change. Proposals are never deleted: a retired proposal stays in the
        periods that began before it was retired and in its history, and is left out of later periods.
      </p>
      <CatalogueNotice notice={await getCatalogueNotice()} />
      <section aria-labelledby="areas-title">
        <h2 id="areas-title">Areas</h2>
        <AreaTable areas={areas} />
      </section>
      <section aria-labelledby="proposals-title">
        <h2 id="proposals-title">Proposals</h2>
        <CatalogueFiltersForm filters={filters} areas={areas} />
        <p aria-live="polite" data-testid="catalogue-count">
          {filtered ? `${proposals.length} of ${total} proposals match the filters.` : `All ${total} proposals, ${retired} of them retired.`}
        </p>
        {proposals.length > 0 ? (
          <CatalogueProposalTable proposals={proposals} caption={filtered ? "Matching proposals" : "All proposals"} timeZone={user.timeZone} />
        ) : (
          <p className="muted">No proposal matches these filters.</p>
        )}
      </section>
    </>
  );
}
