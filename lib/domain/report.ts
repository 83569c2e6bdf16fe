// The progress report as every view and file sees it: a header (period, edition, state, figures,
// charts' numbers, highlights) and its entries, one per proposal. A draft is built from the live data;
// a published edition is read back from its frozen snapshot. Every format (page, Word, PDF, Excel,
// JSON, CSV) renders the same ReportHeader and ReportEntry objects, so they can never disagree.
import type { AreaRow, Dashboard, HeatRow, OrganisationCoverage, PeriodInput, TrendRow } from "./dashboard";
import { formatDate } from "./format";
import { hasRole, type Actor } from "./permissions";
import type { EvidenceLink } from "./proposals";
import { PROPOSAL_SETS, SET_LABELS, type Assessment, type ImplementationStatus, type PeriodState, type ProposalSet } from "./vocabulary";

/** Bumped whenever the JSON shape of a report changes incompatibly (see lib/validation/report-json.ts). */
export const REPORT_SCHEMA_VERSION = 1;

export const REPORT_TITLE = "Progress report on the implementation of the common set of proposals endorsed by NATO and EU Councils";
export const REPORT_SHORT_TITLE = "NATO–EU progress report";

/** The report is joint: an edition is final once a manager of each of these organisations has signed it off. */
export const SIGNATORY_ORGANISATIONS = ["NATO", "EU"] as const;
export type SignatoryOrganisation = (typeof SIGNATORY_ORGANISATIONS)[number];

export type ReportState = "draft" | "awaiting_sign_off" | "final" | "superseded";

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  draft: "Draft",
  awaiting_sign_off: "Awaiting sign-off",
  final: "Final",
  superseded: "Superseded",
};

/** Calendar dates as YYYY-MM-DD (UTC). */
export type ReportPeriod = { id: string; number: number; name: string; startsOn: string; cutOffOn: string; dueOn: string };

export type ReportUpdate = {
  status: ImplementationStatus;
  assessment: Assessment;
  /** Integer percentage 0-100. */
  progress: number;
  narrative: string;
  nextSteps: string;
  evidenceLinks: EvidenceLink[];
  highlight: boolean;
  authorName: string;
  organisationCode: string;
  /** ISO timestamp (UTC) of the approval; null when unknown (approved before reviews were recorded). */
  approvedAt: string | null;
};

export type ReportEntry = {
  proposalId: string;
  number: number;
  /** "P07". */
  code: string;
  set: ProposalSet;
  areaNumber: number;
  areaName: string;
  title: string;
  description: string;
  edaInvolved: boolean;
  /** The approved update of the report's period, or null when there is none. */
  update: ReportUpdate | null;
  /** Approved status in each of the header's annexPeriods (oldest first); null where none was approved. */
  history: (ImplementationStatus | null)[];
};

export type ReportFigures = {
  totalProposals: number;
  bySet: { set: ProposalSet; label: string; count: number }[];
  /** Proposals with an approved update in the period, and the rest. */
  updatedCount: number;
  missingCount: number;
  coveragePercent: number;
  /** Approved updates assessed at risk or off track. */
  atRiskCount: number;
  statusCounts: Dashboard["statusCounts"];
  assessments: Dashboard["assessments"];
  byArea: AreaRow[];
  /** Periods up to and including the report's, oldest first. */
  trend: TrendRow[];
  heatMap: { periods: PeriodInput[]; rows: HeatRow[] };
  coverageByOrganisation: OrganisationCoverage[];
};

export type ReportHighlight = { number: number; code: string; title: string; areaNumber: number; areaName: string; narrative: string };

/** What an edition freezes besides its entries: everything of the header that does not change after publication. */
export type ReportSnapshot = {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  period: ReportPeriod;
  figures: ReportFigures;
  /** The areas that hold proposals, in number order, with how many. */
  areas: { number: number; name: string; proposals: number }[];
  /** The periods of the annex (status across periods), oldest first, up to the report's period. */
  annexPeriods: { number: number; name: string }[];
  /** Highlighted approved updates, in area then proposal order. */
  highlights: ReportHighlight[];
};

export type ReportSignOffInfo = { organisationCode: string; userName: string; signedAt: string };

export type ReportEditionInfo = {
  number: number;
  /** ISO timestamp (UTC). */
  publishedAt: string;
  publishedBy: string;
  changeNote: string;
  /** SHA-256 (hex) of the frozen snapshot. */
  contentHash: string;
  /** The number of the edition that replaced this one, if any. */
  supersededBy: number | null;
};

export type ReportHeader = ReportSnapshot & {
  title: string;
  /** null for the draft (live data). */
  edition: ReportEditionInfo | null;
  state: ReportState;
  signOffs: ReportSignOffInfo[];
  /** Signatory organisations that have not signed (always all of them for a draft). */
  missingSignOffs: SignatoryOrganisation[];
  /** ISO timestamp (UTC) the content is as of: the publication for an edition, the moment of reading for a draft. */
  asOf: string;
};

/** A report to render: its header, and its entries read in batches, as often as a format needs to pass over them. */
export type ReportSource = {
  header: ReportHeader;
  /** Every proposal once, by area then number ("area") or by number ("number"). */
  entries(order: "area" | "number"): AsyncIterable<ReportEntry>;
};

export const REPORT_FORMATS = ["docx", "pdf", "xlsx", "json", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = {
  docx: "Word",
  pdf: "PDF",
  xlsx: "Excel",
  json: "JSON",
  csv: "CSV",
};

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

/** "Draft" or "Edition 2". */
export function editionLabel(header: Pick<ReportHeader, "edition">): string {
  return header.edition ? `Edition ${header.edition.number}` : "Draft";
}

/** The line every page and file carries: "11th progress report · Draft" or "… · Edition 2 · Final". */
export function reportStamp(header: Pick<ReportHeader, "period" | "edition" | "state">): string {
  const parts = [header.period.name, editionLabel(header)];
  if (header.edition) parts.push(REPORT_STATE_LABELS[header.state]);
  return parts.join(" · ");
}

/** "nato-eu-progress-report-11-draft.docx", "nato-eu-progress-report-10-edition-2.pdf". */
export function reportFileName(header: Pick<ReportHeader, "period" | "edition">, format: ReportFormat): string {
  return `nato-eu-progress-report-${header.period.number}-${header.edition ? `edition-${header.edition.number}` : "draft"}.${format}`;
}

/** The stable download address of a report file. */
export function reportFileHref(periodNumber: number, edition: number | "draft", format: ReportFormat): string {
  return `/reports/${periodNumber}/${edition}.${format}`;
}

/** Parses the last segment of a download address, "draft.docx" or "2.pdf"; null when it is not one. */
export function parseReportFileName(name: string): { edition: number | "draft"; format: ReportFormat } | null {
  const match = /^(draft|[1-9]\d{0,5})\.([a-z]+)$/.exec(name);
  if (!match || !(REPORT_FORMATS as readonly string[]).includes(match[2]!)) return null;
  return { edition: match[1] === "draft" ? "draft" : Number(match[1]), format: match[2] as ReportFormat };
}

const counted = (n: number) => n.toLocaleString("en-GB");
const plural = (n: number, one: string, many: string) => `${counted(n)} ${n === 1 ? one : many}`;
const day = (iso: string) => formatDate(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

/**
 * The introduction's two paragraphs, in words: the same sentences on the page and in every document, so
 * that no format phrases (or counts) them its own way.
 */
export function reportIntroduction(header: Pick<ReportHeader, "period" | "figures">): [string, string] {
  const f = header.figures;
  const sets = f.bySet.map((s) => `${counted(s.count)} of the ${s.label}`).join(" and ");
  return [
    `This report covers the ${header.period.name}, from ${day(header.period.startsOn)} to ${day(header.period.cutOffOn)}. ` +
      `It follows the ${plural(f.totalProposals, "common proposal", "common proposals")} of NATO and the EU: ${sets}.`,
    `${counted(f.updatedCount)} of ${plural(f.totalProposals, "proposal", "proposals")} (${f.coveragePercent}%) ${f.updatedCount === 1 ? "has" : "have"} an approved update for this period; ` +
      `${counted(f.missingCount)} ${f.missingCount === 1 ? "has" : "have"} none. ` +
      `${plural(f.atRiskCount, "approved update is", "approved updates are")} assessed at risk or off track.`,
  ];
}

/** Keeps the periods up to the report's (the trend and heat map of a report never look ahead). */
export function reportFigures(dashboard: Dashboard, periodNumber: number, bySet: Partial<Record<ProposalSet, number>>): ReportFigures {
  const keep = new Set(dashboard.trend.filter((row) => row.number <= periodNumber).map((row) => row.periodId));
  const columns = dashboard.heatMap.periods.map((p) => keep.has(p.id));
  return {
    totalProposals: dashboard.totalProposals,
    bySet: PROPOSAL_SETS.map((set) => ({ set, label: SET_LABELS[set], count: bySet[set] ?? 0 })),
    updatedCount: dashboard.updatedCount,
    missingCount: dashboard.missingCount,
    coveragePercent: dashboard.coveragePercent,
    atRiskCount: dashboard.atRiskCount,
    statusCounts: dashboard.statusCounts,
    assessments: dashboard.assessments,
    byArea: dashboard.byArea.filter((row) => row.total > 0),
    trend: dashboard.trend.filter((row) => keep.has(row.periodId)),
    heatMap: {
      periods: dashboard.heatMap.periods.filter((p) => keep.has(p.id)),
      rows: dashboard.heatMap.rows
        .filter((row) => row.cells.some((c) => c.total > 0))
        .map((row) => ({ ...row, cells: row.cells.filter((_, i) => columns[i]) })),
    },
    coverageByOrganisation: dashboard.coverageByOrganisation,
  };
}

/** The state of an edition from its sign-offs and whether a later edition replaced it. */
export function editionState(signedBy: readonly string[], superseded: boolean): ReportState {
  if (superseded) return "superseded";
  return missingSignatories(signedBy).length === 0 ? "final" : "awaiting_sign_off";
}

export function missingSignatories(signedBy: readonly string[]): SignatoryOrganisation[] {
  return SIGNATORY_ORGANISATIONS.filter((code) => !signedBy.includes(code));
}

/** Whether every signatory organisation signed (a superseded edition may have been final before). */
export function isSignedOff(signedBy: readonly string[]): boolean {
  return missingSignatories(signedBy).length === 0;
}

// Who may do what with reports. Managers (and admins) run the report: they see drafts and editions
// awaiting sign-off, mark highlights, publish and sign off. Every signed-in role reads the editions that
// both organisations signed off, and downloads them.

export function canManageReports(actor: Actor): boolean {
  return hasRole(actor, "MANAGER");
}

export function canViewReportDraft(actor: Actor): boolean {
  return canManageReports(actor);
}

export function canViewEdition(actor: Actor, edition: { signedBy: readonly string[] }): boolean {
  return canManageReports(actor) || isSignedOff(edition.signedBy);
}

export type SignOffDecision = { kind: "sign" } | { kind: "already"; message: string } | { kind: "refused"; message: string; code: "FORBIDDEN" | "CONFLICT" };

/**
 * Whether the actor's sign-off counts. One manager per organisation: a second sign-off by the same
 * organisation (the same person or a colleague) does nothing; only the latest edition can be signed.
 */
export function signOffDecision(
  actor: Actor & { organisationCode: string },
  edition: { number: number; supersededBy: number | null; signOffs: readonly ReportSignOffInfo[] },
): SignOffDecision {
  if (!canManageReports(actor)) return { kind: "refused", code: "FORBIDDEN", message: "Only managers sign off reports." };
  if (!(SIGNATORY_ORGANISATIONS as readonly string[]).includes(actor.organisationCode)) {
    return { kind: "refused", code: "FORBIDDEN", message: `Only managers of ${SIGNATORY_ORGANISATIONS.join(" and ")} sign off the joint report.` };
  }
  if (edition.supersededBy !== null) {
    return {
      kind: "refused",
      code: "CONFLICT",
      message: `Edition ${edition.number} was replaced by edition ${edition.supersededBy}: sign off the latest edition.`,
    };
  }
  const existing = edition.signOffs.find((s) => s.organisationCode === actor.organisationCode);
  if (existing) return { kind: "already", message: `${actor.organisationCode} has already signed off edition ${edition.number} (${existing.userName}).` };
  return { kind: "sign" };
}

/** Editions are published from a settled period (locked after its cut-off, or closed); a correction says why. */
export function publishBlocker(
  period: { state: PeriodState; name: string },
  previousEditions: number,
  changeNote: string,
): { message: string; field?: "changeNote" } | null {
  if (period.state !== "LOCKED" && period.state !== "CLOSED") {
    return { message: `Lock the ${period.name} before publishing: an edition is taken from a locked period.` };
  }
  if (previousEditions > 0 && changeNote.trim().length === 0) {
    return { message: "Say what this edition corrects: a corrected edition needs a change note.", field: "changeNote" };
  }
  return null;
}

/** JSON with object keys sorted at every level: the same value always gives the same text (for hashing). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Highlights are chosen among approved updates while the period is still reviewed (open or locked). */
export function highlightBlocker(period: { state: PeriodState; name: string }, workflowState: string | null): string | null {
  if (period.state !== "OPEN" && period.state !== "LOCKED") return `The ${period.name} is ${period.state.toLowerCase()}: its highlights can no longer change.`;
  if (workflowState !== "APPROVED") return "Only an approved update can be a highlight.";
  return null;
}

/** Groups entries that arrive in area order into one section per area, as they stream past. */
export async function* areaSections(entries: AsyncIterable<ReportEntry>): AsyncGenerator<{ areaNumber: number; areaName: string; entries: ReportEntry[] }> {
  let current: { areaNumber: number; areaName: string; entries: ReportEntry[] } | null = null;
  for await (const entry of entries) {
    if (!current || current.areaNumber !== entry.areaNumber) {
      if (current) yield current;
      current = { areaNumber: entry.areaNumber, areaName: entry.areaName, entries: [] };
    }
    current.entries.push(entry);
  }
  if (current) yield current;
}
