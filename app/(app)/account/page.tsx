import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionList } from "@/components/account/session-list";
import { TimeZoneForm } from "@/components/account/time-zone-form";
import { OrganisationLabel } from "@/components/admin/people/organisation-label";
import { requirePageUser } from "@/lib/auth/session";
import { getOwnAccount } from "@/lib/data/people";
import { listLiveSessions } from "@/lib/data/sessions";
import { formatDateTime } from "@/lib/domain/format";
import { PASSWORD_RULE } from "@/lib/domain/password-policy";
import type { OrganisationCode } from "@/lib/domain/people";
import { canManagePeople } from "@/lib/domain/permissions";
import { timeZoneGroups } from "@/lib/domain/time-zone";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "Your account" };

/**
 * Every signed-in person: who the tracker knows them as, the time zone they read times in, their password,
 * and the browsers signed in as them (each can be ended).
 */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const user = await requirePageUser("/account");
  const [account, sessions, query] = await Promise.all([getOwnAccount(user), listLiveSessions(user), searchParams]);
  return (
    <>
      <h1>Your account</h1>
      <div className="grid grid--two">
        <section className="card" aria-labelledby="account-heading">
          <h2 id="account-heading">Who you are here</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{account.name}</dd>
            <dt>E-mail</dt>
            <dd style={{ overflowWrap: "anywhere" }}>{account.email}</dd>
            <dt>Role</dt>
            <dd>{ROLE_LABELS[account.role]}</dd>
            <dt>Organisation</dt>
            <dd>
              <OrganisationLabel code={account.organisation.code as OrganisationCode} body={account.body} />
            </dd>
          </dl>
          <p className="muted">
            {canManagePeople(user) ? (
              <>
                To change these, use <Link href={`/admin/users/${user.id}`}>your page under People</Link>.
              </>
            ) : (
              "To change these, ask an administrator."
            )}
          </p>
        </section>
        <section className="card" aria-labelledby="time-zone-heading">
          <h2 id="time-zone-heading">Time zone</h2>
          <TimeZoneForm current={user.timeZone} groups={timeZoneGroups()} example={formatDateTime(new Date(), user.timeZone)} />
        </section>
        <section className="card" aria-labelledby="password-heading">
          <h2 id="password-heading">Change your password</h2>
          <ChangePasswordForm email={account.email} rule={PASSWORD_RULE} />
          <p className="muted">Changing it signs you out on every other browser.</p>
        </section>
        <section className="card" aria-labelledby="sessions-heading" id="sessions">
          <h2 id="sessions-heading">Where you are signed in</h2>
          <SessionList sessions={sessions} timeZone={user.timeZone} ended={query.sessions === "ended"} />
        </section>
      </div>
    </>
  );
}
