import type { Metadata } from "next";
import { AssessmentSplit } from "@/components/dashboard/assessment-split";
import { Coverage } from "@/components/dashboard/coverage";
import { StatusByArea } from "@/components/dashboard/status-by-area";
import { StatusStats } from "@/components/dashboard/status-stats";
import { CatalogueNotice } from "@/components/layout/catalogue-notice";
import { PeriodSelect } from "@/components/ui/period-select";
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
  const dashboard = await getDashboard(period.id);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p>
            {period.name}: {dashboard.updatedCount} of {dashboard.totalProposals} proposals updated.
          </p>
        </div>
        <PeriodSelect periods={periods} selectedId={period.id} />
      </div>
      <CatalogueNotice />
      <StatusStats dashboard={dashboard} />
      <StatusByArea dashboard={dashboard} />
      <div className="grid grid--two">
        <AssessmentSplit dashboard={dashboard} />
        <Coverage dashboard={dashboard} periodId={period.id} />
      </div>
    </>
  );
}
