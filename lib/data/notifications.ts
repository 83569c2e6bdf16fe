import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { daysUntil, describeDaysLeft, formatDate } from "@/lib/domain/format";
import { setsEndorsedBy } from "@/lib/domain/catalogue";
import type { Notification, NotificationKind } from "@/lib/domain/notifications";
import { hasRole, type Actor } from "@/lib/domain/permissions";
import { proposalCode } from "@/lib/domain/vocabulary";
import { appUrl, sendMails, type Mail } from "@/lib/mail";
import { AppError } from "@/lib/errors";
import { canManagePeriods } from "@/lib/domain/permissions";
import { recordAuditEvent } from "./audit";
import { getCurrentPeriod, type PeriodSummary } from "./periods";
import { inPeriodSql } from "./view-sql";

/**
 * Proposals the user follows that still need a submitted update in the open period (not those retired
 * before it began: they are out of the period).
 */
async function dueFor(userIds: string[], period: PeriodSummary) {
  const rows = await getDb().focalPoint.findMany({
    where: {
      userId: { in: userIds },
      proposal: {
        set: { in: setsEndorsedBy(period.cutOffOn) },
        OR: [{ retiredAt: null }, { retiredAt: { gt: period.startsOn } }],
        statusUpdates: { none: { periodId: period.id, workflowState: { in: ["SUBMITTED", "APPROVED", "RETURNED"] } } },
      },
    },
    select: {
      userId: true,
      proposal: { select: { id: true, number: true, title: true, statusUpdates: { where: { periodId: period.id }, select: { id: true } } } },
    },
    orderBy: { proposal: { number: "asc" } },
  });
  return rows.map((r) => ({
    userId: r.userId,
    proposalId: r.proposal.id,
    number: r.proposal.number,
    title: r.proposal.title,
    hasDraft: r.proposal.statusUpdates.length > 0,
  }));
}

/** Returned updates the user wrote or follows, in the period. */
async function returnedFor(userIds: string[], periodId: string) {
  const rows = await getDb().statusUpdate.findMany({
    where: { periodId, workflowState: "RETURNED", OR: [{ authorId: { in: userIds } }, { proposal: { focalPoints: { some: { userId: { in: userIds } } } } }] },
    select: { authorId: true, returnNote: true, proposal: { select: { id: true, number: true, title: true, focalPoints: { select: { userId: true } } } } },
    orderBy: { proposal: { number: "asc" } },
  });
  return rows;
}

type BellRow = {
  kind: NotificationKind;
  proposalId: string | null;
  number: number | null;
  title: string | null;
  returnNote: string | null;
  hasDraft: boolean | null;
};

/**
 * Everything that needs one user's action, one row per item and uncapped, in one round trip: on every
 * page, the queries Prisma makes for returnedFor + dueFor + the reviews (nested relations are separate
 * queries, run even when empty) cost more than the rest of the layout. Same rules as returnedFor and dueFor (which the reminders use, for many
 * users at once): change them together.
 */
async function bellRows(userId: string, period: PeriodSummary, withDue: boolean, withReviews: boolean): Promise<BellRow[]> {
  return getDb().$queryRaw<BellRow[]>`
    SELECT * FROM (
      SELECT 'returned' AS kind, p.id AS "proposalId", p.number, p.title, s."returnNote", NULL::boolean AS "hasDraft"
      FROM "StatusUpdate" s JOIN "Proposal" p ON p.id = s."proposalId"
      WHERE s."periodId" = ${period.id} AND s."workflowState" = 'RETURNED'
        AND (s."authorId" = ${userId} OR EXISTS (SELECT 1 FROM "FocalPoint" f WHERE f."proposalId" = s."proposalId" AND f."userId" = ${userId}))
      UNION ALL
      SELECT 'due', p.id, p.number, p.title, NULL, EXISTS (SELECT 1 FROM "StatusUpdate" s WHERE s."proposalId" = p.id AND s."periodId" = ${period.id})
      FROM "FocalPoint" f JOIN "Proposal" p ON p.id = f."proposalId"
      WHERE ${withDue} AND f."userId" = ${userId} AND ${inPeriodSql(period)}
        AND NOT EXISTS (SELECT 1 FROM "StatusUpdate" s WHERE s."proposalId" = p.id AND s."periodId" = ${period.id} AND s."workflowState" IN ('SUBMITTED', 'APPROVED', 'RETURNED'))
      UNION ALL
      SELECT 'review', p.id, p.number, p.title, NULL, NULL
      FROM "StatusUpdate" s JOIN "Proposal" p ON p.id = s."proposalId"
      WHERE ${withReviews} AND s."periodId" = ${period.id} AND s."workflowState" = 'SUBMITTED' AND s."authorId" <> ${userId}
        AND NOT EXISTS (SELECT 1 FROM "StatusUpdateRevision" r WHERE r."statusUpdateId" = s.id AND r."authorId" = ${userId} AND r."workflowState" = 'SUBMITTED')
    ) AS items
    ORDER BY kind = 'review', kind = 'due', number`;
}

/**
 * What needs the user's action now, one item per action and uncapped: returned items first, then due
 * updates, then (managers) every update awaiting review that someone else wrote (a manager never
 * approves their own: lib/domain/workflow.ts). The bell folds the reviews into one line and
 * shows the first lines (lib/domain/notifications.ts); /notifications shows them all.
 * Cached per request: the layout's bell, the dashboard and /notifications ask for the same list.
 */
export const getNotifications = cache(async (user: Actor, now = new Date()): Promise<Notification[]> => {
  const period = await getCurrentPeriod();
  if (!period) return [];
  const rows = await bellRows(user.id, period, period.state === "OPEN" && user.role !== "VIEWER", hasRole(user, "MANAGER"));
  const left = describeDaysLeft(daysUntil(period.cutOffOn, now));
  const items: Notification[] = [];
  for (const r of rows) {
    if (r.kind === "returned") {
      items.push({
        kind: "returned",
        title: `${proposalCode(r.number!)} returned for changes`,
        detail: r.returnNote ?? "",
        href: `/proposals/${r.proposalId}`,
      });
    } else if (r.kind === "due") {
      items.push({
        kind: "due",
        title: `${proposalCode(r.number!)} ${r.hasDraft ? "draft to submit" : "update due"}`,
        detail: `${r.title} · cut-off ${formatDate(period.cutOffOn)} (${left})`,
        href: `/proposals/${r.proposalId}/update`,
      });
    } else {
      items.push({
        kind: "review",
        title: `${proposalCode(r.number!)} awaiting review`,
        detail: `${r.title} · ${period.name}`,
        href: `/review?at=${r.proposalId}`,
      });
    }
  }
  return items;
});

/** Tells the author of a returned update, by e-mail when SMTP is configured. */
export async function notifyReturned(statusUpdateId: string): Promise<void> {
  const update = await getDb().statusUpdate.findUnique({
    where: { id: statusUpdateId },
    select: {
      returnNote: true,
      author: { select: { email: true, name: true, active: true } },
      period: { select: { name: true } },
      proposal: { select: { id: true, number: true, title: true } },
    },
  });
  if (!update || !update.author.active) return;
  await sendMails([
    {
      to: update.author.email,
      subject: `${proposalCode(update.proposal.number)} returned for changes (${update.period.name})`,
      text: `Dear ${update.author.name},\n\nYour update on ${proposalCode(update.proposal.number)} "${update.proposal.title}" was returned with this note:\n\n${update.returnNote ?? ""}\n\nPlease revise and resubmit it: ${appUrl(`/proposals/${update.proposal.id}`)}\n`,
    },
  ]);
}

/**
 * E-mails every focal point with due or returned items in the open period one reminder listing them.
 * Managers only; recorded in the audit trail. Returns how many mails were sent.
 */
export async function sendDueReminders(actor: Actor, periodId: string, now = new Date()): Promise<{ recipients: number; sent: number }> {
  if (!canManagePeriods(actor)) throw new AppError("FORBIDDEN", "Only managers send reminders.");
  const period = await getCurrentPeriod();
  if (!period || period.id !== periodId || period.state !== "OPEN") throw new AppError("CONFLICT", "Reminders go out only for the period that is open.");
  // Viewers cannot record updates, so a viewer listed as focal point gets no reminder.
  const focalPoints = await getDb().user.findMany({
    where: { active: true, role: { not: "VIEWER" }, focalPointOf: { some: {} } },
    select: { id: true, email: true, name: true },
  });
  const ids = focalPoints.map((u) => u.id);
  const [due, returned] = await Promise.all([dueFor(ids, period), returnedFor(ids, period.id)]);
  const left = describeDaysLeft(daysUntil(period.cutOffOn, now));
  const mails: Mail[] = [];
  for (const user of focalPoints) {
    const mine = due.filter((d) => d.userId === user.id);
    const back = returned.filter((r) => r.authorId === user.id || r.proposal.focalPoints.some((fp) => fp.userId === user.id));
    if (mine.length + back.length === 0) continue;
    const lines = [
      ...back.map(
        (r) => `- ${proposalCode(r.proposal.number)} ${r.proposal.title}: returned ("${r.returnNote ?? ""}") ${appUrl(`/proposals/${r.proposal.id}`)}`,
      ),
      ...mine.map(
        (d) =>
          `- ${proposalCode(d.number)} ${d.title}: ${d.hasDraft ? "draft not yet submitted" : "no update yet"} ${appUrl(`/proposals/${d.proposalId}/update`)}`,
      ),
    ];
    mails.push({
      to: user.email,
      subject: `Reminder: ${lines.length} update${lines.length === 1 ? "" : "s"} for the ${period.name} (cut-off ${formatDate(period.cutOffOn)})`,
      text: `Dear ${user.name},\n\nThe cut-off for the ${period.name} is ${formatDate(period.cutOffOn)} (${left}). These proposals need your update:\n\n${lines.join("\n")}\n`,
    });
  }
  const sent = await sendMails(mails);
  await recordAuditEvent({
    actorId: actor.id,
    action: "period.reminders_sent",
    entityType: "ReportingPeriod",
    entityId: period.id,
    periodId: period.id,
    after: { recipients: mails.length, sent },
  });
  return { recipients: mails.length, sent };
}
