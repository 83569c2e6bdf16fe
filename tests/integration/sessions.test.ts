// Server-side sessions (lib/data/sessions.ts) on the real database: a session lets its browser in until it
// is signed out, ended from the account page, idle for SESSION_IDLE_TIMEOUT or past SESSION_MAX_AGE; an
// admin's deactivation or change of role, a password change or reset end the person's sessions at once
// (a password change keeps the browser that made it). Each end is audited.
import { afterAll, describe, expect, test } from "vitest";
import { endOtherSession, endOwnSession, getSessionUser, isSessionLive, listLiveSessions, startSession } from "@/lib/data/sessions";
import { changeOwnPassword, deactivatePerson, updatePerson } from "@/lib/data/people";
import { issuePasswordToken, setPasswordWithToken } from "@/lib/data/password-tokens";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { changePasswordSchema, personUpdateSchema } from "@/lib/validation/people";
import { FACTORY_PASSWORD } from "@/prisma/factories";
import { auditEventsAfter, createActor, lastAuditId, type TestActor } from "./support/app-helpers";

const db = () => getDb();
const CHROME = { userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", address: "192.0.2.7" };

afterAll(async () => {
  await getDb().$disconnect();
});

async function live(actor: TestActor, sessionId: string, now = new Date()) {
  return (await getSessionUser(sessionId, actor.id, now)) !== null;
}

describe("a session", () => {
  test("lets its browser in with the user's current facts, and moves its last activity on at most once a minute", async () => {
    const staff = await createActor(db(), "STAFF");
    const start = new Date(Date.now() - 10 * 60_000);
    const id = await startSession(staff.id, CHROME, start);
    const row = await db().userSession.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ userId: staff.id, userAgent: CHROME.userAgent, address: CHROME.address, endedAt: null });
    expect(row.expiresAt.getTime() - start.getTime()).toBe(getEnv().SESSION_MAX_AGE * 1000);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const user = await getSessionUser(id, staff.id, new Date(start.getTime() + 30_000));
    expect(user).toMatchObject({ id: staff.id, role: "STAFF", sessionId: id });
    expect((await db().userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(start);
    const later = new Date(start.getTime() + 5 * 60_000);
    await getSessionUser(id, staff.id, later);
    expect((await db().userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(later);
    // Another user's id with this session id: nobody.
    const other = await createActor(db(), "STAFF");
    expect(await getSessionUser(id, other.id)).toBeNull();
  });

  test("ends after SESSION_IDLE_TIMEOUT without use, and at SESSION_MAX_AGE whatever the use", async () => {
    const staff = await createActor(db(), "STAFF");
    const start = new Date("2026-12-02T08:00:00Z");
    const id = await startSession(staff.id, CHROME, start);
    const idle = getEnv().SESSION_IDLE_TIMEOUT * 1000;
    // isSessionLive reads without moving the last activity on.
    expect(await isSessionLive(id, staff.id, new Date(start.getTime() + idle - 1000))).toBe(true);
    expect(await isSessionLive(id, staff.id, new Date(start.getTime() + idle))).toBe(false);
    expect(await live(staff, id, new Date(start.getTime() + idle))).toBe(false);
    // Used, it lives on past the first idle limit...
    expect(await live(staff, id, new Date(start.getTime() + idle - 1000))).toBe(true);
    expect(await live(staff, id, new Date(start.getTime() + idle + 1000))).toBe(true);
    // ...and kept busy, it still ends at its absolute end.
    const end = start.getTime() + getEnv().SESSION_MAX_AGE * 1000;
    await db().userSession.update({ where: { id }, data: { lastSeenAt: new Date(end - 60_000) } });
    expect(await isSessionLive(id, staff.id, new Date(end - 1000))).toBe(true);
    expect(await isSessionLive(id, staff.id, new Date(end))).toBe(false);
  });

  test("signed out, lets nobody in again, also through next-auth's session endpoint; audited", async () => {
    const staff = await createActor(db(), "STAFF");
    const id = await startSession(staff.id, CHROME);
    const user = (await getSessionUser(id, staff.id))!;
    const before = await lastAuditId(db());
    expect(await endOwnSession(user, "SIGNED_OUT")).toBe(1);
    expect(await live(staff, id)).toBe(false);
    expect(await isSessionLive(id, staff.id)).toBe(false);
    expect((await db().userSession.findUniqueOrThrow({ where: { id } })).endReason).toBe("SIGNED_OUT");
    const events = await auditEventsAfter(db(), before);
    expect(events.map((e) => [e.action, e.actorId, e.after])).toEqual([["auth.sign_out", staff.id, { sessionsEnded: 1 }]]);
  });

  test("the account page lists the live ones, ends another one, and 'sign out everywhere' ends them all", async () => {
    const staff = await createActor(db(), "STAFF");
    const here = await startSession(staff.id, CHROME);
    const phone = await startSession(staff.id, { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Safari/604.1" });
    const laptop = await startSession(staff.id, {});
    const user = (await getSessionUser(here, staff.id))!;
    const listed = await listLiveSessions(user);
    expect(listed.map((s) => [s.id, s.current])).toEqual(
      expect.arrayContaining([
        [here, true],
        [phone, false],
        [laptop, false],
      ]),
    );
    expect(listed[0]!.id).toBe(here);

    // Someone else's session cannot be ended from here.
    const stranger = await createActor(db(), "STAFF");
    const theirs = await startSession(stranger.id, CHROME);
    expect(await endOtherSession(user, theirs)).toBe(false);
    expect(await live(stranger, theirs)).toBe(true);

    const before = await lastAuditId(db());
    expect(await endOtherSession(user, phone)).toBe(true);
    expect(await endOtherSession(user, phone)).toBe(false);
    expect(await live(staff, phone)).toBe(false);
    expect(await live(staff, here)).toBe(true);
    expect(await endOwnSession(user, "SIGNED_OUT_EVERYWHERE")).toBe(2);
    expect(await live(staff, here)).toBe(false);
    expect(await live(staff, laptop)).toBe(false);
    expect((await auditEventsAfter(db(), before)).map((e) => e.action)).toEqual(["auth.session_end", "auth.sign_out_everywhere"]);
  });
});

describe("changes to an account end its sessions", () => {
  async function updateInput(userId: string, changes: { name?: string; role?: "MANAGER" | "STAFF" }) {
    const u = await db().user.findUniqueOrThrow({
      where: { id: userId },
      select: { name: true, role: true, body: true, updatedAt: true, organisation: { select: { code: true } } },
    });
    return personUpdateSchema.parse({
      userId,
      name: u.name,
      role: u.role,
      organisation: u.organisation.code,
      body: u.body ?? "",
      expectedUpdatedAt: u.updatedAt.toISOString(),
      ...changes,
    });
  }

  test("deactivation, and a new role (not a new name alone), end them at once", async () => {
    const admin = await createActor(db(), "ADMIN");
    const staff = await createActor(db(), "STAFF");
    const first = await startSession(staff.id, CHROME);
    await updatePerson(admin, await updateInput(staff.id, { name: "Renamed Person" }));
    expect(await live(staff, first)).toBe(true);
    await updatePerson(admin, await updateInput(staff.id, { role: "MANAGER" }));
    expect(await live(staff, first)).toBe(false);
    expect((await db().userSession.findUniqueOrThrow({ where: { id: first } })).endReason).toBe("ROLE_CHANGED");

    const second = await startSession(staff.id, CHROME);
    const before = await lastAuditId(db());
    await deactivatePerson(admin, staff.id);
    expect(await isSessionLive(second, staff.id)).toBe(false);
    expect((await db().userSession.findUniqueOrThrow({ where: { id: second } })).endReason).toBe("DEACTIVATED");
    expect((await auditEventsAfter(db(), before))[0]!.after).toMatchObject({ active: false, sessionsEnded: 1 });
  });

  test("a password change keeps the browser that made it and ends the others; a reset by link ends them all", async () => {
    const staff = await createActor(db(), "STAFF");
    const here = await startSession(staff.id, CHROME);
    const elsewhere = await startSession(staff.id, CHROME);
    const user = (await getSessionUser(here, staff.id))!;
    await changeOwnPassword(
      user,
      changePasswordSchema.parse({ current: FACTORY_PASSWORD, password: "copper lantern meadow ninety", confirm: "copper lantern meadow ninety" }),
    );
    expect(await live(staff, here)).toBe(true);
    expect(await live(staff, elsewhere)).toBe(false);

    const admin = await createActor(db(), "ADMIN");
    const { token } = await issuePasswordToken(db(), { userId: staff.id, purpose: "RESET", issuedById: admin.id });
    await setPasswordWithToken(token, "harbour quartz willow seven");
    expect(await live(staff, here)).toBe(false);
    expect((await db().userSession.findUniqueOrThrow({ where: { id: here } })).endReason).toBe("PASSWORD_CHANGED");
  });
});
