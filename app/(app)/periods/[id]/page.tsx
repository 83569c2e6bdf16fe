import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintHeader } from "@/components/layout/print-header";
import { CockpitList } from "@/components/periods/cockpit-list";
import { CoverageTable } from "@/components/periods/coverage-table";
import { PeriodStateActions } from "@/components/periods/period-state-actions";
import { ActionForm } from "@/components/ui/action-form";
import { sendReminders } from "@/lib/actions/periods";
import { requirePageUser } from "@/lib/auth/session";
import { getCockpit } from "@/lib/data/cockpit";
import { getPeriod } from "@/lib/data/periods";
import { describeDaysLeft, formatDate, formatDateTime } from "@/lib/domain/format";
import { canManagePeriods, canViewProposals } from "@/lib/domain/permissions";
import { describePeriodShown, formatPrintedAt } from "@/lib/domain/print";
import { PERIOD_STATE_LABELS } from "@/lib/domain/vocabulary";

export const metadata: Metadata = { title: "Cycle cockpit" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeriodCockpitPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/periods/${encodeURIComponent(id)}`);
  if (!canViewProposals(user)) notFound();
  const [period, query] = await Promise.all([getPeriod(id), searchParams]);
  if (!period) notFound();
  const cockpit = await getCockpit(period);
  const manages = canManagePeriods(user);

  return (
    <>
      <PrintHeader
        printedAt={formatPrintedAt(new Date(), user.timeZone)}
        period={describePeriodShown(period)}
        filters="Filters: none (every proposal in the period); reported means submitted or approved."
      />
      <p className="no-print">
        <Link href="/periods">← Reporting cycle</Link>
      </p>
      {query.saved === "1" && (
        <div className="alert alert--success" role="status">
          Period saved.
        </div>
      )}
      <div className="page-header">
        <div>
          <h1>{period.name}</h1>
          <p data-testid="period-state">
            {PERIOD_STATE_LABELS[period.state]}
            {period.lockedAt ? ` since ${formatDateTime(period.lockedAt, user.timeZone)}` : ""} · {formatDate(period.startsOn)} to cut-off{" "}
            {formatDate(period.cutOffOn)} · report due {formatDate(period.dueOn)}
            {cockpit.closed ? "" : ` (${describeDaysLeft(cockpit.daysLeft)})`}
          </p>
        </div>
        {manages && period.state !== "CLOSED" && (
          <Link className="button button--secondary" href={`/periods/${period.id}/edit`}>
            Edit dates
          </Link>
        )}
      </div>
      {manages && (
        <section className="card no-print" aria-labelledby="manage-title">
          <h2 id="manage-title">Run the period</h2>
          <PeriodStateActions period={period} />
          {period.state === "OPEN" && (
            <ActionForm
              label="Send reminders"
              action={sendReminders}
              fields={[{ name: "periodId", label: "", type: "hidden", defaultValue: period.id }]}
              buttons={[{ label: "E-mail reminders to focal points with items due", secondary: true }]}
            />
          )}
        </section>
      )}

      <div className="grid grid--stats" style={{ marginBottom: "1rem" }}>
        <div className="stat">
          <div className="stat__label">Reported (submitted or approved)</div>
          <div className="stat__value" data-testid="cockpit-reported">
            {cockpit.reported} of {cockpit.total}
          </div>
          <div className="stat__note">{cockpit.coveragePercent}%</div>
        </div>
        <div className="stat">
          <div className="stat__label">Awaiting review</div>
          <div className="stat__value">{cockpit.awaitingReview.length}</div>
        </div>
        <div className="stat">
          <div className="stat__label">Returned</div>
          <div className="stat__value">{cockpit.returned.length}</div>
        </div>
        <div className="stat">
          <div className="stat__label">{cockpit.isPastCutOff && !cockpit.closed ? "Overdue" : "Missing"}</div>
          <div className="stat__value">{cockpit.isPastCutOff && !cockpit.closed ? cockpit.overdue.length : cockpit.missing.length}</div>
        </div>
        {!cockpit.closed && (
          <div className="stat">
            <div className="stat__label">Days to the due date</div>
            <div className="stat__value">{cockpit.daysLeft}</div>
          </div>
        )}
      </div>

      <CockpitList id="awaiting-review" title="Awaiting review" items={cockpit.awaitingReview} empty="Nothing is waiting for review." />
      <CockpitList id="returned" title="Returned to their authors" items={cockpit.returned} empty="No update is returned." />
      {cockpit.closed ? (
        <CockpitList
          id="missing"
          title="Missing from this period (nothing submitted before it closed)"
          items={cockpit.missing}
          empty="Every proposal had a submitted update."
        />
      ) : cockpit.isPastCutOff ? (
        <CockpitList id="overdue" title="Overdue (nothing submitted by the cut-off)" items={cockpit.overdue} empty="Nothing is overdue." />
      ) : (
        <CockpitList
          id="missing"
          title="Missing (no update submitted yet)"
          items={cockpit.missing}
          empty="Every proposal has a submitted update."
          hrefSuffix="/update"
        />
      )}
      <CockpitList id="stale" title="Stale (status unchanged for three or more periods)" items={cockpit.stale} empty="No proposal looks stale." />

      <section className="card" aria-labelledby="coverage-title">
        <h2 id="coverage-title">Coverage</h2>
        <div className="grid grid--two">
          <CoverageTable caption="By area" header="Area" rows={cockpit.byArea} />
          <div>
            <CoverageTable caption="By focal-point organisation" header="Organisation" rows={cockpit.byOrganisation} />
            <CoverageTable caption="By focal point (lowest coverage first)" header="Focal point" rows={cockpit.byFocalPoint} />
          </div>
        </div>
      </section>
    </>
  );
}
