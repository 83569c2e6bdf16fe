import "server-only";
import { getDb } from "@/lib/db";
import { canEditProposal, canReviewUpdates, type Actor } from "@/lib/domain/permissions";
import { changedFieldLabels } from "@/lib/domain/diff";
import type { CurrentUpdate } from "@/lib/domain/proposals";
import { isWritable, requiresRationale } from "@/lib/domain/review-rules";
import { nextWorkflowState, ownUpdateReason, stateAfterSave, updatePermissions, type WorkflowState } from "@/lib/domain/workflow";
import { notInPeriodReason } from "@/lib/domain/catalogue";
import { warningMessages } from "@/lib/domain/update-warnings";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/prisma-client";
import {
  RATIONALE_REQUIRED_MESSAGE,
  rationaleRequiredMessage,
  type RationaleBaseline,
  type ReviewInput,
  type StatusUpdateInput,
} from "@/lib/validation/status-update";
import { appendAudit, recordAuditEvent } from "./audit";
import { getActiveReopening, lockPeriodForWrite } from "./periods";
import { getRevisionSnapshot } from "./revisions";
import { currentUpdateSelect, toCurrentUpdate } from "./status-update-dto";

const CONTENT_FIELDS = ["status", "assessment", "progress", "narrative", "nextSteps", "evidenceLinks", "rationale"] as const;
type Content = Pick<StatusUpdateInput, (typeof CONTENT_FIELDS)[number]>;

function content(values: Content): Content {
  return Object.fromEntries(CONTENT_FIELDS.map((field) => [field, values[field]])) as Content;
}

export type ConflictDetails = { current: CurrentUpdate; changedFields: string[] };

type LockedRow = Content & {
  id: string;
  version: number;
  workflowState: WorkflowState;
  returnNote: string | null;
  authorId: string;
  /** Who wrote the latest version (the author, or a manager who corrected it). */
  lastEditorId: string | null;
  warnings: string[] | null;
};

/** Locks the update row (if any) so concurrent writes of the same update queue behind each other. */
async function lockUpdate(tx: Prisma.TransactionClient, proposalId: string, periodId: string): Promise<LockedRow | undefined> {
  const rows = await tx.$queryRaw<LockedRow[]>`
    SELECT id, version, status::text AS status, assessment::text AS assessment, progress, narrative,
           "nextSteps", "evidenceLinks", rationale, warnings, "workflowState"::text AS "workflowState", "returnNote", "authorId",
           (SELECT r."authorId" FROM "StatusUpdateRevision" r WHERE r."statusUpdateId" = "StatusUpdate".id ORDER BY r.version DESC LIMIT 1) AS "lastEditorId"
    FROM "StatusUpdate"
    WHERE "proposalId" = ${proposalId} AND "periodId" = ${periodId}
    FOR UPDATE`;
  return rows[0];
}

/** What the permission checks need; NOT_FOUND for an unknown proposal or period. */
async function loadTarget(proposalId: string, periodId: string, now: Date) {
  const db = getDb();
  const [proposal, period, reopening] = await Promise.all([
    db.proposal.findUnique({
      where: { id: proposalId },
      select: { id: true, number: true, set: true, retiredAt: true, focalPoints: { select: { userId: true } } },
    }),
    db.reportingPeriod.findUnique({ where: { id: periodId }, select: { id: true, number: true, state: true, name: true, startsOn: true, cutOffOn: true } }),
    getActiveReopening(periodId, proposalId, now),
  ]);
  if (!proposal) throw new AppError("NOT_FOUND", "This proposal does not exist.");
  if (!period) throw new AppError("NOT_FOUND", "This reporting period does not exist.");
  return { access: { focalPointUserIds: proposal.focalPoints.map((fp) => fp.userId) }, period, reopening, proposal };
}

/** The latest update of the proposal in an earlier period: the baseline for the rationale rule. */
async function previousUpdate(proposalId: string, periodNumber: number) {
  return getDb().statusUpdate.findFirst({
    where: { proposalId, period: { number: { lt: periodNumber } } },
    orderBy: { period: { number: "desc" } },
    select: { status: true, assessment: true, period: { select: { name: true } } },
  });
}

/**
 * The baseline the rationale rule compares with, for the form's validation (so the rationale error comes
 * with every other error). Null for an unknown proposal or period, when no earlier period has an update,
 * and for an actor who may not edit the proposal: authorization comes before the rationale rule, so they
 * get no hint about the last period (recordStatusUpdate refuses them, and judges the other cases itself).
 */
export async function getRationaleBaseline(actor: Actor, proposalId: string, periodId: string): Promise<RationaleBaseline> {
  if (!proposalId || !periodId) return null;
  const db = getDb();
  const [proposal, period] = await Promise.all([
    db.proposal.findUnique({ where: { id: proposalId }, select: { focalPoints: { select: { userId: true } } } }),
    db.reportingPeriod.findUnique({ where: { id: periodId }, select: { number: true } }),
  ]);
  if (!proposal || !period || !canEditProposal(actor, { focalPointUserIds: proposal.focalPoints.map((fp) => fp.userId) })) return null;
  const previous = await previousUpdate(proposalId, period.number);
  return previous && { status: previous.status, assessment: previous.assessment, periodName: previous.period.name };
}

async function refuse(actor: Actor, attempted: string, proposalId: string, periodId: string, message: string): Promise<never> {
  await recordAuditEvent({
    actorId: actor.id,
    action: "permission.denied",
    entityType: "StatusUpdate",
    entityId: `${proposalId}/${periodId}`,
    proposalId,
    periodId,
    after: { attempted },
  });
  throw new AppError("FORBIDDEN", message);
}

/** Refuses a stale save, saying what is saved now and which fields changed since the user's version. */
async function conflict(proposalId: string, periodId: string, baseVersion: number): Promise<never> {
  const row = await getDb().statusUpdate.findUnique({ where: { proposalId_periodId: { proposalId, periodId } }, select: currentUpdateSelect });
  const current = row ? toCurrentUpdate(row) : null;
  const base = baseVersion > 0 ? await getRevisionSnapshot(proposalId, periodId, baseVersion) : null;
  const changedFields = current ? (base ? changedFieldLabels(base, current) : ["The whole update (it was created meanwhile)"]) : [];
  throw new AppError(
    "CONFLICT",
    "Someone else saved this update while you were editing. Your text is kept below: compare it with what is saved now, then save again.",
    current ? { current, changedFields } : undefined,
  );
}

class StaleVersion extends Error {}

function periodClosed(period: { name: string; state: string }): AppError {
  return new AppError("PERIOD_CLOSED", `The ${period.name} is ${period.state === "LOCKED" ? "locked" : "not open for updates"}.`);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Records (or edits) the status of a proposal for a period, and submits it for review when asked.
 * Authorizes against the workflow and the period's lock, requires a rationale when status or assessment
 * moved from the previous period, refuses stale versions, and writes the update, its revision and the
 * audit event in one transaction. Returns the new version, workflow state and the warnings flagged (lib/domain/update-warnings.ts).
 */
export async function recordStatusUpdate(
  actor: Actor,
  input: StatusUpdateInput,
  now = new Date(),
): Promise<{ id: string; version: number; workflowState: WorkflowState; warnings: string[] }> {
  const { access, period, reopening, proposal } = await loadTarget(input.proposalId, input.periodId, now);
  // Authorize first: who may write at all, before anything about the period or the content.
  if (!canEditProposal(actor, access)) {
    return refuse(actor, input.intent, input.proposalId, input.periodId, "You can record updates only for proposals where you are a focal point.");
  }
  if (!isWritable(period, reopening, now)) throw periodClosed(period);
  const outside = notInPeriodReason(proposal, period);
  if (outside) throw new AppError("CONFLICT", outside);
  const previous = await previousUpdate(input.proposalId, period.number);
  if (requiresRationale(previous, input) && !input.rationale) {
    throw new AppError("VALIDATION", RATIONALE_REQUIRED_MESSAGE, { fields: { rationale: rationaleRequiredMessage(previous!.period.name) } });
  }

  const values = content(input);
  // Computed here from the values being saved, never taken from the client; they flag, never block.
  const warnings = warningMessages(values);
  try {
    return await getDb().$transaction(async (tx) => {
      // The checks above may be stale by now: re-check the period under its row lock.
      const fresh = await lockPeriodForWrite(tx, input.periodId, input.proposalId, now);
      if (!isWritable(fresh.period, fresh.reopening, now)) throw periodClosed(fresh.period);
      const existing = await lockUpdate(tx, input.proposalId, input.periodId);
      if ((existing?.version ?? 0) !== input.expectedVersion) throw new StaleVersion();

      const state = existing?.workflowState ?? null;
      const context = { period: fresh.period, reopening: fresh.reopening, workflowState: state, now };
      const allowed = updatePermissions(actor, access, context);
      const wantsSubmit = input.intent === "submit";
      const nextState = stateAfterSave(context, input.intent);
      if (!allowed.canEdit || (wantsSubmit && !allowed.canSubmit) || !nextState) {
        throw new Refused(
          state === "SUBMITTED" || state === "APPROVED"
            ? `This update is ${state === "SUBMITTED" ? "waiting for review" : "approved"}; a manager must return it before it can be changed.`
            : "You can record updates only for proposals where you are a focal point.",
        );
      }
      const data = {
        ...values,
        warnings,
        workflowState: nextState,
        ...(wantsSubmit ? { submittedAt: now } : {}),
      };
      // The author stays the staff member who wrote the update; a manager's correction is recorded in
      // the revision and the audit trail.
      const saved = existing
        ? await tx.statusUpdate.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } }, select: { id: true, version: true } })
        : await tx.statusUpdate.create({
            data: { ...data, proposalId: input.proposalId, periodId: input.periodId, authorId: actor.id, organisationId: actor.organisationId },
            select: { id: true, version: true },
          });
      await tx.statusUpdateRevision.create({
        data: {
          ...values,
          warnings,
          workflowState: nextState,
          returnNote: existing?.returnNote ?? null,
          statusUpdateId: saved.id,
          version: saved.version,
          authorId: actor.id,
          organisationId: actor.organisationId,
        },
      });
      await appendAudit(tx, {
        actorId: actor.id,
        action: !existing
          ? wantsSubmit
            ? "status_update.create_submit"
            : "status_update.create"
          : wantsSubmit
            ? "status_update.submit"
            : "status_update.update",
        entityType: "StatusUpdate",
        entityId: saved.id,
        proposalId: input.proposalId,
        periodId: input.periodId,
        before: existing ? { ...content(existing), workflowState: existing.workflowState, version: existing.version } : null,
        after: { ...values, workflowState: nextState, version: saved.version },
      });
      return { ...saved, workflowState: nextState, warnings };
    });
  } catch (error) {
    if (error instanceof StaleVersion || isUniqueViolation(error)) return conflict(input.proposalId, input.periodId, input.expectedVersion);
    if (error instanceof Refused) return refuse(actor, input.intent, input.proposalId, input.periodId, error.message);
    throw error;
  }
}

class Refused extends Error {}

function reviewable(period: { state: string }): boolean {
  return period.state === "OPEN" || period.state === "LOCKED";
}

/** A manager approves a submitted update, or returns it (submitted or approved) to its author with a note. */
export async function reviewStatusUpdate(
  actor: Actor,
  input: ReviewInput,
  now = new Date(),
): Promise<{ id: string; version: number; workflowState: WorkflowState; authorId: string }> {
  const { access } = await loadTarget(input.proposalId, input.periodId, now);
  if (!canReviewUpdates(actor)) return refuse(actor, input.decision, input.proposalId, input.periodId, "Only managers review updates.");
  try {
    return await getDb().$transaction(async (tx) => {
      const { period, reopening } = await lockPeriodForWrite(tx, input.periodId, input.proposalId, now);
      const existing = await lockUpdate(tx, input.proposalId, input.periodId);
      if (!existing) throw new AppError("NOT_FOUND", "There is no update to review.");
      if (existing.version !== input.expectedVersion) throw new StaleVersion();
      const writtenBy = [existing.authorId, ...(existing.lastEditorId ? [existing.lastEditorId] : [])];
      const allowed = updatePermissions(actor, access, { period, reopening, workflowState: existing.workflowState, now, writtenBy });
      const may = input.decision === "approve" ? allowed.canApprove : allowed.canReturn;
      const own = input.decision === "approve" && existing.workflowState === "SUBMITTED" ? ownUpdateReason(actor, writtenBy) : null;
      if (own) throw new Refused(own);
      if (!may) {
        throw new AppError(
          "CONFLICT",
          `An update that is ${existing.workflowState.toLowerCase()} cannot be ${input.decision === "approve" ? "approved" : "returned"}${reviewable(period) ? "" : " in a closed period"}.`,
        );
      }
      const nextState = nextWorkflowState(existing.workflowState, input.decision)!;
      const returnNote = input.decision === "return" ? input.note : existing.returnNote;
      const saved = await tx.statusUpdate.update({
        where: { id: existing.id },
        data: { workflowState: nextState, returnNote, reviewedAt: now, reviewedById: actor.id, version: { increment: 1 } },
        select: { id: true, version: true, authorId: true },
      });
      await tx.statusUpdateRevision.create({
        data: {
          ...content(existing),
          // A review changes no content: the revision keeps the warnings flagged when the content was saved.
          warnings: existing.warnings ?? [],
          workflowState: nextState,
          returnNote,
          statusUpdateId: saved.id,
          version: saved.version,
          authorId: actor.id,
          organisationId: actor.organisationId,
        },
      });
      await appendAudit(tx, {
        actorId: actor.id,
        action: `status_update.${input.decision}`,
        entityType: "StatusUpdate",
        entityId: saved.id,
        proposalId: input.proposalId,
        periodId: input.periodId,
        before: { workflowState: existing.workflowState, returnNote: existing.returnNote, version: existing.version },
        after: { workflowState: nextState, returnNote, version: saved.version, ...(input.note ? { note: input.note } : {}) },
      });
      return { ...saved, workflowState: nextState };
    });
  } catch (error) {
    if (error instanceof StaleVersion) return conflict(input.proposalId, input.periodId, input.expectedVersion);
    if (error instanceof Refused) return refuse(actor, input.decision, input.proposalId, input.periodId, error.message);
    throw error;
  }
}
