// Every report file read back and held against PostgreSQL: the Word, PDF, Excel, JSON and CSV files of
// a published edition (the 8th report, closed in the seed) and of the draft (the open 11th report) must
// say what the database holds for that edition or for the live approved updates, by SQL written here
// (tests/integration/support/report-files.ts), never through lib/data. Files are made as the download
// route makes them. An edition's files stay byte-identical whatever happens to the live data after
// publication (edits in SQL on the 8th; on the 11th, locked as on its cut-off day, a reopening, an edit
// back to draft, resubmission, re-approval and a highlight through the app), the same edition always
// gives the same bytes, the database refuses changes to it, and a viewer sees it only once signed off.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { publishEdition, signOffEdition, verifyEdition } from "@/lib/data/editions";
import { setHighlight } from "@/lib/data/highlights";
import { reopenProposal } from "@/lib/data/period-admin";
import { loadReport } from "@/lib/data/reports";
import { recordStatusUpdate, reviewStatusUpdate } from "@/lib/data/status-updates";
import { STATUS_KEYS, type StatusKey } from "@/lib/domain/dashboard";
import { REPORT_FORMATS, REPORT_STATE_LABELS, REPORT_TITLE, type ReportFormat } from "@/lib/domain/report";
import { ASSESSMENTS, ASSESSMENT_LABELS, SET_LABELS, STATUS_LABELS, type ImplementationStatus } from "@/lib/domain/vocabulary";
import { DRAFT_WARNING, MATRIX_SHEET, SUMMARY_SHEET } from "@/lib/export/xlsx";
import { Prisma, createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { reopenSchema } from "@/lib/validation/periods";
import { statusUpdateSchema } from "@/lib/validation/status-update";
import { createActor, expectAppError, type TestActor } from "./support/app-helpers";
import { addDays, lockSeededOpenPeriod, restoreSeededOpenPeriod } from "./support/periods";
import {
  docxPageHeaders,
  expectedDraft,
  expectedEdition,
  normalise,
  readCsv,
  readDocx,
  readJson,
  readPdf,
  readXlsx,
  renderFile,
  renderFiles,
  sheetRows,
  squash,
  zipParts,
  type DocxBlock,
  type ExpectedProposal,
  type ExpectedReport,
  type ReportFiles,
} from "./support/report-files";

type ReportActor = TestActor & { organisationCode: string };

let prisma: PrismaClient;
let natoManager: ReportActor;
let euManager: ReportActor;
let viewer: ReportActor;

const withCode = (actor: TestActor): ReportActor => ({ ...actor, organisationCode: actor.organisationId === "eu" ? "EU" : "NATO" });

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  natoManager = withCode(await createActor(prisma, "MANAGER", { organisationId: "nato" }));
  euManager = withCode(await createActor(prisma, "MANAGER", { organisationId: "eu" }));
  viewer = withCode(await createActor(prisma, "VIEWER", { organisationId: "eu" }));
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

// ---------------------------------------------------------------------------------------------------
// What each format must say, from the SQL expectation

/** The introduction's figures sentence, as every format words it (singular or plural: the numbers are the point). */
function introduction(e: { updatedCount: number; totalProposals: number; coveragePercent: number; missingCount: number; atRiskCount: number }): RegExp {
  return new RegExp(
    `\\b${e.updatedCount} of ${e.totalProposals} proposals \\(${e.coveragePercent}%\\) ha(ve|s) an approved update for this period; ` +
      `${e.missingCount} ha(ve|s) none\\. ${e.atRiskCount} approved updates? (are|is) assessed at risk or off track\\.`,
  );
}

const NO_UPDATE = "No approved update for this period.";
const keyLabel = (key: StatusKey) => (key === "NO_UPDATE" ? "No update" : STATUS_LABELS[key]);
const statusLabel = (status: ImplementationStatus | null) => (status ? STATUS_LABELS[status] : "No update");
const editionLabel = (e: ExpectedReport) => (e.edition ? `Edition ${e.edition.number}` : "Draft");
const stateLabel = (e: ExpectedReport) => REPORT_STATE_LABELS[e.state];
/** The line on every page: "11th progress report · Draft", "8th progress report · Edition 1 · Awaiting sign-off". */
const stamp = (e: ExpectedReport) => [e.period.name, editionLabel(e), ...(e.edition ? [stateLabel(e)] : [])].join(" · ");
const missingSignatories = (e: ExpectedReport) => ["NATO", "EU"].filter((code) => !e.edition?.signedBy.includes(code));
const factsLine = (p: ExpectedProposal) => `Status: ${STATUS_LABELS[p.status!]}   Assessment: ${ASSESSMENT_LABELS[p.assessment!]}   Progress: ${p.progress}%`;
const byArea = (e: ExpectedReport) => e.byArea.map((area) => ({ area, proposals: e.proposals.filter((p) => p.areaNumber === area.number) }));
/**
 * Status counts of every annex period, from the proposals' histories (NO_UPDATE where none was approved),
 * each period counting its own proposals: on the seeded calendar the 2017 set joins with the 3rd report.
 */
const trendFromHistory = (e: ExpectedReport) =>
  e.annexPeriods.map((period, i) => {
    const counts = Object.fromEntries(STATUS_KEYS.map((key) => [key, 0])) as Record<StatusKey, number>;
    for (const p of e.proposals) if (p.set === "SET_2016" || period.number >= 3) counts[p.history[i] ?? "NO_UPDATE"] += 1;
    return { number: period.number, counts };
  });

function checkCsv(bytes: Buffer, e: ExpectedReport): void {
  const { header, rows, hasBom } = readCsv(bytes);
  expect(hasBom).toBe(true);
  expect(header.slice(-e.annexPeriods.length - 1)).toEqual(["Approved at (UTC)", ...e.annexPeriods.map((p) => `Status: ${p.name}`)]);
  expect(new Set(rows.map((r) => `${r.Report}|${r.Edition}|${r.State}`))).toEqual(new Set([`${e.period.name}|${editionLabel(e)}|${stateLabel(e)}`]));
  expect(
    rows.map((r) => ({
      code: r.Proposal,
      set: r.Set,
      area: r.Area,
      title: r.Title,
      status: r.Status,
      assessment: r.Assessment,
      progress: r["Progress (%)"],
      highlight: r.Highlight,
      narrative: r.Narrative,
      history: e.annexPeriods.map((p) => r[`Status: ${p.name}`]),
    })),
  ).toEqual(
    e.proposals.map((p) => ({
      code: p.code,
      set: SET_LABELS[p.set],
      area: p.areaName,
      title: p.title,
      status: statusLabel(p.status),
      assessment: p.assessment ? ASSESSMENT_LABELS[p.assessment] : "",
      progress: p.progress === null ? "" : String(p.progress),
      highlight: p.status ? (p.highlight ? "Yes" : "No") : "",
      narrative: p.narrative,
      history: p.history.map((s) => (s ? STATUS_LABELS[s] : "")),
    })),
  );
}

function checkJson(bytes: Buffer, e: ExpectedReport): void {
  const doc = readJson(bytes);
  expect({
    period: doc.period.number,
    edition: doc.edition && { number: doc.edition.number, contentHash: doc.edition.contentHash, publishedBy: doc.edition.publishedBy },
    state: doc.state,
    signedBy: doc.signOffs.map((s) => s.organisationCode).sort(),
    missing: doc.missingSignOffs,
  }).toEqual({
    period: e.period.number,
    edition: e.edition && { number: e.edition.number, contentHash: e.edition.contentHash, publishedBy: e.edition.publishedBy },
    state: e.state,
    signedBy: e.edition?.signedBy ?? [],
    missing: missingSignatories(e),
  });
  const f = doc.figures;
  expect({
    total: f.totalProposals,
    updated: f.updatedCount,
    missing: f.missingCount,
    coverage: f.coveragePercent,
    atRisk: f.atRiskCount,
    byStatus: Object.fromEntries(f.statusCounts.map((s) => [s.status, s.count])),
    byAssessment: Object.fromEntries(f.assessments.map((a) => [a.assessment, a.count])),
    bySet: Object.fromEntries(f.bySet.map((s) => [s.set, s.count])),
    byArea: f.byArea.map((a) => ({ number: a.number, name: a.name, total: a.total, counts: a.counts })),
    trend: f.trend.map((t) => ({ number: t.number, counts: t.counts })),
  }).toEqual({
    total: e.totalProposals,
    updated: e.updatedCount,
    missing: e.missingCount,
    coverage: e.coveragePercent,
    atRisk: e.atRiskCount,
    byStatus: e.byStatus,
    byAssessment: e.byAssessment,
    bySet: e.bySet,
    byArea: e.byArea,
    trend: trendFromHistory(e),
  });
  expect(doc.annexPeriods).toEqual(e.annexPeriods);
  expect(doc.highlights.map((h) => ({ code: h.code, title: h.title, areaNumber: h.areaNumber, narrative: h.narrative }))).toEqual(
    e.highlights.map((h) => ({ code: h.code, title: h.title, areaNumber: h.areaNumber, narrative: h.narrative })),
  );
  expect(
    doc.proposals.map((p) => ({
      code: p.code,
      title: p.title,
      areaNumber: p.areaNumber,
      areaName: p.areaName,
      status: p.update?.status ?? null,
      assessment: p.update?.assessment ?? null,
      progress: p.update?.progress ?? null,
      narrative: p.update?.narrative ?? "",
      highlight: p.update?.highlight ?? false,
      history: p.history,
    })),
  ).toEqual(
    e.proposals.map((p) => ({
      code: p.code,
      title: p.title,
      areaNumber: p.areaNumber,
      areaName: p.areaName,
      status: p.status,
      assessment: p.assessment,
      progress: p.progress,
      narrative: p.narrative,
      highlight: p.highlight,
      history: p.history,
    })),
  );
}

async function checkXlsx(bytes: Buffer, e: ExpectedReport): Promise<void> {
  const workbook = await readXlsx(bytes);
  const sheets = workbook.worksheets;
  expect(sheets[0]!.name).toBe(SUMMARY_SHEET);
  expect(sheets.at(-1)!.name).toBe(MATRIX_SHEET);

  // Summary: the label in column A, its values after it (first occurrence of each label).
  const summary = sheetRows(sheets[0]!);
  expect(summary[0]![0]).toBe(e.edition ? REPORT_TITLE : DRAFT_WARNING);
  const values = new Map<string, string[]>();
  for (const row of summary) if (row[0] && !values.has(row[0])) values.set(row[0], row.slice(1));
  const first = (label: string) => values.get(label)?.[0];
  expect({ edition: first("Edition"), state: first("State"), report: first("Report") }).toEqual({
    edition: editionLabel(e),
    state: e.edition ? stateLabel(e) : DRAFT_WARNING,
    report: e.period.name,
  });
  expect({
    total: first("Total proposals"),
    updated: first("Updated in the period"),
    missing: first("Without update"),
    coverage: first("Coverage (%)"),
    atRisk: first("At risk or off track"),
    sets: [first(SET_LABELS.SET_2016), first(SET_LABELS.SET_2017)],
    byStatus: STATUS_KEYS.map((key) => first(keyLabel(key))),
    byAssessment: ASSESSMENTS.map((a) => first(ASSESSMENT_LABELS[a])),
    byArea: e.byArea.map((a) => values.get(`${a.number} ${a.name}`)?.slice(0, 1 + STATUS_KEYS.length)),
  }).toEqual({
    total: String(e.totalProposals),
    updated: String(e.updatedCount),
    missing: String(e.missingCount),
    coverage: String(e.coveragePercent),
    atRisk: String(e.atRiskCount),
    sets: [String(e.bySet.SET_2016), String(e.bySet.SET_2017)],
    byStatus: STATUS_KEYS.map((key) => String(e.byStatus[key])),
    byAssessment: ASSESSMENTS.map((a) => String(e.byAssessment[a])),
    byArea: e.byArea.map((a) => [String(a.total), ...STATUS_KEYS.map((key) => String(a.counts[key]))]),
  });

  // One sheet per area, in area order, a row per proposal of the area.
  const areaSheets = sheets.slice(1, -1).map((sheet) => {
    const [header, ...rows] = sheetRows(sheet);
    const col = (name: string) => header!.indexOf(name);
    return {
      area: Number(sheet.name.split(" ")[0]),
      rows: rows.map((r) => ({
        code: r[col("Proposal")],
        title: r[col("Title")],
        status: r[col("Status")],
        assessment: r[col("Assessment")],
        progress: r[col("Progress (%)")],
        narrative: r[col("Narrative")],
        highlight: r[col("Highlight")],
      })),
    };
  });
  expect(areaSheets).toEqual(
    byArea(e).map(({ area, proposals }) => ({
      area: area.number,
      rows: proposals.map((p) => ({
        code: p.code,
        title: p.title,
        status: statusLabel(p.status),
        assessment: p.assessment ? ASSESSMENT_LABELS[p.assessment] : "",
        progress: p.progress === null ? "" : String(p.progress),
        narrative: p.narrative,
        highlight: p.status ? (p.highlight ? "Yes" : "No") : "",
      })),
    })),
  );

  // The annex: status in each period, a column per period.
  const [matrixHeader, ...matrix] = sheetRows(sheets.at(-1)!);
  expect(matrixHeader).toEqual(["Proposal", "Title", "Area", ...e.annexPeriods.map((p) => p.name)]);
  expect(matrix).toEqual(e.proposals.map((p) => [p.code, p.title, `${p.areaNumber} ${p.areaName}`, ...p.history.map((s) => (s ? STATUS_LABELS[s] : ""))]));
}

/** The blocks after the paragraph that `isStart` finds, up to the next heading of that level or higher. */
function docxSection(blocks: DocxBlock[], level: number, isStart: (text: string) => boolean, from = 0): DocxBlock[] {
  const isHeading = (b: DocxBlock, max: number) => b.kind === "paragraph" && /^Heading\d$/.test(b.style ?? "") && Number(b.style!.slice(7)) <= max;
  const start = blocks.findIndex((b, i) => i >= from && b.kind === "paragraph" && b.style === `Heading${level}` && isStart(b.text));
  if (start < 0) {
    const found = blocks.flatMap((b, i) => (i >= from && b.kind === "paragraph" && b.style === `Heading${level}` ? [b.text] : []));
    throw new Error(`None of the Heading${level} paragraphs is the one looked for: ${JSON.stringify(found)}`);
  }
  const end = blocks.findIndex((b, i) => i > start && isHeading(b, level));
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}
const texts = (blocks: DocxBlock[]) => blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
const tables = (blocks: DocxBlock[]) => blocks.flatMap((b) => (b.kind === "table" ? [b.rows] : []));

function checkDocx(bytes: Buffer, e: ExpectedReport): void {
  const { blocks, parts } = readDocx(bytes);
  const paragraphs = texts(blocks);
  expect(paragraphs).toContain(`Edition: ${editionLabel(e)}`);
  expect(paragraphs).toContain(`State: ${stateLabel(e)}`);
  if (e.edition) expect(paragraphs).toContain(`Content hash (SHA-256): ${e.edition.contentHash}`);
  // The mark on top of every page: DRAFT, AWAITING SIGN-OFF, or none once final; the stamp in the footer.
  const mark = { draft: "DRAFT", awaiting_sign_off: "AWAITING SIGN-OFF", final: null, superseded: "SUPERSEDED" }[e.state];
  const headers = docxPageHeaders({ blocks, parts });
  expect(headers.length).toBeGreaterThan(0);
  for (const text of headers) {
    if (mark) expect(text).toContain(mark);
    else expect(text).not.toMatch(/DRAFT|AWAITING/);
  }
  const footers = Object.entries(parts).filter(([path]) => /^word\/footer\d*\.xml$/.test(path));
  expect(footers.length).toBeGreaterThan(0);
  for (const [, xml] of footers) expect(xml).toContain(stamp(e));

  const intro = docxSection(blocks, 1, (t) => t === "Introduction");
  expect(normalise(texts(intro).join(" "))).toMatch(introduction(e));
  const table = (heading: string) => tables(intro).find((t) => t[0]![0] === heading)!;
  expect(table("Set")).toEqual([
    ["Set", "Proposals"],
    [SET_LABELS.SET_2016, String(e.bySet.SET_2016)],
    [SET_LABELS.SET_2017, String(e.bySet.SET_2017)],
    ["Total", String(e.totalProposals)],
  ]);
  expect(table("Status").map((row) => row.slice(0, 2))).toEqual([
    ["Status", "Proposals"],
    ...STATUS_KEYS.map((key) => [keyLabel(key), String(e.byStatus[key])]),
    ["Total", String(e.totalProposals)],
  ]);
  expect(table("Assessment").map((row) => row.slice(0, 2))).toEqual([
    ["Assessment", "Approved updates"],
    ...ASSESSMENTS.map((a) => [ASSESSMENT_LABELS[a], String(e.byAssessment[a])]),
    ["Total", String(e.updatedCount)],
  ]);
  expect(table("Measure")).toEqual([
    ["Measure", "Proposals"],
    ["With an approved update", String(e.updatedCount)],
    ["Without an approved update", String(e.missingCount)],
    ["Coverage", `${e.coveragePercent}%`],
    ["At risk or off track", String(e.atRiskCount)],
  ]);

  const highlights = texts(docxSection(blocks, 1, (t) => t === "Highlights"));
  if (e.highlights.length === 0) expect(highlights).toEqual(["No approved update was marked as a highlight for this period."]);
  else {
    expect(highlights.filter((t) => /^P\d+ · /.test(t))).toEqual(e.highlights.map((h) => `${h.code} · ${h.title} — Area ${h.areaNumber}: ${h.areaName}`));
    const text = normalise(highlights.join(" "));
    for (const h of e.highlights) expect(text).toContain(normalise(`${h.code} · ${h.title} — Area ${h.areaNumber}: ${h.areaName} ${h.narrative}`));
  }

  // Each area: its status counts, then its proposals in order, each with its facts and approved narrative.
  const body = blocks.findIndex((b) => b.kind === "paragraph" && b.style === "Heading1" && b.text === "Highlights");
  for (const { area, proposals } of byArea(e)) {
    const section = docxSection(blocks, 1, (t) => t === `Area ${area.number}: ${area.name}`, body);
    expect(tables(section)[0]).toEqual([
      [...STATUS_KEYS.map(keyLabel), "Total"],
      [...STATUS_KEYS.map((key) => String(area.counts[key])), String(area.total)],
    ]);
    const headings = section.flatMap((b) => (b.kind === "paragraph" && b.style === "Heading2" ? [b.text] : []));
    expect(headings).toEqual(proposals.map((p) => `${p.code} · ${p.title}`));
    for (const p of proposals) {
      const under = texts(docxSection(section, 2, (t) => t === `${p.code} · ${p.title}`));
      if (!p.status) expect(under, p.code).toEqual([NO_UPDATE]);
      else {
        expect(under[0], p.code).toBe(factsLine(p));
        expect(normalise(under.slice(1).join(" ")).startsWith(normalise(p.narrative)), `${p.code}: ${p.narrative}`).toBe(true);
      }
    }
  }

  const annex = tables(docxSection(blocks, 1, (t) => t.startsWith("Annex:")));
  expect(annex).toHaveLength(1);
  expect(annex[0]![0]!.slice(0, 2)).toEqual(["Code", "Title"]);
  expect(annex[0]!.slice(1)).toEqual(e.proposals.map((p) => [p.code, p.title, ...p.history.map((s) => (s ? STATUS_LABELS[s] : "–"))]));
}

async function checkPdf(bytes: Buffer, e: ExpectedReport): Promise<void> {
  const { pages, info } = await readPdf(bytes);
  expect(info.Subject).toBe(stamp(e));
  pages.forEach((page, i) => {
    expect(page).toContain(stamp(e));
    expect(page).toMatch(new RegExp(`Page ${i + 1} of ${pages.length}(?!\\d)`));
    if (e.edition) expect(page).not.toContain("DRAFT");
    else expect(page).toContain("DRAFT · live data as of");
  });
  // The pages without their marks, so that text running over pages joins up.
  const bodies = pages.map((page) =>
    page
      .replaceAll(stamp(e), "")
      .replace(/Page \d+ of \d+/g, "")
      .replace(/DRAFT · live data as of [^\n]*/g, "")
      .replace(/^DRAFT$/gm, "")
      .trim(),
  );

  const title = bodies[0]!;
  if (e.edition) {
    expect(title).toContain(`Edition ${e.edition.number} · ${stateLabel(e)}`);
    expect(squash(title)).toContain(squash(`Content hash (SHA-256 of the frozen snapshot): ${e.edition.contentHash}`));
    expect(title).toContain(`Published by ${e.edition.publishedBy}`);
  } else {
    expect(title).toContain("Edition Draft");
    expect(title).toContain("State Draft");
  }
  const missing = missingSignatories(e);
  if (missing.length) expect(title).toContain(`Awaiting sign-off ${missing.join(", ")}`);
  else expect(title).not.toContain("Awaiting sign-off");

  const intro = bodies.find((page) => page.startsWith("Introduction"))!;
  expect(normalise(intro)).toMatch(introduction(e));
  const lines = intro.split("\n");
  for (const key of STATUS_KEYS) expect(lines, keyLabel(key)).toContainEqual(expect.stringMatching(new RegExp(`^${keyLabel(key)} ${e.byStatus[key]} \\d+%$`)));
  for (const a of ASSESSMENTS)
    expect(lines, ASSESSMENT_LABELS[a]).toContainEqual(expect.stringMatching(new RegExp(`^${ASSESSMENT_LABELS[a]} ${e.byAssessment[a]} \\d+%$`)));

  const areaStarts = e.byArea.map((a) => bodies.findIndex((page) => squash(page).startsWith(squash(`Area ${a.number}: ${a.name}`))));
  expect(areaStarts.every((start) => start > 0)).toBe(true);
  expect([...areaStarts].sort((a, b) => a - b)).toEqual(areaStarts);
  const highlightStart = bodies.findIndex((page) => page.startsWith("Highlights"));
  const highlightText = bodies.slice(highlightStart, areaStarts[0]).join("\n");
  expect(highlightText.split("\n").filter((line) => /^P\d+ · /.test(line))).toHaveLength(e.highlights.length);
  if (e.highlights.length === 0) expect(highlightText).toContain("No highlights were chosen for this period.");
  for (const h of e.highlights) expect(squash(highlightText)).toContain(squash(`${h.code} · ${h.title} Area ${h.areaNumber}: ${h.areaName} ${h.narrative}`));

  const chartsStart = bodies.findIndex((page) => page.startsWith("Charts"));
  byArea(e).forEach(({ area, proposals }, i) => {
    const text = squash(bodies.slice(areaStarts[i], areaStarts[i + 1] ?? chartsStart).join("\n"));
    const counts = [...STATUS_KEYS.map((key) => area.counts[key]), area.total].join(" ");
    expect(
      text.startsWith(squash(`Area ${area.number}: ${area.name} ${[...STATUS_KEYS.map(keyLabel), "Total"].join(" ")} ${counts}`)),
      `area ${area.number}`,
    ).toBe(true);
    const positions = proposals.map((p) => text.indexOf(squash(`${p.code} · ${p.title}`)));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    proposals.forEach((p, k) => {
      const under = text.slice(positions[k]! + squash(`${p.code} · ${p.title}`).length, positions[k + 1]);
      if (!p.status) expect(under, p.code).toBe(squash(NO_UPDATE));
      else {
        const facts = `Status: ${STATUS_LABELS[p.status]} · Assessment: ${ASSESSMENT_LABELS[p.assessment!]} · Progress: ${p.progress}%`;
        expect(under.startsWith(squash(facts)), `${p.code}: ${facts}`).toBe(true);
        expect(under, p.code).toContain(squash(p.narrative));
      }
    });
  });

  // The annex: a line per proposal, its title (shortened with "…" when long), then its status in each period.
  const annexStart = bodies.findIndex((page) => page.startsWith("Annex:"));
  const annexLines = new Map(
    bodies
      .slice(annexStart)
      .join("\n")
      .split("\n")
      .filter((line) => /^P\d+ /.test(line))
      .map((line) => [line.slice(0, line.indexOf(" ")), line]),
  );
  expect([...annexLines.keys()]).toEqual(e.proposals.map((p) => p.code));
  for (const p of e.proposals) {
    const line = annexLines.get(p.code)!;
    const statuses = p.history.map((s) => (s ? STATUS_LABELS[s] : "–")).join(" ");
    expect(line.endsWith(` ${statuses}`), `${line} ends with ${statuses}`).toBe(true);
    const shownTitle = line.slice(p.code.length + 1, line.length - statuses.length - 1);
    expect(p.title.startsWith(shownTitle.replace(/…$/, "")) && shownTitle.length > 10, `${p.code}: ${shownTitle}`).toBe(true);
  }
}

const CHECKS: Record<ReportFormat, (bytes: Buffer, e: ExpectedReport) => void | Promise<void>> = {
  docx: checkDocx,
  pdf: checkPdf,
  xlsx: checkXlsx,
  json: checkJson,
  csv: checkCsv,
};

/** The formats in which a reader would find `text` (each file read back as a reader sees it; whitespace normalised). */
async function formatsShowing(files: ReportFiles, text: string): Promise<ReportFormat[]> {
  const workbook = await readXlsx(files.xlsx);
  const seen: Record<ReportFormat, string> = {
    csv: files.csv.toString("utf8"),
    json: JSON.stringify(readJson(files.json)),
    docx: texts(readDocx(files.docx).blocks).join("\n"),
    pdf: (await readPdf(files.pdf)).pages.join("\n"),
    xlsx: workbook.worksheets.flatMap((sheet) => sheetRows(sheet).flat()).join("\n"),
  };
  return REPORT_FORMATS.filter((format) => normalise(seen[format]).includes(normalise(text)));
}

/** Asserts each format byte-identical; where a zip differs, names the parts that differ. */
function expectSameBytes(after: ReportFiles, before: ReportFiles): void {
  const differing = REPORT_FORMATS.filter((format) => !after[format].equals(before[format]));
  const parts = differing
    .filter((format) => format === "docx" || format === "xlsx")
    .flatMap((format) => {
      const [a, b] = [zipParts(after[format]), zipParts(before[format])];
      return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((path) => !a[path] || !b[path] || !Buffer.from(a[path]).equals(Buffer.from(b[path])));
    });
  expect({ differing, parts }).toEqual({ differing: [], parts: [] });
}

async function editionId(periodNumber: number, number: number): Promise<string> {
  const [row] = await prisma.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM "ReportEdition" e JOIN "ReportingPeriod" p ON p.id = e."periodId" WHERE p.number = ${periodNumber} AND e.number = ${number}`;
  return row!.id;
}

async function editionCount(periodNumber: number): Promise<number> {
  return prisma.reportEdition.count({ where: { period: { number: periodNumber } } });
}

// ---------------------------------------------------------------------------------------------------
// The 8th report: an edition

type UpdateRow = {
  id: string;
  narrative: string;
  status: string;
  assessment: string;
  progress: number;
  workflowState: string;
  highlight: boolean;
  reviewedAt: Date | null;
};

const SPECIAL_NARRATIVE =
  'Staff talks held: "joint" minutes, commas, semicolons; & <angle> brackets; Coopération renforcée, Ελληνικά, кириллица.\n\n' +
  "A second paragraph after a blank line.\nIts second line, after a line break.";
const NOT_APPROVED = "NOT APPROVED: this submitted text must not reach any file of the 8th report.";

describe.sequential("an edition of the 8th report", () => {
  let period8: { id: string; number: number };
  let original: { updates: UpdateRow[]; proposal: { id: string; title: string; description: string }; area: { id: string; name: string } };
  /** Proposals by number whose rows are changed: special narrative, submitted (not approved), highlighted twice. */
  const SPECIAL = 3;
  const SUBMITTED = 12;
  const HIGHLIGHTED = [20, 44];
  let edition: number;
  let expected: ExpectedReport;
  let files: ReportFiles;

  const proposalId = async (number: number) => (await prisma.proposal.findUniqueOrThrow({ where: { number }, select: { id: true } })).id;

  beforeAll(async () => {
    period8 = await prisma.reportingPeriod.findUniqueOrThrow({ where: { number: 8 }, select: { id: true, number: true } });
    const special = await prisma.proposal.findUniqueOrThrow({ where: { number: SPECIAL }, select: { id: true, title: true, description: true, areaId: true } });
    original = {
      updates: await prisma.$queryRaw<UpdateRow[]>`
        SELECT id, narrative, status::text AS status, assessment::text AS assessment, progress, "workflowState"::text AS "workflowState", highlight, "reviewedAt"
        FROM "StatusUpdate" WHERE "periodId" = ${period8.id}`,
      proposal: { id: special.id, title: special.title, description: special.description },
      area: await prisma.area.findUniqueOrThrow({ where: { id: special.areaId }, select: { id: true, name: true } }),
    };
    // Every narrative of the period made unique (so a narrative under the wrong proposal is noticed), one
    // with quotes, commas, markup characters, accents and paragraphs, one update only submitted (and
    // marked as a highlight, which must not count), two approved highlights in different areas.
    await prisma.$executeRaw`
      UPDATE "StatusUpdate" s SET narrative = s.narrative || ' (8th report, P' || lpad(p.number::text, 2, '0') || ')'
      FROM "Proposal" p WHERE p.id = s."proposalId" AND s."periodId" = ${period8.id}`;
    // In SQL, like every change to these rows here: "updatedAt" is left alone, so what is restored is exactly what was there.
    const row = async (number: number) => Prisma.sql`"proposalId" = ${await proposalId(number)} AND "periodId" = ${period8.id}`;
    await prisma.$executeRaw`UPDATE "StatusUpdate" SET narrative = ${SPECIAL_NARRATIVE} WHERE ${await row(SPECIAL)}`;
    await prisma.$executeRaw`UPDATE "StatusUpdate" SET narrative = ${NOT_APPROVED}, "workflowState" = 'SUBMITTED', highlight = true WHERE ${await row(SUBMITTED)}`;
    for (const number of HIGHLIGHTED) await prisma.$executeRaw`UPDATE "StatusUpdate" SET highlight = true WHERE ${await row(number)}`;
  });

  afterAll(async () => {
    if (!original) return;
    await prisma.$executeRaw`
      UPDATE "StatusUpdate" s
      SET narrative = r.narrative, status = r.status::"ImplementationStatus", assessment = r.assessment::"Assessment", progress = r.progress,
          "workflowState" = r."workflowState"::"WorkflowState", highlight = r.highlight, "reviewedAt" = r."reviewedAt"
      FROM jsonb_to_recordset(${JSON.stringify(original.updates)}::jsonb)
        AS r(id text, narrative text, status text, assessment text, progress int, "workflowState" text, highlight boolean, "reviewedAt" timestamptz)
      WHERE s.id = r.id`;
    await prisma.proposal.update({ where: { id: original.proposal.id }, data: { title: original.proposal.title, description: original.proposal.description } });
    await prisma.area.update({ where: { id: original.area.id }, data: { name: original.area.name } });
    const restored = await prisma.$queryRaw<UpdateRow[]>`
      SELECT id, narrative, status::text AS status, assessment::text AS assessment, progress, "workflowState"::text AS "workflowState", highlight, "reviewedAt"
      FROM "StatusUpdate" WHERE "periodId" = ${period8.id}`;
    const byId = (rows: UpdateRow[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(restored), "the 8th report's live rows are as they were").toEqual(byId(original.updates));
  });

  test("publishing copies exactly what PostgreSQL holds: the approved updates only, the figures, the highlights", async () => {
    const live = await expectedDraft(prisma, 8);
    // The changes above took: otherwise the checks below would prove little.
    const at = (number: number) => live.proposals.find((p) => p.number === number)!;
    expect(at(SPECIAL).narrative).toBe(SPECIAL_NARRATIVE);
    expect(at(SUBMITTED)).toMatchObject({ status: null, narrative: "", highlight: false });
    expect(live.highlights.map((h) => h.number)).toEqual([...HIGHLIGHTED].sort((a, b) => at(a).areaNumber - at(b).areaNumber || a - b));
    expect(live.byStatus.NO_UPDATE).toBe(1);
    expect(new Set(live.proposals.map((p) => p.narrative)).size).toBe(live.totalProposals);

    const before = await editionCount(8);
    ({ number: edition } = await publishEdition(natoManager, { periodNumber: 8, expectedEditions: before, changeNote: "" }));
    expected = await expectedEdition(prisma, 8, edition);
    expect(expected).toMatchObject({ state: "awaiting_sign_off", edition: { number: before + 1, signedBy: ["NATO"], publishedBy: natoManager.name } });
    const { edition: _e, state: _s, ...frozen } = expected;
    const { edition: _le, state: _ls, ...fromLive } = live;
    expect(frozen).toEqual(fromLive);

    // As the download route makes them, for a manager (the edition awaits the EU's sign-off).
    files = await renderFiles(await loadReport(natoManager, 8, edition));
  });

  test.each(REPORT_FORMATS)("the %s file says what the edition holds in PostgreSQL", async (format) => {
    await CHECKS[format](files[format], expected);
  });

  test("the submitted update's narrative is in no file", async () => {
    expect(await formatsShowing(files, "NOT APPROVED")).toEqual([]);
    // The special narrative, by contrast, is in every one of them.
    expect(await formatsShowing(files, "Coopération renforcée, Ελληνικά, кириллица.")).toEqual(REPORT_FORMATS);
  });

  test("the same edition gives the same bytes every time, in every format", async () => {
    expectSameBytes(await renderFiles(await loadReport(natoManager, 8, edition)), files);
  });

  test("edits to the catalogue and to the period's updates after publication leave every file byte-identical and the hash valid", async () => {
    const [special, submitted, highlighted] = await Promise.all([proposalId(SPECIAL), proposalId(SUBMITTED), proposalId(HIGHLIGHTED[0]!)]);
    const renamed = `Renamed after publication ${Date.now()}`;
    await prisma.proposal.update({ where: { id: special }, data: { title: renamed, description: "Rewritten description." } });
    await prisma.area.update({ where: { id: original.area.id }, data: { name: "Area renamed after publication" } });
    // A highlighted update edited, sent back for review and approved again with another status and text.
    await prisma.$executeRaw`
      UPDATE "StatusUpdate" SET narrative = 'Edited after publication.', status = 'STALLED', assessment = 'OFF_TRACK', progress = 5,
                                "workflowState" = 'SUBMITTED', highlight = false
      WHERE "proposalId" = ${highlighted} AND "periodId" = ${period8.id}`;
    await prisma.$executeRaw`
      UPDATE "StatusUpdate" SET "workflowState" = 'APPROVED', "reviewedAt" = now() WHERE "proposalId" = ${highlighted} AND "periodId" = ${period8.id}`;
    // The submitted update approved after all; the special one returned.
    await prisma.$executeRaw`UPDATE "StatusUpdate" SET "workflowState" = 'APPROVED' WHERE "proposalId" = ${submitted} AND "periodId" = ${period8.id}`;
    await prisma.$executeRaw`UPDATE "StatusUpdate" SET "workflowState" = 'RETURNED' WHERE "proposalId" = ${special} AND "periodId" = ${period8.id}`;

    // The live report did change (so an edition read from live data would have changed too)... except
    // the proposal's wording: a report of the 8th period takes the wording valid at its cut-off
    // (ProposalVersion), which a later rename does not touch.
    const live = await expectedDraft(prisma, 8);
    expect(live.proposals.find((p) => p.number === SPECIAL)).toMatchObject({ title: original.proposal.title, status: null });
    expect(renamed).not.toBe(original.proposal.title);
    expect(live.byArea.map((a) => a.name)).toContain("Area renamed after publication");
    expect(live.proposals.find((p) => p.number === SUBMITTED)!.narrative).toBe(NOT_APPROVED);
    expect(live.proposals.find((p) => p.number === HIGHLIGHTED[0])).toMatchObject({
      status: "STALLED",
      narrative: "Edited after publication.",
      highlight: false,
    });
    const draftCsv = readCsv(await renderFile(await loadReport(natoManager, 8, "draft"), "csv"));
    expect(draftCsv.rows.find((r) => r.Proposal === `P${String(SUBMITTED).padStart(2, "0")}`)!.Narrative).toBe(NOT_APPROVED);

    // ...the edition did not: same rows in SQL, same hash, same bytes.
    expect(await expectedEdition(prisma, 8, edition)).toEqual(expected);
    const check = await verifyEdition(await editionId(8, edition));
    expect(check).toEqual({ stored: expected.edition!.contentHash, computed: expected.edition!.contentHash, entries: expected.totalProposals });
    expectSameBytes(await renderFiles(await loadReport(natoManager, 8, edition)), files);
  });

  test("the database refuses, on a plain connection, to change the edition or to add to it from another publication", async () => {
    const id = await editionId(8, edition);
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      const refused = async (sql: string, values: unknown[]) => {
        await client.query("BEGIN");
        try {
          await expect(client.query(sql, values)).rejects.toThrow(/append-only|is published/);
        } finally {
          await client.query("ROLLBACK");
        }
      };
      await refused(`UPDATE "ReportEdition" SET "contentHash" = repeat('0', 64) WHERE id = $1`, [id]);
      await refused(`UPDATE "ReportEditionEntry" SET narrative = 'tampered', status = 'COMPLETED' WHERE "editionId" = $1 AND "proposalNumber" = $2`, [
        id,
        SPECIAL,
      ]);
      await refused(`DELETE FROM "ReportEditionEntry" WHERE "editionId" = $1 AND "proposalNumber" = $2`, [id, SUBMITTED]);
      await refused(`DELETE FROM "ReportSignOff" WHERE "editionId" = $1`, [id]);
      await refused(`DELETE FROM "ReportEdition" WHERE id = $1`, [id]);
      // A transaction that publishes another edition may write entries for that one only, not for this one.
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "ReportEdition" (id, "periodId", number, "publishedAt", "publishedById", "publishedByName", summary, "contentHash")
           VALUES ('report-files-other', $1, 999, now(), $2, 'Someone', '{}'::jsonb, repeat('0', 64))`,
          [period8.id, natoManager.id],
        );
        await expect(
          client.query(
            `INSERT INTO "ReportEditionEntry" ("editionId", "proposalNumber", "proposalId", set, "areaNumber", "areaName", title, description, "edaInvolved")
             VALUES ($1, 999, 'smuggled', 'SET_2016', 1, 'x', 'smuggled', 'x', false)`,
            [id],
          ),
        ).rejects.toThrow(/is published; its entries cannot change/);
      } finally {
        await client.query("ROLLBACK");
      }
    } finally {
      await client.end();
    }
    expect(await expectedEdition(prisma, 8, edition)).toEqual(expected);
    expect(await editionCount(8)).toBe(expected.edition!.number);
    const check = await verifyEdition(id);
    expect(check.computed).toBe(check.stored);
  });

  test("a viewer gets NOT_FOUND for the draft and for the edition awaiting sign-off, and reads it once NATO and EU both signed", async () => {
    await expect(loadReport(natoManager, 8, "draft")).resolves.toMatchObject({ header: { state: "draft" } });
    await expect(loadReport(natoManager, 8, edition)).resolves.toMatchObject({ header: { state: "awaiting_sign_off" } });
    await expectAppError(loadReport(viewer, 8, "draft"), "NOT_FOUND");
    await expectAppError(loadReport(viewer, 8, edition), "NOT_FOUND");

    expect((await signOffEdition(euManager, { periodNumber: 8, edition })).outcome).toBe("signed");
    const final = await expectedEdition(prisma, 8, edition);
    expect(final).toMatchObject({ state: "final", edition: { signedBy: ["EU", "NATO"] } });
    const source = await loadReport(viewer, 8, edition);
    expect(source.header.state).toBe("final");
    await expectAppError(loadReport(viewer, 8, "draft"), "NOT_FOUND");
    // What the viewer downloads is the final edition, in every format.
    const finalFiles = await renderFiles(source);
    for (const format of REPORT_FORMATS) await CHECKS[format](finalFiles[format], final);
  });
});

// ---------------------------------------------------------------------------------------------------
// The 11th report: the draft, then an edition on its cut-off day

describe.sequential("the open 11th report", () => {
  let period11: { id: string; number: number };

  beforeAll(async () => {
    period11 = await prisma.reportingPeriod.findUniqueOrThrow({ where: { number: 11 }, select: { id: true, number: true } });
    expect(await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: period11.id }, select: { state: true } })).toEqual({ state: "OPEN" });
  });

  describe.sequential("its draft", () => {
    const PENDING = "PENDING REVIEW: this text is not approved and must not reach the draft.";
    let expected: ExpectedReport;
    let files: ReportFiles;
    let pendingNumber: number;

    beforeAll(async () => {
      // One update waiting for review given a recognisable text and a highlight mark, one approved update
      // highlighted: put back as they were once the files are made.
      const [pending] = await prisma.$queryRaw<{ id: string; number: number; narrative: string; highlight: boolean }[]>`
        SELECT s.id, p.number, s.narrative, s.highlight FROM "StatusUpdate" s JOIN "Proposal" p ON p.id = s."proposalId"
        WHERE s."periodId" = ${period11.id} AND s."workflowState" <> 'APPROVED' ORDER BY p.number LIMIT 1`;
      const [approved] = await prisma.$queryRaw<{ id: string; highlight: boolean }[]>`
        SELECT s.id, s.highlight FROM "StatusUpdate" s JOIN "Proposal" p ON p.id = s."proposalId"
        WHERE s."periodId" = ${period11.id} AND s."workflowState" = 'APPROVED' ORDER BY p.number DESC LIMIT 1`;
      pendingNumber = pending!.number;
      await prisma.$executeRaw`UPDATE "StatusUpdate" SET narrative = ${PENDING}, highlight = true WHERE id = ${pending!.id}`;
      await prisma.$executeRaw`UPDATE "StatusUpdate" SET highlight = true WHERE id = ${approved!.id}`;
      try {
        expected = await expectedDraft(prisma, 11);
        files = await renderFiles(await loadReport(natoManager, 11, "draft"));
      } finally {
        await prisma.$executeRaw`UPDATE "StatusUpdate" SET narrative = ${pending!.narrative}, highlight = ${pending!.highlight} WHERE id = ${pending!.id}`;
        await prisma.$executeRaw`UPDATE "StatusUpdate" SET highlight = ${approved!.highlight} WHERE id = ${approved!.id}`;
      }
    });

    test("holds approved updates only: some proposals have none, the pending one among them", () => {
      expect(expected.state).toBe("draft");
      expect(expected.updatedCount).toBeGreaterThan(0);
      expect(expected.missingCount).toBeGreaterThan(0);
      expect(expected.proposals.find((p) => p.number === pendingNumber)!.status).toBeNull();
      expect(expected.highlights).toHaveLength(1);
      expect(expected.annexPeriods.map((p) => p.number)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    });

    test.each(REPORT_FORMATS)("the %s file says what PostgreSQL holds for the approved updates, marked as a draft", async (format) => {
      await CHECKS[format](files[format], expected);
    });

    test("the pending update's text is in no file", async () => {
      expect(await formatsShowing(files, "PENDING REVIEW")).toEqual([]);
    });

    test("a viewer gets NOT_FOUND for the draft", async () => {
      await expectAppError(loadReport(viewer, 11, "draft"), "NOT_FOUND");
    });
  });

  describe.sequential("an edition published on its cut-off day, then an update reopened, edited, resubmitted and approved again", () => {
    let cutOff: Date;
    let edition: number;
    let expected: ExpectedReport;
    let files: ReportFiles;
    /** The proposal whose update is reopened and re-approved (its new text stays, as the app left it). */
    let reopened: string | undefined;

    beforeAll(async () => {
      cutOff = await lockSeededOpenPeriod(prisma, natoManager, period11.id);
    });

    afterAll(async () => {
      if (!prisma || !natoManager || !period11) return;
      // Other files pick "an approved update of the open period" and expect it not to be a highlight yet.
      if (reopened) {
        const update = await prisma.statusUpdate.findUniqueOrThrow({ where: { proposalId_periodId: { proposalId: reopened, periodId: period11.id } } });
        if (update.highlight)
          await setHighlight(natoManager, { proposalId: reopened, periodId: period11.id, highlight: false, expectedVersion: update.version });
      }
      await restoreSeededOpenPeriod(prisma, natoManager, period11.id);
    });

    test("the edition's files say what the edition holds in PostgreSQL", async () => {
      const before = await editionCount(11);
      ({ number: edition } = await publishEdition(natoManager, { periodNumber: 11, expectedEditions: before, changeNote: before ? "Again." : "" }));
      expected = await expectedEdition(prisma, 11, edition);
      const { edition: _e, state: _s, ...frozen } = expected;
      const { edition: _le, state: _ls, ...fromLive } = await expectedDraft(prisma, 11);
      expect(frozen).toEqual(fromLive);
      files = await renderFiles(await loadReport(natoManager, 11, edition));
      for (const format of REPORT_FORMATS) await CHECKS[format](files[format], expected);
      await expectAppError(loadReport(viewer, 11, edition), "NOT_FOUND");
    });

    test("reopened, edited back to draft, resubmitted, re-approved and highlighted: every file of the edition stays byte-identical", async () => {
      const [target] = await prisma.$queryRaw<{ proposalId: string; number: number; status: string; assessment: string; nextSteps: string }[]>`
        SELECT s."proposalId", p.number, s.status::text AS status, s.assessment::text AS assessment, s."nextSteps"
        FROM "StatusUpdate" s JOIN "Proposal" p ON p.id = s."proposalId"
        WHERE s."periodId" = ${period11.id} AND s."workflowState" = 'APPROVED' AND NOT s.highlight ORDER BY p.number LIMIT 1`;
      const { proposalId } = target!;
      reopened = proposalId;
      const now = addDays(cutOff, 1);
      await reopenProposal(
        natoManager,
        reopenSchema.parse({ periodId: period11.id, proposalId, reason: "Corrected after publication", expiresOn: now.toISOString().slice(0, 10) }),
        now,
      );
      const version = async () =>
        (await prisma.statusUpdate.findUniqueOrThrow({ where: { proposalId_periodId: { proposalId, periodId: period11.id } }, select: { version: true } }))
          .version;
      const input = async (intent: "save" | "submit") =>
        statusUpdateSchema.parse({
          proposalId,
          periodId: period11.id,
          status: target!.status,
          assessment: target!.assessment,
          progress: 37,
          narrative: "Corrected after the edition was published.",
          nextSteps: target!.nextSteps,
          rationale: "Corrected after publication.",
          intent,
          expectedVersion: await version(),
        });
      expect(await recordStatusUpdate(natoManager, await input("save"), now)).toMatchObject({ workflowState: "DRAFT" });
      // While it is a draft again, the live report has no approved update for it.
      const meanwhile = await expectedDraft(prisma, 11);
      expect(meanwhile.proposals.find((p) => p.number === target!.number)!.status).toBeNull();
      expect(await recordStatusUpdate(natoManager, await input("submit"), now)).toMatchObject({ workflowState: "SUBMITTED" });
      // Another manager approves what the NATO manager corrected (four eyes).
      const approved = await reviewStatusUpdate(
        euManager,
        { proposalId, periodId: period11.id, decision: "approve", note: "", expectedVersion: await version() },
        now,
      );
      expect(approved).toMatchObject({ workflowState: "APPROVED" });
      expect(await setHighlight(natoManager, { proposalId, periodId: period11.id, highlight: true, expectedVersion: approved.version }, now)).toEqual({
        changed: true,
      });

      const live = await expectedDraft(prisma, 11);
      expect(live.proposals.find((p) => p.number === target!.number)).toMatchObject({
        narrative: "Corrected after the edition was published.",
        progress: 37,
        highlight: true,
      });
      expect(live.highlights.map((h) => h.number)).toContain(target!.number);

      expect(await expectedEdition(prisma, 11, edition)).toEqual(expected);
      const check = await verifyEdition(await editionId(11, edition));
      expect(check).toEqual({ stored: expected.edition!.contentHash, computed: expected.edition!.contentHash, entries: expected.totalProposals });
      expectSameBytes(await renderFiles(await loadReport(natoManager, 11, edition)), files);
    });
  });
});
