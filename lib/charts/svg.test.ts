import { Resvg } from "@resvg/resvg-js";
import { describe, expect, test } from "vitest";
import { chartSpecs, STATUS_SERIES, type BarChartSpec, type ChartSpec, type DonutChartSpec, type HeatChartSpec } from "@/lib/domain/charts";
import { ASSESSMENT_COLOURS, HEAT_NONE, HEAT_STEPS, heatStep } from "@/lib/domain/palette";
import { fixtureReport } from "@/tests/support/report-fixture";
import { chartFontFiles } from "./png";
import { renderChartSvg } from "./svg";

// ---------------------------------------------------------------------------------------------------
// Specs: the fixture report's four charts, and hand-made edge cases

const header = fixtureReport().header;
const [statusByArea, trend, assessment, heatMap] = chartSpecs(header.figures, header.period.id) as [BarChartSpec, BarChartSpec, DonutChartSpec, HeatChartSpec];

const FIFTY = "Operational cooperation including maritime issue50"; // 50 characters
const AWKWARD = `R&D <Ω> "Жизнь" l'été`;

function bars(over: Partial<BarChartSpec>): BarChartSpec {
  return { ...statusByArea, summary: "Edge case.", categories: [], values: [], ...over };
}

const oneCategory = bars({ categories: [{ key: "a", label: "Exercises" }], values: [[1, 2, 0, 0, 3, 0]] });
const fullShare = bars({ orientation: "columns", percent: true, categories: [{ key: "p", label: "11th" }], values: [[0, 0, 100, 0, 0, 0]] });
const longLabels = bars({
  categories: [FIFTY, `${FIFTY.slice(0, 40)} capacity-building`, "Exercises"].map((label, i) => ({ key: `c${i}`, label })),
  values: [
    [3, 1, 0, 0, 2, 4],
    [0, 0, 5, 0, 0, 0],
    [1, 1, 1, 1, 1, 1],
  ],
});
const escaping = bars({
  title: `Status & "progress" <by area>`,
  summary: `Summary with & < > " ' and ${AWKWARD}; control \u0001 character dropped.`,
  categories: [
    { key: "x", label: AWKWARD },
    { key: "y", label: "Coopération Ω & Ж" },
  ],
  series: STATUS_SERIES.map((s, i) => (i === 0 ? { ...s, label: `Not <started> & "never"` } : s)),
  values: [
    [2, 1, 0, 0, 0, 1],
    [0, 3, 0, 1, 0, 0],
  ],
});
const empty = bars({});
const allZero = bars({ categories: [{ key: "a", label: "Exercises" }], values: [[0, 0, 0, 0, 0, 0]] });
const emptyDonut: DonutChartSpec = { ...assessment, total: 0, slices: assessment.slices.map((s) => ({ ...s, value: 0, share: 0 })) };
const smallSlices: DonutChartSpec = {
  ...assessment,
  total: 300,
  slices: [
    { key: "ON_TRACK", label: "On track", value: 290, share: 97, colour: ASSESSMENT_COLOURS.ON_TRACK },
    { key: "AT_RISK", label: "At risk", value: 4, share: 1, colour: ASSESSMENT_COLOURS.AT_RISK },
    { key: "OFF_TRACK", label: "Off track", value: 3, share: 1, colour: ASSESSMENT_COLOURS.OFF_TRACK },
    { key: "NOT_ASSESSED", label: "Not assessed", value: 3, share: 1, colour: ASSESSMENT_COLOURS.NOT_ASSESSED },
  ],
};
const emptyHeat: HeatChartSpec = { ...heatMap, rows: [] };
const manyPeriods: HeatChartSpec = {
  ...heatMap,
  columns: Array.from({ length: 20 }, (_, i) => ({ key: `p${i}`, label: `${i + 1}th`, title: `${i + 1}th progress report` })),
  selectedColumn: 19,
  rows: [FIFTY, AWKWARD].map((label, r) => ({
    key: label,
    label,
    cells: Array.from({ length: 20 }, (_, i) => ({ value: i % 4 === 0 ? null : (i * 37 + r * 11) % 101, note: `${i % 8}/12` })),
  })),
};

const FIXTURE: [string, ChartSpec][] = [statusByArea, trend, assessment, heatMap].map((spec) => [spec.id, spec]);
const EDGES: [string, ChartSpec][] = [
  ["one category", oneCategory],
  ["100 % in one series", fullShare],
  ["50-character labels", longLabels],
  ["escaping", escaping],
  ["no categories", empty],
  ["all zero", allZero],
  ["donut of zeros", emptyDonut],
  ["donut with small slices", smallSlices],
  ["heat map without rows", emptyHeat],
  ["heat map of 20 periods", manyPeriods],
];
const ALL = [...FIXTURE, ...EDGES];

// ---------------------------------------------------------------------------------------------------
// Reading the markup back: a strict little XML tokenizer (no DOMParser in Node) and attribute readers

type Element = { name: string; attributes: Record<string, string>; text: string; markup: string };

const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i;

/** Throws unless `xml` is one well-formed element (tags balanced, attributes quoted and escaped, entities known). */
function assertWellFormed(xml: string): void {
  const token = /<([a-zA-Z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<\/([a-zA-Z][\w:.-]*)>|([^<]+)/y;
  const stack: string[] = [];
  let roots = 0;
  for (let at = 0; at < xml.length; at = token.lastIndex) {
    const match = token.exec(xml);
    if (!match) throw new Error(`Not XML at ${at}: ${xml.slice(at, at + 60)}`);
    const [, open, attributes, selfClosing, close, text] = match;
    if (text !== undefined) {
      if (ENTITY.test(text)) throw new Error(`Unescaped & in text: ${text}`);
      if (!stack.length && text.trim()) throw new Error(`Text outside the root: ${text}`);
    } else if (open) {
      const names = [...attributes!.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((m) => (ENTITY.test(m[2]!) ? "&" : m[1]!));
      if (names.includes("&")) throw new Error(`Unescaped & in an attribute of <${open}>`);
      if (new Set(names).size !== names.length) throw new Error(`Repeated attribute on <${open}>`);
      if (!stack.length) roots++;
      if (!selfClosing) stack.push(open);
    } else if (stack.pop() !== close) throw new Error(`</${close}> closes nothing open`);
  }
  if (stack.length || roots !== 1) throw new Error(`Unclosed ${stack.join(", ")} or ${roots} roots`);
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

function attributesOf(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
}

/** Leaf elements (<text>, <rect>, <path>, <line>) in document order. */
function elements(markup: string, name: string): Element[] {
  const pattern = new RegExp(`<${name}\\b([^>]*?)(?:/>|>([^<]*)</${name}>)`, "g");
  return [...markup.matchAll(pattern)].map((m) => ({ name, attributes: attributesOf(m[1]!), text: unescape(m[2] ?? ""), markup: m[0] }));
}

function groupOf(svg: string, id: string): string {
  const match = new RegExp(`<g id="${id}"[^>]*>([\\s\\S]*?)</g>`).exec(svg);
  if (!match) throw new Error(`No group ${id}`);
  return match[1]!;
}

/** Wrapped lines back into one string: a line ending in a hyphen was broken after it, others at a space. */
function joinLines(lines: string[]): string {
  return lines.reduce((all, line) => (all === "" ? line : all.endsWith("-") ? all + line : `${all} ${line}`), "");
}

const texts = (markup: string) => elements(markup, "text").map((t) => t.text);
const n = (value: string | undefined) => Number(value);

// ---------------------------------------------------------------------------------------------------
// Real glyph boxes: each <text> alone, laid out by resvg with the same fonts as the PNG

type Box = { x: number; y: number; width: number; height: number };
const FONT = { loadSystemFonts: false, fontFiles: chartFontFiles(), defaultFontFamily: "DejaVu Sans" };

function inkBox(textMarkup: string): Box {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="4000">${textMarkup}</svg>`;
  const box = new Resvg(svg, { font: FONT }).getBBox();
  if (!box) throw new Error(`No ink for ${textMarkup}`);
  return { x: box.x, y: box.y, width: box.width, height: box.height };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

const rectBox = (r: Element): Box => ({ x: n(r.attributes.x), y: n(r.attributes.y), width: n(r.attributes.width), height: n(r.attributes.height) });

/** WCAG 2 contrast ratio of two #rrggbb colours (the test's own, not the renderer's). */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

// ---------------------------------------------------------------------------------------------------

describe("the test's own tools", () => {
  test.each([
    ["an unclosed tag", "<svg><g></svg>"],
    ["a raw ampersand", "<svg><text>R&D</text></svg>"],
    ["an unquoted attribute", "<svg><rect x=1/></svg>"],
    ["two roots", "<svg/><svg/>"],
  ])("the tokenizer rejects %s", (_, xml) => {
    expect(() => assertWellFormed(xml)).toThrow();
  });

  test("glyph boxes see text running past the left edge", () => {
    expect(inkBox(`<text x="-20" y="20" font-family="DejaVu Sans" font-size="12">Outside</text>`).x).toBeLessThan(0);
  });
});

describe("renderChartSvg: every chart", () => {
  test.each(ALL)("%s is a standalone, well-formed SVG 1.1 document with its title and summary", (_, spec) => {
    const { svg, width, height } = renderChartSvg(spec);
    assertWellFormed(svg);
    const root = attributesOf(/^<svg([^>]*)>/.exec(svg)![1]!);
    expect(root).toMatchObject({ xmlns: "http://www.w3.org/2000/svg", version: "1.1", role: "img", width: String(width), height: String(height) });
    expect(root.viewBox).toBe(`0 0 ${width} ${height}`);
    // title and desc come first and are the ones aria-labelledby names.
    const [title, desc] = [...svg.matchAll(/<(title|desc) id="([^"]+)">([^<]*)<\/\1>/g)];
    expect(svg.indexOf("<title")).toBeLessThan(svg.indexOf("<rect"));
    expect(root["aria-labelledby"]).toBe(`${title![2]} ${desc![2]}`);
    expect(unescape(title![3]!)).toBe(spec.title);
    expect(unescape(desc![3]!)).toBe(spec.summary.replace("\u0001", ""));
    // resvg reads it (it throws on malformed XML) at the declared size.
    const resvg = new Resvg(svg, { font: FONT });
    expect([resvg.width, resvg.height]).toEqual([width, height]);
  });

  test.each(ALL)("%s has no external references, stylesheets or long decimals, and one font stack on every text", (_, spec) => {
    const { svg } = renderChartSvg(spec);
    expect(svg).not.toMatch(/href|url\(|<style|class=|<image|<\?xml|<!DOCTYPE/);
    const attributeValues = [...svg.matchAll(/="([^"]*)"/g)].map((m) => m[1]!);
    expect(attributeValues.filter((v) => /\d\.\d{3,}/.test(v))).toEqual([]);
    const fonts = new Set(elements(svg, "text").map((t) => t.attributes["font-family"]));
    expect([...fonts]).toEqual([`'DejaVu Sans', Arial, Helvetica, sans-serif`]);
  });

  test.each(ALL)("%s is the same string every time", (_, spec) => {
    expect(renderChartSvg(structuredClone(spec)).svg).toBe(renderChartSvg(spec).svg);
  });

  test.each(ALL)("%s: every text (real DejaVu glyphs) stays inside the picture and touches no other text", (_, spec) => {
    const { svg, width, height } = renderChartSvg(spec);
    const boxes = elements(svg, "text").map((t) => ({ text: t.text, box: inkBox(t.markup) }));
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.filter((b) => !inside(b.box, { x: 0, y: 0, width, height })).map((b) => b.text)).toEqual([]);
    const clashes = boxes.flatMap((a, i) => boxes.slice(i + 1).flatMap((b) => (overlaps(a.box, b.box) ? [`${a.text} × ${b.text}`] : [])));
    expect(clashes).toEqual([]);
  });

  test.each([
    ["no categories", empty],
    ["all zero", allZero],
    ["donut of zeros", emptyDonut],
    ["heat map without rows", emptyHeat],
  ] as const)("%s says No data", (_, spec) => {
    expect(texts(renderChartSvg(spec).svg)).toEqual(["No data"]);
  });

  test("a width option sets the width; a silly one is raised to 320", () => {
    expect(renderChartSvg(trend, { width: 480 }).width).toBe(480);
    expect(renderChartSvg(statusByArea, { width: 10 }).width).toBe(320);
  });

  test.each(FIXTURE)("%s at 320 px: still nothing outside the picture and no text on text", (_, spec) => {
    const { svg, width, height } = renderChartSvg(spec, { width: 320 });
    const boxes = elements(svg, "text").map((t) => ({ text: t.text, box: inkBox(t.markup) }));
    expect(boxes.filter((b) => !inside(b.box, { x: 0, y: 0, width, height })).map((b) => b.text)).toEqual([]);
    const clashes = boxes.flatMap((a, i) => boxes.slice(i + 1).flatMap((b) => (overlaps(a.box, b.box) ? [`${a.text} × ${b.text}`] : [])));
    expect(clashes).toEqual([]);
  });
});

describe("renderChartSvg: stacked bars and columns", () => {
  const BAR_SPECS: [string, BarChartSpec][] = [
    ["status-by-area", statusByArea],
    ["trend", trend],
    ["one category", oneCategory],
    ["100 % in one series", fullShare],
    ["50-character labels", longLabels],
    ["escaping", escaping],
  ];

  test.each(BAR_SPECS)("%s: one segment per non-zero value, filled with exactly its series' colour", (_, spec) => {
    const segments = elements(groupOf(renderChartSvg(spec).svg, `${spec.id}-segments`), "rect");
    const expected = spec.values.flatMap((row) => row.flatMap((v, s) => (v > 0 ? [spec.series[s]!.colour] : [])));
    expect(segments.map((r) => r.attributes.fill)).toEqual(expected);
    expect(segments.every((r) => n(r.attributes.width) > 0 && n(r.attributes.height) > 0)).toBe(true);
  });

  test.each(BAR_SPECS)("%s: the legend lists every series with its colour, in order", (_, spec) => {
    const legend = groupOf(renderChartSvg(spec).svg, `${spec.id}-legend`);
    expect(texts(legend)).toEqual(spec.series.map((s) => s.label));
    expect(elements(legend, "rect").map((r) => r.attributes.fill)).toEqual(spec.series.map((s) => s.colour));
  });

  test.each(BAR_SPECS)("%s: every category label is printed in full", (_, spec) => {
    const printed = joinLines(texts(groupOf(renderChartSvg(spec).svg, `${spec.id}-categories`)));
    for (const { label } of spec.categories) expect(printed).toContain(label);
  });

  test.each([
    ["status-by-area", statusByArea],
    ["trend", trend],
  ] as const)("%s (fixture): every non-zero value is printed inside its segment, readable on its colour", (_, spec) => {
    const { svg } = renderChartSvg(spec);
    const segments = elements(groupOf(svg, `${spec.id}-segments`), "rect");
    const values = elements(groupOf(svg, `${spec.id}-values`), "text");
    const unit = spec.percent ? "%" : "";
    const expected = spec.values.flatMap((row) => row.filter((v) => v > 0).map((v) => `${v}${unit}`));
    expect(values.map((v) => v.text)).toEqual(expected);
    values.forEach((value, i) => {
      const segment = segments[i]!;
      expect(inside(inkBox(value.markup), rectBox(segment))).toBe(true);
      expect(contrast(value.attributes.fill!, segment.attributes.fill!)).toBeGreaterThanOrEqual(4.5);
    });
  });

  test("counts get integer ticks from 0; shares get 0–100 %", () => {
    const countTicks = texts(groupOf(renderChartSvg(statusByArea).svg, "status-by-area-axis"));
    const max = Math.max(...statusByArea.values.map((row) => row.reduce((a, b) => a + b, 0)));
    expect(countTicks.map(Number)).toEqual(Array.from({ length: countTicks.length }, (_, i) => i));
    expect(Number(countTicks[countTicks.length - 1])).toBeGreaterThanOrEqual(max);
    expect(texts(groupOf(renderChartSvg(trend).svg, "trend-axis"))).toEqual(["0%", "20%", "40%", "60%", "80%", "100%"]);
    expect(texts(groupOf(renderChartSvg(oneCategory).svg, "status-by-area-axis")).every((t) => /^\d+$/.test(t))).toBe(true);
  });

  test("100 % in one series is a single full-height column labelled 100%", () => {
    const { svg } = renderChartSvg(fullShare);
    const [segment, ...others] = elements(groupOf(svg, `${fullShare.id}-segments`), "rect");
    expect(others).toEqual([]);
    expect(segment!.attributes.fill).toBe(STATUS_SERIES[2]!.colour);
    const grid = elements(groupOf(svg, `${fullShare.id}-grid`), "line").map((l) => n(l.attributes.y1));
    expect(n(segment!.attributes.y)).toBeCloseTo(Math.min(...grid), 1);
    expect(n(segment!.attributes.y) + n(segment!.attributes.height)).toBeCloseTo(Math.max(...grid), 1);
    expect(texts(groupOf(svg, `${fullShare.id}-values`))).toEqual(["100%"]);
  });

  test("50-character labels wrap onto more lines and end left of the bars", () => {
    const { svg } = renderChartSvg(longLabels);
    const lines = elements(groupOf(svg, "status-by-area-categories"), "text");
    expect(lines.length).toBeGreaterThan(longLabels.categories.length);
    const plotLeft = Math.min(...elements(groupOf(svg, "status-by-area-segments"), "rect").map((r) => n(r.attributes.x)));
    expect(lines.every((l) => { const box = inkBox(l.markup); return box.x + box.width < plotLeft; })).toBe(true); // prettier-ignore
  });

  test("names with &, <, quotes and non-Latin letters are escaped in the markup and read back intact", () => {
    const { svg } = renderChartSvg(escaping);
    expect(svg).toContain("R&amp;D &lt;Ω&gt; &quot;Жизнь&quot; l&apos;été");
    expect(svg).toContain("Not &lt;started&gt; &amp; &quot;never&quot;");
    expect(svg).not.toContain(AWKWARD);
    expect(svg).not.toContain("\u0001");
    expect(texts(svg)).toEqual(expect.arrayContaining([AWKWARD, "Coopération Ω & Ж", `Not <started> & "never"`]));
  });
});

describe("renderChartSvg: donut", () => {
  test("the fixture's slices: the spec's colours, each count in its slice, the total in the centre", () => {
    const { svg } = renderChartSvg(assessment);
    expect(elements(groupOf(svg, "assessment-segments"), "path").map((p) => p.attributes.fill)).toEqual(
      assessment.slices.filter((s) => s.value > 0).map((s) => s.colour),
    );
    expect(texts(groupOf(svg, "assessment-values"))).toEqual(assessment.slices.filter((s) => s.value > 0).map((s) => String(s.value)));
    expect(texts(groupOf(svg, "assessment-total"))).toEqual([String(assessment.total), assessment.totalLabel]);
    const values = elements(groupOf(svg, "assessment-values"), "text");
    const sliceFills = assessment.slices.filter((s) => s.value > 0).map((s) => s.colour);
    values.forEach((v, i) => expect(contrast(v.attributes.fill!, sliceFills[i]!)).toBeGreaterThanOrEqual(4.5));
  });

  test.each([
    ["fixture", assessment],
    ["small slices", smallSlices],
  ] as const)("%s: the legend gives every slice its label, count and share", (_, spec) => {
    const legend = groupOf(renderChartSvg(spec).svg, "assessment-legend");
    expect(texts(legend)).toEqual(spec.slices.map((s) => `${s.label}: ${s.value} (${s.share}%)`));
    expect(elements(legend, "rect").map((r) => r.attributes.fill)).toEqual(spec.slices.map((s) => s.colour));
  });

  test("slices too thin for their count are labelled outside the ring, never on top of each other", () => {
    const values = texts(groupOf(renderChartSvg(smallSlices).svg, "assessment-values"));
    expect(values[0]).toBe("290");
    expect(values).toContain("4");
  });
});

describe("renderChartSvg: heat map", () => {
  test("every cell prints its value (– when nothing was counted) and its note, on its step's colour", () => {
    const { svg } = renderChartSvg(heatMap);
    const cells = groupOf(svg, "progress-heat-map-cells");
    const expected = heatMap.rows.flatMap((row) => row.cells.flatMap((c) => [c.value === null ? "–" : `${c.value}%`, c.note]));
    expect(texts(cells)).toEqual(expected);
    const fills = heatMap.rows.flatMap((row) => row.cells.map((c) => (heatStep(c.value) === null ? HEAT_NONE.fill : HEAT_STEPS[heatStep(c.value)!]!.fill)));
    expect(elements(cells, "rect").map((r) => r.attributes.fill)).toEqual(fills);
    expect(heatMap.rows.some((row) => row.cells.some((c) => c.value === null))).toBe(true);
  });

  test("every area label is printed in full", () => {
    const printed = joinLines(texts(groupOf(renderChartSvg(heatMap).svg, "progress-heat-map-rows")));
    for (const row of heatMap.rows) expect(printed).toContain(row.label);
  });

  test.each([
    ["fixture", heatMap],
    ["20 periods", manyPeriods],
  ] as const)("%s: the selected period is bold, underlined and outlined, and named in the note", (_, spec) => {
    const { svg } = renderChartSvg(spec);
    const headers = elements(groupOf(svg, "progress-heat-map-columns"), "text");
    expect(headers.map((h) => h.text)).toEqual(spec.columns.map((c) => c.label));
    expect(headers.filter((h) => h.attributes["font-weight"] === "bold").map((h) => h.text)).toEqual([spec.columns[spec.selectedColumn]!.label]);
    expect(elements(groupOf(svg, "progress-heat-map-columns"), "line")).toHaveLength(1);
    const outline = attributesOf(/<rect id="progress-heat-map-selected"([^>]*)>/.exec(svg)![1]!);
    const selectedHeader = headers[spec.selectedColumn]!;
    expect(n(outline.x)).toBeLessThan(n(selectedHeader.attributes.x));
    expect(n(outline.x) + n(outline.width)).toBeGreaterThan(n(selectedHeader.attributes.x));
    expect(texts(groupOf(svg, "progress-heat-map-note")).join(" ")).toContain(spec.columns[spec.selectedColumn]!.title);
  });

  test("no marked period: no outline, no bold header", () => {
    const { svg } = renderChartSvg({ ...heatMap, selectedColumn: -1 });
    expect(svg).not.toContain("progress-heat-map-selected");
    expect(groupOf(svg, "progress-heat-map-columns")).not.toContain("bold");
  });

  test("the legend names the five steps and 'nothing counted' with the palette's colours", () => {
    const legend = groupOf(renderChartSvg(heatMap).svg, "progress-heat-map-legend");
    expect(texts(legend)).toEqual(["0–19%", "20–39%", "40–59%", "60–79%", "80–100%", "Nothing counted (–)"]);
    expect(elements(legend, "rect").map((r) => r.attributes.fill)).toEqual([...HEAT_STEPS.map((s) => s.fill), HEAT_NONE.fill]);
  });

  test("20 periods make the chart wider instead of squeezing cells", () => {
    const { svg, width } = renderChartSvg(manyPeriods);
    expect(width).toBeGreaterThan(720);
    const cells = elements(groupOf(svg, "progress-heat-map-cells"), "rect");
    expect(Math.min(...cells.map((c) => n(c.attributes.width)))).toBeGreaterThanOrEqual(44);
  });
});
