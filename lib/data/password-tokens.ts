import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/passwords";
import { getDb } from "@/lib/db";
import { passwordProblem } from "@/lib/domain/password-policy";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/prisma-client";
import { appendAudit } from "./audit";
import { endUserSessions } from "./sessions";

// One-time links to set a password: an invitation (a new user chooses their first password) or a reset.
// The token is 32 random bytes shown once; only its SHA-256 is stored, so the table leaks nothing usable.
// A link expires, is spent by its first use, and a new link for the same user voids the older ones.

export const INVITE_DAYS = 7;
export const RESET_HOURS = 24;

export type PasswordLinkPurpose = "INVITE" | "RESET";

const digest = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Where a link points: /set-password?token=… (the caller makes it absolute). */
export function setPasswordPath(token: string): string {
  return `/set-password?token=${encodeURIComponent(token)}`;
}

/**
 * Issues a link for a user inside the caller's transaction (with the change that needs it, and its audit
 * event), voiding the user's unused older links. Returns the token: shown or mailed once, never stored.
 */
export async function issuePasswordToken(
  tx: Prisma.TransactionClient,
  input: { userId: string; purpose: PasswordLinkPurpose; issuedById: string | null },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + (input.purpose === "INVITE" ? INVITE_DAYS * 24 : RESET_HOURS) * 3600 * 1000);
  await tx.passwordToken.updateMany({ where: { userId: input.userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  await tx.passwordToken.create({
    data: { tokenHash: digest(token), userId: input.userId, purpose: input.purpose, expiresAt, createdById: input.issuedById },
  });
  return { token, expiresAt };
}

export type PasswordLink = { purpose: PasswordLinkPurpose; name: string; email: string; expiresAt: Date };

/** What a link is for, while it can still be used (unused, unexpired, account active); else null. */
export async function findPasswordLink(token: string, now = new Date()): Promise<PasswordLink | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await getDb().passwordToken.findUnique({
    where: { tokenHash: digest(token) },
    select: { purpose: true, expiresAt: true, usedAt: true, user: { select: { name: true, email: true, active: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || !row.user.active) return null;
  return { purpose: row.purpose, name: row.user.name, email: row.user.email, expiresAt: row.expiresAt };
}

const SPENT = "This link has expired or was already used. Ask an administrator for a new one.";

/**
 * Sets the password through a link: checks the policy, spends the link (once, even if two tabs submit at
 * the same moment) and records the event. Returns the account's e-mail, to sign in with.
 */
export async function setPasswordWithToken(token: string, password: string, now = new Date()): Promise<{ email: string }> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError("NOT_FOUND", SPENT);
  const link = await findPasswordLink(token, now);
  if (!link) throw new AppError("NOT_FOUND", SPENT);
  const problem = passwordProblem(password, link);
  if (problem) throw new AppError("VALIDATION", "Choose another password.", { fields: { password: problem } });
  const passwordHash = await hashPassword(password);
  return getDb().$transaction(async (tx) => {
    // Spend it first, conditionally: a second submission finds nothing left to spend.
    const spent = await tx.passwordToken.updateMany({
      where: { tokenHash: digest(token), usedAt: null, expiresAt: { gt: now }, user: { active: true } },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw new AppError("NOT_FOUND", SPENT);
    const row = await tx.passwordToken.findUniqueOrThrow({ where: { tokenHash: digest(token) }, select: { userId: true, purpose: true } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    // A reset means the old password may be known to someone else: every open session ends.
    const sessionsEnded = await endUserSessions(tx, row.userId, "PASSWORD_CHANGED", { now });
    await appendAudit(tx, {
      actorId: row.userId,
      action: row.purpose === "INVITE" ? "user.password_set" : "user.password_reset",
      entityType: "User",
      entityId: row.userId,
      after: { via: "one-time link", sessionsEnded },
    });
    return { email: link.email };
  });
}
