// People (lib/data/people.ts): invitations and one-time links, edits, deactivation, the last-admin rule
// and one's own password, on a real PostgreSQL.
//
// This file runs on a database of its own (migrated, not seeded): the last-admin rule depends on every
// active admin in the database, which the other files change, so here the admins are exactly the ones
// the tests make. E-mail goes to a real SMTP server on a free port. lib/env.ts reads the environment once
// per module instance, so DATABASE_URL and SMTP_* are set before the app modules are imported.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import type { Role } from "@/lib/domain/vocabulary";
import { changePasswordSchema, inviteSchema, parsePeopleFilters, personUpdateSchema } from "@/lib/validation/people";
import { createUser, FACTORY_PASSWORD } from "@/prisma/factories";
import { auditEventsAfter, createActor, expectAppError, lastAuditId, type TestActor } from "./support/app-helpers";
import { createMigratedDatabase, dropTestDatabase } from "./support/databases";
import { bodyOf, headerOf, startSmtpServer, type TestSmtpServer } from "./support/smtp";

type App = {
  people: typeof import("@/lib/data/people");
  tokens: typeof import("@/lib/data/password-tokens");
  users: typeof import("@/lib/data/users");
  passwords: typeof import("@/lib/auth/passwords");
  db: typeof import("@/lib/db");
};

const APP_URL = "https://tracker.test.example";
const GOOD_PASSWORD = "violet tram orbit kettle";

let smtp: TestSmtpServer;
let databaseUrl: string;
let app: App;
let prisma: PrismaClient;
let admin: TestActor;

beforeAll(async () => {
  smtp = await startSmtpServer();
  databaseUrl = await createMigratedDatabase("people");
  vi.stubEnv("DATABASE_URL", databaseUrl);
  vi.stubEnv("SMTP_HOST", smtp.host);
  vi.stubEnv("SMTP_PORT", String(smtp.port));
  vi.stubEnv("SMTP_SECURE", "false");
  vi.stubEnv("SMTP_USER", undefined);
  vi.stubEnv("SMTP_FROM", "Tracker tests <tracker@test.example>");
  vi.stubEnv("NEXTAUTH_URL", APP_URL);
  app = {
    people: await import("@/lib/data/people"),
    tokens: await import("@/lib/data/password-tokens"),
    users: await import("@/lib/data/users"),
    passwords: await import("@/lib/auth/passwords"),
    db: await import("@/lib/db"),
  };
  prisma = createPrismaClient(databaseUrl, 4);
  admin = await createActor(prisma, "ADMIN", { name: "Astrid Admin" });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await app?.db.getDb().$disconnect();
  await smtp?.stop();
  if (databaseUrl) await dropTestDatabase(databaseUrl);
  vi.unstubAllEnvs();
});

beforeEach(() => {
  smtp.received.length = 0;
});

let counter = 0;
function invite(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return inviteSchema.parse({
    name: `Invited Person ${counter}`,
    email: `invited-${counter}-${Date.now()}@eu.test`,
    role: "STAFF",
    organisation: "EU",
    body: "EEAS",
    ...overrides,
  });
}

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

async function versionOf(userId: string): Promise<string> {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { updatedAt: true } })).updatedAt.toISOString();
}

async function updateInput(userId: string, changes: { name?: string; role?: Role; organisation?: "NATO" | "EU"; body?: string }, expectedUpdatedAt?: string) {
  const u = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, role: true, body: true, organisation: { select: { code: true } } },
  });
  return personUpdateSchema.parse({
    userId,
    name: u.name,
    role: u.role,
    organisation: u.organisation.code,
    body: u.body ?? "",
    expectedUpdatedAt: expectedUpdatedAt ?? (await versionOf(userId)),
    ...changes,
  });
}

/** Makes exactly these users the active admins (the others become managers). */
async function onlyAdmins(...ids: string[]) {
  await prisma.user.updateMany({ where: { role: "ADMIN", id: { notIn: ids } }, data: { role: "MANAGER" } });
  await prisma.user.updateMany({ where: { id: { in: ids } }, data: { role: "ADMIN", active: true } });
}

/** A header as read, with RFC 2047 encoded words (=?UTF-8?Q?…?=, used for the en dash) decoded. */
function decodedHeader(raw: string, name: string): string | undefined {
  return headerOf(raw, name)
    ?.replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_m, text: string) =>
      Buffer.from(
        text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_e, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        "latin1",
      ).toString("utf8"),
    );
}

const activeAdmins = () => prisma.user.count({ where: { role: "ADMIN", active: true } });

describe("an invitation", () => {
  test("creates an account without a password and a one-time link, mailed; the link sets the password and the person can sign in", async () => {
    const since = await lastAuditId(prisma);
    const before = Date.now();
    const input = invite({ name: "Ana Lindqvist", email: "  Ana.Lindqvist@EU.test ", role: "STAFF", organisation: "EU", body: "EDA" });
    const link = await app.people.invitePerson(admin, input);

    const user = await prisma.user.findUniqueOrThrow({ where: { id: link.userId } });
    expect(user).toMatchObject({
      email: "ana.lindqvist@eu.test",
      name: "Ana Lindqvist",
      role: "STAFF",
      organisationId: "eu",
      body: "EDA",
      active: true,
      passwordHash: null,
    });
    expect(link).toMatchObject({ userId: user.id, purpose: "INVITE", email: "ana.lindqvist@eu.test", delivery: "sent" });
    expect(link.url).toMatch(new RegExp(`^${APP_URL}/set-password\\?token=[A-Za-z0-9_-]{40,}$`));
    const expiresIn = new Date(link.expiresAt).getTime() - before;
    expect(expiresIn).toBeGreaterThan(7 * 24 * 3600 * 1000 - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 24 * 3600 * 1000 + 60_000);

    // Only the hash of the token is stored.
    const token = tokenOf(link.url);
    const stored = await prisma.passwordToken.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ tokenHash: sha256(token), purpose: "INVITE", createdById: admin.id, usedAt: null });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(["ana.lindqvist@eu.test"]);
    expect(decodedHeader(mail.raw, "Subject")).toBe("Your account on the NATO–EU Progress Tracker");
    const body = bodyOf(mail.raw);
    expect(body).toContain(link.url);
    expect(body).toContain("Astrid Admin has given you an account on the NATO–EU Progress Tracker, as Staff.");
    expect(body).toContain("Then sign in with this e-mail address: ana.lindqvist@eu.test");

    expect(await auditEventsAfter(prisma, since)).toEqual([
      expect.objectContaining({
        action: "user.invite",
        actorId: admin.id,
        entityType: "User",
        entityId: user.id,
        after: { email: "ana.lindqvist@eu.test", name: "Ana Lindqvist", role: "STAFF", organisation: "EU", body: "EDA", linkExpiresAt: link.expiresAt },
      }),
    ]);

    // Invited: listed as such, and no password can sign in yet.
    const listed = await app.people.listPeople(admin, parsePeopleFilters({ q: "lindqvist" }));
    expect(listed.rows.map((r) => [r.email, r.state])).toEqual([["ana.lindqvist@eu.test", "invited"]]);
    expect((await app.users.findUserForSignIn("ana.lindqvist@eu.test"))?.passwordHash).toBeNull();

    // The person opens the link: a weak password is refused beside the field, a good one is set.
    expect(await app.tokens.findPasswordLink(token)).toMatchObject({ purpose: "INVITE", name: "Ana Lindqvist", email: "ana.lindqvist@eu.test" });
    const weak = await expectAppError(app.tokens.setPasswordWithToken(token, "password1234"), "VALIDATION");
    expect((weak.details as { fields: Record<string, string> }).fields.password).toMatch(/too easy to guess/);
    expect(await app.tokens.setPasswordWithToken(token, GOOD_PASSWORD)).toEqual({ email: "ana.lindqvist@eu.test" });

    const signIn = await app.users.findUserForSignIn("ANA.LINDQVIST@eu.test");
    expect(signIn?.id).toBe(user.id);
    expect(await app.passwords.verifyPassword(signIn!.passwordHash!, GOOD_PASSWORD)).toBe(true);
    expect((await app.people.listPeople(admin, parsePeopleFilters({ q: "lindqvist" }))).rows[0]?.state).toBe("active");
    // Spent: the link works once.
    expect(await app.tokens.findPasswordLink(token)).toBeNull();
  });

  test("an e-mail address already in use is refused beside the field, whatever its case, and nothing is written", async () => {
    const existing = await createUser(prisma, { role: "VIEWER" });
    // A row from before e-mails were stored lower-case.
    await prisma.user.create({
      data: { id: `legacy-${Date.now()}`, email: `Legacy.Person.${counter}@NATO.test`, name: "Legacy Person", role: "VIEWER", organisationId: "nato" },
    });
    const counts = async () => ({ users: await prisma.user.count(), tokens: await prisma.passwordToken.count(), audit: await prisma.auditEvent.count() });
    const before = await counts();
    for (const email of [existing.email.toUpperCase(), `legacy.person.${counter}@nato.test`]) {
      const error = await expectAppError(app.people.invitePerson(admin, invite({ email, organisation: "NATO", body: "" })), "VALIDATION");
      expect((error.details as { fields: Record<string, string> }).fields).toEqual({ email: expect.stringMatching(/already has this e-mail address/) });
    }
    expect(await counts()).toEqual(before);
    expect(smtp.received).toEqual([]);
  });

  test("the form's rules: the EU body only and always for EU staff, a real e-mail address, a name", () => {
    const issues = (raw: Record<string, unknown>) => {
      const parsed = inviteSchema.safeParse({ name: "Some One", email: "some.one@eu.test", role: "STAFF", organisation: "EU", body: "EEAS", ...raw });
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(issues({})).toEqual({});
    expect(issues({ body: "" })).toEqual({ body: expect.stringMatching(/Choose the EU body/) });
    expect(issues({ organisation: "NATO", body: "EDA" })).toEqual({ body: expect.stringMatching(/Only EU staff/) });
    expect(issues({ organisation: "NATO", body: "" })).toEqual({});
    expect(issues({ email: "not-an-address" })).toEqual({ email: expect.stringMatching(/e-mail address like/) });
    expect(issues({ name: " " })).toEqual({ name: "Enter the person's name" });
    expect(issues({ role: "OWNER", organisation: "UN" })).toEqual({ role: "Choose a role", organisation: "Choose the organisation" });
  });
});

test("listPeople filters by name or e-mail, organisation, role and state, and counts every match", async () => {
  const tag = `filt${Date.now()}`;
  const nato = await createUser(prisma, { role: "STAFF", organisationId: "nato", name: `Nora ${tag}` });
  const eu = await createUser(prisma, { role: "MANAGER", organisationId: "eu", name: `Emil ${tag}` });
  const gone = await createUser(prisma, { role: "STAFF", organisationId: "eu", name: `Gustav ${tag}`, active: false });
  const invited = await app.people.invitePerson(admin, invite({ name: `Ida ${tag}`, role: "VIEWER" }));
  const list = async (filters: Record<string, string>) => {
    const result = await app.people.listPeople(admin, parsePeopleFilters({ q: tag, ...filters }));
    return { total: result.total, names: result.rows.map((r) => r.name.split(" ")[0]) };
  };
  expect(await list({})).toEqual({ total: 4, names: ["Emil", "Gustav", "Ida", "Nora"] });
  expect(await list({ org: "EU" })).toEqual({ total: 3, names: ["Emil", "Gustav", "Ida"] });
  expect(await list({ org: "EU", role: "STAFF" })).toEqual({ total: 1, names: ["Gustav"] });
  expect(await list({ state: "deactivated" })).toEqual({ total: 1, names: ["Gustav"] });
  expect(await list({ state: "invited" })).toEqual({ total: 1, names: ["Ida"] });
  expect(await list({ state: "active" })).toEqual({ total: 2, names: ["Emil", "Nora"] });
  expect(await list({ q: nato.email.toUpperCase() })).toEqual({ total: 1, names: ["Nora"] });
  expect((await app.people.listPeople(admin, parsePeopleFilters({ q: eu.email }))).rows[0]).toEqual({
    id: eu.id,
    name: eu.name,
    email: eu.email,
    role: "MANAGER",
    organisationCode: "EU",
    body: null,
    state: "active",
  });
  expect(gone.id).toBeTruthy();
  expect(invited.userId).toBeTruthy();
});

describe("editing a person", () => {
  test("changes name, role, organisation and body in one write with its audit event of old and new values", async () => {
    const person = await createUser(prisma, { role: "STAFF", organisationId: "nato", name: "Pavel Old" });
    const since = await lastAuditId(prisma);
    const result = await app.people.updatePerson(
      admin,
      await updateInput(person.id, { name: "Pavel New", role: "MANAGER", organisation: "EU", body: "COMMISSION" }),
    );
    expect(result).toEqual({ changed: true });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      name: "Pavel New",
      role: "MANAGER",
      organisationId: "eu",
      body: "COMMISSION",
    });
    expect(await auditEventsAfter(prisma, since)).toEqual([
      expect.objectContaining({
        action: "user.update",
        actorId: admin.id,
        entityId: person.id,
        before: { name: "Pavel Old", role: "STAFF", organisation: "NATO", body: null },
        after: { name: "Pavel New", role: "MANAGER", organisation: "EU", body: "COMMISSION", sessionsEnded: 0 },
      }),
    ]);
    // The session reads the user fresh: the new role applies at once.
    expect((await app.users.getActiveUser(person.id))?.role).toBe("MANAGER");
    // Saving the same values writes nothing.
    expect(await app.people.updatePerson(admin, await updateInput(person.id, {}))).toEqual({ changed: false });
    expect(await auditEventsAfter(prisma, since)).toHaveLength(1);
  });

  test("an edit made on a page opened before someone else's change is refused, and nothing is written", async () => {
    const person = await createUser(prisma, { role: "STAFF", name: "Stale Target" });
    const openedAt = await versionOf(person.id);
    const other = await createActor(prisma, "ADMIN");
    await app.people.updatePerson(other, await updateInput(person.id, { role: "VIEWER" }, openedAt));
    const since = await lastAuditId(prisma);
    const error = await expectAppError(app.people.updatePerson(admin, await updateInput(person.id, { role: "MANAGER", name: "Mine" }, openedAt)), "CONFLICT");
    expect(error.message).toMatch(/Stale Target's account changed while you were editing it\. Reload the page/);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: person.id }, select: { name: true, role: true } })).toEqual({
      name: "Stale Target",
      role: "VIEWER",
    });
    expect(await auditEventsAfter(prisma, since)).toEqual([]);
    const ghost = personUpdateSchema.parse({
      userId: "no-such-user",
      name: "No One",
      role: "STAFF",
      organisation: "NATO",
      body: "",
      expectedUpdatedAt: openedAt,
    });
    await expectAppError(app.people.updatePerson(admin, ghost), "NOT_FOUND");
  });
});

describe("the last active admin", () => {
  // These tests choose who the admins are; the file's own admin is given back its role afterwards.
  afterAll(async () => {
    await prisma.user.update({ where: { id: admin.id }, data: { role: "ADMIN", active: true } });
  });

  test("cannot demote or deactivate themselves; with a second admin they can, and a demoted admin can change nobody", async () => {
    const a = await createActor(prisma, "ADMIN", { name: "Alma First" });
    const b = await createActor(prisma, "ADMIN", { name: "Bruno Second" });
    await onlyAdmins(a.id);
    const since = await lastAuditId(prisma);

    const demote = await expectAppError(app.people.updatePerson(a, await updateInput(a.id, { role: "MANAGER" })), "CONFLICT");
    expect(demote.message).toBe("You are the last active admin: make someone else an admin before you change your own role.");
    const deactivate = await expectAppError(app.people.deactivatePerson(a, a.id), "CONFLICT");
    expect(deactivate.message).toBe("You are the last active admin: make someone else an admin before you deactivate your account.");
    expect(await auditEventsAfter(prisma, since)).toEqual([]);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: a.id }, select: { role: true, active: true } })).toEqual({ role: "ADMIN", active: true });

    // A second admin: now the first may step down; renaming the last admin is fine.
    await app.people.updatePerson(a, await updateInput(b.id, { role: "ADMIN" }));
    expect(await activeAdmins()).toBe(2);
    await app.people.updatePerson(a, await updateInput(a.id, { role: "STAFF" }));
    expect(await activeAdmins()).toBe(1);
    await expectAppError(app.people.deactivatePerson(b, b.id), "CONFLICT");
    expect(await app.people.updatePerson(b, await updateInput(b.id, { name: "Bruno Renamed" }))).toEqual({ changed: true });

    // `a` still holds an actor object saying ADMIN (as a request begun before the change would):
    // the check under the lock refuses it.
    const stale = await expectAppError(app.people.deactivatePerson(a, b.id), "FORBIDDEN");
    expect(stale.message).toMatch(/no longer an active admin/);
    expect(await activeAdmins()).toBe(1);
  });

  test.each([
    ["each steps down", (a: TestActor, b: TestActor) => [a, a, b, b] as const, "CONFLICT"],
    ["each demotes the other", (a: TestActor, b: TestActor) => [a, b, b, a] as const, "FORBIDDEN"],
  ] as const)("two admins at the same moment (%s): one change wins, the other is refused, one admin is left", async (_case, pairs, refusal) => {
    for (let round = 0; round < 6; round++) {
      const a = await createActor(prisma, "ADMIN");
      const b = await createActor(prisma, "ADMIN");
      await onlyAdmins(a.id, b.id);
      const [actor1, target1, actor2, target2] = pairs(a, b);
      const inputs = [await updateInput(target1.id, { role: "MANAGER" }), await updateInput(target2.id, { role: "MANAGER" })];
      const since = await lastAuditId(prisma);
      const results = await Promise.allSettled([app.people.updatePerson(actor1, inputs[0]!), app.people.updatePerson(actor2, inputs[1]!)]);
      expect(results.map((r) => r.status).sort(), `round ${round}`).toEqual(["fulfilled", "rejected"]);
      const rejected = results.find((r) => r.status === "rejected")!;
      expect((rejected.reason as { code: string }).code).toBe(refusal);
      expect(await activeAdmins()).toBe(1);
      expect((await auditEventsAfter(prisma, since)).map((e) => e.action)).toEqual(["user.update"]);
    }
  });

  test("two admins deactivating themselves at the same moment: one admin is left", async () => {
    for (let round = 0; round < 6; round++) {
      const a = await createActor(prisma, "ADMIN");
      const b = await createActor(prisma, "ADMIN");
      await onlyAdmins(a.id, b.id);
      const results = await Promise.allSettled([app.people.deactivatePerson(a, a.id), app.people.deactivatePerson(b, b.id)]);
      expect(results.map((r) => r.status).sort(), `round ${round}`).toEqual(["fulfilled", "rejected"]);
      expect(await activeAdmins()).toBe(1);
    }
  });
});

describe("deactivation", () => {
  test("ends the person's sessions at once and voids their links; reactivation lets them back in", async () => {
    const person = await createUser(prisma, { role: "STAFF", organisationId: "eu" });
    const link = await app.people.issuePasswordLink(admin, person.id);
    expect(await app.users.getActiveUser(person.id)).toMatchObject({ id: person.id, role: "STAFF" });
    const since = await lastAuditId(prisma);

    await app.people.deactivatePerson(admin, person.id);
    // What every page, action and route handler asks for the session's user: nobody.
    expect(await app.users.getActiveUser(person.id)).toBeNull();
    expect(await app.users.findUserForSignIn(person.email)).toBeNull();
    expect(await app.tokens.findPasswordLink(tokenOf(link.url))).toBeNull();
    expect((await app.people.listPeople(admin, parsePeopleFilters({ q: person.email }))).rows[0]?.state).toBe("deactivated");
    await expectAppError(app.people.deactivatePerson(admin, person.id), "CONFLICT");
    await expectAppError(app.people.issuePasswordLink(admin, person.id), "CONFLICT");

    await app.people.reactivatePerson(admin, person.id);
    expect(await app.users.getActiveUser(person.id)).toMatchObject({ id: person.id });
    const signIn = await app.users.findUserForSignIn(person.email);
    expect(await app.passwords.verifyPassword(signIn!.passwordHash!, FACTORY_PASSWORD)).toBe(true);
    // The link voided at deactivation stays void.
    expect(await app.tokens.findPasswordLink(tokenOf(link.url))).toBeNull();
    await expectAppError(app.people.reactivatePerson(admin, person.id), "CONFLICT");

    expect((await auditEventsAfter(prisma, since)).map((e) => [e.action, e.actorId, e.entityId, e.before, e.after])).toEqual([
      ["user.deactivate", admin.id, person.id, { active: true }, { active: false, linksVoided: 1, sessionsEnded: 0 }],
      ["user.reactivate", admin.id, person.id, { active: false }, { active: true }],
    ]);
  });
});

describe("a new password link", () => {
  test("for someone with a password: a reset link (24 hours), mailed, voiding the older one; the old password works until it is used", async () => {
    const person = await createUser(prisma, { role: "MANAGER", name: "Reset Person" });
    const first = await app.people.issuePasswordLink(admin, person.id);
    const since = await lastAuditId(prisma);
    smtp.received.length = 0;
    const before = Date.now();
    const second = await app.people.issuePasswordLink(admin, person.id);

    expect(second).toMatchObject({ purpose: "RESET", delivery: "sent", email: person.email });
    expect(new Date(second.expiresAt).getTime() - before).toBeLessThanOrEqual(24 * 3600 * 1000 + 60_000);
    expect(new Date(second.expiresAt).getTime() - before).toBeGreaterThan(24 * 3600 * 1000 - 60_000);
    expect(await app.tokens.findPasswordLink(tokenOf(first.url))).toBeNull();
    expect(smtp.received.map((m) => [m.to, decodedHeader(m.raw, "Subject")])).toEqual([
      [[person.email], "Choose a new password for the NATO–EU Progress Tracker"],
    ]);
    expect(bodyOf(smtp.received[0]!.raw)).toContain(second.url);
    expect(await auditEventsAfter(prisma, since)).toEqual([
      expect.objectContaining({
        action: "user.password_link",
        actorId: admin.id,
        entityId: person.id,
        after: { purpose: "RESET", expiresAt: second.expiresAt },
      }),
    ]);

    const hash = async () => (await app.users.findUserForSignIn(person.email))!.passwordHash!;
    expect(await app.passwords.verifyPassword(await hash(), FACTORY_PASSWORD)).toBe(true);
    await app.tokens.setPasswordWithToken(tokenOf(second.url), GOOD_PASSWORD);
    expect(await app.passwords.verifyPassword(await hash(), FACTORY_PASSWORD)).toBe(false);
    expect(await app.passwords.verifyPassword(await hash(), GOOD_PASSWORD)).toBe(true);
  });

  test("for someone who never used their invitation: a fresh invitation", async () => {
    const { userId } = await app.people.invitePerson(admin, invite());
    expect((await app.people.issuePasswordLink(admin, userId)).purpose).toBe("INVITE");
    expect(await app.people.getPerson(admin, userId)).toMatchObject({ state: "invited", pendingLink: { purpose: "INVITE" } });
    await expectAppError(app.people.issuePasswordLink(admin, "no-such-user"), "NOT_FOUND");
  });
});

describe("someone who is not an admin", () => {
  test.each(["VIEWER", "STAFF", "MANAGER"] as const)("as %s is refused every change, each refusal audited, nothing else written", async (role) => {
    const actor = await createActor(prisma, role);
    const target = await createUser(prisma, { role: "STAFF" });
    const counts = async () => ({ users: await prisma.user.count(), tokens: await prisma.passwordToken.count() });
    const before = await counts();
    const since = await lastAuditId(prisma);
    const update = await updateInput(target.id, { role: "ADMIN" });
    const attempts: [string, () => Promise<unknown>][] = [
      ["invite_user", () => app.people.invitePerson(actor, invite())],
      ["update_user", () => app.people.updatePerson(actor, update)],
      ["deactivate_user", () => app.people.deactivatePerson(actor, target.id)],
      ["reactivate_user", () => app.people.reactivatePerson(actor, target.id)],
      ["issue_password_link", () => app.people.issuePasswordLink(actor, target.id)],
    ];
    for (const [, attempt] of attempts) expect((await expectAppError(attempt(), "FORBIDDEN")).message).toBe("Only admins manage people.");
    await expectAppError(app.people.listPeople(actor, parsePeopleFilters({})), "FORBIDDEN");
    await expectAppError(app.people.getPerson(actor, target.id), "FORBIDDEN");

    expect(await counts()).toEqual(before);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, active: true } })).toEqual({ role: "STAFF", active: true });
    const events = await auditEventsAfter(prisma, since);
    expect(events.map((e) => [e.action, e.actorId, e.entityType, (e.after as { attempted: string }).attempted]).sort()).toEqual(
      attempts.map(([attempted]) => ["permission.denied", actor.id, "User", attempted]).sort(),
    );
    expect(smtp.received).toEqual([]);
  });
});

describe("changing one's own password", () => {
  const change = (current: string, password: string, confirm = password) => changePasswordSchema.parse({ current, password, confirm });

  test("needs the current password, follows the policy, then works and is audited", async () => {
    const me = await createActor(prisma, "STAFF", { name: "Marta Kowalska" });
    const since = await lastAuditId(prisma);
    const fieldsOf = async (promise: Promise<unknown>) => ((await expectAppError(promise, "VALIDATION")).details as { fields: Record<string, string> }).fields;

    expect(await fieldsOf(app.people.changeOwnPassword(me, change("wrong password here", GOOD_PASSWORD)))).toEqual({
      current: "This is not your current password",
    });
    expect(await fieldsOf(app.people.changeOwnPassword(me, change(FACTORY_PASSWORD, "short")))).toEqual({
      password: expect.stringMatching(/at least 12 characters/),
    });
    expect(await fieldsOf(app.people.changeOwnPassword(me, change(FACTORY_PASSWORD, "marta kowalska rocks")))).toEqual({
      password: expect.stringMatching(/own name/),
    });
    expect(await fieldsOf(app.people.changeOwnPassword(me, change(FACTORY_PASSWORD, "demo-password-2026")))).toEqual({
      password: expect.stringMatching(/published/),
    });
    expect(await fieldsOf(app.people.changeOwnPassword(me, change(FACTORY_PASSWORD, "password1234")))).toEqual({
      password: expect.stringMatching(/too easy to guess/),
    });
    expect(changePasswordSchema.safeParse({ current: "x", password: GOOD_PASSWORD, confirm: "other" }).error?.issues[0]).toMatchObject({ path: ["confirm"] });

    await app.people.changeOwnPassword(me, change(FACTORY_PASSWORD, GOOD_PASSWORD));
    const hash = (await app.users.findUserForSignIn(me.email))!.passwordHash!;
    expect(await app.passwords.verifyPassword(hash, GOOD_PASSWORD)).toBe(true);
    expect(await app.passwords.verifyPassword(hash, FACTORY_PASSWORD)).toBe(false);
    // The new password is now the current one: choosing it again is refused.
    expect(await fieldsOf(app.people.changeOwnPassword(me, change(GOOD_PASSWORD, GOOD_PASSWORD)))).toEqual({
      password: expect.stringMatching(/your current password/),
    });

    expect((await auditEventsAfter(prisma, since)).map((e) => [e.action, e.actorId, e.entityId])).toEqual([
      ["user.password_change_failed", me.id, me.id],
      ["user.password_change", me.id, me.id],
    ]);
  });

  test("a deactivated person's session cannot change it", async () => {
    const me = await createActor(prisma, "VIEWER");
    await app.people.deactivatePerson(admin, me.id);
    await expectAppError(app.people.changeOwnPassword(me, change(FACTORY_PASSWORD, GOOD_PASSWORD)), "UNAUTHENTICATED");
  });
});

// Last: re-imports the app without SMTP (a module instance of its own reads the environment afresh).
test("without SMTP the invitation is not mailed, and the admin is told to pass the link on", async () => {
  vi.stubEnv("SMTP_HOST", undefined);
  vi.resetModules();
  const people: typeof import("@/lib/data/people") = await import("@/lib/data/people");
  const mail: typeof import("@/lib/mail") = await import("@/lib/mail");
  expect(mail.isMailConfigured()).toBe(false);
  const link = await people.invitePerson(admin, invite());
  expect(link.delivery).toBe("off");
  expect(smtp.received).toEqual([]);
  expect(await app.tokens.findPasswordLink(tokenOf(link.url))).toMatchObject({ purpose: "INVITE" });
});
