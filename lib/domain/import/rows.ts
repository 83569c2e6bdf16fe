// From a table of text cells to typed rows of one kind, or row errors (row, column, value, reason):
// the header is mapped (or the file refused), every row is parsed with its kind's zod schema, problems the
// reader found in cells (formulas, merged cells, over-long text) become errors of their rows, and a key
// that appears twice is an error on the later row, naming the earlier one.
import { z } from "zod";
import { areaSchema, proposalSchema } from "@/lib/validation/catalogue";
import { EU_BODIES, EU_BODY_LABELS, personNameSchema } from "@/lib/validation/people";
import { statusUpdateSchema } from "@/lib/validation/status-update";
import { bodyProblem, ORGANISATION_CODES } from "../people";
import { ASSESSMENTS, ASSESSMENT_LABELS, IMPLEMENTATION_STATUSES, ROLES, ROLE_LABELS, STATUS_LABELS, proposalCode } from "../vocabulary";
import {
  emailCellSchema,
  emailListSchema,
  evidenceLinksSchema,
  optionalVocabularySchema,
  percentSchema,
  proposalSetSchema,
  vocabularySchema,
  wholeNumber,
  yesNoSchema,
} from "./cells";
import { HeaderRefused, IMPORT_COLUMNS, columnLetter, mapHeader, type ImportKind } from "./columns";

/** What lib/import/read-table.ts gives back (structurally: lib/domain does not import the reader). */
export type TableInput = {
  format: "xlsx" | "csv";
  header: string[];
  headerRow: number;
  rows: { row: number; cells: string[] }[];
  problems: { row: number; column: number; reason: string; value?: string }[];
};

export type RowError = {
  /** The row number in the file, as the spreadsheet shows it. */
  row: number;
  /** The column's heading as the file writes it (or the template's, when the column is missing). */
  column: string;
  value: string;
  reason: string;
};

export const MAX_PROPOSAL_NUMBER = 999;
export const MAX_PERIOD_NUMBER = 999;

/** Errors of a cell keep the value short: the error file stays readable. */
export function shortValue(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

const personName = z.string().transform((raw, ctx) => {
  const parsed = personNameSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "Enter the person's name" });
  return z.NEVER;
});

// The same rules as the forms: a proposal's title and description (lib/validation/catalogue.ts), an area's
// name, a person's name (lib/validation/people.ts), an update's narrative and next steps.
const catalogueRowSchema = z.object({
  number: wholeNumber("proposal number", 1, MAX_PROPOSAL_NUMBER, { allowCode: true }),
  set: proposalSetSchema,
  area: areaSchema.shape.name,
  title: proposalSchema.shape.title,
  description: proposalSchema.shape.description,
  edaInvolved: yesNoSchema,
  focalPoints: emailListSchema.default([]),
});

const organisationSchema = vocabularySchema(ORGANISATION_CODES, { NATO: "NATO", EU: "EU" }, "organisation", {
  "NATO International Staff": "NATO",
  "NATO IS": "NATO",
  "European Union": "EU",
});

const bodySchema = optionalVocabularySchema(EU_BODIES, EU_BODY_LABELS, { "European External Action Service": "EEAS", "European Commission": "COMMISSION" });

const peopleRowSchema = z.object({
  email: emailCellSchema,
  name: personName,
  organisation: organisationSchema,
  body: bodySchema,
  role: vocabularySchema(ROLES, ROLE_LABELS, "role"),
});

const updatesRowSchema = z.object({
  proposal: wholeNumber("proposal number", 1, MAX_PROPOSAL_NUMBER, { allowCode: true }),
  period: wholeNumber("period number", 1, MAX_PERIOD_NUMBER),
  status: vocabularySchema(IMPLEMENTATION_STATUSES, STATUS_LABELS, "status", { "not begun": "NOT_STARTED", done: "COMPLETED", blocked: "STALLED" }),
  assessment: vocabularySchema(ASSESSMENTS, ASSESSMENT_LABELS, "assessment", { green: "ON_TRACK", amber: "AT_RISK", red: "OFF_TRACK", "n/a": "NOT_ASSESSED" }),
  progress: percentSchema,
  narrative: statusUpdateSchema.shape.narrative,
  nextSteps: statusUpdateSchema.shape.nextSteps,
  evidenceLinks: evidenceLinksSchema.default([]),
  author: emailCellSchema,
});

export type CatalogueRow = z.infer<typeof catalogueRowSchema>;
export type PersonRow = z.infer<typeof peopleRowSchema>;
export type UpdateRow = z.infer<typeof updatesRowSchema>;

export type RowValues = { catalogue: CatalogueRow; people: PersonRow; updates: UpdateRow };

const ROW_SCHEMAS: { [K in ImportKind]: z.ZodType<RowValues[K], Record<string, string | undefined>> } = {
  catalogue: catalogueRowSchema,
  people: peopleRowSchema,
  updates: updatesRowSchema,
};

/** The columns that identify a row: the same key twice in a file is an error. */
const KEY_COLUMNS: Record<ImportKind, readonly string[]> = { catalogue: ["number"], people: ["email"], updates: ["proposal", "period"] };

function keyOf(kind: ImportKind, values: Record<string, unknown>): string {
  return KEY_COLUMNS[kind].map((k) => String(values[k])).join("/");
}

function describeKey(kind: ImportKind, values: Record<string, unknown>): string {
  if (kind === "catalogue") return `Proposal ${proposalCode(values.number as number)}`;
  if (kind === "people") return `The e-mail ${String(values.email)}`;
  return `The update of ${proposalCode(values.proposal as number)} for period ${String(values.period)}`;
}

export type ParsedRow<K extends ImportKind> = { row: number; values: RowValues[K] };

export type ParsedFile<K extends ImportKind = ImportKind> = {
  kind: K;
  /** Data rows in the file that are not blank. */
  rowCount: number;
  /** Rows without any error, in file order. */
  rows: ParsedRow<K>[];
  errors: RowError[];
};

/** A CSV cell that an export made inert ("'=…", see lib/domain/csv.ts neutraliseFormula) reads back as it was. */
function restoreNeutralised(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Positions of columns without a heading that hold data. */
function blankColumnsWithData(table: TableInput): number[] {
  const used = new Set<number>();
  for (const { cells } of table.rows) {
    cells.forEach((cell, i) => {
      if (cell.trim() !== "" && (table.header[i] ?? "").trim() === "") used.add(i);
    });
  }
  return [...used].sort((a, b) => a - b);
}

/**
 * Parses a table as a file of `kind`. Throws HeaderRefused (a message for the user) when its header does not
 * fit the kind; every other problem is a row error.
 */
export function parseTable<K extends ImportKind>(kind: K, table: TableInput): ParsedFile<K> {
  const headerProblems = table.problems.filter((p) => p.row === table.headerRow);
  if (headerProblems.length) {
    const first = headerProblems[0]!;
    throw new HeaderRefused(`The heading row has a problem in column ${columnLetter(first.column)}: ${first.reason}`);
  }
  const { positions, headings } = mapHeader(kind, table.header, blankColumnsWithData(table));
  const specs = IMPORT_COLUMNS[kind];
  const headingAt = (index: number) => table.header[index]?.trim() || `Column ${columnLetter(index + 1)}`;
  const problemsByRow = new Map<number, TableInput["problems"]>();
  for (const p of table.problems) problemsByRow.set(p.row, [...(problemsByRow.get(p.row) ?? []), p]);

  const rows: ParsedRow<K>[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  let rowCount = 0;
  for (const { row, cells } of table.rows) {
    const cellProblems = problemsByRow.get(row) ?? [];
    if (cells.every((c) => c.trim() === "") && cellProblems.length === 0) continue;
    rowCount += 1;
    const raw: Record<string, string | undefined> = {};
    for (const spec of specs) {
      const index = positions.get(spec.key);
      if (index === undefined) continue;
      const cell = cells[index] ?? "";
      raw[spec.key] = table.format === "csv" ? restoreNeutralised(cell) : cell;
    }
    const rowErrors: RowError[] = cellProblems.map((p) => ({ row, column: headingAt(p.column - 1), value: p.value ?? "", reason: p.reason }));
    const parsed = ROW_SCHEMAS[kind].safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        // A cell the reader already reported (and emptied) is not reported twice.
        const index = positions.get(key);
        if (index !== undefined && cellProblems.some((p) => p.column - 1 === index)) continue;
        const spec = specs.find((s) => s.key === key);
        rowErrors.push({ row, column: headings.get(key) ?? spec?.heading ?? "", value: shortValue(raw[key] ?? ""), reason: issue.message });
      }
    }
    if (parsed.success && kind === "people") {
      const person = parsed.data as PersonRow;
      const problem = bodyProblem(person.organisation, person.body);
      if (problem) rowErrors.push({ row, column: headings.get("body") ?? "EU body", value: raw.body ?? "", reason: problem });
    }
    // The key, when its own cells are readable, even if another cell of the row is not.
    const keyParse = parsed.success ? { success: true as const, data: parsed.data as Record<string, unknown> } : parseKey(kind, raw);
    if (keyParse.success) {
      const key = keyOf(kind, keyParse.data);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        const column = KEY_COLUMNS[kind].map((k) => headings.get(k) ?? k).join(" and ");
        const value = KEY_COLUMNS[kind].map((k) => raw[k] ?? "").join(" / ");
        rowErrors.push({ row, column, value, reason: `${describeKey(kind, keyParse.data)} is already on row ${earlier}: each may appear once in a file.` });
      } else seen.set(key, row);
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else rows.push({ row, values: parsed.data as RowValues[K] });
  }
  return { kind, rowCount, rows, errors };
}

function parseKey(kind: ImportKind, raw: Record<string, string | undefined>): { success: true; data: Record<string, unknown> } | { success: false } {
  const shape = (ROW_SCHEMAS[kind] as unknown as z.ZodObject<Record<string, z.ZodType>>).shape;
  const data: Record<string, unknown> = {};
  for (const key of KEY_COLUMNS[kind]) {
    const parsed = shape[key]!.safeParse(raw[key]);
    if (!parsed.success) return { success: false };
    data[key] = parsed.data;
  }
  return { success: true, data };
}

export { HeaderRefused };
