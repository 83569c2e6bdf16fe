// Two reports side by side (two editions, or an edition and the live draft): which proposals' status,
// assessment, progress or text changed, field by field, with a word diff of the texts.
import { diffText, type TextSegment } from "./diff";
import type { ReportEntry } from "./report";
import { ASSESSMENT_LABELS, NO_UPDATE_LABEL, STATUS_LABELS } from "./vocabulary";

export type ComparedField = "title" | "status" | "assessment" | "progress" | "narrative" | "nextSteps" | "evidence";

export const COMPARED_FIELD_LABELS: Record<ComparedField, string> = {
  title: "Title",
  status: "Implementation status",
  assessment: "Assessment",
  progress: "Progress",
  narrative: "Narrative",
  nextSteps: "Next steps",
  evidence: "Evidence",
};

const TEXT_FIELDS = new Set<ComparedField>(["title", "narrative", "nextSteps", "evidence"]);

const SHOW: Record<ComparedField, (e: ReportEntry | undefined) => string> = {
  title: (e) => e?.title ?? "",
  status: (e) => (e?.update ? STATUS_LABELS[e.update.status] : NO_UPDATE_LABEL),
  assessment: (e) => (e?.update ? ASSESSMENT_LABELS[e.update.assessment] : ""),
  progress: (e) => (e?.update ? `${e.update.progress}%` : ""),
  narrative: (e) => e?.update?.narrative ?? "",
  nextSteps: (e) => e?.update?.nextSteps ?? "",
  evidence: (e) => (e?.update?.evidenceLinks ?? []).map((l) => (l.label ? `${l.label}: ${l.url}` : l.url)).join("\n"),
};

export type FieldDifference = { field: ComparedField; label: string; before: string; after: string; segments?: TextSegment[] };

export type EntryDifference = {
  number: number;
  code: string;
  title: string;
  areaName: string;
  /** In only one of the two reports (a proposal added to or retired from the catalogue). */
  presence: "both" | "only-before" | "only-after";
  fields: FieldDifference[];
};

/** The differences of one proposal between two reports; null when nothing a reader would see changed. */
export function compareEntries(before: ReportEntry | undefined, after: ReportEntry | undefined): EntryDifference | null {
  const either = (after ?? before)!;
  const fields = (Object.keys(SHOW) as ComparedField[]).flatMap((field): FieldDifference[] => {
    const [a, b] = [SHOW[field](before), SHOW[field](after)];
    if (a === b) return [];
    return [{ field, label: COMPARED_FIELD_LABELS[field], before: a, after: b, ...(TEXT_FIELDS.has(field) ? { segments: diffText(a, b) } : {}) }];
  });
  if (fields.length === 0) return null;
  return {
    number: either.number,
    code: either.code,
    title: either.title,
    areaName: either.areaName,
    presence: before && after ? "both" : before ? "only-before" : "only-after",
    fields,
  };
}

/** Merges two entry streams in proposal-number order and yields the proposals that differ. */
export async function* compareReports(before: AsyncIterable<ReportEntry>, after: AsyncIterable<ReportEntry>): AsyncGenerator<EntryDifference> {
  const a = before[Symbol.asyncIterator]();
  const b = after[Symbol.asyncIterator]();
  let [x, y] = await Promise.all([a.next(), b.next()]);
  while (!x.done || !y.done) {
    const left = x.done ? undefined : x.value;
    const right = y.done ? undefined : y.value;
    const takeLeft = left && (!right || left.number <= right.number);
    const takeRight = right && (!left || right.number <= left.number);
    const difference = compareEntries(takeLeft ? left : undefined, takeRight ? right : undefined);
    if (difference) yield difference;
    [x, y] = await Promise.all([takeLeft ? a.next() : x, takeRight ? b.next() : y]);
  }
}

export const COMPARE_CSV_HEADER = ["Proposal", "Title", "Area", "Field", "Before", "After"] as const;

export function compareCsvRows(differences: readonly EntryDifference[]): string[][] {
  return [[...COMPARE_CSV_HEADER], ...differences.flatMap((d) => d.fields.map((f) => [d.code, d.title, d.areaName, f.label, f.before, f.after]))];
}
