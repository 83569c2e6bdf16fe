import { describe, expect, test } from "vitest";
import type { ReportEntry, ReportSource } from "@/lib/domain/report";
import { reportJsonSchema, reportJsonSchemaDocument } from "@/lib/validation/report-json";
import { fixtureReport, measureRender, trackReads, type FixtureOptions } from "@/tests/support/report-fixture";
import { renderReportJson } from "./report-json";
import { readAll } from "./stream";

const DRAFT: FixtureOptions = { edition: null };
const FINAL: FixtureOptions = { edition: { number: 2, signedBy: ["NATO", "EU"] } };

async function render(source: ReportSource): Promise<string> {
  return (await readAll(renderReportJson({ source, charts: [] }))).toString("utf8");
}

async function entriesOf(source: ReportSource): Promise<ReportEntry[]> {
  const entries: ReportEntry[] = [];
  for await (const entry of source.entries("number")) entries.push(entry);
  return entries;
}

/** The same value with the keys of every object in reverse order, as a database might return them. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    ) as T;
  return value;
}

describe.each([
  ["draft", DRAFT],
  ["final edition", FINAL],
])("renderReportJson, %s", (_, options) => {
  const source = fixtureReport(options);
  const rendered = render(source);

  test("is valid JSON matching the documented schema", async () => {
    const document = JSON.parse(await rendered);
    expect(reportJsonSchema.safeParse(document).error).toBeUndefined();
  });

  test("holds the header and every entry in number order, exactly", async () => {
    const document = JSON.parse(await rendered);
    const { proposals, ...header } = document;
    expect(header).toStrictEqual(source.header);
    expect(proposals).toStrictEqual(await entriesOf(source));
    expect(proposals.map((p: ReportEntry) => p.number)).toEqual(Array.from({ length: 74 }, (_, i) => i + 1));
  });

  test("is pretty-printed like JSON.stringify(document, null, 2), keys in the documented order", async () => {
    const text = await rendered;
    const document = JSON.parse(text);
    expect(text).toBe(JSON.stringify(document, null, 2) + "\n");
    expect(Object.keys(document)).toEqual(Object.keys(reportJsonSchema.shape));
    expect(text).toContain('\n    {\n      "proposalId": "p1",\n');
  });

  test("gives the same bytes twice, whatever the key order of the source", async () => {
    const shuffled: ReportSource = {
      header: reverseKeys(source.header),
      async *entries(order) {
        for await (const entry of source.entries(order)) yield reverseKeys(entry);
      },
    };
    expect(await render(shuffled)).toBe(await rendered);
  });
});

test("a draft has no edition and an unknown schema version is refused", async () => {
  const document = JSON.parse(await render(fixtureReport(DRAFT)));
  expect(document.edition).toBeNull();
  expect(document.state).toBe("draft");
  expect(document.schemaVersion).toBe(1);
  expect(reportJsonSchema.safeParse({ ...document, schemaVersion: 2 }).success).toBe(false);
});

test("a report without entries is still valid JSON", async () => {
  const { header } = fixtureReport(DRAFT);
  const text = await render({ header, entries: async function* () {} });
  expect(JSON.parse(text).proposals).toEqual([]);
  expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + "\n");
});

describe("reportJsonSchemaDocument", () => {
  const document = JSON.parse(JSON.stringify(reportJsonSchemaDocument()));

  test("is a JSON Schema of the document with schemaVersion pinned", () => {
    expect(document.$schema).toContain("json-schema.org");
    expect(document.properties.schemaVersion).toMatchObject({ const: 1 });
    expect(document.required).toEqual(Object.keys(reportJsonSchema.shape));
  });

  test("documents every field with a description", () => {
    const undocumented: string[] = [];
    const visit = (schema: Record<string, unknown>, path: string) => {
      const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      for (const [key, child] of Object.entries(properties)) {
        if (typeof child.description !== "string" || child.description.length < 5) undocumented.push(`${path}.${key}`);
        visit(child, `${path}.${key}`);
      }
      for (const nested of [schema.items, ...((schema.anyOf as unknown[]) ?? [])]) {
        if (nested && typeof nested === "object") visit(nested as Record<string, unknown>, path);
      }
    };
    visit(document, "$");
    expect(undocumented).toEqual([]);
  });
});

test("bytes flow before every entry is read, and cancelling stops reading the entries", async () => {
  const { source, stats } = trackReads(fixtureReport({ ...DRAFT, proposals: 2000 }));
  const reader = renderReportJson({ source, charts: [] }).getReader();
  const first = new TextDecoder().decode((await reader.read()).value);
  expect(first.startsWith('{\n  "schemaVersion": 1,')).toBe(true);
  await reader.read();
  expect(stats.read).toBeLessThan(2000);
  await reader.cancel();
  expect(stats.closed).toBe(true);
  expect(stats.read).toBeLessThan(2000);
});

describe.skipIf(!process.env.EXPORT_BIG)("renderReportJson at 7,400 proposals × 40 periods (EXPORT_BIG=1)", () => {
  test("measures time and peak RSS", { timeout: 120_000 }, async () => {
    const source = fixtureReport({ ...FINAL, proposals: 7400, periods: 40 });
    const measure = await measureRender(async () => (await readAll(renderReportJson({ source, charts: [] }))).length);
    console.log(`json 7400×40: ${measure.summary}`);
    expect(measure.bytes).toBeGreaterThan(0);
  });
});
