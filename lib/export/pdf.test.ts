import { extractText, getDocumentProxy } from "unpdf";
import { inflateSync } from "node:zlib";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { reportStamp, type ReportEntry, type ReportSource } from "@/lib/domain/report";
import { fixtureReport, measureRender, trackReads, type FixtureOptions } from "@/tests/support/report-fixture";
import { renderReportPdf } from "./pdf";
import { ANNEX_TITLE } from "./pdf/annex";
import { NO_UPDATE_TEXT, areaTitle, isSafeLink } from "./pdf/areas";
import { cleanText } from "./pdf/text";
import { readAll } from "./stream";
import type { ChartImage } from "./types";

const DRAFT: FixtureOptions = { edition: null };
const AWAITING: FixtureOptions = { edition: { number: 2, signedBy: ["NATO"], changeNote: "Corrects the figures of area 3." } };
const FINAL: FixtureOptions = { edition: { number: 2, signedBy: ["NATO", "EU"] } };

// Hand-written charts (the real ones come from lib/charts): rects, a path, text in three scripts, a title.
const svg = (label: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320" role="img">
  <title>${label}</title><desc>Bars by area.</desc>
  <rect x="0" y="0" width="640" height="320" fill="#ffffff"/>
  <rect x="80" y="40" width="200" height="30" fill="#1f77b4"/><rect x="280" y="40" width="120" height="30" fill="#ff7f0e"/>
  <path d="M80 280 L600 280 M80 20 L80 280" stroke="#333333" stroke-width="1" fill="none"/>
  <text x="74" y="60" text-anchor="end" font-family="sans-serif" font-size="12">Hybrid axis</text>
  <text x="320" y="305" text-anchor="middle" font-family="sans-serif" font-size="13" font-weight="bold">Προτάσεις Предложения Propositions</text>
</svg>`;
const CHARTS: ChartImage[] = [
  {
    id: "status-by-area",
    title: "Implementation status by area",
    summary: "Status of the proposals in each of 11 areas.",
    svg: svg("Status"),
    width: 640,
    height: 320,
    png: new Uint8Array(),
  },
  {
    id: "assessment",
    title: "Assessment (RAG)",
    summary: "Most approved updates are on track.",
    svg: svg("Assessment"),
    width: 640,
    height: 320,
    png: new Uint8Array(),
  },
];

/** An entry's narrative replaced by text with control characters, a lone surrogate, a tab and CR LF. */
const DIRTY_NARRATIVE = "Bell\u0007 and null\u0000 gone;\ttab kept; lone \uD800surrogate dropped; Ελληνικά kept.\r\nNext line.";

function withDirtyNarrative(source: ReportSource, number: number): ReportSource {
  const dirty = (entry: ReportEntry): ReportEntry =>
    entry.number === number && entry.update ? { ...entry, update: { ...entry.update, narrative: DIRTY_NARRATIVE } } : entry;
  return {
    header: source.header,
    async *entries(order) {
      for await (const entry of source.entries(order)) yield dirty(entry);
    },
  };
}

type Rendered = {
  source: ReportSource;
  entries: ReportEntry[];
  bytes: Buffer;
  pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  /** Text of each page. */
  pages: string[];
  /** Text of each page without the page marks (DRAFT, footer), so that text running over pages joins up. */
  bodies: string[];
};

async function listEntries(source: ReportSource, order: "area" | "number"): Promise<ReportEntry[]> {
  const entries: ReportEntry[] = [];
  for await (const entry of source.entries(order)) entries.push(entry);
  return entries;
}

function withoutPageMarks(text: string, stamp: string): string {
  return text
    .replaceAll(stamp, "")
    .replace(/Page \d+ of \d+/g, "")
    .replace(/DRAFT · live data as of [^\n]*/g, "")
    .replace(/^DRAFT$/gm, "")
    .trim();
}

async function render(options: FixtureOptions, prepare: (source: ReportSource) => ReportSource = (s) => s): Promise<Rendered> {
  const source = prepare(fixtureReport(options));
  const bytes = await readAll(renderReportPdf({ source, charts: CHARTS }));
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text: pages } = await extractText(pdf, { mergePages: false });
  const stamp = reportStamp(source.header);
  return { source, entries: await listEntries(source, "area"), bytes, pdf, pages, bodies: pages.map((p) => withoutPageMarks(p, stamp)) };
}

/** Every compressed stream of the file, inflated (page contents, forms, fonts). */
function pageContents(bytes: Buffer): string[] {
  const raw = bytes.toString("latin1");
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf("\nendstream", start);
    try {
      streams.push(inflateSync(bytes.subarray(start, end)).toString("latin1"));
    } catch {
      // Not a deflated stream (the XMP metadata).
    }
  }
  return streams;
}

async function documentInfo(rendered: Rendered): Promise<Record<string, string>> {
  return (await rendered.pdf.getMetadata()).info as Record<string, string>;
}

/** Text compared without any whitespace: lines wrap at different places than the source text breaks. */
function squash(text: string): string {
  return text.replace(/[\s\u200e\u200f]+/g, "");
}

let draft: Rendered;
let awaiting: Rendered;
let final: Rendered;

beforeAll(async () => {
  draft = await render(DRAFT, (source) => withDirtyNarrative(source, 9));
  // Only its title page and page marks are looked at: a small catalogue keeps the suite quick.
  awaiting = await render({ ...AWAITING, proposals: 12 });
  final = await render(FINAL);
  // Three documents rendered: allow for a busy machine (the build runs beside the tests).
}, 60_000);

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("cleanText", () => {
  test.each([
    ["Bell\u0007 and null\u0000", "Bell and null"],
    ["a\tb", "a    b"],
    ["one\r\ntwo\rthree", "one\ntwo\nthree"],
    ["lone \uD800high and \uDC00low", "lone high and low"],
    ["pair 🇪🇺 stays", "pair 🇪🇺 stays"],
    ["C1 \u0085 control", "C1  control"],
    ["Coopération Ελληνικά кириллица \u200f mark", "Coopération Ελληνικά кириллица \u200f mark"],
    ["=SUM(A1) & <b> \"q\" 'a'", "=SUM(A1) & <b> \"q\" 'a'"],
  ])("%j -> %j", (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe("isSafeLink", () => {
  test.each([
    ["https://www.nato.int/x", true],
    ["http://example.org", true],
    ["mailto:staff@example.org", true],
    ["javascript:alert(1)", false],
    ["file:///etc/passwd", false],
    ["/relative/path", false],
  ])("%s -> %s", (url, expected) => {
    expect(isSafeLink(url)).toBe(expected);
  });
});

describe("renderReportPdf", () => {
  test("A4 portrait pages with landscape annex pages, DejaVu Sans embedded and no standard font", async () => {
    const first = await final.pdf.getPage(1);
    expect(first.view).toEqual([0, 0, 595.28, 841.89]);
    const last = await final.pdf.getPage(final.pdf.numPages);
    expect(last.view).toEqual([0, 0, 841.89, 595.28]);
    const raw = final.bytes.toString("latin1");
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
  });

  test("the document info says what the report is, dated by its content, not by the rendering", async () => {
    const info = await documentInfo(final);
    expect(info.Title).toBe(final.source.header.title);
    expect(info.Author).toBe("NATO–EU Progress Tracker");
    expect(info.Subject).toBe("11th progress report · Edition 2 · Final");
    expect(info.CreationDate).toBe("D:20260609164500Z");
    expect(info.ModDate).toBe("D:20260609164500Z");
    const draftInfo = await documentInfo(draft);
    expect(draftInfo.Subject).toBe("11th progress report · Draft");
    expect(draftInfo.CreationDate).toBe("D:20261202080000Z");
  });

  test("the title page shows the period, edition, state and sign-offs", () => {
    const draftTitle = draft.bodies[0]!;
    const awaitingTitle = awaiting.bodies[0]!;
    const finalTitle = final.bodies[0]!;
    for (const title of [draftTitle, awaitingTitle, finalTitle]) {
      expect(title).toContain("11th progress report");
      expect(title).toContain("Covering 1 Jun 2025 to 31 May 2026");
    }
    expect(draftTitle).toContain("Edition Draft");
    expect(draftTitle).toContain("Live data as of 2 Dec 2026, 08:00 UTC");
    expect(draftTitle).toContain("Awaiting sign-off NATO, EU");
    expect(awaitingTitle).toContain("Edition 2 · Awaiting sign-off");
    expect(awaitingTitle).toContain("Published 9 Jun 2026, 16:45 UTC");
    expect(awaitingTitle).toContain("Published by Nora NATO-Manager");
    expect(awaitingTitle).toContain("Change note Corrects the figures of area 3.");
    expect(awaitingTitle).toContain("Sign-off NATO Signed off by Nora NATO-Manager, 10 Jun 2026, 10:00 UTC");
    expect(awaitingTitle).toContain("Sign-off EU Not signed off yet");
    expect(finalTitle).toContain("Edition 2 · Final");
    expect(finalTitle).toContain("Sign-off EU Signed off by Élodie EU-Manager, 10 Jun 2026, 10:00 UTC");
    expect(finalTitle).not.toContain("Awaiting sign-off");
    expect(squash(finalTitle)).toContain(`SHA-256ofthefrozensnapshot):${"0".repeat(64)}`);
  });

  test("the outline has the sections and one bookmark per area, in order", async () => {
    const outline = await final.pdf.getOutline();
    const areas = final.source.header.areas.map((a) => areaTitle(a.number, a.name));
    expect(outline.map((item) => item.title)).toEqual(["Title page", "Introduction", "Highlights", ...areas, "Charts", ANNEX_TITLE]);
    expect(areas).toHaveLength(11);
  });

  test("the introduction gives the fixture's figures", () => {
    const { figures } = final.source.header;
    const intro = final.bodies.find((page) => page.startsWith("Introduction"))!;
    expect(squash(intro)).toContain(
      squash(`follows the ${figures.totalProposals} common proposals of NATO and the EU: 42 of the December 2016 set and 32 of the December 2017 set.`),
    );
    expect(squash(intro)).toContain(
      squash(`${figures.updatedCount} of ${figures.totalProposals} proposals (${figures.coveragePercent}%) have an approved update for this period`),
    );
    expect(squash(intro)).toContain(squash(`${figures.atRiskCount} approved updates are assessed at risk or off track`));
    for (const row of figures.statusCounts) expect(intro).toContain(`${row.label} ${row.count} ${row.share}%`);
    for (const row of figures.assessments) expect(intro).toContain(`${row.label} ${row.count} ${row.share}%`);
    expect(figures.statusCounts.reduce((sum, row) => sum + row.count, 0)).toBe(74);
  });

  test("the highlights list every highlighted update", () => {
    const start = final.bodies.findIndex((page) => page.startsWith("Highlights"));
    const text = squash(final.bodies.slice(start, start + 2).join(""));
    expect(final.source.header.highlights.length).toBeGreaterThan(0);
    for (const h of final.source.header.highlights) expect(text).toContain(squash(`${h.code} · ${h.title}`));
  });

  test("each area in order, with every proposal of the area under its heading", () => {
    const { header } = final.source;
    const starts = header.areas.map((a) => final.bodies.findIndex((page) => squash(page).startsWith(squash(areaTitle(a.number, a.name)))));
    expect(starts.every((start) => start > 0)).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    header.areas.forEach((area, i) => {
      const end = starts[i + 1] ?? final.bodies.findIndex((p) => p.startsWith("Charts"));
      const text = squash(final.bodies.slice(starts[i]!, end).join(""));
      const entries = final.entries.filter((e) => e.areaNumber === area.number);
      expect(entries).toHaveLength(area.proposals);
      const positions = entries.map((e) => text.indexOf(squash(`${e.code} · ${e.title}`)));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });
  });

  test("every approved narrative reads back whole (accents, Greek, Cyrillic, line breaks, long ones over pages)", () => {
    const text = squash(draft.bodies.join(""));
    const approved = draft.entries.filter((e) => e.update);
    for (const entry of approved) expect(text, entry.code).toContain(squash(cleanText(entry.update!.narrative)));
    expect(text).toContain(squash("Coopération renforcée : réunions PSC–NAC, « échanges » réguliers. Ελληνικά και кириллица."));
    expect(approved.some((e) => e.update!.narrative.length > 3000)).toBe(true);
    // The dirty narrative: control characters and the lone surrogate gone, the rest kept.
    expect(text).toContain(squash("Bell and null gone; tab kept; lone surrogate dropped; Ελληνικά kept. Next line."));
  });

  test("a proposal without an approved update says so", () => {
    const missing = final.entries.filter((e) => !e.update);
    expect(missing.length).toBeGreaterThan(0);
    expect(final.bodies.join("\n").split(NO_UPDATE_TEXT).length - 1).toBe(missing.length);
  });

  test("every page carries the stamp and its number; DRAFT on every page of a draft and on none of an edition", () => {
    for (const rendered of [draft, awaiting, final]) {
      const stamp = reportStamp(rendered.source.header);
      const total = rendered.pages.length;
      rendered.pages.forEach((page, i) => {
        expect(page).toContain(stamp);
        expect(page).toMatch(new RegExp(`Page ${i + 1} of ${total}(?!\\d)`));
      });
    }
    expect(draft.pages.every((page) => page.includes("DRAFT"))).toBe(true);
    expect(final.pages.some((page) => page.includes("DRAFT"))).toBe(false);
    expect(awaiting.pages.some((page) => page.includes("DRAFT"))).toBe(false);
  });

  test("the annex lists every proposal with a column per period, its header row on every page", () => {
    const start = final.bodies.findIndex((page) => page.startsWith(ANNEX_TITLE));
    const annex = final.bodies.slice(start);
    expect(annex.length).toBeGreaterThan(1);
    const header = /No\. Proposal 1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th/;
    for (const page of annex) expect(page).toMatch(header);
    const text = annex.join("\n");
    for (const entry of final.entries) expect(text).toMatch(new RegExp(`\\b${entry.code}\\b`));
  });

  test("charts are vector drawings whose text reads back, with caption and summary", () => {
    expect(final.bytes.toString("latin1")).not.toContain("/Subtype /Image");
    const index = final.bodies.findIndex((page) => page.startsWith("Charts"));
    const page = final.bodies[index]!;
    expect(page).toContain("Figure 1: Implementation status by area");
    expect(page).toContain("Figure 2: Assessment (RAG)");
    expect(page).toContain("Status of the proposals in each of 11 areas.");
    expect(page).toContain("Hybrid axis");
    expect(page).toContain("Προτάσεις Предложения Propositions");
    // The bars are filled paths in the content: the SVG's #1f77b4 as an RGB fill colour, then a fill.
    const content = pageContents(final.bytes).find((stream) => stream.includes("0.12156862745098039 0.4666666666666667 0.7058823529411765 scn"));
    expect(content).toMatch(/0\.7058823529411765 scn\n[\s\S]*?\bf\n/);
  });

  test("evidence links are link annotations to their URL", async () => {
    const expected = final.entries.flatMap((e) => e.update?.evidenceLinks.map((l) => l.url) ?? []);
    const pages = await Promise.all(Array.from({ length: final.pdf.numPages }, (_, i) => final.pdf.getPage(i + 1).then((page) => page.getAnnotations())));
    const found = pages.flat().flatMap((annotation) => (annotation.subtype === "Link" && annotation.url ? [annotation.url as string] : []));
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(found)).toEqual(new Set(expected));
  });

  test("the same report gives the same bytes: later, with Math.random stubbed, and with two downloads at once", async () => {
    const small = (options: FixtureOptions) => renderReportPdf({ source: fixtureReport({ ...options, proposals: 12 }), charts: CHARTS });
    const alone = [await readAll(small(FINAL)), await readAll(small(DRAFT))];
    // Years later by the clock, with other random numbers, and interleaved (both share the parsed fonts).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-03-04T05:06:07Z"));
    vi.spyOn(Math, "random").mockReturnValue(0.42);
    const readers = [small(FINAL).getReader(), small(DRAFT).getReader()];
    const chunks: Uint8Array[][] = [[], []];
    const done = [false, false];
    while (!done[0] || !done[1]) {
      for (const i of [0, 1]) {
        if (done[i]) continue;
        const { value, done: isDone } = await readers[i]!.read();
        if (isDone) done[i] = true;
        else chunks[i]!.push(value);
      }
    }
    expect(Buffer.concat(chunks[0]!).equals(alone[0]!)).toBe(true);
    expect(Buffer.concat(chunks[1]!).equals(alone[1]!)).toBe(true);
    expect(alone[0]!.equals(alone[1]!)).toBe(false);
  });

  test("bytes flow while proposals are still being read, and cancelling stops reading them", async () => {
    const { source, stats } = trackReads(fixtureReport(DRAFT));
    const reader = renderReportPdf({ source, charts: CHARTS }).getReader();
    let chunks = 0;
    while (stats.read === 0) {
      const { value, done } = await reader.read();
      expect(done).toBe(false);
      expect(value!.length).toBeGreaterThan(0);
      chunks += 1;
    }
    await reader.read();
    expect(chunks).toBeGreaterThan(1);
    expect(stats.read).toBeLessThan(20);
    await reader.cancel();
    await vi.waitFor(() => expect(stats.closed).toBe(true));
    const readWhenCancelled = stats.read;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stats.read).toBe(readWhenCancelled);
    expect(stats.read).toBeLessThan(74);
  });
});

describe.skipIf(!process.env.PDF_BIG && !process.env.EXPORT_BIG)("renderReportPdf at 7,400 proposals × 40 periods (PDF_BIG=1 or EXPORT_BIG=1)", () => {
  test("measures time to the last byte and peak RSS", { timeout: 120_000 }, async () => {
    const source = fixtureReport({ ...FINAL, proposals: 7400, periods: 40 });
    let firstByte = 0;
    const measure = await measureRender(async (sinceStart) => {
      const reader = renderReportPdf({ source, charts: CHARTS }).getReader();
      let bytes = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        firstByte ||= sinceStart();
        bytes += value.length;
      }
      return bytes;
    });
    console.log(`pdf 7400×40: first byte ${Math.round(firstByte)} ms, last byte ${measure.summary}`);
    expect(measure.ms).toBeLessThan(30_000);
  });
});
