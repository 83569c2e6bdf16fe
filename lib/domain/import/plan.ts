// What an import will do, as the dry run shows it and the commit checks it: the rows it creates, the rows
// it changes (field by field, old -> new), the rows it leaves alone, every row error, and notes on other
// effects. The plan's SHA-256 ties a commit to the plan the admin saw: the commit re-plans against the
// database as it is then and applies only when the hash is the same.
import { createHash } from "node:crypto";
import type { ImportKind } from "./columns";
import type { RowError } from "./rows";

export type FieldChange = { label: string; before: string; after: string };

export type PlanEntry = {
  row: number;
  /** What identifies it: "P12", an e-mail, "P12 · 3rd progress report". */
  key: string;
  /** What it is called: the proposal's title, the person's name. */
  label: string;
  /** For a creation, every field with an empty `before`; for a change, the changed fields only. */
  changes: FieldChange[];
};

export type UnchangedEntry = { row: number; key: string; label: string };

export type ImportPlan = {
  kind: ImportKind;
  /** Data rows in the file (blank rows not counted). */
  rowCount: number;
  creates: PlanEntry[];
  changes: PlanEntry[];
  unchanged: UnchangedEntry[];
  errors: RowError[];
  /** Other effects and facts worth knowing before committing (new areas, rows not in the file, the demo notice). */
  notes: string[];
  /** Whether applying it writes anything (a plan of unchanged rows writes nothing, not even an audit event). */
  hasWork: boolean;
};

/** Rows with at least one error. */
export function errorRowCount(plan: Pick<ImportPlan, "errors">): number {
  return new Set(plan.errors.map((e) => e.row)).size;
}

/** Row errors block the whole import: nothing is applied while any row has one. */
export function isCommittable(plan: ImportPlan): boolean {
  return plan.errors.length === 0 && plan.hasWork;
}

/** SHA-256 (hex) of the plan in a canonical form: the same file against the same data gives the same hash. */
export function planHash(plan: ImportPlan): string {
  const canonical = JSON.stringify([
    plan.kind,
    plan.rowCount,
    plan.creates.map((e) => [e.row, e.key, e.label, e.changes.map((c) => [c.label, c.before, c.after])]),
    plan.changes.map((e) => [e.row, e.key, e.label, e.changes.map((c) => [c.label, c.before, c.after])]),
    plan.unchanged.map((e) => [e.row, e.key, e.label]),
    plan.errors.map((e) => [e.row, e.column, e.value, e.reason]),
    plan.notes,
    plan.hasWork,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export const ERROR_CSV_HEADER = ["Row", "Column", "Value", "Reason"] as const;

/** The row errors as a table (for lib/domain/csv.ts toCsv): what the downloadable error file holds. */
export function errorCsvRows(errors: readonly RowError[]): string[][] {
  return [[...ERROR_CSV_HEADER], ...errors.map((e) => [String(e.row), e.column, e.value, e.reason])];
}

export const PLAN_CSV_HEADER = ["Row", "Key", "Name", "Outcome", "Field", "Current value", "New value"] as const;

/** The whole plan as a table, one line per changed field: the page shows the first entries only. */
export function planCsvRows(plan: ImportPlan): string[][] {
  const lines: string[][] = [[...PLAN_CSV_HEADER]];
  const entries = [
    ...plan.creates.map((e) => ({ ...e, outcome: "Create" })),
    ...plan.changes.map((e) => ({ ...e, outcome: "Change" })),
    ...plan.unchanged.map((e) => ({ ...e, outcome: "Unchanged", changes: [] as FieldChange[] })),
  ].sort((a, b) => a.row - b.row);
  for (const e of entries) {
    if (e.changes.length === 0) lines.push([String(e.row), e.key, e.label, e.outcome, "", "", ""]);
    for (const c of e.changes) lines.push([String(e.row), e.key, e.label, e.outcome, c.label, c.before, c.after]);
  }
  for (const e of plan.errors) lines.push([String(e.row), "", "", "Error", e.column, e.value, e.reason]);
  return lines;
}

/** Entries shown on the page, per list; the complete plan is in its downloadable file. */
export const PLAN_PAGE_LIMIT = 200;

export type PlanView = Omit<ImportPlan, "creates" | "changes" | "unchanged" | "errors"> & {
  creates: PlanEntry[];
  changes: PlanEntry[];
  unchanged: UnchangedEntry[];
  errors: RowError[];
  counts: { creates: number; changes: number; unchanged: number; errors: number; errorRows: number };
};

/** The plan for the page: counts of everything, the first PLAN_PAGE_LIMIT entries of each list. */
export function toPlanView(plan: ImportPlan, limit = PLAN_PAGE_LIMIT): PlanView {
  return {
    ...plan,
    creates: plan.creates.slice(0, limit),
    changes: plan.changes.slice(0, limit),
    unchanged: plan.unchanged.slice(0, limit),
    errors: plan.errors.slice(0, limit),
    counts: {
      creates: plan.creates.length,
      changes: plan.changes.length,
      unchanged: plan.unchanged.length,
      errors: plan.errors.length,
      errorRows: errorRowCount(plan),
    },
  };
}

/** A field as a creation shows it: everything new, nothing before. */
export function created(label: string, after: string): FieldChange {
  return { label, before: "", after };
}

/** The fields whose shown values differ, as changes. */
export function diffFields(fields: readonly { label: string; before: string; after: string }[]): FieldChange[] {
  return fields.filter((f) => f.before !== f.after);
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** The answer of an import request (lib/actions/import.ts), as the import page shows it. */
export type ImportOutcome = "refused" | "checked" | "committed" | "unchanged" | "stale" | "blocked";

export type ImportResult = {
  outcome: ImportOutcome;
  message: string;
  kind?: ImportKind;
  fileName?: string;
  /** The plan as the page shows it (the first entries of each list, every count). */
  plan?: PlanView;
  /** The plan's hash: "Import" sends it back, and the commit applies only the plan it names. */
  hash?: string;
  /** The row errors as a CSV file (BOM, CRLF, formula-like cells neutralised), when there are any. */
  errorsCsv?: string;
  /** The whole plan as a CSV file. */
  planCsv?: string;
};
