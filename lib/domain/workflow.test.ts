import { describe, expect, test } from "vitest";
import type { Actor } from "./permissions";
import {
  canTakeWorkflowAction,
  nextWorkflowState,
  stateAfterSave,
  updatePermissions,
  WORKFLOW_ACTIONS,
  WORKFLOW_STATES,
  type WorkflowAction,
  type WorkflowState,
} from "./workflow";

const staff: Actor = { id: "s", role: "STAFF", organisationId: "nato" };
const otherStaff: Actor = { id: "o", role: "STAFF", organisationId: "eu" };
const manager: Actor = { id: "m", role: "MANAGER", organisationId: "eu" };
const viewer: Actor = { id: "v", role: "VIEWER", organisationId: "nato" };
const followed = { focalPointUserIds: ["s"] };

// Every (state, action) pair: the full transition table, so a new path cannot appear unnoticed.
const EXPECTED: Record<WorkflowState, Record<WorkflowAction, WorkflowState | null>> = {
  DRAFT: { edit: "DRAFT", submit: "SUBMITTED", approve: null, return: null },
  SUBMITTED: { edit: "SUBMITTED", submit: null, approve: "APPROVED", return: "RETURNED" },
  APPROVED: { edit: null, submit: null, approve: null, return: "RETURNED" },
  RETURNED: { edit: "RETURNED", submit: "SUBMITTED", approve: null, return: null },
};

describe("nextWorkflowState", () => {
  const cases = WORKFLOW_STATES.flatMap((state) => WORKFLOW_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const));
  test.each(cases)("%s + %s -> %s", (state, action, expected) => {
    expect(nextWorkflowState(state, action)).toBe(expected);
  });
});

describe("canTakeWorkflowAction", () => {
  test.each([
    [staff, "DRAFT", "edit", true],
    [staff, "DRAFT", "submit", true],
    [staff, "RETURNED", "edit", true],
    [staff, "RETURNED", "submit", true],
    [staff, "SUBMITTED", "edit", false],
    [staff, "SUBMITTED", "approve", false],
    [staff, "SUBMITTED", "return", false],
    [staff, "APPROVED", "edit", false],
    [otherStaff, "DRAFT", "edit", false],
    [otherStaff, "DRAFT", "submit", false],
    [viewer, "DRAFT", "edit", false],
    [manager, "SUBMITTED", "edit", true],
    [manager, "SUBMITTED", "approve", true],
    [manager, "SUBMITTED", "return", true],
    [manager, "APPROVED", "return", true],
    [manager, "APPROVED", "approve", false],
    [manager, "DRAFT", "approve", false],
  ] as const)("%o on %s: %s -> %s", (actor, state, action, expected) => {
    expect(canTakeWorkflowAction(actor, followed, state, action)).toBe(expected);
  });
});

describe("updatePermissions", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const open = { state: "OPEN" } as const;
  const locked = { state: "LOCKED" } as const;
  const reopened = { expiresAt: new Date("2026-12-05T00:00:00Z") };
  const expired = { expiresAt: new Date("2026-11-30T00:00:00Z") };

  test.each([
    ["staff, open, no update yet", staff, open, null, null, { canEdit: true, canSubmit: true, canApprove: false, canReturn: false }],
    ["staff, open, draft", staff, open, null, "DRAFT", { canEdit: true, canSubmit: true, canApprove: false, canReturn: false }],
    ["staff, open, submitted", staff, open, null, "SUBMITTED", { canEdit: false, canSubmit: false, canApprove: false, canReturn: false }],
    ["staff, locked, returned", staff, locked, null, "RETURNED", { canEdit: false, canSubmit: false, canApprove: false, canReturn: false }],
    ["staff, locked + reopened, returned", staff, locked, reopened, "RETURNED", { canEdit: true, canSubmit: true, canApprove: false, canReturn: false }],
    ["staff, locked + expired reopening", staff, locked, expired, "DRAFT", { canEdit: false, canSubmit: false, canApprove: false, canReturn: false }],
    ["staff, locked + reopened, approved", staff, locked, reopened, "APPROVED", { canEdit: true, canSubmit: true, canApprove: false, canReturn: false }],
    ["staff, open, approved", staff, open, null, "APPROVED", { canEdit: false, canSubmit: false, canApprove: false, canReturn: false }],
    [
      "other staff, locked + reopened, approved",
      otherStaff,
      locked,
      reopened,
      "APPROVED",
      { canEdit: false, canSubmit: false, canApprove: false, canReturn: false },
    ],
    ["manager, locked, submitted", manager, locked, null, "SUBMITTED", { canEdit: false, canSubmit: false, canApprove: true, canReturn: true }],
    ["manager, open, no update", manager, open, null, null, { canEdit: true, canSubmit: true, canApprove: false, canReturn: false }],
    ["manager, closed, approved", manager, { state: "CLOSED" }, null, "APPROVED", { canEdit: false, canSubmit: false, canApprove: false, canReturn: false }],
    ["viewer, open, submitted", viewer, open, null, "SUBMITTED", { canEdit: false, canSubmit: false, canApprove: false, canReturn: false }],
  ] as const)("%s", (_name, actor, period, reopening, workflowState, expected) => {
    expect(updatePermissions(actor, followed, { period, reopening, workflowState, now })).toEqual(expected);
  });

  test.each([
    [open, null, null, "save", "DRAFT"],
    [open, null, null, "submit", "SUBMITTED"],
    [open, null, "RETURNED", "save", "RETURNED"],
    [open, null, "RETURNED", "submit", "SUBMITTED"],
    [open, null, "SUBMITTED", "save", "SUBMITTED"],
    [open, null, "APPROVED", "save", null],
    [locked, reopened, "APPROVED", "save", "DRAFT"],
    [locked, reopened, "APPROVED", "submit", "SUBMITTED"],
    [locked, expired, "APPROVED", "save", null],
  ] as const)("stateAfterSave in %o (reopening %o) from %s with %s -> %s", (period, reopening, workflowState, intent, expected) => {
    expect(stateAfterSave({ period, reopening, workflowState, now }, intent)).toBe(expected);
  });
});
