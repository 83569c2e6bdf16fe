import "server-only";
import { getDb } from "@/lib/db";
import type { VersionSnapshot } from "@/lib/domain/diff";
import { toVersionSnapshot, versionSelect } from "./status-update-dto";

export type RevisionEntry = {
  id: string;
  version: number;
  period: { id: string; number: number; name: string };
  /** UTC. */
  createdAt: Date;
  authorName: string;
  organisationCode: string;
  snapshot: VersionSnapshot;
};

/** Every saved version of every update of a proposal: newest period first, newest version first. */
export async function listRevisions(proposalId: string): Promise<RevisionEntry[]> {
  const rows = await getDb().statusUpdateRevision.findMany({
    where: { statusUpdate: { proposalId } },
    orderBy: [{ statusUpdate: { period: { number: "desc" } } }, { version: "desc" }],
    select: {
      id: true,
      version: true,
      createdAt: true,
      ...versionSelect,
      author: { select: { name: true } },
      organisation: { select: { code: true } },
      statusUpdate: { select: { period: { select: { id: true, number: true, name: true } } } },
    },
  });
  return rows.map(({ id, version, createdAt, author, organisation, statusUpdate, ...snapshot }) => ({
    id,
    version,
    period: statusUpdate.period,
    createdAt,
    authorName: author.name,
    organisationCode: organisation.code,
    snapshot: toVersionSnapshot(snapshot),
  }));
}

/** One version of one update, e.g. the one a user started editing from. */
export async function getRevisionSnapshot(proposalId: string, periodId: string, version: number): Promise<VersionSnapshot | null> {
  const r = await getDb().statusUpdateRevision.findFirst({ where: { version, statusUpdate: { proposalId, periodId } }, select: versionSelect });
  return r && toVersionSnapshot(r);
}
