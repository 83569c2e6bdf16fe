import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { findPasswordLink } from "@/lib/data/password-tokens";
import { formatDateTime } from "@/lib/domain/format";
import { PASSWORD_RULE } from "@/lib/domain/password-policy";
import { DEFAULT_TIME_ZONE } from "@/lib/domain/time-zone";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where a one-time link (an invitation or a reset) lands: the link itself is the credential. */
export default async function SetPasswordPage({ searchParams }: Props) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const link = token ? await findPasswordLink(token) : null;
  return (
    <main id="main" className="signin">
      <div className="card">
        {link ? (
          <>
            <h1>{link.purpose === "INVITE" ? "Welcome: choose your password" : "Choose a new password"}</h1>
            <p>
              For <strong>{link.name}</strong> ({link.email}). This link works once, until {formatDateTime(link.expiresAt, DEFAULT_TIME_ZONE)}.
            </p>
            <SetPasswordForm token={token} email={link.email} rule={PASSWORD_RULE} />
          </>
        ) : (
          <>
            <h1>This link cannot be used</h1>
            <p>It has expired, was already used, or is incomplete. Ask an administrator for a new one.</p>
            <p>
              <Link href="/signin">Go to sign-in</Link>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
