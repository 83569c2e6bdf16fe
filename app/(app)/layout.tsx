import Link from "next/link";
import { MainNav } from "@/components/layout/main-nav";
import { PeriodBanner } from "@/components/layout/period-banner";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { getCurrentUser } from "@/lib/auth/session";
import { getOpenPeriod } from "@/lib/data/periods";
import { ROLE_LABELS } from "@/lib/domain/vocabulary";

// Every page below reads the session and live data.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  // Pages check the session themselves (and redirect); the layout only decides what chrome to show.
  const [user, openPeriod] = await Promise.all([getCurrentUser(), getOpenPeriod()]);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link className="brand" href="/dashboard">
            NATO–EU Progress Tracker
          </Link>
          {user && <MainNav />}
          {user && (
            <div className="user-menu">
              <span>
                {user.name} <span className="user-menu__role">({ROLE_LABELS[user.role]}, {user.organisationCode})</span>
              </span>
              <SignOutButton />
            </div>
          )}
        </div>
      </header>
      {user && <PeriodBanner period={openPeriod} now={new Date()} />}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">Common proposals of NATO–EU cooperation: 42 of December 2016 and 32 of December 2017.</footer>
    </>
  );
}
