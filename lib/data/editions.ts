import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/permissions";
import { canManageReports, canonicalJson, publishBlocker, signOffDecision, type ReportSnapshot } from "@/lib/domain/report";
import type { PeriodState } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/prisma-client";
import type { PublishInput, SignOffInput } from "@/lib/validation/reports";
import { appendAudit, recordAuditEvent } from "./audit";
import { freezePeriodWrites } from "./periods";
import { buildSnapshot } from "./reports";
import { editionEntriesSql, entriesDigestSql, insertEditionEntriesSql, liveEntriesSql } from "./report-sql";

// Publishing and signing off editions. A publication first freezes the periods' writes
// (freezePeriodWrites): saves, reviews and highlights in flight finish, later ones wait until the edition
// is written, and the whole snapshot (figures, charts' numbers, entries) is read in one REPEATABLE READ
// transaction taken after that, so every number of an edition comes from one consistent moment.

export type ReportActor = Actor & { organisationCode: string; name: string };

type LockedPeriod = { id: string; number: number; name: string; state: PeriodState; startsOn: Date; cutOffOn: Date; dueOn: Date };

async function lockPeriod(tx: Prisma.TransactionClient, periodNumber: number, mode: "FOR UPDATE" | "FOR SHARE"): Promise<LockedPeriod> {
  const [period] = await tx.$queryRaw<LockedPeriod[]>`
    SELECT id, number, name, state::text AS state, "startsOn", "cutOffOn", "dueOn" FROM "ReportingPeriod"
    WHERE number = ${periodNumber} ${Prisma.raw(mode)}`;
  if (!period) throw new AppError("NOT_FOUND", "This reporting period does not exist.");
  return period;
}

async function refuse(actor: Actor, attempted: string, periodId: string | null, message: string): Promise<never> {
  await recordAuditEvent({ actorId: actor.id, action: "permission.denied", entityType: "ReportEdition", entityId: attempted, periodId, after: { attempted } });
  throw new AppError("FORBIDDEN", message);
}

/** SHA-256 over the snapshot (canonical JSON) and the entries' digest: what the edition's files come from. */
function contentHash(snapshot: ReportSnapshot, entriesDigest: string): string {
  return createHash("sha256").update(canonicalJson(snapshot)).update("\n").update(entriesDigest).digest("hex");
}

function isSerializationFailure(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? error);
  return /could not serialize access|40001/.test(text);
}

/**
 * Publishes the next edition of a period's report from the live approved updates, signed off at once by
 * the publisher's organisation. `expectedEditions` is how many editions the manager saw: if someone
 * published meanwhile, nothing is written and the manager is told.
 */
export async function publishEdition(actor: ReportActor, input: PublishInput, now = new Date()): Promise<{ number: number; contentHash: string }> {
  if (!canManageReports(actor)) return refuse(actor, "publish", null, "Only managers publish reports.");
  try {
    return await getDb().$transaction(
      async (tx) => {
        // First, before any query: the snapshot below then includes every write that was in flight.
        await freezePeriodWrites(tx);
        const period = await lockPeriod(tx, input.periodNumber, "FOR UPDATE");
        const previous = await tx.reportEdition.count({ where: { periodId: period.id } });
        if (previous !== input.expectedEditions) {
          throw new AppError("CONFLICT", `Someone published edition ${previous} of the ${period.name} meanwhile. Look at it before publishing another.`);
        }
        const blocker = publishBlocker(period, previous, input.changeNote);
        if (blocker?.field) throw new AppError("VALIDATION", blocker.message, { fields: { [blocker.field]: blocker.message } });
        if (blocker) throw new AppError("CONFLICT", blocker.message);
        const snapshot = await buildSnapshot(tx, period, now);
        const [digest] = await tx.$queryRaw<{ digest: string; count: number }[]>`${entriesDigestSql(liveEntriesSql(period))}`;
        const hash = contentHash(snapshot, digest!.digest);
        const number = previous + 1;
        const edition = await tx.reportEdition.create({
          data: {
            periodId: period.id,
            number,
            changeNote: input.changeNote.trim(),
            publishedAt: now,
            publishedById: actor.id,
            publishedByName: actor.name,
            summary: snapshot as unknown as Prisma.InputJsonValue,
            contentHash: hash,
          },
          select: { id: true },
        });
        const inserted = await tx.$executeRaw`${insertEditionEntriesSql(edition.id, period)}`;
        await tx.reportSignOff.create({
          data: {
            editionId: edition.id,
            organisationId: actor.organisationId,
            organisationCode: actor.organisationCode,
            userId: actor.id,
            userName: actor.name,
            signedAt: now,
          },
        });
        await appendAudit(tx, {
          actorId: actor.id,
          action: "report.publish",
          entityType: "ReportEdition",
          entityId: edition.id,
          periodId: period.id,
          after: { edition: number, changeNote: input.changeNote.trim(), contentHash: hash, proposals: inserted, signedOffBy: actor.organisationCode },
        });
        return { number, contentHash: hash };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Someone published an edition of this period at the same moment. Reload to see it.");
    }
    if (isSerializationFailure(error))
      throw new AppError("CONFLICT", "The period changed while the edition was being published. Nothing was published: try again.");
    throw error;
  }
}

export type SignOffOutcome = { outcome: "signed" | "already"; message: string };

/**
 * A manager signs off the latest edition for their organisation. Signing twice, or a second sign-off by
 * the same organisation, changes nothing (and says so); every attempt is audited.
 */
export async function signOffEdition(actor: ReportActor, input: SignOffInput, now = new Date()): Promise<SignOffOutcome> {
  if (!canManageReports(actor)) return refuse(actor, "sign_off", null, "Only managers sign off reports.");
  return getDb().$transaction(async (tx) => {
    // Shared: a publication of a newer edition (which takes the row exclusively) cannot interleave.
    const period = await lockPeriod(tx, input.periodNumber, "FOR SHARE");
    const [edition, latest] = await Promise.all([
      tx.reportEdition.findUnique({
        where: { periodId_number: { periodId: period.id, number: input.edition } },
        select: {
          id: true,
          number: true,
          signOffs: { select: { signedAt: true, organisationCode: true, userName: true } },
        },
      }),
      tx.reportEdition.findFirst({ where: { periodId: period.id }, select: { number: true }, orderBy: { number: "desc" } }),
    ]);
    if (!edition) throw new AppError("NOT_FOUND", "This edition does not exist.");
    const signOffs = edition.signOffs.map((s) => ({ organisationCode: s.organisationCode, userName: s.userName, signedAt: s.signedAt.toISOString() }));
    const decision = signOffDecision(actor, {
      number: edition.number,
      supersededBy: latest && latest.number > edition.number ? latest.number : null,
      signOffs,
    });
    const base = { actorId: actor.id, entityType: "ReportEdition", entityId: edition.id, periodId: period.id };
    if (decision.kind === "refused") {
      await appendAudit(tx, { ...base, action: "report.sign_off_refused", after: { edition: edition.number, reason: decision.message } });
      throw new AppError(decision.code, decision.message);
    }
    if (decision.kind === "already") {
      await appendAudit(tx, { ...base, action: "report.sign_off_repeated", after: { edition: edition.number, organisation: actor.organisationCode } });
      return { outcome: "already", message: decision.message };
    }
    // The primary key (edition, organisation) makes a concurrent second sign-off of the same side a no-op.
    const inserted = await tx.$executeRaw`
      INSERT INTO "ReportSignOff" ("editionId", "organisationId", "organisationCode", "userId", "userName", "signedAt")
      VALUES (${edition.id}, ${actor.organisationId}, ${actor.organisationCode}, ${actor.id}, ${actor.name}, ${now})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) {
      await appendAudit(tx, { ...base, action: "report.sign_off_repeated", after: { edition: edition.number, organisation: actor.organisationCode } });
      return { outcome: "already", message: `${actor.organisationCode} has already signed off edition ${edition.number}.` };
    }
    await appendAudit(tx, { ...base, action: "report.sign_off", after: { edition: edition.number, organisation: actor.organisationCode } });
    return { outcome: "signed", message: `Edition ${edition.number} signed off for ${actor.organisationCode}.` };
  });
}

/** Recomputes an edition's hash from what is stored: equal to contentHash while nobody tampered with it. */
export async function verifyEdition(editionId: string): Promise<{ stored: string; computed: string; entries: number }> {
  const db = getDb();
  const edition = await db.reportEdition.findUniqueOrThrow({ where: { id: editionId }, select: { summary: true, contentHash: true } });
  const [digest] = await db.$queryRaw<{ digest: string; count: number }[]>`${entriesDigestSql(editionEntriesSql(editionId))}`;
  return { stored: edition.contentHash, computed: contentHash(edition.summary as unknown as ReportSnapshot, digest!.digest), entries: digest!.count };
}
