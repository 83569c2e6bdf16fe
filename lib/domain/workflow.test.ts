import { describe, expect, test } from "vitest";
import type { Actor } from "./permissions";
import { canTakeWorkflowAction, nextWorkflowState, WORKFLOW_ACTIONS, WORKFLOW_STATES, type WorkflowAction, type WorkflowState } from "./workflow";

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
