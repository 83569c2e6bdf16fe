// The shape of a proposal as every list, page and export sees it, and the filters over it.
import type { Assessment, ImplementationStatus, ProposalSet } from "./vocabulary";

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
  authorName: string;
  organisationCode: string;
  /** UTC. */
  updatedAt: Date;
  version: number;
};

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
