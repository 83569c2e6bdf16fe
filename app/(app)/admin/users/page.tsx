import type { Metadata } from "next";
import Link from "next/link";
import { OrganisationLabel } from "@/components/admin/people/organisation-label";
import { PeopleFiltersForm } from "@/components/admin/people/people-filters";
import { PersonStateBadge } from "@/components/admin/people/person-state-badge";
import { Pagination } from "@/components/ui/pagination";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { listPeople } from "@/lib/data/people";
import { canManagePeople } from "@/lib/domain/permissions";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";
import { parsePeopleFilters, toPeopleQuery } from "@/lib/validation/people";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "People" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  const user = await requirePageUser("/admin/users");
  if (!canManagePeople(user)) await denyPage(user, "view_people", {});
  const filters = parsePeopleFilters(await searchParams);
  const { rows, total, pageCount } = await listPeople(user, filters);
  const isFiltered = Boolean(filters.q || filters.org || filters.role || filters.state);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>People</h1>
          <p>Who can sign in, with which role. Invite someone to give them an account; they choose their own password through a one-time link.</p>
        </div>
        <Link className="button" href="/admin/users/new">
          Invite someone
        </Link>
      </div>
      <PeopleFiltersForm filters={filters} />
      <p data-testid="people-count" aria-live="polite">
        {total === 0 ? "Nobody matches." : `${total} ${total === 1 ? "person" : "people"}${isFiltered ? " match" : ""}.`}
        {pageCount > 1 && ` Page ${Math.min(filters.page, pageCount)} of ${pageCount}.`}
      </p>
      {rows.length > 0 && (
        <TableScroll label="People">
          <table data-testid="people-table">
            <caption className="visually-hidden">People, by name</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Organisation</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link href={`/admin/users/${p.id}`}>{p.name}</Link>
                  </th>
                  <td style={{ overflowWrap: "anywhere" }}>{p.email}</td>
                  <td>{ROLE_LABELS[p.role]}</td>
                  <td>
                    <OrganisationLabel code={p.organisationCode} body={p.body} />
                  </td>
                  <td>
                    <PersonStateBadge state={p.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={filters.page} pageCount={pageCount} href={(page) => `/admin/users${toPeopleQuery({ ...filters, page })}`} label="Pages of people" />
    </>
  );
}
