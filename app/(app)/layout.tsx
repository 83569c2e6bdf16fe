import Link from "next/link";
import { MainNav, type NavLink } from "@/components/layout/main-nav";
import { NotificationBell } from "@/components/layout/notification-bell";
import { PeriodBanner } from "@/components/layout/period-banner";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { SignInNotice } from "@/components/auth/sign-in-notice";
import { SiteMenu } from "@/components/layout/site-menu";
import { getCurrentUser } from "@/lib/auth/session";
import { getNotifications } from "@/lib/data/notifications";
import { getCurrentPeriod } from "@/lib/data/periods";
import { getSignInNotice } from "@/lib/data/sign-in-throttle";
import { toBell } from "@/lib/domain/notifications";
import { accountThrottleKey } from "@/lib/domain/throttle";
import { canAdminister, canRecordUpdates, canReviewUpdates, canViewAudit } from "@/lib/domain/permissions";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";

// What the header's Menu button shows and hides on a phone (the bell stays in sight).
const MENU_PARTS = { nav: "site-nav", account: "site-account" };

// Every page below reads the session and live data.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Pages check the session themselves (and redirect); the layout only decides what chrome to show.
  const [user, period] = await Promise.all([getCurrentUser(), getCurrentPeriod()]);
  const notifications = user ? await getNotifications(user) : [];
  // Failed sign-in attempts on the account since the previous sign-in, until the owner dismisses them.
  const signInNotice = user ? await getSignInNotice(accountThrottleKey(user.email)) : null;
  const links: NavLink[] = [
    ...(user && canRecordUpdates(user) ? [{ href: "/my-work", label: "My work" }] : []),
    ...(user && canReviewUpdates(user) ? [{ href: "/review", label: "Review" }] : []),
    { href: "/dashboard", label: "Dashboard" },
    { href: "/proposals", label: "Proposals" },
    { href: "/periods", label: "Reporting cycle" },
    { href: "/reports", label: "Reports" },
    ...(user && canAdminister(user) ? [{ href: "/admin", label: "Admin" }] : user && canViewAudit(user) ? [{ href: "/audit", label: "Audit trail" }] : []),
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link className="brand" href="/">
            NATO–EU Progress Tracker
          </Link>
          {user && (
            <SiteMenu controls={[MENU_PARTS.nav, MENU_PARTS.account]}>
              <MainNav links={links} id={MENU_PARTS.nav} />
              <div className="user-menu">
                <NotificationBell bell={toBell(notifications, period)} />
                <div className="user-menu__account" id={MENU_PARTS.account}>
                  <Link href="/account" title="Your account and password">
                    {user.name}{" "}
                    <span className="user-menu__role">
                      ({ROLE_LABELS[user.role]}, {user.organisationCode})
                    </span>
                  </Link>
                  <SignOutButton />
                </div>
              </div>
            </SiteMenu>
          )}
        </div>
      </header>
      {user && <PeriodBanner period={period} now={new Date()} />}
      <main id="main" tabIndex={-1}>
        {user && signInNotice && <SignInNotice notice={signInNotice} timeZone={user.timeZone} />}
        {children}
      </main>
      <footer className="site-footer">Common proposals of NATO–EU cooperation: 42 of December 2016 and 32 of December 2017.</footer>
    </>
  );
}
