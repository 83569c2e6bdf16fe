// What changed between two versions of an update: field by field, with a word-level diff of the texts.
import { diffWords } from "diff";
import type { CurrentUpdate } from "./proposals";
import { ASSESSMENT_LABELS, STATUS_LABELS } from "./vocabulary";
import { WORKFLOW_LABELS } from "./workflow";

export type VersionSnapshot = Pick<
  CurrentUpdate,
  "status" | "assessment" | "progress" | "narrative" | "nextSteps" | "evidenceLinks" | "rationale" | "workflowState" | "returnNote"
>;

export type TextSegment = { value: string; change: "same" | "added" | "removed" };

export type FieldChange = {
  field: keyof VersionSnapshot;
  label: string;
  before: string;
  after: string;
  changed: boolean;
  /** For free text: the word diff from before to after. */
  segments?: TextSegment[];
};

const TEXT_FIELDS = new Set<keyof VersionSnapshot>(["narrative", "nextSteps", "rationale", "returnNote"]);

const FIELDS: { field: keyof VersionSnapshot; label: string; show: (v: VersionSnapshot) => string }[] = [
  { field: "status", label: "Implementation status", show: (v) => STATUS_LABELS[v.status] },
  { field: "assessment", label: "Assessment", show: (v) => ASSESSMENT_LABELS[v.assessment] },
  { field: "progress", label: "Progress", show: (v) => `${v.progress}%` },
  { field: "narrative", label: "Narrative", show: (v) => v.narrative },
  { field: "nextSteps", label: "Next steps", show: (v) => v.nextSteps },
  { field: "evidenceLinks", label: "Evidence", show: (v) => v.evidenceLinks.map((l) => (l.label ? `${l.label}: ${l.url}` : l.url)).join("\n") },
  { field: "rationale", label: "Rationale", show: (v) => v.rationale },
  { field: "workflowState", label: "Review state", show: (v) => WORKFLOW_LABELS[v.workflowState] },
  { field: "returnNote", label: "Return note", show: (v) => v.returnNote ?? "" },
];

export function diffText(before: string, after: string): TextSegment[] {
  return diffWords(before, after).map((part) => ({ value: part.value, change: part.added ? "added" : part.removed ? "removed" : "same" }));
}

export function compareVersions(before: VersionSnapshot, after: VersionSnapshot): FieldChange[] {
  return FIELDS.map(({ field, label, show }) => {
    const a = show(before);
    const b = show(after);
    const changed = a !== b;
    return { field, label, before: a, after: b, changed, ...(changed && TEXT_FIELDS.has(field) ? { segments: diffText(a, b) } : {}) };
  });
}

/** Labels of the fields that differ, e.g. for "what the other person changed". */
export function changedFieldLabels(before: VersionSnapshot, after: VersionSnapshot): string[] {
  return compareVersions(before, after)
    .filter((c) => c.changed)
    .map((c) => c.label);
}
