// The Word report read back as a reader (mammoth's HTML: headings, paragraphs, tables, links) and as
// Word reads it (the XML parts of the zip): what it says, where, and that the same report gives the
// same bytes.
import { Resvg } from "@resvg/resvg-js";
import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { reportStamp, type ReportEntry, type ReportSource } from "@/lib/domain/report";
import { ASSESSMENT_LABELS, STATUS_LABELS } from "@/lib/domain/vocabulary";
import { fixtureEntries, fixtureReport, type FixtureOptions } from "@/tests/support/report-fixture";
import { renderReportDocx } from "./docx";
import { readAll } from "./stream";
import type { ChartImage } from "./types";

function chart(id: ChartImage["id"], title: string, summary: string, width: number, height: number, colour: string): ChartImage {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${colour}"/></svg>`;
  return { id, title, summary, svg, width, height, png: new Resvg(svg).render().asPng() };
}

const CHARTS = [
  chart("status-by-area", "Implementation status by area", "Area 1 has 6 proposals & none updated <yet>.", 1200, 600, "#4472c4"),
  chart("trend", "Trend across reporting periods", "Completed grows every period.", 480, 240, "#ed7d31"),
];

type Rendered = { bytes: Buffer; parts: Record<string, string>; media: string[] };

async function render(source: ReportSource, charts: ChartImage[] = CHARTS): Promise<Rendered> {
  const bytes = await readAll(renderReportDocx({ source, charts }));
  const files = unzipSync(new Uint8Array(bytes));
  const parts = Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => /\.(xml|rels)$/.test(path))
      .map(([path, data]) => [path, strFromU8(data)]),
  );
  const media = Object.keys(files).filter((path) => path.startsWith("word/media/"));
  return { bytes, parts, media };
}

/** The document as a reader sees it: mammoth's HTML (Heading 1 as h1 and so on). Slow: used where it counts. */
async function htmlOf(rendered: Rendered): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: rendered.bytes })).value;
}

// Reading document.xml directly (quicker than mammoth): each paragraph's style and text.
const XML_ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };
function xmlParagraphs(rendered: Rendered): { style: string | null; text: string }[] {
  return [...rendered.parts["word/document.xml"]!.matchAll(/<w:p(?: [^>]*)?>(.*?)<\/w:p>/g)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1]!)?.[1] ?? null,
    text: [...m[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
      .map((t) => (t[0] === "<w:br/>" ? "\n" : t[0] === "<w:tab/>" ? "\t" : t[1]!.replace(/&(lt|gt|quot|apos|amp);/g, (e) => XML_ENTITIES[e]!)))
      .join(""),
  }));
}

/** The tables of document.xml: rows of cell texts. */
function xmlTables(rendered: Rendered): string[][][] {
  const cellText = (cell: string) =>
    [...cell.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]!.replace(/&(lt|gt|quot|apos|amp);/g, (e) => XML_ENTITIES[e]!)).join("");
  return [...rendered.parts["word/document.xml"]!.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((c) => cellText(c[1]!))),
  );
}

/** Texts of the paragraphs after the heading that starts with `title`, up to the next heading of its level or higher. */
function xmlSection(rendered: Rendered, level: 1 | 2, title: string): string[] {
  const paragraphs = xmlParagraphs(rendered);
  const isHeading = (style: string | null) => style !== null && /^Heading[1-9]$/.test(style) && Number(style.slice(7)) <= level;
  const start = paragraphs.findIndex((p) => p.style === `Heading${level}` && p.text.startsWith(title));
  if (start < 0) throw new Error(`no heading ${title}`);
  const end = paragraphs.findIndex((p, i) => i > start && isHeading(p.style));
  return paragraphs.slice(start + 1, end < 0 ? undefined : end).map((p) => p.text);
}

// Reading mammoth's HTML: text of an element (line breaks kept), headings, paragraphs, tables, sections.
const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&amp;": "&" };
const textOf = (fragment: string) =>
  fragment
    .replace(/<br \/>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e]!);
const headingsOf = (html: string) => [...html.matchAll(/<h([1-3])>(.*?)<\/h\1>/g)].map((m) => ({ level: Number(m[1]), text: textOf(m[2]!) }));
const paragraphsOf = (html: string) => [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => textOf(m[1]!));
const tablesOf = (html: string) =>
  [...html.matchAll(/<table>(.*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((c) => textOf(c[1]!))),
  );

/** The HTML from the heading whose text starts with `title` to the next heading of the same or a higher level. */
function sectionOf(html: string, level: 1 | 2, title: string): string {
  const starts = [...html.matchAll(new RegExp(`<h([1-${level}])>`, "g"))].map((m) => m.index!);
  const start = starts.find((index) => textOf(html.slice(index, html.indexOf("</h", index))).startsWith(title));
  if (start === undefined) throw new Error(`no heading ${title}`);
  return html.slice(start, starts.find((index) => index > start) ?? html.length);
}

/** Blocks of a narrative as the report shows them: one paragraph per blank-line-separated block. */
const blocksOf = (text: string) =>
  text
    .trim()
    .split(/\n[ \t]*\n\s*/)
    .filter((b) => b.trim());

function withEntries(source: ReportSource, change: (entry: ReportEntry) => ReportEntry): ReportSource {
  return {
    header: source.header,
    async *entries(order) {
      for await (const entry of source.entries(order)) yield change(entry);
    },
  };
}

const DRAFT: FixtureOptions = { edition: null };
const AWAITING: FixtureOptions = { edition: { number: 2, signedBy: ["NATO"], changeNote: "Corrects the status of P07." } };
const FINAL: FixtureOptions = { edition: { number: 2, signedBy: ["NATO", "EU"] } };

let draft: Rendered;
let draftHtml: string;
let awaiting: Rendered;
let final: Rendered;
const entries = fixtureEntries(DRAFT);
const header = fixtureReport(DRAFT).header;

beforeAll(async () => {
  [draft, awaiting, final] = await Promise.all([render(fixtureReport(DRAFT)), render(fixtureReport(AWAITING)), render(fixtureReport(FINAL))]);
  draftHtml = await htmlOf(draft);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("renderReportDocx: content", () => {
  test("has one Heading 1 per area, in order, each with its proposals as Heading 2 in proposal order", () => {
    const headings = headingsOf(draftHtml).filter((h) => h.level <= 2);
    const h1 = headings.filter((h) => h.level === 1).map((h) => h.text);
    expect(h1).toEqual([
      "Introduction",
      "Highlights",
      ...header.areas.map((a) => `Area ${a.number}: ${a.name}`),
      "Charts",
      "Annex: status of every proposal across all periods",
    ]);
    for (const area of header.areas) {
      const proposals = headingsOf(sectionOf(draftHtml, 1, `Area ${area.number}:`))
        .filter((h) => h.level === 2)
        .map((h) => h.text);
      const expected = entries.filter((e) => e.areaNumber === area.number).sort((a, b) => a.number - b.number);
      expect(proposals).toEqual(expected.map((e) => `${e.code} · ${e.title}`));
    }
  });

  test("gives each proposal its status, approved narrative (paragraphs and line breaks kept), next steps, or says it has no update", () => {
    for (const entry of entries) {
      const paragraphs = paragraphsOf(sectionOf(draftHtml, 2, `${entry.code} · `));
      if (!entry.update) {
        expect(paragraphs).toEqual(["No approved update for this period."]);
        continue;
      }
      const { status, assessment, progress } = entry.update;
      expect(paragraphs[0]).toBe(`Status: ${STATUS_LABELS[status]}   Assessment: ${ASSESSMENT_LABELS[assessment]}   Progress: ${progress}%`);
      for (const block of blocksOf(entry.update.narrative)) expect(paragraphs).toContain(block);
      if (entry.update.nextSteps) expect(paragraphs).toContain(entry.update.nextSteps);
      else expect(paragraphs).not.toContain("Next steps");
    }
    const narrative = paragraphsOf(draftHtml);
    expect(narrative).toContain("Line one.\nLine two after a line break.");
    expect(narrative).toContain("A new paragraph with a tab\there.");
    expect(narrative.filter((p) => p === "No approved update for this period.")).toHaveLength(entries.filter((e) => !e.update).length);
  });

  test("opens with the fixture's figures: proposals by set, status and assessment counts, coverage", () => {
    const { figures } = header;
    const [bySet, status, assessment, coverage] = tablesOf(sectionOf(draftHtml, 1, "Introduction"));
    expect(bySet).toEqual([["Set", "Proposals"], ...figures.bySet.map((s) => [s.label, String(s.count)]), ["Total", String(figures.totalProposals)]]);
    expect(status).toEqual([
      ["Status", "Proposals", "Share"],
      ...figures.statusCounts.map((s) => [s.label, String(s.count), `${s.share}%`]),
      ["Total", String(figures.totalProposals), ""],
    ]);
    expect(status!.map((row) => row[0])).toContain("No update");
    expect(assessment).toEqual([
      ["Assessment", "Approved updates", "Share"],
      ...figures.assessments.map((a) => [a.label, String(a.count), `${a.share}%`]),
      ["Total", String(figures.updatedCount), ""],
    ]);
    expect(coverage).toContainEqual(["With an approved update", String(figures.updatedCount)]);
    expect(coverage).toContainEqual(["Coverage", `${figures.coveragePercent}%`]);
    expect(coverage).toContainEqual(["At risk or off track", String(figures.atRiskCount)]);
    expect(paragraphsOf(sectionOf(draftHtml, 1, "Introduction"))[0]).toContain("covers the 11th progress report, from 1 Jun 2025 to 31 May 2026");
  });

  test("shows each area's status counts above its proposals", () => {
    for (const row of header.figures.byArea) {
      const [table] = tablesOf(sectionOf(draftHtml, 1, `Area ${row.number}:`));
      expect(table).toEqual([
        ["Not started", "In progress", "Ongoing", "Completed", "Stalled", "No update", "Total"],
        [row.counts.NOT_STARTED, row.counts.IN_PROGRESS, row.counts.ONGOING, row.counts.COMPLETED, row.counts.STALLED, row.counts.NO_UPDATE, row.total].map(
          String,
        ),
      ]);
    }
  });

  test("lists the highlights with their area and narrative, or says there are none", async () => {
    const section = sectionOf(draftHtml, 1, "Highlights");
    const paragraphs = paragraphsOf(section);
    expect(header.highlights.length).toBeGreaterThan(0);
    for (const h of header.highlights) {
      expect(paragraphs).toContain(`${h.code} · ${h.title} — Area ${h.areaNumber}: ${h.areaName}`);
      for (const block of blocksOf(h.narrative)) expect(paragraphs).toContain(block);
    }
    const source = fixtureReport(DRAFT);
    const none = await render({ ...source, header: { ...source.header, highlights: [] } }, []);
    expect(xmlSection(none, 1, "Highlights")).toEqual(["No approved update was marked as a highlight for this period."]);
  });

  test("ends with the annex: one row per proposal in number order, one column per period, status labels or –", () => {
    const tables = tablesOf(sectionOf(draftHtml, 1, "Annex"));
    expect(tables).toHaveLength(1);
    const [head, ...rows] = tables[0]!;
    expect(head).toEqual(["Code", "Title", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "11th"]);
    const byNumber = [...entries].sort((a, b) => a.number - b.number);
    expect(rows).toEqual(byNumber.map((e) => [e.code, e.title, ...e.history.map((s) => (s ? STATUS_LABELS[s] : "–"))]));
    expect(draft.parts["word/document.xml"]).toMatch(/<w:tblHeader\/>/);
  });

  test("splits 40 periods over annex tables of at most 12 periods on landscape pages, every period once", async () => {
    const options: FixtureOptions = { proposals: 20, periods: 40, edition: null };
    const wide = await render(fixtureReport(options), []);
    // The last tables of the document are the annex's.
    const tables = xmlTables(wide).slice(-4);
    expect(tables.map((t) => t[0]!.length - 2)).toEqual([12, 12, 12, 4]);
    const labels = tables.flatMap((t) => t[0]!.slice(2));
    expect(labels).toHaveLength(40);
    expect([
      labels[0],
      labels[1],
      labels[2],
      labels[3],
      labels[10],
      labels[11],
      labels[12],
      labels[20],
      labels[21],
      labels[22],
      labels[30],
      labels[39],
    ]).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st", "40th"]);
    const byNumber = fixtureEntries(options).sort((a, b) => a.number - b.number);
    for (const [i, entry] of byNumber.entries()) {
      const cells = tables.flatMap((t) => t[i + 1]!.slice(2));
      expect(tables.every((t) => t[i + 1]![0] === entry.code)).toBe(true);
      expect(cells).toEqual(entry.history.map((s) => (s ? STATUS_LABELS[s] : "–")));
    }
    const sections = [...wide.parts["word/document.xml"]!.matchAll(/<w:pgSz [^>]*w:orient="(\w+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(["portrait", "landscape"]);
  });
});

describe("renderReportDocx: title page and pages", () => {
  test("title page of a draft: title, period and dates, edition, state, as-of date", () => {
    const paragraphs = paragraphsOf(draftHtml);
    expect(paragraphs.slice(0, 5)).toEqual([
      header.title,
      "11th progress report: 1 Jun 2025 – 31 May 2026",
      "Edition: Draft",
      "State: Draft",
      "As of: 2 Dec 2026, 08:00 UTC",
    ]);
  });

  test("title page of an edition: publication, change note, who signed for NATO and EU, who is missing, content hash", () => {
    const paragraphs = xmlParagraphs(awaiting).map((p) => p.text);
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        "Edition: Edition 2",
        "State: Awaiting sign-off",
        "Published: 9 Jun 2026, 16:45 UTC",
        "Published by: Nora NATO-Manager",
        "Change note: Corrects the status of P07.",
        "Signed off for NATO: Nora NATO-Manager, 10 Jun 2026, 10:00 UTC",
        "Signed off for EU: not yet signed",
        "Still to sign off: EU",
        `Content hash (SHA-256): ${"0".repeat(64)}`,
      ]),
    );
    const finalParagraphs = xmlParagraphs(final).map((p) => p.text);
    expect(finalParagraphs).toEqual(expect.arrayContaining(["State: Final", "Signed off for EU: Élodie EU-Manager, 10 Jun 2026, 10:00 UTC"]));
    expect(finalParagraphs.some((p) => p.startsWith("Still to sign off"))).toBe(false);
  });

  /** The header and footer XML of every section (every page belongs to one). */
  function pagesOf(rendered: Rendered): { header: string; footer: string }[] {
    const rels = rendered.parts["word/_rels/document.xml.rels"]!;
    const target = (id: string) => rendered.parts[`word/${new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`]!;
    return [...rendered.parts["word/document.xml"]!.matchAll(/<w:sectPr>(.*?)<\/w:sectPr>/g)].map((m) => ({
      header: target(/<w:headerReference w:type="default" r:id="([^"]+)"/.exec(m[1]!)![1]!),
      footer: target(/<w:footerReference w:type="default" r:id="([^"]+)"/.exec(m[1]!)![1]!),
    }));
  }

  test("marks every page of a draft DRAFT in bold, and no page of a final edition", () => {
    const draftPages = pagesOf(draft);
    expect(draftPages).toHaveLength(2);
    for (const page of draftPages) expect(page.header).toMatch(/<w:r><w:rPr><w:b\/>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">DRAFT<\/w:t><\/w:r>/);
    for (const page of pagesOf(awaiting)) expect(page.header).toContain(">AWAITING SIGN-OFF<");
    for (const page of [...pagesOf(final), ...pagesOf(awaiting)]) expect(page.header).not.toContain("DRAFT");
  });

  test("puts the report stamp and Page X of Y fields in the footer of every page", () => {
    for (const rendered of [draft, final]) {
      const source = rendered === draft ? fixtureReport(DRAFT) : fixtureReport(FINAL);
      for (const page of pagesOf(rendered)) {
        expect(page.footer).toContain(`>${reportStamp(source.header)}<`);
        expect(page.footer).toMatch(/Page <\/w:t>.*<w:instrText[^>]*>PAGE<\/w:instrText>.* of <\/w:t>.*<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      }
    }
    expect(reportStamp(fixtureReport(FINAL).header)).toBe("11th progress report · Edition 2 · Final");
  });

  test("has a contents field listing the headings, updated by Word on opening", () => {
    expect(draft.parts["word/document.xml"]).toMatch(/<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-3&quot;<\/w:instrText>/);
    expect(draft.parts["word/settings.xml"]).toContain("<w:updateFields/>");
    expect(draft.parts["word/styles.xml"]).toContain('<w:style w:type="paragraph" w:styleId="Heading1">');
  });

  test("sets the document properties from the report, dated by the report and not by the clock", () => {
    const core = (r: Rendered) => r.parts["docProps/core.xml"]!;
    expect(core(draft)).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-02T08:00:00Z</dcterms:created>');
    expect(core(draft)).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-02T08:00:00Z</dcterms:modified>');
    expect(core(final)).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-06-09T16:45:00Z</dcterms:created>');
    expect(core(final)).toContain("<dc:creator>NATO–EU Progress Tracker</dc:creator>");
    expect(core(final)).toContain(`<dc:title>${header.title} (11th progress report)</dc:title>`);
    expect(core(final)).toContain("<dc:subject>NATO–EU progress report: 11th progress report · Edition 2 · Final</dc:subject>");
  });
});

describe("renderReportDocx: charts, links and text safety", () => {
  test("embeds every chart as SVG with its PNG fallback, fitted to the page, with its summary as alt text and its title as caption", () => {
    expect(draft.media.filter((m) => m.endsWith(".svg"))).toHaveLength(CHARTS.length);
    expect(draft.media.filter((m) => m.endsWith(".png"))).toHaveLength(CHARTS.length);
    const xml = draft.parts["word/document.xml"]!;
    expect(xml).toContain('descr="Implementation status by area. Area 1 has 6 proposals &amp; none updated &lt;yet&gt;."');
    expect(xml).toContain('descr="Trend across reporting periods. Completed grows every period."');
    const extents = [...xml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    // EMU: 9525 per CSS pixel, 360,000 per cm. The 1200 px chart shrinks to the 17 cm text width; the 480 px one stays as drawn.
    const [width, height] = extents[0]!;
    expect(width).toBeGreaterThan(16.8 * 360000);
    expect(width).toBeLessThanOrEqual(17 * 360000);
    expect(width / height).toBeCloseTo(2, 2);
    expect(extents[1]).toEqual([480 * 9525, 240 * 9525]);
    expect(paragraphsOf(sectionOf(draftHtml, 1, "Charts"))).toEqual(expect.arrayContaining(CHARTS.map((c) => c.title)));
  });

  test("links each evidence link to its address", () => {
    const linked = entries.flatMap((e) => e.update?.evidenceLinks ?? []);
    expect(linked.length).toBeGreaterThan(0);
    for (const link of linked) {
      expect(draftHtml).toContain(`<a href="${link.url}">${link.label}</a>`);
      expect(draft.parts["word/_rels/document.xml.rels"]).toContain(`Target="${link.url}" TargetMode="External"`);
    }
  });

  test("keeps formula-like text literal: the only fields are the contents' and the page numbers'", () => {
    expect(paragraphsOf(draftHtml)).toContain('=HYPERLINK("http://evil.example","click") must stay text; so must +1, -2 and @SUM(A1).');
    const fields = new Set(
      [
        ...Object.values(draft.parts)
          .join("")
          .matchAll(/<w:instrText[^>]*>\s*(\w+)/g),
      ].map((m) => m[1]),
    );
    expect([...fields].sort()).toEqual(["NUMPAGES", "PAGE", "PAGEREF", "TOC"]);
    expect(draft.parts["word/document.xml"]).not.toContain("<w:fldSimple");
  });

  test("drops characters XML forbids and keeps every other character; links only web addresses", async () => {
    const dirty = "Bell\u0007 NUL\u0000 VT\u000B lone\uD800 end\uDFFF FFFE\uFFFE";
    const source = withEntries(fixtureReport(DRAFT), (entry) =>
      entry.number === 7 && entry.update
        ? {
            ...entry,
            title: `Title\u0001 with control`,
            update: {
              ...entry.update,
              narrative: `${dirty} Ελληνικά кириллица é 😀 \u200f&<>"'`,
              nextSteps: "Steps\u001F here",
              evidenceLinks: [{ label: "Script\u0008", url: "javascript:alert(1)" }],
            },
          }
        : entry,
    );
    const rendered = await render(source, []);
    const allXml = Object.values(rendered.parts).join("");
    expect(allXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    const paragraphs = xmlSection(rendered, 2, "P07 · Title with control");
    expect(paragraphs).toContain(`Bell NUL VT lone end FFFE Ελληνικά кириллица é 😀 \u200f&<>"'`);
    expect(paragraphs).toContain("Steps here");
    expect(paragraphs).toContain("Script (javascript:alert(1))");
    expect(rendered.parts["word/_rels/document.xml.rels"]).not.toContain("javascript:");
  });

  test("gives the same bytes for the same report, whatever the clock says and however many were built before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-03-04T05:06:07Z"));
    const again = await render(fixtureReport(DRAFT));
    expect(Buffer.compare(again.bytes, draft.bytes)).toBe(0);
    vi.setSystemTime(new Date("2027-01-01T00:00:00Z"));
    const third = await render(fixtureReport(AWAITING));
    expect(Buffer.compare(third.bytes, awaiting.bytes)).toBe(0);
  });
});
