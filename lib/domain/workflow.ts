// The review workflow of a status update: Draft -> Submitted -> Approved, or Returned (with a note) to its
// author -> edited and resubmitted. Pure rules; lib/data enforces them inside the write transaction.
import { hasRole, canEditProposal, type Actor, type ProposalAccess } from "./permissions";
import { isWritable, type LockablePeriod, type Reopening } from "./review-rules";

export const WORKFLOW_STATES = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const WORKFLOW_LABELS: Record<WorkflowState, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  RETURNED: "Returned",
};

export const WORKFLOW_ACTIONS = ["edit", "submit", "approve", "return"] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Where each action leads. Editing keeps the state (a returned item stays returned until resubmitted). */
const TRANSITIONS: Record<WorkflowAction, Partial<Record<WorkflowState, WorkflowState>>> = {
  edit: { DRAFT: "DRAFT", RETURNED: "RETURNED", SUBMITTED: "SUBMITTED" },
  submit: { DRAFT: "SUBMITTED", RETURNED: "SUBMITTED" },
  approve: { SUBMITTED: "APPROVED" },
  return: { SUBMITTED: "RETURNED", APPROVED: "RETURNED" },
};

export function nextWorkflowState(state: WorkflowState, action: WorkflowAction): WorkflowState | null {
  return TRANSITIONS[action][state] ?? null;
}

/**
 * Whether the actor may take the action on an update in `state`. Staff edit and submit their own
 * proposals' drafts and returned items; a submitted item is frozen for staff while under review
 * (managers may still correct it); approving and returning are for managers and admins, and nobody
 * approves an update they wrote (`writtenBy`: its author and whoever last changed its content): four eyes.
 */
export function canTakeWorkflowAction(
  actor: Actor,
  proposal: ProposalAccess,
  state: WorkflowState,
  action: WorkflowAction,
  writtenBy: readonly string[] = [],
): boolean {
  if (nextWorkflowState(state, action) === null) return false;
  const isManager = hasRole(actor, "MANAGER");
  switch (action) {
    case "edit":
      return state === "SUBMITTED" ? isManager : canEditProposal(actor, proposal);
    case "submit":
      return canEditProposal(actor, proposal);
    case "approve":
      return isManager && !writtenBy.includes(actor.id);
    case "return":
      return isManager;
  }
}

export type UpdateContext = {
  period: LockablePeriod;
  /** The proposal's unexpired reopening in a locked period, if any. */
  reopening: Reopening | null;
  /** The update's state; null when none is recorded yet (a new update starts as a draft). */
  workflowState: WorkflowState | null;
  now: Date;
  /** Who wrote the update under review: its author and the last person who changed its content. */
  writtenBy?: readonly string[];
};

/** Why a manager may not approve an update, when it is their own (four eyes); null otherwise. */
export function ownUpdateReason(actor: Actor, writtenBy: readonly string[]): string | null {
  return writtenBy.includes(actor.id) ? "You wrote this update, so another manager approves it (four eyes)." : null;
}

/**
 * The state an edit starts from. Reopening a proposal in a locked period is a manager's decision to let
 * its focal points correct it: an approved update then goes back to draft and through review again.
 */
export function editBaseState(context: UpdateContext): WorkflowState {
  const state = context.workflowState ?? "DRAFT";
  const reopened = context.period.state === "LOCKED" && isWritable(context.period, context.reopening, context.now);
  return state === "APPROVED" && reopened ? "DRAFT" : state;
}

/** Where a save leads: an edit keeps the (base) state; a submit sends drafts and returned items for review. */
export function stateAfterSave(context: UpdateContext, intent: "save" | "submit"): WorkflowState | null {
  const base = editBaseState(context);
  return intent === "submit" ? nextWorkflowState(base, "submit") : nextWorkflowState(base, "edit");
}

export type UpdatePermissions = { canEdit: boolean; canSubmit: boolean; canApprove: boolean; canReturn: boolean };

/**
 * Everything an actor may do with one proposal's update in one period. Writing (edit, submit) needs a
 * writable period (open, or locked with an unexpired reopening); reviewing works in open and locked
 * periods, since approval usually comes after the cut-off.
 */
export function updatePermissions(actor: Actor, proposal: ProposalAccess, context: UpdateContext): UpdatePermissions {
  const writable = isWritable(context.period, context.reopening, context.now);
  const reviewable = context.period.state === "OPEN" || context.period.state === "LOCKED";
  const state = context.workflowState ?? "DRAFT";
  const base = editBaseState(context);
  const exists = context.workflowState !== null;
  return {
    canEdit: writable && canTakeWorkflowAction(actor, proposal, base, "edit"),
    canSubmit: writable && canTakeWorkflowAction(actor, proposal, base, "submit"),
    canApprove: reviewable && exists && canTakeWorkflowAction(actor, proposal, state, "approve", context.writtenBy),
    canReturn: reviewable && exists && canTakeWorkflowAction(actor, proposal, state, "return"),
  };
}
