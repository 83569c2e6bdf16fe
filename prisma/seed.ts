// Demo data: the 74 proposals in eleven areas, ten closed reporting periods and one open one, demo users
// for every role in both organisations, and synthetic status history (labelled as such).
// Idempotent upserts with stable ids. Refuses to touch a database holding anything the seed did not
// create unless forced. Usage: `npm run db:seed [-- --force]` with DATABASE_URL set.
import { pathToFileURL } from "node:url";
import { hashPassword } from "@/lib/auth/passwords";
import { CATALOGUE_NOTICE_KEY } from "@/lib/domain/settings";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { areas, DEMO_CATALOGUE_NOTICE, proposals } from "./seed-data/catalogue";
import { synthesiseHistory, type HistoryAuthor } from "./seed-data/history";
import { seedPeriods } from "./seed-data/periods";
import { DEMO_PASSWORD, hasVacantNatoFocalPoint, organisations, users } from "./seed-data/users";

export const SEED_ID_PREFIX = "seed-";

export function proposalId(number: number): string {
  return `p${String(number).padStart(2, "0")}`;
}

export class SeedRefused extends Error {}

/** True when the database holds users or status updates that the seed did not create. */
export async function holdsRealData(prisma: PrismaClient): Promise<boolean> {
  const notSeed = { NOT: { id: { startsWith: SEED_ID_PREFIX } } };
  const [userCount, updateCount] = await Promise.all([prisma.user.count({ where: notSeed }), prisma.statusUpdate.count({ where: notSeed })]);
  return userCount + updateCount > 0;
}

function focalPointUsers(proposalNumber: number, areaNumber: number) {
  return users.filter(
    (u) =>
      u.focalAreas?.includes(areaNumber) &&
      // Keep one focal point per organisation and proposal; NATO vacancies on every ninth proposal.
      !(u.organisationId === "nato" && hasVacantNatoFocalPoint(proposalNumber)) &&
      users.filter((o) => o.organisationId === u.organisationId && o.focalAreas?.includes(areaNumber))[0] === u,
  );
}

export async function seedDemoData(prisma: PrismaClient, options: { force?: boolean; now?: Date; log?: (line: string) => void } = {}) {
  const log = options.log ?? console.log;
  const now = options.now ?? new Date();
  if (!options.force && (await holdsRealData(prisma))) {
    throw new SeedRefused("The database already holds data that the seed did not create. Re-run with --force to add the demo data anyway.");
  }

  const areaNumber = new Map(areas.map((a) => [a.id, a.number]));
  const periods = seedPeriods(now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await prisma.$transaction(
    async (tx) => {
      for (const org of organisations) {
        await tx.organisation.upsert({ where: { id: org.id }, create: org, update: { code: org.code, name: org.name } });
      }
      for (const area of areas) {
        await tx.area.upsert({ where: { id: area.id }, create: area, update: area });
      }
      for (const p of proposals) {
        const data = { number: p.number, set: p.set, areaId: p.areaId, title: p.title, description: p.description, edaInvolved: p.edaInvolved };
        await tx.proposal.upsert({ where: { id: proposalId(p.number) }, create: { id: proposalId(p.number), ...data }, update: data });
      }
      // The wording history starts with the seeded wording, valid since before the first report.
      await tx.proposalVersion.createMany({
        data: proposals.map((p) => ({
          id: `pv-${proposalId(p.number)}-1`,
          proposalId: proposalId(p.number),
          version: 1,
          number: p.number,
          set: p.set,
          areaId: p.areaId,
          title: p.title,
          description: p.description,
          edaInvolved: p.edaInvolved,
          validFrom: new Date("2016-01-01T00:00:00Z"),
        })),
        skipDuplicates: true,
      });
      // Only one period may be open: close any other before opening the demo one.
      await tx.reportingPeriod.updateMany({ where: { state: "OPEN", id: { notIn: periods.map((p) => p.id) } }, data: { state: "CLOSED" } });
      for (const p of periods) {
        const data = {
          number: p.number,
          name: p.name,
          startsOn: new Date(p.startsOn),
          cutOffOn: new Date(p.cutOffOn),
          dueOn: new Date(p.dueOn),
          state: p.state,
        };
        await tx.reportingPeriod.upsert({ where: { id: p.id }, create: { id: p.id, ...data }, update: data });
      }
      for (const u of users) {
        const data = { email: u.email, name: u.name, role: u.role, organisationId: u.organisationId, active: true };
        await tx.user.upsert({ where: { id: u.id }, create: { id: u.id, passwordHash, ...data }, update: data });
      }
      const focalPoints = proposals.flatMap((p) =>
        focalPointUsers(p.number, areaNumber.get(p.areaId)!).map((u) => ({ proposalId: proposalId(p.number), userId: u.id })),
      );
      await tx.focalPoint.createMany({ data: focalPoints, skipDuplicates: true });

      const authorsByProposal = new Map<string, HistoryAuthor[]>();
      for (const fp of focalPoints) {
        const user = users.find((u) => u.id === fp.userId)!;
        const list = authorsByProposal.get(fp.proposalId) ?? [];
        list.push({ id: user.id, organisationId: user.organisationId });
        authorsByProposal.set(fp.proposalId, list);
      }
      const history = synthesiseHistory(
        proposals.map((p) => ({ id: proposalId(p.number), number: p.number, set: p.set, title: p.title })),
        periods,
        (p) => authorsByProposal.get(p.id) ?? [],
        now,
        "seed-user-eu-manager",
      );
      // Existing rows (seeded earlier, or real ones when forced) are left as they are.
      const created = await tx.statusUpdate.createMany({
        data: history.map((h) => ({ ...h, createdAt: h.updatedAt, version: 1 })),
        skipDuplicates: true,
      });
      // A revision per seeded update that exists (one may have been skipped for a real update).
      const seeded = new Set((await tx.statusUpdate.findMany({ where: { id: { startsWith: SEED_ID_PREFIX } }, select: { id: true } })).map((r) => r.id));
      await tx.statusUpdateRevision.createMany({
        data: history
          .filter((h) => seeded.has(h.id))
          .map(({ id, proposalId: _proposal, periodId: _period, updatedAt, submittedAt: _s, reviewedAt: _r, reviewedById: _b, ...values }) => ({
            id: `${id}-v1`,
            statusUpdateId: id,
            version: 1,
            createdAt: updatedAt,
            ...values,
          })),
        skipDuplicates: true,
      });
      await tx.appSetting.upsert({
        where: { key: CATALOGUE_NOTICE_KEY },
        create: { key: CATALOGUE_NOTICE_KEY, value: `${DEMO_CATALOGUE_NOTICE} Status history before the open period is synthetic demo data.` },
        update: {},
      });
      log(
        `Seeded ${proposals.length} proposals, ${areas.length} areas, ${periods.length} periods, ${users.length} users, ${created.count} new status updates.`,
      );
    },
    { timeout: 60_000 },
  );
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const prisma = createPrismaClient(url, 2);
  try {
    await seedDemoData(prisma, { force: process.argv.includes("--force") });
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof SeedRefused ? error.message : error);
    process.exit(1);
  });
}
