// The words of the domain (../shared/DOMAIN.md). Values match the database enums; labels are what
// users read. Order is the order of every list, legend and export column.

export const IMPLEMENTATION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "ONGOING", "COMPLETED", "STALLED"] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

export const ASSESSMENTS = ["ON_TRACK", "AT_RISK", "OFF_TRACK", "NOT_ASSESSED"] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const ROLES = ["VIEWER", "STAFF", "MANAGER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const PROPOSAL_SETS = ["SET_2016", "SET_2017"] as const;
export type ProposalSet = (typeof PROPOSAL_SETS)[number];

export const PERIOD_STATES = ["UPCOMING", "OPEN", "LOCKED", "CLOSED"] as const;
export type PeriodState = (typeof PERIOD_STATES)[number];

export const STATUS_LABELS: Record<ImplementationStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  ONGOING: "Ongoing",
  COMPLETED: "Completed",
  STALLED: "Stalled",
};

export const STATUS_HINTS: Record<ImplementationStatus, string> = {
  NOT_STARTED: "Work has not begun.",
  IN_PROGRESS: "Work is under way towards a defined result.",
  ONGOING: "Established and recurring: a healthy steady state.",
  COMPLETED: "Delivered; no further work planned.",
  STALLED: "Blocked or paused.",
};

export const ASSESSMENT_LABELS: Record<Assessment, string> = {
  ON_TRACK: "On track",
  AT_RISK: "At risk",
  OFF_TRACK: "Off track",
  NOT_ASSESSED: "Not assessed",
};

export const ROLE_LABELS: Record<Role, string> = {
  VIEWER: "Viewer",
  STAFF: "Staff",
  MANAGER: "Manager",
  ADMIN: "Admin",
};

export const SET_LABELS: Record<ProposalSet, string> = {
  SET_2016: "December 2016 set",
  SET_2017: "December 2017 set",
};

export const PERIOD_STATE_LABELS: Record<PeriodState, string> = {
  UPCOMING: "Upcoming",
  OPEN: "Open for updates",
  LOCKED: "Locked",
  CLOSED: "Closed",
};

/** Label for a proposal without an update in the period. */
export const NO_UPDATE_LABEL = "No update";

export function proposalCode(number: number): string {
  return `P${String(number).padStart(2, "0")}`;
}
