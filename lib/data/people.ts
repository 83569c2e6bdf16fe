import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/domain/format";
import { passwordProblem } from "@/lib/domain/password-policy";
import {
  lastAdminBlocker,
  personState,
  type EuBodyCode,
  type IssuedLink,
  type LinkDelivery,
  type OrganisationCode,
  type PersonState,
} from "@/lib/domain/people";
import { canManagePeople, type Actor } from "@/lib/domain/permissions";
import { DEFAULT_TIME_ZONE } from "@/lib/domain/time-zone";
import { ROLE_LABELS, type Role } from "@/lib/domain/vocabulary";
import { AppError } from "@/lib/errors";
import { appUrl, isMailConfigured, sendMails } from "@/lib/mail";
import { Prisma } from "@/lib/prisma-client";
import type { ChangePasswordInput, InviteInput, PeopleFilters, PersonUpdateInput } from "@/lib/validation/people";
import { appendAudit, recordAuditEvent } from "./audit";
import { endUserSessions } from "./sessions";
import { issuePasswordToken, setPasswordPath, type PasswordLinkPurpose } from "./password-tokens";

// People, for admins (/admin/users), and one's own password (/account). Every write runs in one
// transaction with its audit event. Changes that could leave no active admin (a demotion, a
// deactivation) first lock the rows of all active admins, so two admins stepping down at the same
// moment are serialised and the second sees the first's change.

export const PEOPLE_PAGE_SIZE = 50;

/** An admin acting here; the name signs the invitation e-mail. */
export type PeopleActor = Actor & { name: string };

export type PersonRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationCode: OrganisationCode;
  body: EuBodyCode | null;
  state: PersonState;
};

export type PersonDetails = PersonRow & {
  organisationName: string;
  createdAt: Date;
  /** ISO with milliseconds: the edit form sends it back as the optimistic check. */
  updatedAt: string;
  followedProposals: number;
  lastSignInAt: Date | null;
  /** The newest link that can still be used, if any. */
  pendingLink: { purpose: PasswordLinkPurpose; expiresAt: Date } | null;
};

const rowSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  body: true,
  active: true,
  passwordHash: true,
  organisation: { select: { code: true, name: true } },
} as const;

function toRow(u: Prisma.UserGetPayload<{ select: typeof rowSelect }>): PersonRow {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    organisationCode: u.organisation.code as OrganisationCode,
    body: u.body,
    state: personState({ active: u.active, hasPassword: u.passwordHash !== null }),
  };
}

async function authorize(actor: Actor, attempted: string, userId: string | null): Promise<void> {
  if (canManagePeople(actor)) return;
  await recordAuditEvent({ actorId: actor.id, action: "permission.denied", entityType: "User", entityId: userId ?? "new", after: { attempted } });
  throw new AppError("FORBIDDEN", "Only admins manage people.");
}

const STATE_WHERE: Record<PersonState, Prisma.UserWhereInput> = {
  active: { active: true, passwordHash: { not: null } },
  invited: { active: true, passwordHash: null },
  deactivated: { active: false },
};

/** One page of people matching the filters, by name; `total` counts every match. */
export async function listPeople(actor: Actor, filters: PeopleFilters): Promise<{ rows: PersonRow[]; total: number; pageCount: number }> {
  if (!canManagePeople(actor)) throw new AppError("FORBIDDEN", "Only admins manage people.");
  const where: Prisma.UserWhereInput = {
    ...(filters.q ? { OR: [{ name: { contains: filters.q, mode: "insensitive" } }, { email: { contains: filters.q, mode: "insensitive" } }] } : {}),
    ...(filters.org ? { organisation: { code: filters.org } } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.state ? STATE_WHERE[filters.state] : {}),
  };
  const [total, rows] = await Promise.all([
    getDb().user.count({ where }),
    getDb().user.findMany({
      where,
      select: rowSelect,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * PEOPLE_PAGE_SIZE,
      take: PEOPLE_PAGE_SIZE,
    }),
  ]);
  return { rows: rows.map(toRow), total, pageCount: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)) };
}

/** One person, or null when there is no such user. */
export async function getPerson(actor: Actor, userId: string, now = new Date()): Promise<PersonDetails | null> {
  if (!canManagePeople(actor)) throw new AppError("FORBIDDEN", "Only admins manage people.");
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      ...rowSelect,
      createdAt: true,
      updatedAt: true,
      _count: { select: { focalPointOf: true } },
      passwordTokens: {
        where: { usedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { purpose: true, expiresAt: true },
      },
    },
  });
  if (!user) return null;
  const lastSignIn = await getDb().auditEvent.findFirst({
    where: { actorId: userId, action: "auth.sign_in" },
    orderBy: { id: "desc" },
    select: { at: true },
  });
  return {
    ...toRow(user),
    organisationName: user.organisation.name,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt.toISOString(),
    followedProposals: user._count.focalPointOf,
    lastSignInAt: lastSignIn?.at ?? null,
    pendingLink: user.active ? (user.passwordTokens[0] ?? null) : null,
  };
}

const emailTaken = () =>
  new AppError("VALIDATION", "Check the details: see the message beside the field.", {
    fields: { email: "Someone already has this e-mail address: find them in the list instead" },
  });

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function organisationId(tx: Prisma.TransactionClient, code: OrganisationCode): Promise<string> {
  const organisation = await tx.organisation.findUnique({ where: { code }, select: { id: true } });
  if (!organisation) throw new AppError("VALIDATION", `There is no organisation ${code}.`);
  return organisation.id;
}

/** The mail that carries a one-time link; the link itself is in no log and no table. */
async function mailLink(link: Omit<IssuedLink, "delivery">, role: Role, invitedBy: string): Promise<LinkDelivery> {
  if (!isMailConfigured()) return "off";
  // In the default zone: an invited person has not chosen one yet.
  const until = formatDateTime(new Date(link.expiresAt), DEFAULT_TIME_ZONE);
  const invite = link.purpose === "INVITE";
  const text = [
    `Hello ${link.name},`,
    "",
    invite
      ? `${invitedBy} has given you an account on the NATO–EU Progress Tracker, as ${ROLE_LABELS[role]}.`
      : `${invitedBy} has sent you a link to choose a new password for the NATO–EU Progress Tracker.`,
    "",
    `Choose your password here (the link works once, until ${until}):`,
    link.url,
    "",
    `Then sign in with this e-mail address: ${link.email}`,
    "",
    "If you did not expect this message, ignore it: nothing changes until the link is used.",
  ].join("\n");
  const subject = invite ? "Your account on the NATO–EU Progress Tracker" : "Choose a new password for the NATO–EU Progress Tracker";
  return (await sendMails([{ to: link.email, subject, text }])) === 1 ? "sent" : "failed";
}

/**
 * Creates an account without a password and a one-time link (valid 7 days) for the person to choose one.
 * The link is returned once, and e-mailed when SMTP is configured.
 */
export async function invitePerson(actor: PeopleActor, input: InviteInput, now = new Date()): Promise<IssuedLink> {
  await authorize(actor, "invite_user", null);
  let issued: Omit<IssuedLink, "delivery">;
  try {
    issued = await getDb().$transaction(async (tx) => {
      // Case-insensitive, in case an older row kept capitals (new ones are stored lower-case).
      if (await tx.user.findFirst({ where: { email: { equals: input.email, mode: "insensitive" } }, select: { id: true } })) throw emailTaken();
      const data = { name: input.name, role: input.role, organisationId: await organisationId(tx, input.organisation), body: input.body ?? null };
      const user = await tx.user.create({ data: { email: input.email, ...data, passwordHash: null, active: true }, select: { id: true } });
      const { token, expiresAt } = await issuePasswordToken(tx, { userId: user.id, purpose: "INVITE", issuedById: actor.id }, now);
      await appendAudit(tx, {
        actorId: actor.id,
        action: "user.invite",
        entityType: "User",
        entityId: user.id,
        after: {
          email: input.email,
          name: input.name,
          role: input.role,
          organisation: input.organisation,
          body: input.body ?? null,
          linkExpiresAt: expiresAt.toISOString(),
        },
      });
      return {
        userId: user.id,
        name: input.name,
        email: input.email,
        purpose: "INVITE" as const,
        url: appUrl(setPasswordPath(token)),
        expiresAt: expiresAt.toISOString(),
      };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
  return { ...issued, delivery: await mailLink(issued, input.role, actor.name) };
}

/**
 * A new one-time link for a person: a reset (valid 24 hours) when they have a password, else a fresh
 * invitation. Voids their older unused links. Their current password keeps working until the link is used.
 */
export async function issuePasswordLink(actor: PeopleActor, userId: string, now = new Date()): Promise<IssuedLink> {
  await authorize(actor, "issue_password_link", userId);
  const { issued, role } = await getDb().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, email: true, role: true, active: true, passwordHash: true } });
    if (!user) throw new AppError("NOT_FOUND", "This person does not exist.");
    if (!user.active) throw new AppError("CONFLICT", `${user.name} is deactivated: reactivate them first, then send a link.`);
    const purpose: PasswordLinkPurpose = user.passwordHash ? "RESET" : "INVITE";
    const { token, expiresAt } = await issuePasswordToken(tx, { userId, purpose, issuedById: actor.id }, now);
    await appendAudit(tx, {
      actorId: actor.id,
      action: "user.password_link",
      entityType: "User",
      entityId: userId,
      after: { purpose, expiresAt: expiresAt.toISOString() },
    });
    const link = { userId, name: user.name, email: user.email, purpose, url: appUrl(setPasswordPath(token)), expiresAt: expiresAt.toISOString() };
    return { issued: link, role: user.role };
  });
  return { ...issued, delivery: await mailLink(issued, role, actor.name) };
}

type LockedUser = { id: string; name: string; role: Role; active: boolean; organisationId: string; body: EuBodyCode | null; updatedAt: Date };

/**
 * Locks the active admins' rows (in id order, so concurrent callers cannot deadlock), then the target's.
 * Returns the active admins as they are once every earlier change to them has committed, and the target.
 * The actor must still be one of them: an admin demoted a moment ago cannot demote anyone.
 */
async function lockForAccessChange(tx: Prisma.TransactionClient, actor: Actor, userId: string): Promise<{ activeAdminIds: string[]; user: LockedUser }> {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
  const activeAdminIds = admins.map((a) => a.id);
  if (!activeAdminIds.includes(actor.id)) throw new AppError("FORBIDDEN", "You are no longer an active admin, so this was not changed.");
  const [user] = await tx.$queryRaw<LockedUser[]>`
    SELECT id, name, role::text AS role, active, "organisationId", body::text AS body, "updatedAt" FROM "User" WHERE id = ${userId} FOR UPDATE`;
  if (!user) throw new AppError("NOT_FOUND", "This person does not exist.");
  return { activeAdminIds, user };
}

/** Name, role, organisation and EU body. Refused when the person changed since the form was shown. */
export async function updatePerson(actor: Actor, input: PersonUpdateInput): Promise<{ changed: boolean }> {
  await authorize(actor, "update_user", input.userId);
  return getDb().$transaction(async (tx) => {
    const { activeAdminIds, user } = await lockForAccessChange(tx, actor, input.userId);
    if (user.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) {
      throw new AppError(
        "CONFLICT",
        `${user.name}'s account changed while you were editing it. Reload the page to see it as it is now, then make your change again.`,
      );
    }
    const blocker = lastAdminBlocker({ target: user, next: { role: input.role, active: user.active }, activeAdminIds, actorId: actor.id });
    if (blocker) throw new AppError("CONFLICT", blocker);
    const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: user.organisationId }, select: { code: true } });
    const before = { name: user.name, role: user.role, organisation: organisation.code, body: user.body };
    const after = { name: input.name, role: input.role, organisation: input.organisation, body: input.body ?? null };
    if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false };
    await tx.user.update({
      where: { id: user.id },
      data: { name: after.name, role: after.role, organisationId: await organisationId(tx, after.organisation), body: after.body },
    });
    // A new role or organisation means new rights: the person signs in again (a new name alone does not).
    const accessChanged = before.role !== after.role || before.organisation !== after.organisation;
    const sessionsEnded = accessChanged ? await endUserSessions(tx, user.id, "ROLE_CHANGED") : 0;
    await appendAudit(tx, { actorId: actor.id, action: "user.update", entityType: "User", entityId: user.id, before, after: { ...after, sessionsEnded } });
    return { changed: true };
  });
}

/**
 * Deactivates a person: they cannot sign in, and their open sessions stop working at once (every request
 * reloads the user and ignores inactive ones). Their unused password links are voided. Their records,
 * updates and focal-point assignments stay.
 */
export async function deactivatePerson(actor: Actor, userId: string, now = new Date()): Promise<void> {
  await authorize(actor, "deactivate_user", userId);
  await getDb().$transaction(async (tx) => {
    const { activeAdminIds, user } = await lockForAccessChange(tx, actor, userId);
    if (!user.active) throw new AppError("CONFLICT", `${user.name} is already deactivated.`);
    const blocker = lastAdminBlocker({ target: user, next: { role: user.role, active: false }, activeAdminIds, actorId: actor.id });
    if (blocker) throw new AppError("CONFLICT", blocker);
    await tx.user.update({ where: { id: userId }, data: { active: false } });
    const voided = await tx.passwordToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const sessionsEnded = await endUserSessions(tx, userId, "DEACTIVATED", { now });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "user.deactivate",
      entityType: "User",
      entityId: userId,
      before: { active: true },
      after: { active: false, linksVoided: voided.count, sessionsEnded },
    });
  });
}

/** Lets a deactivated person sign in again (with their old password; an invited one needs a new link). */
export async function reactivatePerson(actor: Actor, userId: string): Promise<void> {
  await authorize(actor, "reactivate_user", userId);
  await getDb().$transaction(async (tx) => {
    const { user } = await lockForAccessChange(tx, actor, userId);
    if (user.active) throw new AppError("CONFLICT", `${user.name} is already active.`);
    await tx.user.update({ where: { id: userId }, data: { active: true } });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "user.reactivate",
      entityType: "User",
      entityId: userId,
      before: { active: false },
      after: { active: true },
    });
  });
}

/** The signed-in person's own account, for /account. */
export async function getOwnAccount(user: Actor) {
  return getDb().user.findUniqueOrThrow({
    where: { id: user.id },
    select: { name: true, email: true, role: true, body: true, organisation: { select: { code: true, name: true } } },
  });
}

const CHECK_PASSWORD = "Check the passwords: see the messages beside the fields.";

/**
 * Changes the signed-in person's password: the current one must be right, the new one must follow the
 * policy and differ from it. A wrong current password is recorded, like a failed sign-in.
 */
export async function changeOwnPassword(user: Actor & { sessionId?: string }, input: ChangePasswordInput): Promise<void> {
  const account = await getDb().user.findFirst({ where: { id: user.id, active: true }, select: { name: true, email: true, passwordHash: true } });
  if (!account) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (!account.passwordHash || !(await verifyPassword(account.passwordHash, input.current))) {
    await recordAuditEvent({ actorId: user.id, action: "user.password_change_failed", entityType: "User", entityId: user.id });
    throw new AppError("VALIDATION", CHECK_PASSWORD, { fields: { current: "This is not your current password" } });
  }
  const problem =
    passwordProblem(input.password, account) ??
    ((await verifyPassword(account.passwordHash, input.password)) ? "This is your current password: choose a new one" : null);
  if (problem) throw new AppError("VALIDATION", CHECK_PASSWORD, { fields: { password: problem } });
  const passwordHash = await hashPassword(input.password);
  await getDb().$transaction(async (tx) => {
    // Only over the hash just verified: a password set meanwhile (through a link) is not overwritten.
    const { count } = await tx.user.updateMany({ where: { id: user.id, active: true, passwordHash: account.passwordHash }, data: { passwordHash } });
    if (count !== 1) throw new AppError("CONFLICT", "Your password was changed meanwhile, elsewhere. Reload the page and try again.");
    // Every other browser signs in again with the new password; this one stays signed in.
    const sessionsEnded = await endUserSessions(tx, user.id, "PASSWORD_CHANGED", { except: user.sessionId });
    await appendAudit(tx, {
      actorId: user.id,
      action: "user.password_change",
      entityType: "User",
      entityId: user.id,
      after: { via: "account page", sessionsEnded },
    });
  });
}
