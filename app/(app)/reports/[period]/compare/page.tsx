import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CompareForm } from "@/components/reports/compare-form";
import { TextDiff } from "@/components/ui/text-diff";
import { requirePageUser } from "@/lib/auth/session";
import { compareReportVersions, getPeriodReports } from "@/lib/data/reports";
import { canViewEdition, canViewReportDraft } from "@/lib/domain/report";
import { isAppError } from "@/lib/errors";
import { editionRefSchema, parsePeriodNumber, type EditionRef } from "@/lib/validation/reports";

export const metadata: Metadata = { title: "Compare report versions" };

type Props = { params: Promise<{ period: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const name = (ref: EditionRef) => (ref === "draft" ? "the draft (live data)" : `edition ${ref}`);

export default async function CompareReportsPage({ params, searchParams }: Props) {
  const [{ period: periodParam }, query] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(`/reports/${encodeURIComponent(periodParam)}/compare`);
  const periodNumber = parsePeriodNumber(periodParam);
  const reports = periodNumber === null ? null : await getPeriodReports(periodNumber);
  if (!reports || periodNumber === null) notFound();
  const editions = reports.editions.filter((e) => canViewEdition(user, { signedBy: e.signOffs.map((s) => s.organisationCode) })).map((e) => e.number);
  const from = editionRefSchema.safeParse(first(query.from));
  const to = editionRefSchema.safeParse(first(query.to));
  if (!from.success || !to.success) notFound();
  const differences = await compareReportVersions(user, periodNumber, from.data, to.data).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const csv = `/reports/${periodNumber}/compare/csv?from=${from.data}&to=${to.data}`;
  return (
    <>
      <p className="no-print">
        <Link href={`/reports/${periodNumber}?edition=${to.data}`}>← {reports.period.name}</Link>
      </p>
      <h1>
        {reports.period.name}: {name(from.data)} compared with {name(to.data)}
      </h1>
      <CompareForm periodNumber={periodNumber} editions={editions} current={from.data} showDraft={canViewReportDraft(user)} />
      <p data-testid="compare-count">
        {differences.length === 0 ? "No proposal differs." : `${differences.length} ${differences.length === 1 ? "proposal differs" : "proposals differ"}.`}{" "}
        <a href={csv} download>
          Download the comparison as CSV
        </a>
      </p>
      {differences.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="group" aria-label="Differences">
          <table data-testid="compare-table">
            <caption>
              What changed from {name(from.data)} to {name(to.data)}, by proposal
            </caption>
            <thead>
              <tr>
                <th scope="col">Proposal</th>
                <th scope="col">Field</th>
                <th scope="col">In {name(from.data)}</th>
                <th scope="col">In {name(to.data)}</th>
              </tr>
            </thead>
            <tbody>
              {differences.flatMap((d) =>
                d.fields.map((f, i) => (
                  <tr key={`${d.number}-${f.field}`}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={d.fields.length}>
                        {d.code} · {d.title}
                        <div className="muted">{d.areaName}</div>
                      </th>
                    )}
                    <th scope="row">{f.label}</th>
                    <td className="narrative">{f.before || <span className="muted">–</span>}</td>
                    <td className="narrative">{f.segments ? <TextDiff segments={f.segments} /> : f.after || <span className="muted">–</span>}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
