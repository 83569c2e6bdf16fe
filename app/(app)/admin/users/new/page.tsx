import type { Metadata } from "next";
import Link from "next/link";
import { InviteForm } from "@/components/admin/people/person-form";
import { invitePersonAction } from "@/lib/actions/people";
import { denyPage } from "@/lib/auth/deny";
import { requirePageUser } from "@/lib/auth/session";
import { canManagePeople } from "@/lib/domain/permissions";
import { INVITE_DAYS } from "@/lib/data/password-tokens";
import { isMailConfigured } from "@/lib/mail";

export const metadata: Metadata = { title: "Invite someone", referrer: "no-referrer" };

export default async function InvitePage() {
  const user = await requirePageUser("/admin/users/new");
  if (!canManagePeople(user)) await denyPage(user, "invite_user", {});
  return (
    <>
      <p>
        <Link href="/admin/users">← People</Link>
      </p>
      <h1>Invite someone</h1>
      <p>
        The account is created at once, without a password. You get a one-time link, valid for {INVITE_DAYS} days, with which they choose their own.{" "}
        {isMailConfigured()
          ? "It is also e-mailed to them."
          : "E-mail is not configured on this server: you will pass the link on yourself, by a channel only they read."}
      </p>
      <div className="card" style={{ maxWidth: "48rem" }}>
        <InviteForm action={invitePersonAction} timeZone={user.timeZone} />
      </div>
    </>
  );
}
