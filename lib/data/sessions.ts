import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { needsTouch, sessionEnd, sessionEndsAt, type SessionEndReason, type SessionListItem } from "@/lib/domain/sessions";
import type { SessionUser } from "@/lib/domain/session-user";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/prisma-client";
import { appendAudit } from "./audit";
import { sessionUserSelect, toSessionUser } from "./users";

// Server-side sessions (lib/domain/sessions.ts): created at sign-in, checked on every request together
// with the user, ended by signing out, from the account page, or by an admin's change to the account.

const limits = () => ({ idleSeconds: getEnv().SESSION_IDLE_TIMEOUT });

/** Starts a session for a user who has just proved who they are; returns its id for the cookie. */
export async function startSession(userId: string, client: { userAgent?: string; address?: string }, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await getDb().userSession.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + getEnv().SESSION_MAX_AGE * 1000),
      userAgent: client.userAgent?.slice(0, 300) || null,
      address: client.address?.slice(0, 64) || null,
    },
  });
  return id;
}

/**
 * The active user of a live session, or null (ended, idle too long, past its absolute end, or the user was
 * deactivated). One query; the session's last activity moves on at most once a minute.
 */
export async function getSessionUser(sessionId: string, userId: string, now = new Date()): Promise<SessionUser | null> {
  const row = await getDb().userSession.findFirst({
    where: { id: sessionId, userId },
    select: {
      lastSeenAt: true,
      expiresAt: true,
      endedAt: true,
      user: { select: { ...sessionUserSelect, active: true } },
    },
  });
  if (!row || !row.user.active || sessionEnd(row, now, limits())) return null;
  if (needsTouch(row.lastSeenAt, now)) {
    // Only forward, and never on an ended session: a concurrent sign-out wins.
    await getDb().userSession.updateMany({ where: { id: sessionId, endedAt: null, lastSeenAt: { lt: now } }, data: { lastSeenAt: now } });
  }
  return { ...toSessionUser(row.user), sessionId };
}

/** Whether a session still lets its browser in (for next-auth's own session endpoint). */
export async function isSessionLive(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  const row = await getDb().userSession.findFirst({
    where: { id: sessionId, userId, user: { active: true } },
    select: { lastSeenAt: true, expiresAt: true, endedAt: true },
  });
  return Boolean(row && !sessionEnd(row, now, limits()));
}

/**
 * Ends every open session of a user (but `except`, the one making the change when it is their own) inside
 * the caller's transaction; returns how many ended.
 */
export async function endUserSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  reason: SessionEndReason,
  options: { except?: string; now?: Date } = {},
): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, endedAt: null, ...(options.except ? { id: { not: options.except } } : {}) },
    data: { endedAt: options.now ?? new Date(), endReason: reason },
  });
  return count;
}

/** Signing out: ends this session (when it is still open) and records it. */
export async function endOwnSession(user: { id: string; sessionId?: string }, reason: "SIGNED_OUT" | "SIGNED_OUT_EVERYWHERE"): Promise<number> {
  return getDb().$transaction(async (tx) => {
    const count =
      reason === "SIGNED_OUT_EVERYWHERE"
        ? await endUserSessions(tx, user.id, reason)
        : (
            await tx.userSession.updateMany({
              where: { id: user.sessionId ?? "", userId: user.id, endedAt: null },
              data: { endedAt: new Date(), endReason: reason },
            })
          ).count;
    await appendAudit(tx, {
      actorId: user.id,
      action: reason === "SIGNED_OUT" ? "auth.sign_out" : "auth.sign_out_everywhere",
      entityType: "User",
      entityId: user.id,
      after: { sessionsEnded: count },
    });
    return count;
  });
}

/** Ends one of the user's other sessions from the account page. False when it was not theirs or had ended. */
export async function endOtherSession(user: { id: string; sessionId?: string }, sessionId: string): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { id: sessionId, userId: user.id, endedAt: null },
      data: { endedAt: new Date(), endReason: "ENDED_BY_USER" },
    });
    if (count === 1) {
      await appendAudit(tx, {
        actorId: user.id,
        action: "auth.session_end",
        entityType: "User",
        entityId: user.id,
        after: { current: sessionId === user.sessionId },
      });
    }
    return count === 1;
  });
}

/** The user's live sessions, the current one first, then by last activity. */
export async function listLiveSessions(user: { id: string; sessionId?: string }, now = new Date()): Promise<SessionListItem[]> {
  const rows = await getDb().userSession.findMany({
    where: { userId: user.id, endedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - limits().idleSeconds * 1000) } },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, endedAt: true, userAgent: true, address: true },
    orderBy: { lastSeenAt: "desc" },
    take: 50,
  });
  return rows
    .map((row) => ({
      id: row.id,
      current: row.id === user.sessionId,
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      endsAt: sessionEndsAt(row, limits()),
      userAgent: row.userAgent,
      address: row.address,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}
