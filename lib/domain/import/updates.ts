// Planning an import of past status updates (for organisations that kept them in spreadsheets). Rows are
// keyed by (proposal number, period number). Only past periods take imports (locked or closed): the open
// one is recorded in the tracker, where the review workflow applies. An imported update is approved,
// authored by the person the file names (it counts for their organisation), reviewed by the importing
// admin; its revision is made by that admin. The rationale rule of live saves does not apply to history: a
// new update has no rationale, an existing one keeps its own.
import { notInPeriodReason } from "../catalogue";
import { evidenceText } from "../csv";
import type { EvidenceLink } from "../proposals";
import { WORKFLOW_LABELS, type WorkflowState } from "../workflow";
import { ASSESSMENT_LABELS, STATUS_LABELS, proposalCode, type Assessment, type ImplementationStatus, type PeriodState, type ProposalSet } from "../vocabulary";
import { created, diffFields, plural, type ImportPlan, type PlanEntry, type UnchangedEntry } from "./plan";
import type { ParsedFile, RowError } from "./rows";

export type UpdateContent = {
  status: ImplementationStatus;
  assessment: Assessment;
  progress: number;
  narrative: string;
  nextSteps: string;
  evidenceLinks: EvidenceLink[];
};

export type UpdatesSnapshot = {
  proposals: { id: string; number: number; title: string; set: ProposalSet; retiredAt: Date | null }[];
  periods: { id: string; number: number; name: string; state: PeriodState; startsOn: Date; cutOffOn: Date; editions: number }[];
  /** The accounts the file names as authors (by lower-case e-mail). */
  people: { id: string; email: string; name: string; organisationId: string }[];
  /** The updates the file's rows would replace. */
  existing: (UpdateContent & {
    id: string;
    proposalId: string;
    periodId: string;
    version: number;
    workflowState: WorkflowState;
    authorId: string;
    authorName: string;
    authorEmail: string;
  })[];
};

type Target = { row: number; proposalId: string; periodId: string; content: UpdateContent; authorId: string; organisationId: string };

export type UpdatesOperations = {
  creates: Target[];
  changes: (Target & { id: string; version: number; before: UpdateContent & { workflowState: WorkflowState; authorId: string } })[];
};

export const IMPORTED_STATE: WorkflowState = "APPROVED";

/** Links compared by their label and address only. */
const linksKey = (links: readonly EvidenceLink[]) => JSON.stringify(links.map((l) => [l.label, l.url]));

function shown(content: UpdateContent, author: string, state: WorkflowState) {
  return [
    { label: "Status", value: STATUS_LABELS[content.status] },
    { label: "Assessment", value: ASSESSMENT_LABELS[content.assessment] },
    { label: "Progress (%)", value: String(content.progress) },
    { label: "Narrative", value: content.narrative },
    { label: "Next steps", value: content.nextSteps },
    { label: "Evidence links", value: evidenceText(content.evidenceLinks) },
    { label: "Author", value: author },
    { label: "Review state", value: WORKFLOW_LABELS[state] },
  ];
}

function periodRefusal(period: UpdatesSnapshot["periods"][number]): string | null {
  if (period.state === "OPEN") return `The ${period.name} is open: record its updates in the tracker. Import is for past periods (locked or closed).`;
  if (period.state === "UPCOMING") return `The ${period.name} has not begun: import is for past periods (locked or closed).`;
  return null;
}

export function planUpdates(file: ParsedFile<"updates">, snapshot: UpdatesSnapshot): { plan: ImportPlan; operations: UpdatesOperations } {
  const proposals = new Map(snapshot.proposals.map((p) => [p.number, p]));
  const periods = new Map(snapshot.periods.map((p) => [p.number, p]));
  const people = new Map(snapshot.people.map((p) => [p.email, p]));
  const existing = new Map(snapshot.existing.map((u) => [`${u.proposalId}/${u.periodId}`, u]));
  const errors: RowError[] = [...file.errors];
  const creates: PlanEntry[] = [];
  const changes: PlanEntry[] = [];
  const unchanged: UnchangedEntry[] = [];
  const operations: UpdatesOperations = { creates: [], changes: [] };
  const published = new Set<string>();

  for (const { row, values } of file.rows) {
    const code = proposalCode(values.proposal);
    const proposal = proposals.get(values.proposal);
    const period = periods.get(values.period);
    const author = people.get(values.author);
    const rowErrors: RowError[] = [];
    if (!proposal) rowErrors.push({ row, column: "Proposal", value: String(values.proposal), reason: `There is no proposal ${code} in the catalogue.` });
    if (!period) rowErrors.push({ row, column: "Period", value: String(values.period), reason: `There is no reporting period ${values.period}.` });
    else if (periodRefusal(period)) rowErrors.push({ row, column: "Period", value: String(values.period), reason: periodRefusal(period)! });
    else if (proposal && notInPeriodReason(proposal, period)) {
      rowErrors.push({ row, column: "Proposal", value: String(values.proposal), reason: notInPeriodReason(proposal, period)! });
    }
    if (!author)
      rowErrors.push({
        row,
        column: "Author e-mail",
        value: values.author,
        reason: `No account has the e-mail ${values.author}: import or invite the person first.`,
      });
    if (rowErrors.length || !proposal || !period || !author) {
      errors.push(...rowErrors);
      continue;
    }
    const content: UpdateContent = {
      status: values.status,
      assessment: values.assessment,
      progress: values.progress,
      narrative: values.narrative,
      nextSteps: values.nextSteps,
      evidenceLinks: values.evidenceLinks,
    };
    const key = `${code} · ${period.name}`;
    const target: Target = { row, proposalId: proposal.id, periodId: period.id, content, authorId: author.id, organisationId: author.organisationId };
    const authorName = `${author.name} (${author.email})`;
    const after = shown(content, authorName, IMPORTED_STATE);
    const current = existing.get(`${proposal.id}/${period.id}`);
    if (!current) {
      creates.push({ row, key, label: proposal.title, changes: after.filter((f) => f.value !== "").map((f) => created(f.label, f.value)) });
      operations.creates.push(target);
      if (period.editions) published.add(period.name);
      continue;
    }
    const before = shown(current, `${current.authorName} (${current.authorEmail})`, current.workflowState);
    const same =
      current.authorId === author.id &&
      current.workflowState === IMPORTED_STATE &&
      linksKey(current.evidenceLinks) === linksKey(content.evidenceLinks) &&
      (["status", "assessment", "progress", "narrative", "nextSteps"] as const).every((f) => current[f] === content[f]);
    if (same) {
      unchanged.push({ row, key, label: proposal.title });
      continue;
    }
    changes.push({ row, key, label: proposal.title, changes: diffFields(before.map((f, i) => ({ label: f.label, before: f.value, after: after[i]!.value }))) });
    const { status, assessment, progress, narrative, nextSteps, evidenceLinks, workflowState, authorId } = current;
    operations.changes.push({
      ...target,
      id: current.id,
      version: current.version,
      before: { status, assessment, progress, narrative, nextSteps, evidenceLinks, workflowState, authorId },
    });
    if (period.editions) published.add(period.name);
  }

  errors.sort((a, b) => a.row - b.row);
  const notes: string[] = [];
  const written = operations.creates.length + operations.changes.length;
  if (written) {
    notes.push(
      `${plural(written, "update")} will be recorded as approved, written by the author the file names and reviewed by you now; each keeps a revision made by you. The rule that a change of status needs a rationale applies to saves in the tracker, not to imported history.`,
    );
  }
  for (const name of [...published].sort()) {
    notes.push(`The ${name} has a published report edition: it does not change. Publish a new edition of it to include these updates.`);
  }
  return {
    plan: { kind: "updates", rowCount: file.rowCount, creates, changes, unchanged, errors, notes, hasWork: written > 0 },
    operations,
  };
}
