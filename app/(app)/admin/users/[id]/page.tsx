import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccessForm } from "@/components/admin/people/access-form";
import { OrganisationLabel } from "@/components/admin/people/organisation-label";
import { PasswordLinkForm } from "@/components/admin/people/password-link-form";
import { PersonForm } from "@/components/admin/people/person-form";
import { PersonStateBadge } from "@/components/admin/people/person-state-badge";
import { updatePersonAction } from "@/lib/actions/people";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { getPerson } from "@/lib/data/people";
import { formatDateTime } from "@/lib/domain/format";
import { canManagePeople } from "@/lib/domain/permissions";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "Person", referrer: "no-referrer" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PersonPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/admin/users/${encodeURIComponent(id)}`);
  if (!canManagePeople(user)) await denyPage(user, "view_person", {});
  const person = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await getPerson(user, id) : null;
  if (!person) notFound();
  const saved = (await searchParams).saved === "1";
  const isSelf = person.id === user.id;
  return (
    <>
      <p>
        <Link href="/admin/users">← People</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>{person.name}</h1>
          <p>
            <PersonStateBadge state={person.state} />
            {isSelf && <span className="muted"> (you)</span>}
          </p>
        </div>
      </div>
      {saved && (
        <div className="alert alert--success" role="status">
          Saved.
        </div>
      )}
      <div className="grid grid--two">
        <section className="card" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Account</h2>
          <dl className="facts">
            <dt>E-mail</dt>
            <dd style={{ overflowWrap: "anywhere" }}>{person.email}</dd>
            <dt>Role</dt>
            <dd>{ROLE_LABELS[person.role]}</dd>
            <dt>Organisation</dt>
            <dd>
              <OrganisationLabel code={person.organisationCode} body={person.body} />
            </dd>
            <dt>Since</dt>
            <dd>{formatDateTime(person.createdAt, user.timeZone)}</dd>
            <dt>Last sign-in</dt>
            <dd>{person.lastSignInAt ? formatDateTime(person.lastSignInAt, user.timeZone) : "Never"}</dd>
            <dt>Password link</dt>
            <dd>
              {person.pendingLink
                ? `${person.pendingLink.purpose === "INVITE" ? "Invitation" : "Reset"} link waiting to be used, until ${formatDateTime(person.pendingLink.expiresAt, user.timeZone)}`
                : "None waiting"}
            </dd>
            <dt>Focal point for</dt>
            <dd>
              {person.followedProposals} proposal{person.followedProposals === 1 ? "" : "s"}:{" "}
              <Link href={`/admin/focal-points/people/${person.id}`}>Proposals this person follows</Link>
            </dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="access-heading">
          <h2 id="access-heading">{person.state === "deactivated" ? "Reactivate" : "Deactivate"}</h2>
          <AccessForm userId={person.id} name={person.name} active={person.state !== "deactivated"} isSelf={isSelf} />
        </section>
      </div>
      <section className="card" aria-labelledby="edit-heading">
        <h2 id="edit-heading">Change details</h2>
        <PersonForm
          mode="edit"
          action={updatePersonAction}
          userId={person.id}
          expectedUpdatedAt={person.updatedAt}
          followedProposals={person.followedProposals}
          initial={{ name: person.name, email: person.email, role: person.role, organisation: person.organisationCode, body: person.body ?? "" }}
        />
      </section>
      {person.state !== "deactivated" && (
        <section className="card" aria-labelledby="link-heading">
          <h2 id="link-heading">Password</h2>
          <PasswordLinkForm userId={person.id} name={person.name} hasPassword={person.state === "active"} timeZone={user.timeZone} />
        </section>
      )}
    </>
  );
}
