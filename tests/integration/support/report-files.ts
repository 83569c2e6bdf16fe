// Report files on the real database: render them exactly as the download route does, read each format
// back the way a reader (or another program) would, and work out what they must say straight from
// PostgreSQL with SQL of our own (never through lib/data), for a published edition or for the draft.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { extractText, getDocumentProxy } from "unpdf";
import { renderChartImages } from "@/lib/charts/render";
import { chartSpecs } from "@/lib/domain/charts";
import type { StatusKey } from "@/lib/domain/dashboard";
import { REPORT_FORMATS, type ReportFormat, type ReportSource, type ReportState } from "@/lib/domain/report";
import type { Assessment, ImplementationStatus, ProposalSet } from "@/lib/domain/vocabulary";
import { REPORT_RENDERERS, formatHasCharts } from "@/lib/export";
import { readAll } from "@/lib/export/stream";
import { Prisma, type PrismaClient } from "@/lib/prisma-client";
import { reportJsonSchema, type ReportJson } from "@/lib/validation/report-json";

// ---------------------------------------------------------------------------------------------------
// Rendering: the same calls as app/(app)/reports/[period]/[file]/route.ts

export type ReportFiles = Record<ReportFormat, Buffer>;

export async function renderFile(source: ReportSource, format: ReportFormat): Promise<Buffer> {
  const charts = formatHasCharts(format) ? renderChartImages(chartSpecs(source.header.figures, source.header.period.id)) : [];
  return readAll(REPORT_RENDERERS[format]({ source, charts }));
}

/** Every format of one report, one after another (each reads the entries again, as a download does). */
export async function renderFiles(source: ReportSource): Promise<ReportFiles> {
  const files = {} as ReportFiles;
  for (const format of REPORT_FORMATS) files[format] = await renderFile(source, format);
  return files;
}

// ---------------------------------------------------------------------------------------------------
// What PostgreSQL holds, by our own SQL

export type ExpectedProposal = {
  number: number;
  code: string;
  set: ProposalSet;
  title: string;
  areaNumber: number;
  areaName: string;
  status: ImplementationStatus | null;
  assessment: Assessment | null;
  progress: number | null;
  narrative: string;
  highlight: boolean;
  /** Approved status in each annex period, oldest first. */
  history: (ImplementationStatus | null)[];
};

export type ExpectedReport = {
  period: { number: number; name: string };
  /** null for the draft. */
  edition: { number: number; contentHash: string; publishedBy: string; signedBy: string[] } | null;
  state: ReportState;
  totalProposals: number;
  updatedCount: number;
  missingCount: number;
  coveragePercent: number;
  atRiskCount: number;
  byStatus: Record<StatusKey, number>;
  byAssessment: Record<Assessment, number>;
  bySet: Record<ProposalSet, number>;
  byArea: { number: number; name: string; total: number; counts: Record<StatusKey, number> }[];
  annexPeriods: { number: number; name: string }[];
  /** In proposal number order. */
  proposals: ExpectedProposal[];
  /** Highlighted approved updates, in area then proposal order. */
  highlights: ExpectedProposal[];
};

/** A report's rows from an edition's frozen entries. */
function editionRows(editionId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT x."proposalNumber" AS number, x.set::text AS set, x.title, x."areaNumber", x."areaName",
           x.status::text AS status, x.assessment::text AS assessment, x.progress, x.narrative, x.highlight
    FROM "ReportEditionEntry" x WHERE x."editionId" = ${editionId}`;
}

/**
 * A report's rows from the live data: every proposal of the period (not retired before it began), its
 * wording as it stood at the end of the cut-off day (its latest ProposalVersion from before then, else
 * its first one; the area's name is today's), and its update of the period only if APPROVED.
 */
function liveRows(periodId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT p.number, w.set::text AS set, w.title, a.number AS "areaNumber", a.name AS "areaName",
           s.status::text AS status, s.assessment::text AS assessment, s.progress,
           coalesce(s.narrative, '') AS narrative, coalesce(s.highlight, false) AS highlight
    FROM "Proposal" p
    JOIN "ReportingPeriod" rp ON rp.id = ${periodId}
    CROSS JOIN LATERAL (
      SELECT x.set, x."areaId", x.title FROM (
        (SELECT 1 AS rank, v.set, v."areaId", v.title FROM "ProposalVersion" v
         WHERE v."proposalId" = p.id AND v."validFrom" < rp."cutOffOn" + interval '1 day' ORDER BY v.version DESC LIMIT 1)
        UNION ALL
        (SELECT 2, v.set, v."areaId", v.title FROM "ProposalVersion" v WHERE v."proposalId" = p.id ORDER BY v.version LIMIT 1)
        UNION ALL
        SELECT 3, p.set, p."areaId", p.title
      ) x ORDER BY x.rank LIMIT 1) w
    JOIN "Area" a ON a.id = w."areaId"
    LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = ${periodId} AND s."workflowState" = 'APPROVED'
    WHERE p."retiredAt" IS NULL OR p."retiredAt" > rp."startsOn"`;
}

type Row = Omit<ExpectedProposal, "code" | "history">;

async function expectedFrom(
  prisma: PrismaClient,
  rows: Prisma.Sql,
  history: Prisma.Sql,
  period: { number: number; name: string },
  edition: ExpectedReport["edition"],
  state: ReportState,
): Promise<ExpectedReport> {
  const [proposals, totals, byStatus, byAssessment, bySet, byArea, historyRows, annexPeriods] = await Promise.all([
    prisma.$queryRaw<(Row & { code: string })[]>`
      SELECT r.*, 'P' || lpad(r.number::text, 2, '0') AS code FROM (${rows}) r ORDER BY r.number`,
    prisma.$queryRaw<{ total: number; updated: number; atRisk: number; coverage: number }[]>`
      SELECT count(*)::int AS total, count(r.status)::int AS updated,
             count(*) FILTER (WHERE r.assessment IN ('AT_RISK', 'OFF_TRACK'))::int AS "atRisk",
             CASE WHEN count(*) = 0 THEN 0 ELSE round(100.0 * count(r.status) / count(*))::int END AS coverage
      FROM (${rows}) r`,
    prisma.$queryRaw<{ key: string; count: number }[]>`
      SELECT coalesce(r.status, 'NO_UPDATE') AS key, count(*)::int AS count FROM (${rows}) r GROUP BY 1`,
    prisma.$queryRaw<{ key: string; count: number }[]>`
      SELECT r.assessment AS key, count(*)::int AS count FROM (${rows}) r WHERE r.status IS NOT NULL GROUP BY 1`,
    prisma.$queryRaw<{ key: string; count: number }[]>`SELECT r.set AS key, count(*)::int AS count FROM (${rows}) r GROUP BY 1`,
    prisma.$queryRaw<{ number: number; name: string; key: string; count: number }[]>`
      SELECT r."areaNumber" AS number, r."areaName" AS name, coalesce(r.status, 'NO_UPDATE') AS key, count(*)::int AS count
      FROM (${rows}) r GROUP BY 1, 2, 3 ORDER BY 1`,
    prisma.$queryRaw<{ number: number; status: ImplementationStatus | null }[]>`${history}`,
    prisma.$queryRaw<{ number: number; name: string }[]>`
      SELECT number, name FROM "ReportingPeriod" WHERE number <= ${period.number} ORDER BY number`,
  ]);
  const statusKeys = (): Record<StatusKey, number> => ({ NOT_STARTED: 0, IN_PROGRESS: 0, ONGOING: 0, COMPLETED: 0, STALLED: 0, NO_UPDATE: 0 });
  const areas = new Map<number, ExpectedReport["byArea"][number]>();
  for (const row of byArea) {
    const area = areas.get(row.number) ?? { number: row.number, name: row.name, total: 0, counts: statusKeys() };
    area.counts[row.key as StatusKey] = row.count;
    area.total += row.count;
    areas.set(row.number, area);
  }
  const histories = new Map<number, (ImplementationStatus | null)[]>();
  for (const row of historyRows) histories.set(row.number, [...(histories.get(row.number) ?? []), row.status]);
  const withHistory = proposals.map((p) => ({ ...p, history: histories.get(p.number) ?? [] }));
  const { total, updated, atRisk, coverage } = totals[0]!;
  return {
    period,
    edition,
    state,
    totalProposals: total,
    updatedCount: updated,
    missingCount: total - updated,
    coveragePercent: coverage,
    atRiskCount: atRisk,
    byStatus: { ...statusKeys(), ...Object.fromEntries(byStatus.map((r) => [r.key, r.count])) },
    byAssessment: { ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, NOT_ASSESSED: 0, ...Object.fromEntries(byAssessment.map((r) => [r.key, r.count])) },
    bySet: { SET_2016: 0, SET_2017: 0, ...Object.fromEntries(bySet.map((r) => [r.key, r.count])) },
    byArea: [...areas.values()],
    annexPeriods,
    proposals: withHistory,
    highlights: withHistory.filter((p) => p.highlight && p.status !== null).sort((a, b) => a.areaNumber - b.areaNumber || a.number - b.number),
  };
}

/** What the draft of a period must say: the live approved updates, now. */
export async function expectedDraft(prisma: PrismaClient, periodNumber: number): Promise<ExpectedReport> {
  const period = await prisma.reportingPeriod.findUniqueOrThrow({ where: { number: periodNumber }, select: { id: true, number: true, name: true } });
  const history = Prisma.sql`
    SELECT p.number, s.status::text AS status
    FROM "Proposal" p
    CROSS JOIN "ReportingPeriod" rp
    LEFT JOIN "StatusUpdate" s ON s."proposalId" = p.id AND s."periodId" = rp.id AND s."workflowState" = 'APPROVED'
    WHERE rp.number <= ${period.number}
    ORDER BY p.number, rp.number`;
  return expectedFrom(prisma, liveRows(period.id), history, { number: period.number, name: period.name }, null, "draft");
}

/** What an edition's files must say: its frozen entries, its number and its sign-offs as stored. */
export async function expectedEdition(prisma: PrismaClient, periodNumber: number, editionNumber: number): Promise<ExpectedReport> {
  const [edition] = await prisma.$queryRaw<
    { id: string; number: number; contentHash: string; publishedBy: string; latest: number; signedBy: string[]; periodName: string }[]
  >`
    SELECT e.id, e.number, e."contentHash", u.name AS "publishedBy", rp.name AS "periodName",
           (SELECT max(o.number) FROM "ReportEdition" o WHERE o."periodId" = e."periodId") AS latest,
           array(SELECT org.code FROM "ReportSignOff" so JOIN "Organisation" org ON org.id = so."organisationId"
                 WHERE so."editionId" = e.id ORDER BY org.code) AS "signedBy"
    FROM "ReportEdition" e
    JOIN "ReportingPeriod" rp ON rp.id = e."periodId"
    JOIN "User" u ON u.id = e."publishedById"
    WHERE rp.number = ${periodNumber} AND e.number = ${editionNumber}`;
  if (!edition) throw new Error(`No edition ${editionNumber} of report ${periodNumber}`);
  const state: ReportState =
    edition.latest > edition.number ? "superseded" : edition.signedBy.includes("NATO") && edition.signedBy.includes("EU") ? "final" : "awaiting_sign_off";
  const history = Prisma.sql`
    SELECT x."proposalNumber" AS number, h.status
    FROM "ReportEditionEntry" x CROSS JOIN LATERAL jsonb_array_elements_text(x.history) WITH ORDINALITY AS h(status, position)
    WHERE x."editionId" = ${edition.id}
    ORDER BY x."proposalNumber", h.position`;
  return expectedFrom(
    prisma,
    editionRows(edition.id),
    history,
    { number: periodNumber, name: edition.periodName },
    { number: edition.number, contentHash: edition.contentHash, publishedBy: edition.publishedBy, signedBy: edition.signedBy },
    state,
  );
}

// ---------------------------------------------------------------------------------------------------
// Reading the files back (the approach of lib/export/*.test.ts)

/** Text compared with every run of whitespace as one space: PDF and Word lay lines out their own way. */
export function normalise(text: string): string {
  return text.replace(/[\s\u200e\u200f]+/g, " ").trim();
}

/** Text without any whitespace: PDF text extraction breaks lines (and sometimes words) where it wraps. */
export function squash(text: string): string {
  return text.replace(/[\s\u200e\u200f]+/g, "");
}

export function readCsv(bytes: Buffer): { header: string[]; rows: Record<string, string>[]; hasBom: boolean } {
  const records = parse(bytes.toString("utf8"), { bom: true }) as string[][];
  const [header, ...body] = records;
  return {
    header: header!,
    rows: body.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]!]))),
    hasBom: bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])),
  };
}

export function readJson(bytes: Buffer): ReportJson {
  return reportJsonSchema.parse(JSON.parse(bytes.toString("utf8")));
}

export async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A cell's value as text ("" when empty); numbers as their digits. */
export function cellString(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return JSON.stringify(value);
}

/** Every row of a sheet as texts, the first column first (empty cells as ""). */
export function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellString(row.getCell(c).value));
    rows[number - 1] = cells;
  });
  return Array.from(rows, (row) => row ?? []);
}

export type DocxBlock = { kind: "paragraph"; style: string | null; text: string } | { kind: "table"; rows: string[][] };
export type DocxRead = { parts: Record<string, string>; blocks: DocxBlock[] };

const XML_ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };
const unescapeXml = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (e) => XML_ENTITIES[e]!);

/** A paragraph's text as Word shows it: its w:t runs, w:br as a line break and w:tab as a tab. */
function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
    .map((t) => (t[0] === "<w:br/>" ? "\n" : t[0] === "<w:tab/>" ? "\t" : unescapeXml(t[1]!)))
    .join("");
}

/** The body of word/document.xml as the sequence of its paragraphs and tables (cells as their text). */
export function readDocx(bytes: Buffer): DocxRead {
  const files = unzipSync(new Uint8Array(bytes));
  const parts = Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => /\.(xml|rels)$/.test(path))
      .map(([path, data]) => [path, strFromU8(data)]),
  );
  const body = parts["word/document.xml"]!;
  const blocks: DocxBlock[] = [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => {
    const xml = m[0];
    if (xml.startsWith("<w:tbl>")) {
      const rows = [...xml.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map((r) =>
        [...r[1]!.matchAll(/<w:tc(?: [^>]*)?>([\s\S]*?)<\/w:tc>/g)].map((c) => paragraphText(c[1]!)),
      );
      return { kind: "table", rows };
    }
    return { kind: "paragraph", style: /<w:pStyle w:val="([^"]+)"\/>/.exec(xml)?.[1] ?? null, text: paragraphText(xml) };
  });
  return { parts, blocks };
}

/** Text of every header part (the marks on top of each page). */
export function docxPageHeaders(read: DocxRead): string[] {
  return Object.entries(read.parts)
    .filter(([path]) => /^word\/header\d*\.xml$/.test(path))
    .map(([, xml]) => [...xml.matchAll(/<w:p(?: [^>]*)?>[\s\S]*?<\/w:p>/g)].map((p) => paragraphText(p[0])).join("\n"));
}

export type PdfRead = { pages: string[]; info: Record<string, unknown> };

export async function readPdf(bytes: Buffer): Promise<PdfRead> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const info = (await pdf.getMetadata()).info as Record<string, unknown>;
  return { pages: text, info };
}

/** The entries of a zip (xlsx, docx), path -> bytes: to tell which part differs when two files do. */
export function zipParts(bytes: Buffer): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(bytes));
}
