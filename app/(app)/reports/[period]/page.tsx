import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompareForm } from "@/components/reports/compare-form";
import { DownloadLinks } from "@/components/reports/download-links";
import { PublishPanel } from "@/components/reports/publish-panel";
import { ReportDocument } from "@/components/reports/report-document";
import { ReportStateBadge } from "@/components/reports/report-state-badge";
import { SignOffPanel } from "@/components/reports/sign-off-panel";
import { PrintButton } from "@/components/ui/print-button";
import { requirePageUser } from "@/lib/auth/session";
import { renderChartSvg } from "@/lib/charts/svg";
import { countActiveReopenings } from "@/lib/data/periods";
import { collectEntries, getPeriodReports, loadReport } from "@/lib/data/reports";
import { chartSpecs } from "@/lib/domain/charts";
import { formatDateTime } from "@/lib/domain/format";
import {
  REPORT_FORMATS,
  REPORT_FORMAT_LABELS,
  canManageReports,
  canViewEdition,
  canViewReportDraft,
  editionLabel,
  reportFileHref,
  reportFileName,
} from "@/lib/domain/report";
import { isAppError } from "@/lib/errors";
import { editionRefSchema, parsePeriodNumber } from "@/lib/validation/reports";

type Props = { params: Promise<{ period: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const number = parsePeriodNumber((await params).period);
  return { title: number ? `Progress report ${number}` : "Progress report" };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Up to this many proposals the page shows the whole report; beyond, one area at a time. */
const FULL_PAGE_LIMIT = 400;

export default async function ReportPage({ params, searchParams }: Props) {
  const [{ period: periodParam }, query] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(`/reports/${encodeURIComponent(periodParam)}`);
  const periodNumber = parsePeriodNumber(periodParam);
  if (periodNumber === null) notFound();
  const reports = await getPeriodReports(periodNumber);
  if (!reports) notFound();
  const { period } = reports;
  const manages = canManageReports(user);
  const editions = reports.editions.filter((e) => canViewEdition(user, { signedBy: e.signOffs.map((s) => s.organisationCode) }));
  // Which report: ?edition=N or ?edition=draft; by default the latest edition one may see, else the draft.
  const asked = editionRefSchema.safeParse(first(query.edition));
  const ref = asked.success ? asked.data : (editions[editions.length - 1]?.number ?? "draft");
  if (ref === "draft" && !canViewReportDraft(user)) notFound();

  const now = new Date();
  const source = await loadReport(user, periodNumber, ref, now).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { header } = source;
  const edition = ref === "draft" ? "draft" : ref;
  // A catalogue far larger than the 74 proposals is shown one area at a time (the files hold it all).
  const paged = header.figures.totalProposals > FULL_PAGE_LIMIT;
  const areaAsked = Number(first(query.area));
  const shownArea = paged ? (header.areas.find((a) => a.number === areaAsked) ?? header.areas[0])?.number : undefined;
  const [entries, reopenings] = await Promise.all([collectEntries(source, "area", shownArea), manages ? countActiveReopenings(period.id, now) : 0]);
  const charts = chartSpecs(header.figures, header.period.id).map((spec) => ({
    spec,
    svg: renderChartSvg(spec).svg,
    hrefs: {
      svg: `/reports/${periodNumber}/${edition}/charts/${spec.id}.svg`,
      png: `/reports/${periodNumber}/${edition}/charts/${spec.id}.png`,
    },
  }));
  const published = first(query.published) === "1" && header.edition;
  const signed = header.edition ? first(query.signed) : undefined;

  return (
    <>
      <p className="no-print">
        <Link href="/reports">← All reports</Link>
      </p>
      {published && (
        <div className="alert alert--success" role="status">
          Edition {header.edition!.number} published and signed off for {user.organisationCode}. It becomes final when the other organisation signs it off.
        </div>
      )}
      {(signed === "signed" || signed === "already") && (
        <div className="alert alert--success" role="status" data-testid="sign-off-flash">
          {signed === "signed"
            ? `Edition ${header.edition!.number} signed off for ${user.organisationCode}.${header.state === "final" ? " Both organisations have signed: it is final." : ""}`
            : `${user.organisationCode} had already signed off edition ${header.edition!.number}: nothing changed.`}
        </div>
      )}
      <div className="page-header">
        <div>
          <h1>
            {period.name}: {editionLabel(header)}
          </h1>
          <p data-testid="report-state">
            <ReportStateBadge state={header.state} />{" "}
            {header.edition
              ? `Published ${formatDateTime(new Date(header.edition.publishedAt), user.timeZone)} by ${header.edition.publishedBy}.`
              : "Built from the approved updates as they are now; it changes as updates are approved."}
          </p>
        </div>
        <PrintButton />
      </div>

      <nav className="card no-print report-versions" aria-label="Versions of this report">
        <h2 className="visually-hidden">Versions</h2>
        <ul className="plain-list">
          {canViewReportDraft(user) && (
            <li>
              <Link href={`/reports/${periodNumber}?edition=draft`} aria-current={edition === "draft" ? "page" : undefined}>
                Draft (live data)
              </Link>
            </li>
          )}
          {editions.map((e) => (
            <li key={e.number}>
              <Link href={`/reports/${periodNumber}?edition=${e.number}`} aria-current={edition === e.number ? "page" : undefined}>
                Edition {e.number}
              </Link>{" "}
              <ReportStateBadge state={e.state} />
              {e.changeNote && <span className="muted"> · {e.changeNote}</span>}
            </li>
          ))}
        </ul>
      </nav>

      {header.edition && <SignOffPanel header={header} periodNumber={periodNumber} user={user} />}

      <section className="card no-print" aria-labelledby="downloads-title">
        <h2 id="downloads-title">Download</h2>
        <p className="muted">
          {header.state === "draft" ? "Every file of a draft is marked DRAFT on every page." : `Files of edition ${header.edition!.number} never change.`} Word,
          PDF and Excel carry the charts or their numbers; JSON follows the <a href="/reports/schema.json">documented shape</a>.
        </p>
        <DownloadLinks
          label={`Download the ${period.name}, ${editionLabel(header)}`}
          links={REPORT_FORMATS.map((format) => ({
            href: reportFileHref(periodNumber, edition, format),
            label: REPORT_FORMAT_LABELS[format],
            fileName: reportFileName(header, format),
            description: `${period.name}, ${editionLabel(header)}, .${format}`,
          }))}
        />
      </section>

      {manages && <PublishPanel period={period} editionCount={reports.editions.length} activeReopenings={reopenings} />}
      {manages && <CompareForm periodNumber={periodNumber} editions={reports.editions.map((e) => e.number)} current={edition} />}

      <ReportDocument
        header={header}
        timeZone={user.timeZone}
        entries={entries}
        charts={charts}
        paging={shownArea === undefined ? null : { area: shownArea, href: (area: number) => `/reports/${periodNumber}?edition=${edition}&area=${area}` }}
      />
    </>
  );
}
