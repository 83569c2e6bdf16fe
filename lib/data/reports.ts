import "server-only";
import { getDb } from "@/lib/db";
import { DEFAULT_DASHBOARD_QUERY, getDashboard } from "@/lib/data/dashboard";
import type { Actor } from "@/lib/domain/permissions";
import {
  REPORT_SCHEMA_VERSION,
  REPORT_TITLE,
  canViewEdition,
  canViewReportDraft,
  editionState,
  isSignedOff,
  missingSignatories,
  reportFigures,
  type ReportEntry,
  type ReportHeader,
  type ReportSignOffInfo,
  type ReportSnapshot,
  type ReportSource,
  type ReportState,
} from "@/lib/domain/report";
import { compareReports, type EntryDifference } from "@/lib/domain/report-compare";
import { proposalCode, type ImplementationStatus, type ProposalSet } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/prisma-client";
import { editionEntriesSql, entryPageSql, liveEntriesSql } from "./report-sql";
import { toEvidenceLinks } from "./status-update-dto";

// Reports are read in two ways that end in the same objects (lib/domain/report.ts): the draft from the
// live data (approved updates only), and a published edition from its frozen snapshot. Entries are read
// in pages of BATCH rows by keyset, so a file of any size streams with bounded memory.

const BATCH = 500;

type Db = Prisma.TransactionClient;
type PeriodRow = { id: string; number: number; name: string; startsOn: Date; cutOffOn: Date; dueOn: Date; state: string };

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

type EntryRow = {
  proposalNumber: number;
  proposalId: string;
  set: ProposalSet;
  areaNumber: number;
  areaName: string;
  title: string;
  description: string;
  edaInvolved: boolean;
  status: ReportEntry["history"][number];
  assessment: NonNullable<ReportEntry["update"]>["assessment"] | null;
  progress: number | null;
  narrative: string;
  nextSteps: string;
  evidenceLinks: unknown;
  highlight: boolean;
  authorName: string | null;
  organisationCode: string | null;
  approvedAt: Date | null;
  history: unknown;
};

function toEntry(row: EntryRow): ReportEntry {
  return {
    proposalId: row.proposalId,
    number: row.proposalNumber,
    code: proposalCode(row.proposalNumber),
    set: row.set,
    areaNumber: row.areaNumber,
    areaName: row.areaName,
    title: row.title,
    description: row.description,
    edaInvolved: row.edaInvolved,
    update:
      row.status && row.assessment
        ? {
            status: row.status,
            assessment: row.assessment,
            progress: row.progress ?? 0,
            narrative: row.narrative,
            nextSteps: row.nextSteps,
            evidenceLinks: toEvidenceLinks(row.evidenceLinks),
            highlight: row.highlight,
            authorName: row.authorName ?? "",
            organisationCode: row.organisationCode ?? "",
            approvedAt: row.approvedAt ? row.approvedAt.toISOString() : null,
          }
        : null,
    history: Array.isArray(row.history) ? (row.history as (ImplementationStatus | null)[]) : [],
  };
}

/** Every entry of `entries` once, in the order asked, one page at a time. */
function pagedEntries(entries: Prisma.Sql): ReportSource["entries"] {
  return async function* (order) {
    let after: { areaNumber: number; number: number } | null = null;
    for (;;) {
      const rows: EntryRow[] = await getDb().$queryRaw<EntryRow[]>`${entryPageSql(entries, order, after, BATCH)}`;
      for (const row of rows) yield toEntry(row);
      if (rows.length < BATCH) return;
      const last: EntryRow = rows[rows.length - 1]!;
      after = { areaNumber: last.areaNumber, number: last.proposalNumber };
    }
  };
}

/**
 * Everything of a report's header that an edition freezes, from the live data: the dashboard's numbers
 * for approved updates (the same code as the dashboard), the catalogue's shape and the highlights. The
 * sets, the areas and the highlights are read from the entries themselves (liveEntriesSql), so they use
 * the same wording and the same proposals as the entries. The dashboard's figures count proposals under
 * their current area (as "StatusCount" does); they differ from the entries' areas only for a proposal
 * moved to another area after the period's cut-off.
 */
export async function buildSnapshot(db: Db, period: PeriodRow, now: Date): Promise<ReportSnapshot> {
  const entries = liveEntriesSql(period);
  const [dashboard, sets, areas, annexPeriods, highlights] = await Promise.all([
    getDashboard(period.id, DEFAULT_DASHBOARD_QUERY, now, db),
    db.$queryRaw<{ set: ProposalSet; count: number }[]>`SELECT e.set::text AS set, count(*)::int AS count FROM ${entries} e GROUP BY e.set`,
    db.$queryRaw<{ number: number; name: string; proposals: number }[]>`
      SELECT e."areaNumber" AS number, e."areaName" AS name, count(*)::int AS proposals FROM ${entries} e
      GROUP BY e."areaNumber", e."areaName" ORDER BY e."areaNumber"`,
    db.reportingPeriod.findMany({ where: { number: { lte: period.number } }, select: { number: true, name: true }, orderBy: { number: "asc" } }),
    db.$queryRaw<{ number: number; title: string; areaNumber: number; areaName: string; narrative: string }[]>`
      SELECT e."proposalNumber" AS number, e.title, e."areaNumber", e."areaName", e.narrative
      FROM ${entries} e WHERE e.highlight
      ORDER BY e."areaNumber", e."proposalNumber"`,
  ]);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    period: {
      id: period.id,
      number: period.number,
      name: period.name,
      startsOn: isoDate(period.startsOn),
      cutOffOn: isoDate(period.cutOffOn),
      dueOn: isoDate(period.dueOn),
    },
    figures: reportFigures(dashboard, period.number, Object.fromEntries(sets.map((s) => [s.set, s.count]))),
    areas,
    annexPeriods,
    highlights: highlights.map((h) => ({ ...h, code: proposalCode(h.number) })),
  };
}

const periodSelect = { id: true, number: true, name: true, startsOn: true, cutOffOn: true, dueOn: true, state: true } as const;

export async function findPeriodByNumber(number: number): Promise<PeriodRow | null> {
  return getDb().reportingPeriod.findUnique({ where: { number }, select: periodSelect });
}

/** The live report of a period (approved updates only): always a draft. */
export async function getDraftReport(period: PeriodRow, now = new Date()): Promise<ReportSource> {
  const snapshot = await buildSnapshot(getDb(), period, now);
  const header: ReportHeader = {
    ...snapshot,
    title: REPORT_TITLE,
    edition: null,
    state: "draft",
    signOffs: [],
    missingSignOffs: missingSignatories([]),
    asOf: now.toISOString(),
  };
  return { header, entries: pagedEntries(liveEntriesSql(period)) };
}

const editionSelect = {
  id: true,
  number: true,
  publishedAt: true,
  changeNote: true,
  contentHash: true,
  summary: true,
  publishedByName: true,
  // Names and codes as they were at the time (never joined live): an edition's files never change.
  signOffs: { select: { signedAt: true, organisationCode: true, userName: true }, orderBy: { signedAt: "asc" } },
} as const;

function toSignOffs(rows: { signedAt: Date; organisationCode: string; userName: string }[]): ReportSignOffInfo[] {
  return rows.map((s) => ({ organisationCode: s.organisationCode, userName: s.userName, signedAt: s.signedAt.toISOString() }));
}

/** The snapshot as stored; an edition written by a later, incompatible version is refused loudly. */
function toSnapshot(value: unknown): ReportSnapshot {
  const snapshot = value as ReportSnapshot;
  if (snapshot?.schemaVersion !== REPORT_SCHEMA_VERSION) throw new Error(`Unsupported report snapshot version ${String(snapshot?.schemaVersion)}`);
  return snapshot;
}

/** A published edition of a period, read from its frozen snapshot; null when there is no such edition. */
export async function getEditionReport(periodId: string, editionNumber: number): Promise<ReportSource | null> {
  const db = getDb();
  const [edition, latest] = await Promise.all([
    db.reportEdition.findUnique({ where: { periodId_number: { periodId, number: editionNumber } }, select: editionSelect }),
    db.reportEdition.findFirst({ where: { periodId }, select: { number: true }, orderBy: { number: "desc" } }),
  ]);
  if (!edition) return null;
  const signOffs = toSignOffs(edition.signOffs);
  const signedBy = signOffs.map((s) => s.organisationCode);
  const supersededBy = latest && latest.number > edition.number ? latest.number : null;
  const header: ReportHeader = {
    ...toSnapshot(edition.summary),
    title: REPORT_TITLE,
    edition: {
      number: edition.number,
      publishedAt: edition.publishedAt.toISOString(),
      publishedBy: edition.publishedByName,
      changeNote: edition.changeNote,
      contentHash: edition.contentHash,
      supersededBy,
    },
    state: editionState(signedBy, supersededBy !== null),
    signOffs,
    missingSignOffs: missingSignatories(signedBy),
    asOf: edition.publishedAt.toISOString(),
  };
  return { header, entries: pagedEntries(editionEntriesSql(edition.id)) };
}

export type EditionSummary = {
  number: number;
  publishedAt: Date;
  publishedBy: string;
  changeNote: string;
  state: ReportState;
  /** Both organisations signed it (it may have been superseded since). */
  signedOff: boolean;
  signOffs: ReportSignOffInfo[];
};

export type PeriodReports = {
  period: { id: string; number: number; name: string; state: string; startsOn: Date; cutOffOn: Date; dueOn: Date };
  /** Oldest first. */
  editions: EditionSummary[];
};

/** Every period (or the one numbered `periodNumber`), newest first, with its editions: two queries in all. */
export async function listPeriodReports(periodNumber?: number): Promise<PeriodReports[]> {
  const db = getDb();
  const [periods, editions] = await Promise.all([
    db.reportingPeriod.findMany({ where: { number: periodNumber }, select: periodSelect, orderBy: { number: "desc" } }),
    db.reportEdition.findMany({
      where: { period: { number: periodNumber } },
      select: { periodId: true, number: true, publishedAt: true, changeNote: true, publishedByName: true, signOffs: editionSelect.signOffs },
      orderBy: [{ periodId: "asc" }, { number: "asc" }],
    }),
  ]);
  return periods.map((period) => {
    const own = editions.filter((e) => e.periodId === period.id);
    const latest = own[own.length - 1]?.number ?? 0;
    return {
      period,
      editions: own.map((e) => {
        const signOffs = toSignOffs(e.signOffs);
        const signedBy = signOffs.map((s) => s.organisationCode);
        return {
          number: e.number,
          publishedAt: e.publishedAt,
          publishedBy: e.publishedByName,
          changeNote: e.changeNote,
          state: editionState(signedBy, e.number < latest),
          signedOff: isSignedOff(signedBy),
          signOffs,
        };
      }),
    };
  });
}

/** The reports of one period (its editions), or null for an unknown period number. */
export async function getPeriodReports(periodNumber: number): Promise<PeriodReports | null> {
  return (await listPeriodReports(periodNumber))[0] ?? null;
}

/**
 * The report a user asked for: the draft (managers only) or an edition (managers, or anyone once both
 * organisations signed it). Anything the user may not see is NOT_FOUND, like a report that does not exist.
 */
export async function loadReport(actor: Actor, periodNumber: number, ref: "draft" | number, now = new Date()): Promise<ReportSource> {
  const notFound = () => new AppError("NOT_FOUND", "There is no such report.");
  const period = await findPeriodByNumber(periodNumber);
  if (!period) throw notFound();
  if (ref === "draft") {
    if (!canViewReportDraft(actor)) throw notFound();
    return getDraftReport(period, now);
  }
  const source = await getEditionReport(period.id, ref);
  if (!source || !canViewEdition(actor, { signedBy: source.header.signOffs.map((s) => s.organisationCode) })) throw notFound();
  return source;
}

/** Reads the entries of a report (or of one area) into memory: for the report page (files stream instead). */
export async function collectEntries(source: ReportSource, order: "area" | "number", areaNumber?: number): Promise<ReportEntry[]> {
  const entries: ReportEntry[] = [];
  for await (const entry of source.entries(order)) if (areaNumber === undefined || entry.areaNumber === areaNumber) entries.push(entry);
  return entries;
}

/** The proposals that differ between two versions of a period's report, each side visible to the actor. */
export async function compareReportVersions(actor: Actor, periodNumber: number, from: "draft" | number, to: "draft" | number): Promise<EntryDifference[]> {
  const now = new Date();
  const [before, after] = await Promise.all([loadReport(actor, periodNumber, from, now), loadReport(actor, periodNumber, to, now)]);
  const differences: EntryDifference[] = [];
  for await (const difference of compareReports(before.entries("number"), after.entries("number"))) differences.push(difference);
  return differences;
}
