import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { CSV_BOM, PROPOSAL_CSV_HEADER, neutraliseFormula, proposalCsvRows, toCsv, toCsvRecord } from "@/lib/domain/csv";
import type { ReportEntry, ReportSource } from "@/lib/domain/report";
import { ASSESSMENT_LABELS, SET_LABELS, STATUS_LABELS } from "@/lib/domain/vocabulary";
import { fixtureReport, measureRender, trackReads, type FixtureOptions } from "@/tests/support/report-fixture";
import { REPORT_CSV_COLUMNS, renderReportCsv } from "./report-csv";
import { readAll } from "./stream";

const DRAFT: FixtureOptions = { edition: null };
const FINAL: FixtureOptions = { edition: { number: 2, signedBy: ["NATO", "EU"] } };

async function render(source: ReportSource): Promise<string> {
  return (await readAll(renderReportCsv({ source, charts: [] }))).toString("utf8");
}

async function entriesOf(source: ReportSource): Promise<ReportEntry[]> {
  const entries: ReportEntry[] = [];
  for await (const entry of source.entries("number")) entries.push(entry);
  return entries;
}

/** What a spreadsheet user reads in each column, from the fixture's own data. */
function expectedRow(entry: ReportEntry, report: { period: string; edition: string; state: string }): string[] {
  const u = entry.update;
  return [
    report.period,
    report.edition,
    report.state,
    entry.code,
    SET_LABELS[entry.set],
    entry.areaName,
    entry.title,
    u ? STATUS_LABELS[u.status] : "No update",
    u ? ASSESSMENT_LABELS[u.assessment] : "",
    u ? String(u.progress) : "",
    u ? (u.highlight ? "Yes" : "No") : "",
    u ? neutraliseFormula(u.narrative) : "",
    u?.nextSteps ?? "",
    u ? u.evidenceLinks.map((l) => `${l.label}: ${l.url}`).join("\n") : "",
    u?.authorName ?? "",
    u?.organisationCode ?? "",
    u?.approvedAt ?? "",
    ...entry.history.map((s) => (s ? STATUS_LABELS[s] : "")),
  ];
}

describe("renderReportCsv", () => {
  const source = fixtureReport(DRAFT);
  const rendered = render(source);

  test("is UTF-8 with a BOM and CRLF line ends", async () => {
    const csv = await rendered;
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    // Bare line feeds only inside quoted narratives: every record ends with CRLF.
    const records: string[][] = parse(csv, { bom: true, record_delimiter: "\r\n" });
    expect(records).toHaveLength(75);
  });

  test("has one header row, then one row per proposal in number order, equal to the fixture", async () => {
    const records: string[][] = parse(await rendered, { bom: true });
    const entries = await entriesOf(source);
    expect(records[0]).toEqual([...REPORT_CSV_COLUMNS, ...source.header.annexPeriods.map((p) => `Status: ${p.name}`)]);
    expect(records[0]!.slice(-2)).toEqual(["Status: 10th progress report", "Status: 11th progress report"]);
    expect(records).toHaveLength(entries.length + 1);
    expect(records.slice(1).map((r) => r[3])).toEqual(entries.map((e) => e.code));
    entries.forEach((entry, i) => {
      expect(records[i + 1]).toEqual(expectedRow(entry, { period: "11th progress report", edition: "Draft", state: "Draft" }));
    });
  });

  test("multi-line narratives survive and formula-like text is made inert with a leading quote", async () => {
    const records: string[][] = parse(await rendered, { bom: true });
    const narratives = records.slice(1).map((r) => r[11]!);
    expect(narratives).toContain("Line one.\nLine two after a line break.\n\nA new paragraph with a tab\there.");
    expect(narratives).toContain('\'=HYPERLINK("http://evil.example","click") must stay text; so must +1, -2 and @SUM(A1).');
    expect(narratives.filter((n) => /^[=+\-@\t\r]/.test(n))).toEqual([]);
    expect(narratives.some((n) => n.includes("кириллица") && n.includes("Ελληνικά"))).toBe(true);
  });

  test("names the edition and its state", async () => {
    const records: string[][] = parse(await render(fixtureReport(FINAL)), { bom: true });
    expect(records.slice(1).every((r) => r[1] === "Edition 2" && r[2] === "Final")).toBe(true);
    const awaiting: string[][] = parse(await render(fixtureReport({ edition: { number: 1, signedBy: [] } })), { bom: true });
    expect(awaiting[1]!.slice(1, 3)).toEqual(["Edition 1", "Awaiting sign-off"]);
  });

  test("two renders give the same bytes", async () => {
    expect(await render(fixtureReport(DRAFT))).toBe(await rendered);
  });

  test("bytes flow before every entry is read, and cancelling stops reading the entries", async () => {
    const { source, stats } = trackReads(fixtureReport({ ...DRAFT, proposals: 2000 }));
    const reader = renderReportCsv({ source, charts: [] }).getReader();
    await reader.read();
    await reader.read();
    expect(stats.read).toBeLessThan(2000);
    await reader.cancel();
    expect(stats.closed).toBe(true);
    expect(stats.read).toBeLessThan(2000);
  });
});

test("streaming record by record keeps the quoting rules of toCsv", () => {
  const rows = proposalCsvRows([], "Report 11", "approved").concat([["=1+1", 'say "hi"', "a,b", " leading", "line\nbreak", "", "plain", "-2", "Ελληνικά"]]);
  expect(CSV_BOM + rows.map(toCsvRecord).join("")).toBe(toCsv(rows));
  expect(rows[0]).toEqual([...PROPOSAL_CSV_HEADER]);
});

describe.skipIf(!process.env.EXPORT_BIG)("renderReportCsv at 7,400 proposals × 40 periods (EXPORT_BIG=1)", () => {
  test("measures time and peak RSS", { timeout: 120_000 }, async () => {
    const source = fixtureReport({ ...FINAL, proposals: 7400, periods: 40 });
    const measure = await measureRender(async () => (await readAll(renderReportCsv({ source, charts: [] }))).length);
    console.log(`csv 7400×40: ${measure.summary}`);
    expect(measure.bytes).toBeGreaterThan(0);
  });
});
