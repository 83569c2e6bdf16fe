import "server-only";
import { z } from "zod";
import type { CurrentUpdate, EvidenceLink } from "@/lib/domain/proposals";
import type { Assessment, ImplementationStatus } from "@/lib/domain/vocabulary";

const storedLinksSchema = z.array(z.object({ label: z.string(), url: z.string() }));

/** Evidence links as stored (JSON); anything malformed reads as no links rather than failing the page. */
export function toEvidenceLinks(value: unknown): EvidenceLink[] {
  const parsed = storedLinksSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/** The Prisma select that `toCurrentUpdate` reads. */
export const currentUpdateSelect = {
  id: true,
  status: true,
  assessment: true,
  progress: true,
  narrative: true,
  nextSteps: true,
  evidenceLinks: true,
  updatedAt: true,
  version: true,
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
    authorName: row.author.name,
    organisationCode: row.organisation.code,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
