import "server-only";
import { z } from "zod";
import type { CurrentUpdate, EvidenceLink, FocalPointRef } from "@/lib/domain/proposals";
import type { Assessment, ImplementationStatus } from "@/lib/domain/vocabulary";
import type { WorkflowState } from "@/lib/domain/workflow";

const storedLinksSchema = z.array(z.object({ label: z.string(), url: z.string() }));

/** Evidence links as stored (JSON); anything malformed reads as no links rather than failing the page. */
export function toEvidenceLinks(value: unknown): EvidenceLink[] {
  const parsed = storedLinksSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The fields of one version of an update (shared by updates and their revisions). */
export const versionSelect = {
  status: true,
  assessment: true,
  progress: true,
  narrative: true,
  nextSteps: true,
  evidenceLinks: true,
  rationale: true,
  warnings: true,
  workflowState: true,
  returnNote: true,
} as const;

export function toVersionSnapshot<T extends { evidenceLinks: unknown }>(row: T): Omit<T, "evidenceLinks"> & { evidenceLinks: EvidenceLink[] } {
  return { ...row, evidenceLinks: toEvidenceLinks(row.evidenceLinks) };
}

/** The Prisma select that `toCurrentUpdate` reads. */
export const currentUpdateSelect = {
  id: true,
  ...versionSelect,
  highlight: true,
  updatedAt: true,
  version: true,
  authorId: true,
  author: { select: { name: true } },
  organisation: { select: { code: true } },
} as const;

type SelectedUpdate = {
  id: string;
  status: ImplementationStatus;
  assessment: Assessment;
  progress: number;
  narrative: string;
  nextSteps: string;
  evidenceLinks: unknown;
  rationale: string;
  /** Null only if written by hand without the column's default. */
  warnings: string[] | null;
  workflowState: WorkflowState;
  returnNote: string | null;
  /** Revisions carry no highlight: an update rebuilt from one reads as not highlighted. */
  highlight?: boolean;
  authorId: string;
  updatedAt: Date;
  version: number;
  author: { name: string };
  organisation: { code: string };
};

export function toCurrentUpdate(row: SelectedUpdate): CurrentUpdate {
  return {
    id: row.id,
    status: row.status,
    assessment: row.assessment,
    progress: row.progress,
    narrative: row.narrative,
    nextSteps: row.nextSteps,
    evidenceLinks: toEvidenceLinks(row.evidenceLinks),
    rationale: row.rationale,
    warnings: row.warnings ?? [],
    workflowState: row.workflowState,
    returnNote: row.returnNote,
    highlight: row.highlight ?? false,
    authorId: row.authorId,
    authorName: row.author.name,
    organisationCode: row.organisation.code,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** Focal points of a proposal, by name: the select and its mapping to FocalPointRef. */
export const focalPointsSelect = {
  select: { user: { select: { id: true, name: true, organisation: { select: { code: true } } } } },
  orderBy: { user: { name: "asc" } },
} as const;

export function toFocalPointRefs(rows: { user: { id: string; name: string; organisation: { code: string } } }[]): FocalPointRef[] {
  return rows.map((fp) => ({ userId: fp.user.id, name: fp.user.name, organisationCode: fp.user.organisation.code }));
}
