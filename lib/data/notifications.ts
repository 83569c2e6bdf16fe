import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { daysUntil, describeDaysLeft, formatDate } from "@/lib/domain/format";
import { hasRole, type Actor } from "@/lib/domain/permissions";
import { proposalCode } from "@/lib/domain/vocabulary";
import { appUrl, sendMails, type Mail } from "@/lib/mail";
import { AppError } from "@/lib/errors";
import { canManagePeriods } from "@/lib/domain/permissions";
import { recordAuditEvent } from "./audit";
import { getCurrentPeriod, type PeriodSummary } from "./periods";

export type NotificationKind = "returned" | "due" | "review";

export type Notification = { kind: NotificationKind; title: string; detail: string; href: string };

const MAX_ITEMS = 25;

type DueItem = { proposalId: string; number: number; title: string; hasDraft: boolean };

/** Proposals the user follows that still need a submitted update in the open period. */
async function dueFor(userIds: string[], period: PeriodSummary) {
  const rows = await getDb().focalPoint.findMany({
    where: {
      userId: { in: userIds },
      proposal: { statusUpdates: { none: { periodId: period.id, workflowState: { in: ["SUBMITTED", "APPROVED", "RETURNED"] } } } },
    },
    select: {
      userId: true,
      proposal: { select: { id: true, number: true, title: true, statusUpdates: { where: { periodId: period.id }, select: { id: true } } } },
    },
    orderBy: { proposal: { number: "asc" } },
  });
  return rows.map((r) => ({ userId: r.userId, proposalId: r.proposal.id, number: r.proposal.number, title: r.proposal.title, hasDraft: r.proposal.statusUpdates.length > 0 }));
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

/**
 * What needs the user's action now: returned items first, then due updates, then (managers) reviews.
 * Cached per request: the layout's bell and the dashboard ask for the same list.
 */
export const getNotifications = cache(async (user: Actor, now = new Date()): Promise<Notification[]> => {
  const period = await getCurrentPeriod();
  if (!period) return [];
  const isManager = hasRole(user, "MANAGER");
  const [returned, due, awaiting] = await Promise.all([
    returnedFor([user.id], period.id),
    period.state === "OPEN" && user.role !== "VIEWER" ? dueFor([user.id], period) : Promise.resolve([] as (DueItem & { userId: string })[]),
    isManager ? getDb().statusUpdate.count({ where: { periodId: period.id, workflowState: "SUBMITTED" } }) : Promise.resolve(0),
  ]);
  const left = describeDaysLeft(daysUntil(period.cutOffOn, now));
  const items: Notification[] = [
    ...returned.map((r) => ({
      kind: "returned" as const,
      title: `${proposalCode(r.proposal.number)} returned for changes`,
      detail: r.returnNote ?? "",
      href: `/proposals/${r.proposal.id}`,
    })),
    ...due.map((d) => ({
      kind: "due" as const,
      title: `${proposalCode(d.number)} ${d.hasDraft ? "draft to submit" : "update due"}`,
      detail: `${d.title} · cut-off ${formatDate(period.cutOffOn)} (${left})`,
      href: `/proposals/${d.proposalId}/update`,
    })),
    ...(awaiting > 0
      ? [{ kind: "review" as const, title: `${awaiting} update${awaiting === 1 ? "" : "s"} awaiting review`, detail: period.name, href: `/periods/${period.id}#awaiting-review` }]
      : []),
  ];
  return items.slice(0, MAX_ITEMS);
});

/** Tells the author of a returned update, by e-mail when SMTP is configured. */
export async function notifyReturned(statusUpdateId: string): Promise<void> {
  const update = await getDb().statusUpdate.findUnique({
    where: { id: statusUpdateId },
    select: { returnNote: true, author: { select: { email: true, name: true, active: true } }, period: { select: { name: true } }, proposal: { select: { id: true, number: true, title: true } } },
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
      ...back.map((r) => `- ${proposalCode(r.proposal.number)} ${r.proposal.title}: returned ("${r.returnNote ?? ""}") ${appUrl(`/proposals/${r.proposal.id}`)}`),
      ...mine.map((d) => `- ${proposalCode(d.number)} ${d.title}: ${d.hasDraft ? "draft not yet submitted" : "no update yet"} ${appUrl(`/proposals/${d.proposalId}/update`)}`),
    ];
    mails.push({
      to: user.email,
      subject: `Reminder: ${lines.length} update${lines.length === 1 ? "" : "s"} for the ${period.name} (cut-off ${formatDate(period.cutOffOn)})`,
      text: `Dear ${user.name},\n\nThe cut-off for the ${period.name} is ${formatDate(period.cutOffOn)} (${left}). These proposals need your update:\n\n${lines.join("\n")}\n`,
    });
  }
  const sent = await sendMails(mails);
  await recordAuditEvent({ actorId: actor.id, action: "period.reminders_sent", entityType: "ReportingPeriod", entityId: period.id, periodId: period.id, after: { recipients: mails.length, sent } });
  return { recipients: mails.length, sent };
}
