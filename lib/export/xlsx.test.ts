import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { describe, expect, test, vi } from "vitest";
import { STATUS_KEYS } from "@/lib/domain/dashboard";
import { STATUS_COLOURS } from "@/lib/domain/palette";
import { reportStamp, type ReportEntry, type ReportSource } from "@/lib/domain/report";
import { ASSESSMENT_LABELS, SET_LABELS, STATUS_LABELS } from "@/lib/domain/vocabulary";
import { fixtureReport, measureRender, trackReads, type FixtureOptions } from "@/tests/support/report-fixture";
import { readAll } from "./stream";
import { DRAFT_WARNING, MATRIX_SHEET, MAX_CELL_TEXT, SUMMARY_SHEET, cellText, readableTextColour, renderReportXlsx, uniqueSheetName } from "./xlsx";

const DRAFT: FixtureOptions = { edition: null };
const AWAITING: FixtureOptions = { edition: { number: 2, signedBy: ["NATO"] } };
const FINAL: FixtureOptions = { edition: { number: 2, signedBy: ["NATO", "EU"] } };

async function render(source: ReportSource): Promise<Buffer> {
  return readAll(renderReportXlsx({ source, charts: [] }));
}

async function load(source: ReportSource): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await render(source)) as unknown as ExcelJS.Buffer);
  return workbook;
}

async function entriesOf(source: ReportSource, order: "area" | "number"): Promise<ReportEntry[]> {
  const entries: ReportEntry[] = [];
  for await (const entry of source.entries(order)) entries.push(entry);
  return entries;
}

/** The fixture with some entries changed, to put hostile text where a drafter would look. */
function withEntries(source: ReportSource, change: (entry: ReportEntry) => ReportEntry): ReportSource {
  return {
    header: source.header,
    async *entries(order) {
      for await (const entry of source.entries(order)) yield change(entry);
    },
  };
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`No sheet ${name}; sheets: ${workbook.worksheets.map((w) => w.name).join(", ")}`);
  return found;
}

/** Summary rows by the label in column A (first occurrence): the values of columns B onwards. */
function summaryRows(workbook: ExcelJS.Workbook): Map<string, ExcelJS.CellValue[]> {
  const rows = new Map<string, ExcelJS.CellValue[]>();
  sheet(workbook, SUMMARY_SHEET).eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === "string" && !rows.has(label))
      rows.set(
        label,
        [2, 3, 4, 5, 6, 7, 8, 9].map((c) => row.getCell(c).value),
      );
  });
  return rows;
}

/** The modification time of every entry of a zip's central directory, as "YYYY-MM-DDTHH:MM". */
function zipEntryDates(zip: Buffer): string[] {
  const dates: string[] = [];
  for (let at = zip.indexOf("PK\x01\x02", 0, "latin1"); at >= 0; at = zip.indexOf("PK\x01\x02", at + 4, "latin1")) {
    const time = zip.readUInt16LE(at + 12);
    const day = zip.readUInt16LE(at + 14);
    const pad = (n: number) => String(n).padStart(2, "0");
    dates.push(`${(day >> 9) + 1980}-${pad((day >> 5) & 15)}-${pad(day & 31)}T${pad(time >> 11)}:${pad((time >> 5) & 63)}`);
  }
  return dates;
}

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const fillOf = (cell: ExcelJS.Cell) => (cell.fill?.type === "pattern" ? cell.fill.fgColor?.argb : undefined);

describe("cellText", () => {
  test.each([
    ["plain", "plain"],
    ['=HYPERLINK("x")', '=HYPERLINK("x")'],
    ["bell\u0007 and null\u0000 and escape\u001b", "bell and null and escape"],
    ["tab\tand\nnew line kept", "tab\tand\nnew line kept"],
    ["windows\r\nline\rends", "windows\nline\nends"],
    ["lone \uD800 high and \uDC00 low", "lone  high and  low"],
    ["pair 😀 kept", "pair 😀 kept"],
    ["non-characters \uFFFE\uFFFF gone", "non-characters  gone"],
  ])("%j -> %j", (input, expected) => {
    expect(cellText(input)).toBe(expected);
  });

  test("caps text at Excel's 32,767 characters without splitting a surrogate pair", () => {
    expect(cellText("a".repeat(40_000))).toHaveLength(MAX_CELL_TEXT);
    expect(cellText("a".repeat(40_000)).endsWith("…")).toBe(true);
    const capped = cellText("a".repeat(MAX_CELL_TEXT - 3) + "😀".repeat(10));
    expect(capped.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(cellText(capped)).toBe(capped);
  });
});

describe("uniqueSheetName", () => {
  test.each([
    ["3 Cyber security and defence", [], "3 Cyber security and defence"],
    ["2 Operational cooperation including maritime issues", [], "2 Operational cooperation"],
    ["7 Defence and security capacity-building", [], "7 Defence and security capacity"],
    ["a/b:c*d?e[f]g\\h", [], "a b c d e f g h"],
    ["'quoted'", [], "quoted"],
    ["", [], "Sheet"],
    ["History", [], "History (2)"],
    ["Summary", ["summary"], "Summary (2)"],
    ["2 Operational cooperation including maritime issues", ["2 operational cooperation"], "2 Operational cooperation (2)"],
  ])("%j (taken %j) -> %j", (wanted, taken, expected) => {
    const used = new Set(taken);
    const name = uniqueSheetName(wanted, used);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(used.has(expected.toLowerCase())).toBe(true);
  });
});

test("status colours get text that stays readable", () => {
  expect(readableTextColour(STATUS_COLOURS.IN_PROGRESS)).toBe("#FFFFFF");
  expect(readableTextColour(STATUS_COLOURS.NO_UPDATE)).toBe("#1A2330");
});

describe("renderReportXlsx, draft", () => {
  const source = fixtureReport(DRAFT);
  const { header } = source;
  const loaded = load(source);

  test("has the Summary, one sheet per area in area order and the annex, named as Excel allows", async () => {
    const names = (await loaded).worksheets.map((w) => w.name);
    expect(names).toEqual([
      "Summary",
      "1 Countering hybrid threats",
      "2 Operational cooperation",
      "3 Cyber security and defence",
      "4 Defence capabilities",
      "5 Defence industry and research",
      "6 Exercises",
      "7 Defence and security capacity",
      "8 Counter-terrorism",
      "9 Women, peace and security",
      "10 Military mobility",
      "11 Political dialogue",
      "Status across periods",
    ]);
    expect(names.length).toBe(header.areas.length + 2);
  });

  test("the Summary says DRAFT first, then the title, period, dates and sign-offs", async () => {
    const workbook = await loaded;
    const summary = sheet(workbook, SUMMARY_SHEET);
    expect(summary.getCell("A1").value).toBe(DRAFT_WARNING);
    expect(summary.getCell("A2").value).toBe(header.title);
    const rows = summaryRows(workbook);
    expect(rows.get("Report")?.[0]).toBe(header.period.name);
    expect(rows.get("Edition")?.[0]).toBe("Draft");
    expect(rows.get("State")?.[0]).toBe(DRAFT_WARNING);
    expect(rows.get("Not yet signed off by")?.[0]).toBe("NATO, EU");
    expect(rows.get("Period starts")?.[0]).toEqual(new Date("2025-06-01T00:00:00Z"));
    expect(rows.get("Cut-off")?.[0]).toEqual(new Date("2026-05-31T00:00:00Z"));
    expect(rows.get("Due")?.[0]).toEqual(new Date("2026-06-15T00:00:00Z"));
    expect(rows.get("As of (UTC)")?.[0]).toEqual(new Date(header.asOf));
  });

  test("the period dates are real Excel dates with a date format", async () => {
    const summary = sheet(await loaded, SUMMARY_SHEET);
    const startRow = summary.getColumn(1).values.indexOf("Period starts");
    const cell = summary.getCell(startRow, 2);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.numFmt).toBe("yyyy-mm-dd");
  });

  test("the Summary's figures are the header's figures", async () => {
    const rows = summaryRows(await loaded);
    const { figures } = header;
    expect(rows.get("Total proposals")?.[0]).toBe(figures.totalProposals);
    for (const set of figures.bySet) expect(rows.get(set.label)?.[0]).toBe(set.count);
    expect(rows.get("Updated in the period")?.[0]).toBe(figures.updatedCount);
    expect(rows.get("Without update")?.[0]).toBe(figures.missingCount);
    expect(rows.get("Coverage (%)")?.[0]).toBe(figures.coveragePercent);
    expect(rows.get("At risk or off track")?.[0]).toBe(figures.atRiskCount);
    for (const s of figures.statusCounts) expect(rows.get(s.label)?.slice(0, 2)).toEqual([s.count, s.share]);
    for (const a of figures.assessments) expect(rows.get(a.label)?.slice(0, 2)).toEqual([a.count, a.share]);
    for (const area of figures.byArea) {
      expect(rows.get(`${area.number} ${area.name}`)?.slice(0, 7)).toEqual([area.total, ...STATUS_KEYS.map((key) => area.counts[key])]);
    }
    expect(figures.statusCounts.some((s) => s.label === "No update" && s.count > 0)).toBe(true);
  });

  test("each area sheet has one row per proposal of the area, in proposal order, with its update", async () => {
    const workbook = await loaded;
    const entries = await entriesOf(source, "area");
    const names = workbook.worksheets.slice(1, -1);
    for (const [i, area] of header.areas.entries()) {
      const ws = names[i]!;
      const expected = entries.filter((e) => e.areaNumber === area.number);
      expect(ws.actualRowCount).toBe(expected.length + 1);
      expected.forEach((entry, r) => {
        const row = ws.getRow(r + 2);
        const u = entry.update;
        expect(row.getCell(1).value).toBe(entry.code);
        expect(row.getCell(2).value).toBe(entry.title);
        expect(row.getCell(3).value).toBe(SET_LABELS[entry.set]);
        expect(row.getCell(4).value).toBe(entry.edaInvolved ? "Yes" : "No");
        expect(row.getCell(5).value).toBe(u ? STATUS_LABELS[u.status] : "No update");
        expect(row.getCell(6).value ?? null).toBe(u ? ASSESSMENT_LABELS[u.assessment] : null);
        expect(row.getCell(7).value ?? null).toBe(u ? u.progress : null);
        expect(row.getCell(8).value ?? "").toBe(u?.narrative ?? "");
        expect(row.getCell(11).value ?? null).toBe(u ? (u.highlight ? "Yes" : "No") : null);
        expect(row.getCell(14).value ?? null).toEqual(u?.approvedAt ? new Date(u.approvedAt) : null);
      });
    }
  });

  test("evidence is written as 'label: url' and approved at is a date-time cell", async () => {
    const entries = await entriesOf(source, "area");
    const withEvidence = entries.find((e) => e.update && e.update.evidenceLinks.length > 0)!;
    const ws = (await loaded).worksheets.find((w) => w.name.startsWith(`${withEvidence.areaNumber} `))!;
    const row = ws.getRow(entries.filter((e) => e.areaNumber === withEvidence.areaNumber).indexOf(withEvidence) + 2);
    const link = withEvidence.update!.evidenceLinks[0]!;
    expect(row.getCell(10).value).toBe(`${link.label}: ${link.url}`);
    expect(row.getCell(10).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(14).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(14).numFmt).toBe("yyyy-mm-dd hh:mm");
  });

  test("status cells are spelled out and coloured with readable text", async () => {
    const workbook = await loaded;
    const seen = new Set<string>();
    for (const ws of workbook.worksheets.slice(1, -1)) {
      ws.eachRow((row, r) => {
        if (r === 1) return;
        const cell = row.getCell(5);
        const key = STATUS_KEYS.find((k) => (k === "NO_UPDATE" ? "No update" : STATUS_LABELS[k]) === cell.value)!;
        expect(key).toBeDefined();
        expect(fillOf(cell)).toBe(argb(STATUS_COLOURS[key]));
        expect(cell.font?.color?.argb).toBe(argb(readableTextColour(STATUS_COLOURS[key])));
        seen.add(key);
      });
    }
    expect([...seen].sort()).toEqual([...STATUS_KEYS].sort());
  });

  test("tables have a frozen header row, an auto-filter and set column widths", async () => {
    const workbook = await loaded;
    for (const ws of workbook.worksheets.slice(1)) {
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getColumn(2).width).toBe(40);
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    }
    expect(sheet(workbook, MATRIX_SHEET).views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 1 });
    expect(workbook.worksheets[1]!.autoFilter).toBe(`A1:N${workbook.worksheets[1]!.actualRowCount}`);
  });

  test("narratives wrap and keep their line breaks and tabs", async () => {
    const entries = await entriesOf(source, "area");
    const multiLine = entries.find((e) => e.update?.narrative.includes("\n"))!;
    const ws = (await loaded).worksheets.find((w) => w.name.startsWith(`${multiLine.areaNumber} `))!;
    const cell = ws.getRow(entries.filter((e) => e.areaNumber === multiLine.areaNumber).indexOf(multiLine) + 2).getCell(8);
    expect(cell.value).toBe(multiLine.update!.narrative);
    expect(cell.value).toContain("\t");
    expect(cell.alignment?.wrapText).toBe(true);
  });

  test("the annex has every proposal × period, in number order, coloured like the area sheets", async () => {
    const ws = sheet(await loaded, MATRIX_SHEET);
    const entries = await entriesOf(source, "number");
    expect(ws.getRow(1).values).toEqual([undefined, "Proposal", "Title", "Area", ...header.annexPeriods.map((p) => p.name)]);
    expect(ws.actualRowCount).toBe(entries.length + 1);
    entries.forEach((entry, r) => {
      const row = ws.getRow(r + 2);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]).toEqual([entry.code, entry.title, `${entry.areaNumber} ${entry.areaName}`]);
      header.annexPeriods.forEach((_, p) => {
        const status = entry.history[p] ?? null;
        const cell = row.getCell(4 + p);
        expect(cell.value ?? null).toBe(status ? STATUS_LABELS[status] : null);
        if (status) expect(fillOf(cell)).toBe(argb(STATUS_COLOURS[status]));
      });
    });
  });

  test("every sheet's page header says DRAFT and its footer the report stamp and page numbers", async () => {
    for (const ws of (await loaded).worksheets) {
      expect(ws.headerFooter.oddHeader).toContain("DRAFT");
      expect(ws.headerFooter.oddFooter).toContain(reportStamp(header));
      expect(ws.headerFooter.oddFooter).toContain("Page &P of &N");
    }
  });

  test("workbook properties come from the report, not the clock", async () => {
    const workbook = await loaded;
    expect(workbook.creator).toBe("NATO–EU Progress Tracker");
    expect(workbook.title).toBe(header.title);
    expect(workbook.created).toEqual(new Date(header.asOf));
    expect(workbook.modified).toEqual(new Date(header.asOf));
  });
});

describe("renderReportXlsx, editions", () => {
  test("a final edition carries no DRAFT anywhere a reader sees it", async () => {
    const source = fixtureReport(FINAL);
    const workbook = await load(source);
    const summary = sheet(workbook, SUMMARY_SHEET);
    expect(summary.getCell("A1").value).toBe(source.header.title);
    const rows = summaryRows(workbook);
    expect(rows.get("Edition")?.[0]).toBe("Edition 2");
    expect(rows.get("State")?.[0]).toBe("Final");
    expect(rows.get("Published (UTC)")?.[0]).toEqual(new Date(source.header.edition!.publishedAt));
    expect(rows.get("Signed off for EU")?.slice(0, 2)).toEqual(["Élodie EU-Manager", new Date("2026-06-10T10:00:00.000Z")]);
    expect(rows.has("Not yet signed off by")).toBe(false);
    for (const ws of workbook.worksheets) {
      expect(`${ws.headerFooter.oddHeader} ${ws.headerFooter.oddFooter}`).not.toMatch(/draft/i);
      expect(ws.headerFooter.oddFooter).toContain("Edition 2 · Final");
    }
    expect(workbook.created).toEqual(new Date(source.header.edition!.publishedAt));
  });

  test("an edition awaiting sign-off says so and names who has not signed", async () => {
    const rows = summaryRows(await load(fixtureReport(AWAITING)));
    expect(rows.get("State")?.[0]).toBe("Awaiting sign-off");
    expect(rows.get("Not yet signed off by")?.[0]).toBe("EU");
  });
});

describe("renderReportXlsx, hostile text", () => {
  const hostile = (entry: ReportEntry): ReportEntry =>
    entry.number === 1
      ? {
          ...entry,
          title: "-2 is a title, not a formula",
          update: {
            ...entry.update!,
            narrative: '=HYPERLINK("http://evil.example","click")',
            nextSteps: "+1",
            authorName: "@SUM(A1)",
            organisationCode: "\tTAB",
            evidenceLinks: [{ label: "=1+1", url: "https://example.org/?a=1&b=<2>" }],
          },
        }
      : entry.number === 2
        ? { ...entry, update: { ...entry.update!, narrative: "bell\u0007 lone\uD800 " + "x".repeat(40_000), nextSteps: "\rcarriage" } }
        : entry;
  const source = withEntries(fixtureReport(DRAFT), hostile);

  async function rowOf(workbook: ExcelJS.Workbook, number: number): Promise<ExcelJS.Row> {
    const entries = await entriesOf(source, "area");
    const entry = entries.find((e) => e.number === number)!;
    const ws = workbook.worksheets.find((w) => w.name.startsWith(`${entry.areaNumber} `))!;
    return ws.getRow(entries.filter((e) => e.areaNumber === entry.areaNumber).indexOf(entry) + 2);
  }

  test("formula-like text comes back as the same string, never a formula", async () => {
    const workbook = await load(source);
    const row = await rowOf(workbook, 1);
    const expected: [number, string][] = [
      [2, "-2 is a title, not a formula"],
      [8, '=HYPERLINK("http://evil.example","click")'],
      [9, "+1"],
      [10, "=1+1: https://example.org/?a=1&b=<2>"],
      [12, "@SUM(A1)"],
      [13, "\tTAB"],
    ];
    for (const [column, value] of expected) {
      const cell = row.getCell(column);
      expect(cell.value).toBe(value);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });

  test("control characters and lone surrogates are dropped and long text is capped, so the file still opens", async () => {
    const row = await rowOf(await load(source), 2);
    const narrative = row.getCell(8).value as string;
    expect(narrative.startsWith("bell lone x")).toBe(true);
    expect(narrative).toHaveLength(MAX_CELL_TEXT);
    expect(row.getCell(9).value).toBe("\ncarriage");
  });
});

describe("renderReportXlsx, streaming", () => {
  test("two renders of the same report are byte-identical, part by part and as a file", async () => {
    const [a, b] = [await render(fixtureReport(FINAL)), await render(fixtureReport(FINAL))];
    const [partsA, partsB] = [unzipSync(a), unzipSync(b)];
    expect(Object.keys(partsA).sort()).toEqual(Object.keys(partsB).sort());
    for (const name of Object.keys(partsA)) expect(Buffer.from(partsA[name]!).equals(Buffer.from(partsB[name]!)), name).toBe(true);
    expect(a.equals(b)).toBe(true);
  });

  test("zip entries are dated with the report's publication, not the time of writing", async () => {
    const source = fixtureReport(FINAL);
    const dates = zipEntryDates(await render(source));
    expect(dates.length).toBeGreaterThan(10);
    // DOS times have a two-second resolution and no zone: UTC here.
    expect(new Set(dates)).toEqual(new Set([source.header.edition!.publishedAt.slice(0, 16)]));
  });

  test("bytes flow before every entry is read, and cancelling stops reading the entries", async () => {
    const { source, stats } = trackReads(fixtureReport({ ...DRAFT, proposals: 2000 }));
    const reader = renderReportXlsx({ source, charts: [] }).getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    expect(stats.read).toBeLessThan(2000);
    await reader.cancel();
    await vi.waitFor(() => expect(stats.closed).toBe(true));
    expect(stats.read).toBeLessThan(2000);
  });
});

test("a failure while reading the entries ends the download with that error", async () => {
  const report = fixtureReport(DRAFT);
  const failing: ReportSource = {
    header: report.header,
    async *entries(order) {
      let count = 0;
      for await (const entry of report.entries(order)) {
        if (++count > 30) throw new Error("database went away");
        yield entry;
      }
    },
  };
  await expect(render(failing)).rejects.toThrow("database went away");
});

describe.skipIf(!process.env.EXPORT_BIG)("renderReportXlsx at 7,400 proposals × 40 periods (EXPORT_BIG=1)", () => {
  test("measures time and peak RSS", { timeout: 120_000 }, async () => {
    const source = fixtureReport({ ...FINAL, proposals: 7400, periods: 40 });
    const measure = await measureRender(async () => (await render(source)).length);
    console.log(`xlsx 7400×40: ${measure.summary}`);
    expect(measure.bytes).toBeGreaterThan(0);
  });
});
