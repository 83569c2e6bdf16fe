import type { Metadata } from "next";
import { AssessmentSplit } from "@/components/dashboard/assessment-split";
import { Coverage } from "@/components/dashboard/coverage";
import { StatusByArea } from "@/components/dashboard/status-by-area";
import { StatusStats } from "@/components/dashboard/status-stats";
import { CatalogueNotice } from "@/components/layout/catalogue-notice";
import { DashboardControls } from "@/components/dashboard/dashboard-controls";
import Link from "next/link";
import { getNotifications } from "@/lib/data/notifications";
import { INCLUDE_LABELS } from "@/lib/domain/proposals";
import { parseProposalFilters } from "@/lib/validation/proposal-filters";
import { requirePageUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/data/dashboard";
import { listPeriods, resolvePeriod } from "@/lib/data/periods";
import { canViewDashboard } from "@/lib/domain/permissions";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePageUser("/dashboard");
  if (!canViewDashboard(user)) notFound();
  const params = await searchParams;
  const [period, periods] = await Promise.all([resolvePeriod(typeof params.period === "string" ? params.period : undefined), listPeriods()]);
  if (!period) {
    return (
      <>
        <h1>Dashboard</h1>
        <p>No reporting periods yet.</p>
      </>
    );
  }
  const include = parseProposalFilters({ include: typeof params.include === "string" ? params.include : "approved" }).include;
  const [dashboard, notifications] = await Promise.all([getDashboard(period.id, include), getNotifications(user)]);
  const returned = notifications.filter((n) => n.kind === "returned");
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p>
            {period.name}: {dashboard.updatedCount} of {dashboard.totalProposals} proposals counted ({INCLUDE_LABELS[include].toLowerCase()}).
          </p>
        </div>
        <DashboardControls periods={periods} periodId={period.id} include={include} />
      </div>
      {returned.length > 0 && (
        <section className="callout callout--returned" aria-labelledby="returned-title">
          <h2 id="returned-title">Returned to you for changes</h2>
          <ul>
            {returned.map((n) => (
              <li key={n.href}>
                <Link href={n.href}>{n.title}</Link>
                {n.detail && `: ${n.detail}`}
              </li>
            ))}
          </ul>
        </section>
      )}
      <CatalogueNotice />
      <StatusStats dashboard={dashboard} />
      <StatusByArea dashboard={dashboard} />
      <div className="grid grid--two">
        <AssessmentSplit dashboard={dashboard} />
        <Coverage dashboard={dashboard} periodId={period.id} include={include} />
      </div>
    </>
  );
}
