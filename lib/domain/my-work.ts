// "My work": everything one person owes for the current period, grouped by where it stands in the review
// workflow. Pure: the rows come from lib/data/my-work.ts.
import { daysUntil, describeDaysLeft } from "./format";
import { proposalCode, type Assessment, type ImplementationStatus, type PeriodState } from "./vocabulary";
import type { WorkflowState } from "./workflow";

/** One proposal the person follows (or whose update they wrote), with its update in the period if any. */
export type MyWorkRow = {
  proposalId: string;
  number: number;
  title: string;
  areaName: string;
  workflowState: WorkflowState | null;
  status: ImplementationStatus | null;
  assessment: Assessment | null;
  progress: number | null;
  returnNote: string | null;
  /** UTC; when the update was last saved. */
  updatedAt: Date | null;
  /** Whether the person is a focal point of the proposal (else they only wrote its update). */
  follows: boolean;
  /** Whether the update may be written now (open period, or a reopening in a locked one). */
  writable: boolean;
};

export const MY_WORK_GROUPS = ["returned", "draft", "notStarted", "submitted", "approved"] as const;
export type MyWorkGroupKey = (typeof MY_WORK_GROUPS)[number];

export const MY_WORK_GROUP_TITLES: Record<MyWorkGroupKey, string> = {
  returned: "Returned to you for changes",
  draft: "Drafts to finish and submit",
  notStarted: "Not started",
  submitted: "Submitted, awaiting review",
  approved: "Approved",
};

/** Groups whose items need the person's action (the others wait on a reviewer, or are done). */
export const MY_WORK_ACTION_GROUPS: readonly MyWorkGroupKey[] = ["returned", "draft", "notStarted"];

export type MyWorkItem = MyWorkRow & {
  code: string;
  /** Where one click leads: the form while the person can still write, else the proposal page. */
  href: string;
  /** What the link says, e.g. "Revise and resubmit". */
  action: string;
};

export type MyWorkGroup = { key: MyWorkGroupKey; title: string; items: MyWorkItem[]; needsAction: boolean };

export type MyWork = {
  groups: MyWorkGroup[];
  /** Items in groups that need the person's action. */
  actionCount: number;
  total: number;
  /** "12 days left", "due today", "3 days overdue"; null once the period is no longer open. */
  daysLeft: string | null;
  /** The first item that needs action: where "Start with" leads. */
  next: MyWorkItem | null;
};

export function myWorkGroupOf(state: WorkflowState | null): MyWorkGroupKey {
  switch (state) {
    case "RETURNED":
      return "returned";
    case "DRAFT":
      return "draft";
    case "SUBMITTED":
      return "submitted";
    case "APPROVED":
      return "approved";
    default:
      return "notStarted";
  }
}

const ACTIONS: Record<MyWorkGroupKey, string> = {
  returned: "Revise and resubmit",
  draft: "Finish the draft",
  notStarted: "Record the update",
  submitted: "View",
  approved: "View",
};

/**
 * Every row in its group (all five groups, in workflow order, each in proposal-number order; empty groups
 * kept so the page can say "none"), with a link that opens the form where the person can still write.
 */
export function groupMyWork(rows: readonly MyWorkRow[], period: { state: PeriodState; cutOffOn: Date }, now: Date): MyWork {
  const items = [...rows]
    .sort((a, b) => a.number - b.number)
    .map((row): MyWorkItem & { group: MyWorkGroupKey } => {
      const group = myWorkGroupOf(row.workflowState);
      const canWrite = row.writable && MY_WORK_ACTION_GROUPS.includes(group);
      return {
        ...row,
        group,
        code: proposalCode(row.number),
        href: canWrite ? `/proposals/${row.proposalId}/update?from=my-work` : `/proposals/${row.proposalId}`,
        action: canWrite ? ACTIONS[group] : "View",
      };
    });
  const groups = MY_WORK_GROUPS.map((key) => ({
    key,
    title: MY_WORK_GROUP_TITLES[key],
    items: items.filter((i) => i.group === key).map(({ group: _group, ...item }) => item),
    needsAction: MY_WORK_ACTION_GROUPS.includes(key),
  }));
  const actionItems = groups.filter((g) => g.needsAction).flatMap((g) => g.items);
  return {
    groups,
    actionCount: actionItems.length,
    total: items.length,
    daysLeft: period.state === "OPEN" ? describeDaysLeft(daysUntil(period.cutOffOn, now)) : null,
    next: actionItems.find((i) => i.writable) ?? null,
  };
}

/** "You follow 12 proposals for the 11th progress report: 2 returned, 1 draft, 5 not started, 3 awaiting review, 1 approved." */
export function describeMyWork(work: MyWork, periodName: string): string {
  if (work.total === 0) return `You follow no proposal in the ${periodName}, and wrote no update in it.`;
  const words: Record<MyWorkGroupKey, string> = {
    returned: "returned",
    draft: "draft",
    notStarted: "not started",
    submitted: "awaiting review",
    approved: "approved",
  };
  const parts = work.groups
    .filter((g) => g.items.length > 0)
    .map((g) => `${g.items.length} ${g.key === "draft" && g.items.length > 1 ? "drafts" : words[g.key]}`);
  const need = work.actionCount === 0 ? "Nothing needs your action." : `${work.actionCount} ${work.actionCount === 1 ? "needs" : "need"} your action.`;
  return `${work.total} ${work.total === 1 ? "proposal" : "proposals"} in the ${periodName}: ${parts.join(", ")}. ${need}`;
}
