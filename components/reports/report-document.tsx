import { AssessmentBadge, StatusBadge } from "@/components/ui/badges";
import { EvidenceLinks } from "@/components/proposals/evidence-links";
import { CountShareTable } from "@/components/ui/count-share-table";
import { shortPeriodName, type ChartSpec } from "@/lib/domain/charts";
import { STATUS_KEYS, statusKeyLabel } from "@/lib/domain/dashboard";
import { formatDate, formatDateTime } from "@/lib/domain/format";
import { REPORT_STATE_LABELS, editionLabel, reportIntroduction, reportStamp, type ReportEntry, type ReportHeader } from "@/lib/domain/report";
import { STATUS_LABELS } from "@/lib/domain/vocabulary";
import { ChartFigure } from "./chart-figure";

// The report as a page: the same header and entries every file is made from, in the order of the
// joint report (introduction, highlights, one section per area, charts, annex). Printable on A4.

const day = (iso: string) => formatDate(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

type Props = {
  header: ReportHeader;
  /** By area then number. */
  entries: ReportEntry[];
  charts: { spec: ChartSpec; svg: string; hrefs: { svg: string; png: string } }[];
  /** For a very large catalogue: the one area shown (entries holds only its proposals) and the address of each area. */
  paging: { area: number; href: (area: number) => string } | null;
  /** The reader's: the publication (or "as of") time is shown in it; the files keep UTC. */
  timeZone: string;
};

export function ReportDocument({ header, entries, charts, paging, timeZone }: Props) {
  const areas = paging ? header.areas.filter((a) => a.number === paging.area) : header.areas;
  const sections = areas.map((area) => ({ ...area, entries: entries.filter((e) => e.areaNumber === area.number) }));
  return (
    <article className="report" aria-labelledby="report-title" data-state={header.state}>
      {header.state === "draft" && (
        <p className="report__draft-mark" aria-hidden="true">
          Draft
        </p>
      )}
      <header className="report__title-page">
        <p className="report__stamp">{reportStamp(header)}</p>
        <h2 id="report-title">{header.title}</h2>
        <p>
          {header.period.name}: {day(header.period.startsOn)} to {day(header.period.cutOffOn)}. {editionLabel(header)},{" "}
          {header.edition
            ? `published ${formatDateTime(new Date(header.edition.publishedAt), timeZone)} by ${header.edition.publishedBy}`
            : `as of ${formatDateTime(new Date(header.asOf), timeZone)}`}
          . State: <strong>{REPORT_STATE_LABELS[header.state]}</strong>.
        </p>
        {header.edition?.changeNote && (
          <p>
            <strong>What this edition corrects:</strong> {header.edition.changeNote}
          </p>
        )}
      </header>
      <Introduction header={header} />
      <Highlights header={header} />
      {paging && <AreaIndex header={header} paging={paging} />}
      {sections.map((section) => (
        <AreaSection key={section.number} header={header} area={section} />
      ))}
      <section className="report__section" aria-labelledby="report-charts">
        <h3 id="report-charts">Charts</h3>
        {charts.map((chart) => (
          <ChartFigure key={chart.spec.id} {...chart} />
        ))}
      </section>
      {paging ? (
        <section className="report__section" aria-labelledby="report-annex">
          <h3 id="report-annex">Annex: status of every proposal across all periods</h3>
          <p>
            With {header.figures.totalProposals} proposals the annex is too long for one page: it is in the Word, PDF and Excel files (sheet &quot;Status across
            periods&quot;).
          </p>
        </section>
      ) : (
        <Annex header={header} entries={entries} />
      )}
    </article>
  );
}

function AreaIndex({ header, paging }: { header: ReportHeader; paging: NonNullable<Props["paging"]> }) {
  return (
    <nav className="report__section no-print" aria-label="Areas of the report">
      <h3>Areas</h3>
      <p>This report has {header.figures.totalProposals} proposals: the page shows one area at a time; the files hold them all.</p>
      <ul className="plain-list">
        {header.areas.map((a) => (
          <li key={a.number}>
            <a href={paging.href(a.number)} aria-current={a.number === paging.area ? "page" : undefined}>
              Area {a.number}: {a.name}
            </a>{" "}
            <span className="muted">({a.proposals} proposals)</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Introduction({ header }: { header: ReportHeader }) {
  const f = header.figures;
  return (
    <section className="report__section" aria-labelledby="report-introduction">
      <h3 id="report-introduction">Introduction</h3>
      <div data-testid="report-intro">
        {reportIntroduction(header).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
      <div className="grid grid--two">
        <div className="table-wrap" tabIndex={0} role="group" aria-label="Proposals by implementation status">
          <CountShareTable
            caption="Proposals by implementation status"
            header="Status"
            testId="report-status-counts"
            rows={f.statusCounts.map((s) => ({ key: s.status, label: s.label, count: s.count, share: s.share }))}
          />
        </div>
        <div className="table-wrap" tabIndex={0} role="group" aria-label="Approved updates by assessment">
          <CountShareTable
            caption="Approved updates by assessment"
            header="Assessment"
            testId="report-assessment-counts"
            rows={f.assessments.map((a) => ({ key: a.assessment, label: a.label, count: a.count, share: a.share }))}
          />
        </div>
      </div>
    </section>
  );
}

function Highlights({ header }: { header: ReportHeader }) {
  return (
    <section className="report__section" aria-labelledby="report-highlights">
      <h3 id="report-highlights">Highlights</h3>
      {header.highlights.length === 0 ? (
        <p className="muted">No update was marked as a highlight for this period.</p>
      ) : (
        <ul className="report__highlights">
          {header.highlights.map((h) => (
            <li key={h.number}>
              <strong>
                {h.code} · {h.title}
              </strong>{" "}
              <span className="muted">({h.areaName})</span>
              <p className="narrative">{h.narrative}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AreaSection({ header, area }: { header: ReportHeader; area: { number: number; name: string; entries: ReportEntry[] } }) {
  const row = header.figures.byArea.find((r) => r.number === area.number);
  const titleId = `report-area-${area.number}`;
  return (
    <section className="report__section report__area" aria-labelledby={titleId}>
      <h3 id={titleId}>
        Area {area.number}: {area.name}
      </h3>
      {row && (
        <div className="table-wrap" tabIndex={0} role="group" aria-label={`Status of the proposals in ${area.name}`}>
          <table className="report__table">
            <caption className="visually-hidden">Proposals of {area.name} by implementation status</caption>
            <thead>
              <tr>
                {STATUS_KEYS.map((key) => (
                  <th key={key} scope="col" className="num">
                    {statusKeyLabel(key)}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                {STATUS_KEYS.map((key) => (
                  <td key={key} className="num">
                    {row.counts[key]}
                  </td>
                ))}
                <td className="num">{row.total}</td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {area.entries.map((entry) => (
        <ReportEntryView key={entry.number} entry={entry} />
      ))}
    </section>
  );
}

function ReportEntryView({ entry }: { entry: ReportEntry }) {
  const u = entry.update;
  return (
    <div className="report__entry" data-testid={`report-entry-${entry.code}`}>
      <h4>
        {entry.code} · {entry.title}
      </h4>
      {u ? (
        <>
          <p className="meta">
            <StatusBadge status={u.status} /> <AssessmentBadge assessment={u.assessment} /> <span>Progress {u.progress}%</span>
            {u.highlight && <span className="badge badge--highlight">Highlight</span>}
          </p>
          <p className="narrative">{u.narrative}</p>
          {u.nextSteps && (
            <p className="narrative">
              <strong>Next steps:</strong> {u.nextSteps}
            </p>
          )}
          {u.evidenceLinks.length > 0 && <EvidenceLinks links={u.evidenceLinks} className="report__evidence" />}
        </>
      ) : (
        <p className="muted">No approved update for this period.</p>
      )}
    </div>
  );
}

function Annex({ header, entries }: { header: ReportHeader; entries: ReportEntry[] }) {
  const byNumber = [...entries].sort((a, b) => a.number - b.number);
  return (
    <section className="report__section report__annex" aria-labelledby="report-annex">
      <h3 id="report-annex">Annex: status of every proposal across all periods</h3>
      <div className="table-wrap" tabIndex={0} role="group" aria-labelledby="report-annex">
        <table className="report__table report__matrix" data-testid="report-annex-table">
          <caption className="visually-hidden">Approved implementation status of each proposal in each reporting period</caption>
          <thead>
            <tr>
              <th scope="col">Proposal</th>
              {header.annexPeriods.map((p) => (
                <th key={p.number} scope="col" title={p.name}>
                  {shortPeriodName(p.name, p.number)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {byNumber.map((entry) => (
              <tr key={entry.number}>
                <th scope="row" title={entry.title}>
                  {entry.code}
                </th>
                {entry.history.map((status, i) => (
                  <td key={i} className={`matrix__cell matrix__cell--${status ?? "NO_UPDATE"}`}>
                    {status ? STATUS_LABELS[status] : "–"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
