// The shape of a proposal as every list, page and export sees it, and the filters over it.
import type { Assessment, ImplementationStatus, ProposalSet } from "./vocabulary";
import type { WorkflowState } from "./workflow";

export type EvidenceLink = { label: string; url: string };

export type FocalPointRef = { userId: string; name: string; organisationCode: string };

export type CurrentUpdate = {
  id: string;
  status: ImplementationStatus;
  assessment: Assessment;
  progress: number;
  narrative: string;
  nextSteps: string;
  evidenceLinks: EvidenceLink[];
  rationale: string;
  /** Contradictions flagged when this version was saved (lib/domain/update-warnings.ts), in plain words. */
  warnings: string[];
  workflowState: WorkflowState;
  returnNote: string | null;
  /** Marked by a manager for the report's highlights (approved updates only). */
  highlight: boolean;
  authorId: string;
  authorName: string;
  organisationCode: string;
  /** UTC. */
  updatedAt: Date;
  version: number;
};

/** Which updates a view counts: approved only (the default everywhere), also submitted, or all. */
export const INCLUDE_OPTIONS = ["approved", "submitted", "all"] as const;
export type IncludeOption = (typeof INCLUDE_OPTIONS)[number];

/** Drafts and returned text reach a list, a dashboard or an export only when asked for. */
export const DEFAULT_INCLUDE: IncludeOption = "approved";

export const INCLUDE_LABELS: Record<IncludeOption, string> = {
  approved: "Approved updates only",
  submitted: "Approved and submitted",
  all: "All, including drafts and returned",
};

export function includedStates(include: IncludeOption): WorkflowState[] {
  switch (include) {
    case "approved":
      return ["APPROVED"];
    case "submitted":
      return ["APPROVED", "SUBMITTED"];
    case "all":
      return ["APPROVED", "SUBMITTED", "DRAFT", "RETURNED"];
  }
}

export type ProposalRow = {
  id: string;
  number: number;
  set: ProposalSet;
  areaId: string;
  areaNumber: number;
  areaName: string;
  title: string;
  focalPoints: FocalPointRef[];
  /** The update for the period being viewed, or null when none was recorded. */
  update: CurrentUpdate | null;
};

export function focalPointNames(row: Pick<ProposalRow, "focalPoints">, organisationCode: string): string {
  return row.focalPoints
    .filter((fp) => fp.organisationCode === organisationCode)
    .map((fp) => fp.name)
    .join("; ");
}
