import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AreaChanges } from "@/components/admin/catalogue/area-changes";
import { AreaForm } from "@/components/admin/catalogue/area-form";
import { RetiredBadge } from "@/components/admin/catalogue/catalogue-tables";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { getCatalogueArea } from "@/lib/data/catalogue";
import { canEditCatalogue } from "@/lib/domain/permissions";
import { proposalCode } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "Edit an area" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CatalogueAreaPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/admin/catalogue/areas/${encodeURIComponent(id)}`);
  if (!canEditCatalogue(user)) await denyPage(user, "view_catalogue_area", {});
  const [area, query] = await Promise.all([getCatalogueArea(id), searchParams]);
  if (!area) notFound();

  return (
    <>
      <p>
        <Link href="/admin/catalogue">← Catalogue</Link>
      </p>
      {query.saved === "1" && (
        <div className="alert alert--success" role="status">
          Area saved.
        </div>
      )}
      {query.unchanged === "1" && (
        <div className="alert alert--success" role="status">
          Nothing changed, so nothing was saved.
        </div>
      )}
      <h1>
        Area {area.number}: {area.name}
      </h1>
      <section className="card" aria-labelledby="edit-title">
        <h2 id="edit-title">Wording</h2>
        <p className="field__hint">
          Areas keep no versions of their own: reports, including those of earlier periods that are not yet published, show today&apos;s area name. Published
          editions keep the name they had. Every change is recorded in the audit trail, listed below.
        </p>
        <AreaForm area={area} />
      </section>
      <section className="card" aria-labelledby="proposals-title">
        <h2 id="proposals-title">Proposals in this area</h2>
        {area.proposals.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="plain-list">
            {area.proposals.map((p) => (
              <li key={p.id}>
                <Link href={`/admin/catalogue/proposals/${p.id}`}>
                  {proposalCode(p.number)} · {p.title}
                </Link>{" "}
                {p.retiredAt && <RetiredBadge retiredAt={p.retiredAt} timeZone={user.timeZone} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="changes-title">
        <h2 id="changes-title">Changes</h2>
        <AreaChanges changes={area.changes} timeZone={user.timeZone} />
      </section>
    </>
  );
}
