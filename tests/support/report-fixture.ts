// An in-memory report for the unit tests of the file renderers and charts (lib/export, lib/charts): a
// full-size catalogue (74 proposals by default, or any number) with awkward text on purpose: accents,
// Greek and Cyrillic, right-to-left marks, formula-like cells, very long narratives, empty updates.
// Its figures come from the same domain functions the app uses (buildDashboard, reportFigures).
// Also what the renderers' streaming and EXPORT_BIG tests share: a source that counts what is read
// (trackReads) and a time and peak-RSS measure of one render (measureRender).
import { buildDashboard, type GroupedCount, type PeriodAreaCount } from "@/lib/domain/dashboard";
import {
  REPORT_SCHEMA_VERSION,
  REPORT_TITLE,
  editionState,
  missingSignatories,
  reportFigures,
  type ReportEntry,
  type ReportHeader,
  type ReportSignOffInfo,
  type ReportSource,
} from "@/lib/domain/report";
import { ASSESSMENTS, IMPLEMENTATION_STATUSES, proposalCode, type ImplementationStatus } from "@/lib/domain/vocabulary";

export const FIXTURE_AREAS = [
  "Countering hybrid threats",
  "Operational cooperation including maritime issues",
  "Cyber security and defence",
  "Defence capabilities",
  "Defence industry and research",
  "Exercises",
  "Defence and security capacity-building",
  "Counter-terrorism",
  "Women, peace and security",
  "Military mobility",
  "Political dialogue",
].map((name, i) => ({ id: `area-${i + 1}`, number: i + 1, name }));

const AWKWARD = [
  "Staff talks continued in Brussels and Mons; the Hybrid CoE in Helsinki hosted two workshops.",
  '=HYPERLINK("http://evil.example","click") must stay text; so must +1, -2 and @SUM(A1).',
  "Coopération renforcée : réunions PSC–NAC, « échanges » réguliers. Ελληνικά και кириллица.",
  "Line one.\nLine two after a line break.\n\nA new paragraph with a tab\there.",
  "Right-to-left mark \u200f and an ampersand & <angle brackets> \"quotes\" 'apostrophes'.",
];

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

export type FixtureOptions = {
  proposals?: number;
  periods?: number;
  /** null for a draft. */
  edition?: { number: number; signedBy: string[]; supersededBy?: number | null; changeNote?: string } | null;
};

function statusOf(number: number, period: number): ImplementationStatus | null {
  if ((number * 7 + period * 3) % 11 === 0) return null;
  return IMPLEMENTATION_STATUSES[(number + period) % IMPLEMENTATION_STATUSES.length]!;
}

/** The fixture's entries, by area then number. */
export function fixtureEntries(options: FixtureOptions = {}): ReportEntry[] {
  const count = options.proposals ?? 74;
  const periods = options.periods ?? 11;
  const entries: ReportEntry[] = [];
  for (let number = 1; number <= count; number++) {
    const area = FIXTURE_AREAS[(number * 5) % FIXTURE_AREAS.length]!;
    const status = statusOf(number, periods);
    const long = number % 13 === 0 ? " " + "This narrative is long on purpose, to run over pages. ".repeat(60) : "";
    entries.push({
      proposalId: `p${number}`,
      number,
      code: proposalCode(number),
      set: number <= Math.round((count * 42) / 74) ? "SET_2016" : "SET_2017",
      areaNumber: area.number,
      areaName: area.name,
      title: `${number % 9 === 0 ? "Cyber-défense : " : ""}Common proposal number ${number} on ${area.name.toLowerCase()}`,
      description: `What proposal ${number} commits both organisations to do.`,
      edaInvolved: number % 5 === 0,
      update: status
        ? {
            status,
            assessment: ASSESSMENTS[number % ASSESSMENTS.length]!,
            progress: (number * 13) % 101,
            narrative: AWKWARD[number % AWKWARD.length]! + long,
            nextSteps: number % 3 === 0 ? "" : `Next: meet again in spring (${proposalCode(number)}).`,
            evidenceLinks: number % 4 === 0 ? [{ label: "Joint statement", url: `https://www.nato.int/cps/en/natohq/official_texts_${number}.htm` }] : [],
            highlight: number % 10 === 1,
            authorName: number % 2 ? "Anna Müller" : "Jean-Luc Dubois",
            organisationCode: number % 2 ? "EU" : "NATO",
            approvedAt: `2026-0${1 + (number % 5)}-1${number % 10}T09:30:00.000Z`,
          }
        : null,
      history: Array.from({ length: periods }, (_, p) => (p === periods - 1 ? status : statusOf(number, p + 1))),
    });
  }
  return entries.sort((a, b) => a.areaNumber - b.areaNumber || a.number - b.number);
}

export function fixtureHeader(entries: readonly ReportEntry[], options: FixtureOptions = {}): ReportHeader {
  const periodCount = options.periods ?? 11;
  const periods = Array.from({ length: periodCount }, (_, i) => ({
    id: `report-${i + 1}`,
    number: i + 1,
    name: `${ordinal(i + 1)} progress report`,
  }));
  const areaOf = new Map(FIXTURE_AREAS.map((a) => [a.number, a.id]));
  const current: GroupedCount[] = [];
  const history: PeriodAreaCount[] = [];
  for (const entry of entries) {
    const areaId = areaOf.get(entry.areaNumber)!;
    if (entry.update) current.push({ areaId, status: entry.update.status, assessment: entry.update.assessment, count: 1 });
    entry.history.forEach((status, p) => {
      if (status) history.push({ periodId: periods[p]!.id, areaId, status, count: 1, progressSum: (entry.number * (p + 1)) % 101 });
    });
  }
  const scope = FIXTURE_AREAS.map((a) => ({ areaId: a.id, count: entries.filter((e) => e.areaNumber === a.number).length }));
  const period = periods[periodCount - 1]!;
  const dashboard = buildDashboard({
    areas: FIXTURE_AREAS,
    periods,
    periodId: period.id,
    scopeByArea: scope,
    scopeByPeriod: periods.flatMap((p) => scope.map((s) => ({ ...s, periodId: p.id }))),
    assessmentFiltered: false,
    current,
    history,
    organisations: [
      { code: "EU", name: "European Union", followed: entries.length, reported: current.length },
      { code: "NATO", name: "NATO International Staff", followed: entries.length - 3, reported: current.length - 2 },
    ],
    overdue: null,
  });
  const bySet = { SET_2016: entries.filter((e) => e.set === "SET_2016").length, SET_2017: entries.filter((e) => e.set === "SET_2017").length };
  const edition = options.edition ?? null;
  const signOffs: ReportSignOffInfo[] = (edition?.signedBy ?? []).map((code) => ({
    organisationCode: code,
    userName: code === "NATO" ? "Nora NATO-Manager" : "Élodie EU-Manager",
    signedAt: "2026-06-10T10:00:00.000Z",
  }));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    title: REPORT_TITLE,
    period: { id: period.id, number: period.number, name: period.name, startsOn: "2025-06-01", cutOffOn: "2026-05-31", dueOn: "2026-06-15" },
    figures: reportFigures(dashboard, period.number, bySet),
    areas: FIXTURE_AREAS.map((a) => ({ number: a.number, name: a.name, proposals: entries.filter((e) => e.areaNumber === a.number).length })).filter(
      (a) => a.proposals > 0,
    ),
    annexPeriods: periods.map((p) => ({ number: p.number, name: p.name })),
    highlights: entries
      .filter((e) => e.update?.highlight)
      .map((e) => ({ number: e.number, code: e.code, title: e.title, areaNumber: e.areaNumber, areaName: e.areaName, narrative: e.update!.narrative })),
    edition: edition
      ? {
          number: edition.number,
          publishedAt: "2026-06-09T16:45:00.000Z",
          publishedBy: "Nora NATO-Manager",
          changeNote: edition.changeNote ?? "",
          contentHash: "0".repeat(64),
          supersededBy: edition.supersededBy ?? null,
        }
      : null,
    state: edition ? editionState(edition.signedBy, edition.supersededBy != null) : "draft",
    signOffs,
    missingSignOffs: missingSignatories(edition?.signedBy ?? []),
    asOf: edition ? "2026-06-09T16:45:00.000Z" : "2026-12-02T08:00:00.000Z",
  };
}

/** A ReportSource over the fixture: entries by area or by number, a fresh pass each time, in batches of 50. */
export function fixtureReport(options: FixtureOptions = {}): ReportSource {
  const byArea = fixtureEntries(options);
  const byNumber = [...byArea].sort((a, b) => a.number - b.number);
  return {
    header: fixtureHeader(byArea, options),
    async *entries(order) {
      const list = order === "area" ? byArea : byNumber;
      for (let i = 0; i < list.length; i += 50) {
        await Promise.resolve();
        yield* list.slice(i, i + 50);
      }
    },
  };
}

/** Entries a renderer has pulled so far, and whether its pass over them has ended (finished or cancelled). */
export type ReadStats = { read: number; closed: boolean };

/**
 * The same report, counting the entries read: the proof that bytes flow before every entry is read and
 * that cancelling a download stops the reading (the generator's `finally` runs when the renderer lets go).
 * `stats` is updated in place while the renderer reads.
 */
export function trackReads(report: ReportSource): { source: ReportSource; stats: ReadStats } {
  const stats: ReadStats = { read: 0, closed: false };
  const source: ReportSource = {
    header: report.header,
    async *entries(order) {
      try {
        for await (const entry of report.entries(order)) {
          stats.read += 1;
          yield entry;
        }
      } finally {
        stats.closed = true;
      }
    },
  };
  return { source, stats };
}

/** Time in ms (unrounded), bytes written, RSS in MB before and at its peak, and all of it as one log line. */
export type RenderMeasure = { ms: number; bytes: number; rssBeforeMb: number; peakRssMb: number; summary: string };

const megabytes = (n: number) => Math.round(n / 2 ** 20);

/**
 * Times `render` (which resolves to the number of bytes it wrote) and samples the process's RSS every 10 ms
 * meanwhile, for the EXPORT_BIG runs; `sinceStart` gives the ms elapsed, e.g. for a time to the first byte.
 */
export async function measureRender(render: (sinceStart: () => number) => Promise<number>): Promise<RenderMeasure> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  const sinceStart = () => performance.now() - started;
  try {
    const bytes = await render(sinceStart);
    const ms = sinceStart();
    const [rssBeforeMb, peakRssMb] = [megabytes(before), megabytes(peak)];
    return { ms, bytes, rssBeforeMb, peakRssMb, summary: `${Math.round(ms)} ms, ${megabytes(bytes)} MB, RSS ${rssBeforeMb} -> peak ${peakRssMb} MB` };
  } finally {
    clearInterval(timer);
  }
}
