// Benchmark data on top of the demo seed: revision history for every update (real size), or the catalogue
// and history grown to 100x (7,400 commitments x 40 periods). Pure SQL with generate_series, so that even
// the large size loads in well under a minute. Deterministic (hashtext), never used outside bench/.
import type { PrismaClient } from "@/lib/prisma-client";

export type Scale = { name: string; proposals: number; periods: number; revisionsPerUpdate: number };

export const SCALES: Record<string, Scale> = {
  real: { name: "real (74 x 11)", proposals: 74, periods: 11, revisionsPerUpdate: 3 },
  "100x": { name: "100x (7,400 x 40)", proposals: 7400, periods: 40, revisionsPerUpdate: 3 },
};

const STATUSES = `ARRAY['NOT_STARTED','IN_PROGRESS','ONGOING','COMPLETED','STALLED']`;
const ASSESSMENTS = `ARRAY['ON_TRACK','AT_RISK','OFF_TRACK','NOT_ASSESSED']`;

export async function growToScale(prisma: PrismaClient, scale: Scale): Promise<void> {
  if (scale.periods > 11) {
    // Keep the open period last: it becomes number `periods`, closed ones fill 12..periods-1.
    await prisma.$executeRawUnsafe(`UPDATE "ReportingPeriod" SET number = ${scale.periods} WHERE state = 'OPEN'`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "ReportingPeriod" (id, number, name, "startsOn", "cutOffOn", "dueOn", state, "updatedAt")
      SELECT 'bench-period-' || n, n, 'Bench period ' || n, DATE '2000-01-01' + n * 30, DATE '2000-01-01' + n * 30 + 20,
             DATE '2000-01-01' + n * 30 + 28, 'CLOSED', now()
      FROM generate_series(12, ${scale.periods - 1}) AS n`);
  }
  if (scale.proposals > 74) {
    await prisma.$executeRawUnsafe(`
      INSERT INTO "Proposal" (id, number, set, "areaId", title, description, "edaInvolved")
      SELECT 'bench-p' || n, n, CASE WHEN n % 2 = 0 THEN 'SET_2016' ELSE 'SET_2017' END::"ProposalSet",
             (SELECT id FROM "Area" WHERE number = 1 + n % 11), 'Bench commitment ' || n,
             'Synthetic commitment for the benchmark.', n % 3 = 0
      FROM generate_series(75, ${scale.proposals}) AS n`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "FocalPoint" ("proposalId", "userId")
      SELECT p.id, u.id FROM "Proposal" p
      JOIN "User" u ON u.id IN ('seed-user-nato-staff', 'seed-user-eu-staff')
      WHERE p.id LIKE 'bench-p%'`);
  }
  // Every proposal reports in every period (the open one for about 60%), authored by a staff user.
  await prisma.$executeRawUnsafe(`
    INSERT INTO "StatusUpdate" (id, "proposalId", "periodId", status, assessment, progress, narrative, "nextSteps",
      "evidenceLinks", rationale, "workflowState", "submittedAt", "authorId", "organisationId", version, "createdAt", "updatedAt")
    SELECT 'bench-su-' || p.id || '-' || r.id, p.id, r.id,
           (${STATUSES})[1 + abs(hashtext(p.id || r.id)) % 5]::"ImplementationStatus",
           (${ASSESSMENTS})[1 + abs(hashtext(r.id || p.id)) % 4]::"Assessment",
           abs(hashtext(p.id || r.id || 'x')) % 101,
           'Bench narrative: staff-to-staff talks held and cross-briefings delivered as planned in this period.',
           'Continue.', '[]'::jsonb, '',
           CASE WHEN r.state = 'OPEN' THEN (ARRAY['APPROVED','SUBMITTED','DRAFT','RETURNED'])[1 + abs(hashtext(p.id)) % 4] ELSE 'APPROVED' END::"WorkflowState",
           now(), 'seed-user-nato-staff', 'nato', ${scale.revisionsPerUpdate}, now(), now()
    FROM "Proposal" p CROSS JOIN "ReportingPeriod" r
    WHERE NOT EXISTS (SELECT 1 FROM "StatusUpdate" s WHERE s."proposalId" = p.id AND s."periodId" = r.id)
      AND (r.state <> 'OPEN' OR abs(hashtext(p.id)) % 10 < 6)`);
  // Revision history: versions 1..N of every update (existing seeded rows keep their version 1).
  await prisma.$executeRawUnsafe(`UPDATE "StatusUpdate" SET version = ${scale.revisionsPerUpdate}`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "StatusUpdateRevision" (id, "statusUpdateId", version, status, assessment, progress, narrative, "nextSteps",
      "evidenceLinks", rationale, "workflowState", "authorId", "organisationId", "createdAt")
    SELECT s.id || '-bench-v' || v, s.id, v, s.status, s.assessment, s.progress, s.narrative, s."nextSteps",
           s."evidenceLinks", s.rationale, s."workflowState", s."authorId", s."organisationId", now()
    FROM "StatusUpdate" s CROSS JOIN generate_series(1, ${scale.revisionsPerUpdate}) AS v
    WHERE NOT EXISTS (SELECT 1 FROM "StatusUpdateRevision" x WHERE x."statusUpdateId" = s.id AND x.version = v)`);
  await prisma.$executeRawUnsafe(`ANALYZE`);
}
