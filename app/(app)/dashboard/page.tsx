import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssessmentSplit } from "@/components/dashboard/assessment-split";
import { ChangesSummary } from "@/components/dashboard/changes-summary";
import { Coverage } from "@/components/dashboard/coverage";
import { DashboardControls } from "@/components/dashboard/dashboard-controls";
import { HeatMap } from "@/components/dashboard/heat-map";
import { Headline } from "@/components/dashboard/headline";
import { StatusByArea } from "@/components/dashboard/status-by-area";
import { StatusStats } from "@/components/dashboard/status-stats";
import { Trend } from "@/components/dashboard/trend";
import type { DashboardView } from "@/components/dashboard/view";
import { CatalogueNotice } from "@/components/layout/catalogue-notice";
import { PrintHeader } from "@/components/layout/print-header";
import { PrintButton } from "@/components/ui/print-button";
import { requirePageUser } from "@/lib/auth/session";
import { getChangeSummary } from "@/lib/data/changes";
import { getDashboard } from "@/lib/data/dashboard";
import { getNotifications } from "@/lib/data/notifications";
import { listPeriods, resolvePeriod } from "@/lib/data/periods";
import { listAreas, listOrganisations } from "@/lib/data/proposals";
import { getCatalogueNotice } from "@/lib/data/settings";
import { describeAsOfEnd, parseDay, toDay } from "@/lib/domain/as-of";
import { formatDate } from "@/lib/domain/format";
import { canViewDashboard } from "@/lib/domain/permissions";
import { describeFiltersInForce, describePeriodShown, formatPrintedAt } from "@/lib/domain/print";
import { INCLUDE_LABELS } from "@/lib/domain/proposals";
import { parseDashboardParams } from "@/lib/validation/dashboard-filters";
import { toDashboardQuery } from "@/lib/domain/filter-query";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const now = new Date();
  const { filters, from, asOfInput, asOfError } = parseDashboardParams(await searchParams, now);
  const returnTo = toDashboardQuery(filters);
  if (filters.include === "approved") returnTo.delete("include"); // the dashboard's default
  const user = await requirePageUser(`/dashboard${returnTo.size ? `?${returnTo.toString()}` : ""}`);
  if (!canViewDashboard(user)) notFound();
  // Started now, awaited with the numbers: no request waits for another it does not need.
  const notificationsPromise = getNotifications(user);
  notificationsPromise.catch(() => undefined); // awaited below; not an unhandled rejection on the early return
  // The requested period; else, as of a date, the latest period begun by then; else the current one.
  const asOfDay = filters.asOf ? parseDay(filters.asOf)! : null;
  const [periods, period, areas, organisations] = await Promise.all([listPeriods(), resolvePeriod(filters.period, asOfDay), listAreas(), listOrganisations()]);
  if (!period) {
    return (
      <>
        <h1>Dashboard</h1>
        <p>No reporting periods yet.</p>
      </>
    );
  }
  const before = periods.find((p) => p.number < period.number);
  const compareWith = (from && from !== period.id && periods.find((p) => p.id === from)) || before;

  const query = { include: filters.include, area: filters.area, org: filters.org, assessment: filters.assessment, asOf: filters.asOf };
  const view: DashboardView = { ...query, period: period.id };
  const [dashboard, changes, notifications] = await Promise.all([
    getDashboard(period.id, query, now),
    compareWith ? getChangeSummary({ ...query, fromPeriodId: compareWith.id, toPeriodId: period.id }) : null,
    notificationsPromise,
  ]);
  const returned = notifications.filter((n) => n.kind === "returned");
  const changesHref = ({ move, section }: { move?: string; section?: string } = {}) => {
    const params = toDashboardQuery(view);
    params.set("to", period.id);
    if (compareWith) params.set("from", compareWith.id);
    if (move) params.set("move", move);
    return `/dashboard/changes?${params.toString()}${section ? `#${section}` : ""}`;
  };
  const unfiltered = !filters.area.length && !filters.org.length && !filters.asOf;

  const filtersInForce = describeFiltersInForce({
    areas: areas.filter((a) => filters.area.includes(a.id)).map((a) => a.name),
    organisations: filters.org,
    assessments: filters.assessment,
    include: filters.include,
    asOf: asOfDay,
  });

  return (
    <>
      <PrintHeader printedAt={formatPrintedAt(now, user.timeZone)} period={describePeriodShown(period, compareWith?.name)} filters={filtersInForce} />
      <div className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p data-testid="dashboard-scope">
            {period.name}: {dashboard.updatedCount} of {dashboard.totalProposals} proposals counted ({INCLUDE_LABELS[filters.include].toLowerCase()})
            {filters.asOf ? `, as of ${formatDate(asOfDay!)}` : ""}.
          </p>
        </div>
        <PrintButton />
      </div>
      <DashboardControls
        periods={periods}
        view={view}
        fromId={from && compareWith?.id === from ? from : undefined}
        asOfInput={asOfInput}
        asOfError={asOfError}
        areas={areas}
        organisations={organisations}
        today={toDay(now)}
      />
      {filters.asOf && (
        <p className="callout" data-testid="as-of-notice">
          Shown as it stood at {describeAsOfEnd(filters.asOf, user.timeZone)}, rebuilt from the version history of every update.{" "}
          <Link className="no-print" href={`/dashboard?${toDashboardQuery({ ...view, asOf: undefined }).toString()}`}>
            Show today&apos;s data
          </Link>
        </p>
      )}
      {returned.length > 0 && (
        <section className="callout callout--returned no-print" aria-labelledby="returned-title">
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
      <CatalogueNotice notice={await getCatalogueNotice()} />
      <Headline dashboard={dashboard} view={view} cockpitHref={unfiltered ? `/periods/${period.id}#overdue` : null} />
      <StatusStats dashboard={dashboard} view={view} />
      <StatusByArea byArea={dashboard.byArea} statusCounts={dashboard.statusCounts} totalProposals={dashboard.totalProposals} view={view} />
      <div className="grid grid--two">
        <AssessmentSplit assessments={dashboard.assessments} updatedCount={dashboard.updatedCount} view={view} />
        <Coverage dashboard={dashboard} view={view} />
      </div>
      {changes && compareWith ? (
        <ChangesSummary summary={changes} fromName={compareWith.name} toName={period.name} changesHref={changesHref} />
      ) : (
        <section className="card" aria-labelledby="changes-title">
          <h2 id="changes-title">What changed</h2>
          <p>The {period.name} is the first report: there is nothing to compare it with.</p>
        </section>
      )}
      <Trend trend={dashboard.trend} view={view} />
      <HeatMap heatMap={dashboard.heatMap} view={view} />
    </>
  );
}
