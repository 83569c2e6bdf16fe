// The review workflow of a status update: Draft -> Submitted -> Approved, or Returned (with a note) to its
// author -> edited and resubmitted. Pure rules; lib/data enforces them inside the write transaction.
import { hasRole, canEditProposal, type Actor, type ProposalAccess } from "./permissions";

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
 * (managers may still correct it); approving and returning are for managers and admins.
 */
export function canTakeWorkflowAction(actor: Actor, proposal: ProposalAccess, state: WorkflowState, action: WorkflowAction): boolean {
  if (nextWorkflowState(state, action) === null) return false;
  const isManager = hasRole(actor, "MANAGER");
  switch (action) {
    case "edit":
      return state === "SUBMITTED" ? isManager : canEditProposal(actor, proposal);
    case "submit":
      return canEditProposal(actor, proposal);
    case "approve":
    case "return":
      return isManager;
  }
}
