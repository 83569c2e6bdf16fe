// A person's time zone (/account) on the real database, through the real action body (runSaveTimeZone in
// lib/actions/save-time-zone.ts, the session as a seam): a zone outside the list is refused beside the field
// and nothing is written; a good one is saved with its audit event and carried by the session user from the
// next request on; saving the zone in force writes nothing; a deactivated account changes nothing. And what
// the person then reads: instants in the audit trail's changes in their zone (the CSV stays UTC).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runSaveTimeZone } from "@/lib/actions/save-time-zone";
import type { SessionUser } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/data/audit-log";
import { getActiveUser } from "@/lib/data/users";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseAuditFilters } from "@/lib/validation/audit-filters";
import { auditEventsAfter, createActor, lastAuditId, type TestActor } from "./support/app-helpers";

const NOW = new Date("2026-12-02T13:05:00Z");

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** The session user as a request loads it (lib/auth/session.ts → getActiveUser). */
async function sessionOf(actor: TestActor): Promise<SessionUser> {
  const user = await getActiveUser(actor.id);
  if (!user) throw new Error("no active user");
  return user;
}

const storedZone = async (id: string) => (await getDb().user.findUniqueOrThrow({ where: { id }, select: { timeZone: true } })).timeZone;

afterAll(async () => {
  await getDb().$disconnect();
});

describe("choosing a time zone on the account page", () => {
  let person: TestActor;
  let session: SessionUser;
  const save = (fields: Record<string, string>) => runSaveTimeZone(form(fields), { getUser: async () => session, now: () => NOW });

  beforeAll(async () => {
    person = await createActor(getDb(), "VIEWER");
    session = await sessionOf(person);
  });

  test("without a choice, the session user reads times in Brussels", async () => {
    expect(await storedZone(person.id)).toBeNull();
    expect(session.timeZone).toBe("Europe/Brussels");
  });

  test.each([
    [{ timeZone: "Mars/Olympus_Mons" }, "Choose a time zone from the list"],
    [{ timeZone: "europe/lisbon" }, "Choose a time zone from the list"],
    [{ timeZone: "" }, "Choose a time zone"],
    [{}, "Choose a time zone"],
  ])("%j is refused beside the field, and nothing is written", async (fields, message) => {
    const before = await lastAuditId(getDb());
    const state = await save(fields);
    expect(state).toMatchObject({ status: "error", fieldErrors: { timeZone: message } });
    expect(await storedZone(person.id)).toBeNull();
    expect(await auditEventsAfter(getDb(), before)).toEqual([]);
  });

  test("a zone from the list is saved with its audit event; the next request's session user carries it", async () => {
    const before = await lastAuditId(getDb());
    const state = await save({ timeZone: "America/New_York" });
    expect(state).toEqual({ status: "success", message: "Saved: times are now shown in America/New_York, e.g. now is 2 Dec 2026, 08:05 GMT-5." });
    expect(await storedZone(person.id)).toBe("America/New_York");
    const events = await auditEventsAfter(getDb(), before);
    expect(events).toMatchObject([
      {
        action: "user.time_zone",
        actorId: person.id,
        entityType: "User",
        entityId: person.id,
        before: { timeZone: null },
        after: { timeZone: "America/New_York" },
      },
    ]);
    session = await sessionOf(person);
    expect(session.timeZone).toBe("America/New_York");
  });

  test("saving the zone in force writes nothing", async () => {
    const before = await lastAuditId(getDb());
    expect(await save({ timeZone: "America/New_York" })).toMatchObject({ status: "success", message: expect.stringMatching(/^Nothing to save/) });
    expect(await auditEventsAfter(getDb(), before)).toEqual([]);
  });

  test("the audit trail shows instants among the changes in the reader's zone, the CSV's rows in UTC", async () => {
    await getDb().auditEvent.create({
      data: {
        actorId: person.id,
        action: "period.reopen_test",
        entityType: "User",
        entityId: person.id,
        after: { expiresAt: "2026-12-03T23:59:59.999Z", until: "2026-12-03" },
      },
    });
    const filters = parseAuditFilters({ person: person.id, action: "period.reopen_test" }).filters;
    const [row] = (await listAuditEvents(filters, session.timeZone)).rows;
    expect(Object.fromEntries(row!.changes.map((c) => [c.field, c.after]))).toEqual({
      expiresAt: "3 Dec 2026, 18:59 GMT-5",
      // A calendar day stays that day.
      until: "3 Dec 2026",
    });
    const [utc] = (await listAuditEvents(filters, "UTC")).rows;
    expect(utc!.changes.find((c) => c.field === "expiresAt")!.after).toBe("3 Dec 2026, 23:59 UTC");
  });

  test("an account deactivated since sign-in changes nothing", async () => {
    const other = await createActor(getDb(), "STAFF");
    const stale = await sessionOf(other);
    await getDb().user.update({ where: { id: other.id }, data: { active: false } });
    const before = await lastAuditId(getDb());
    const state = await runSaveTimeZone(form({ timeZone: "Europe/Lisbon" }), { getUser: async () => stale });
    expect(state).toMatchObject({ status: "error", message: "Your session has ended. Sign in again." });
    expect(await storedZone(other.id)).toBeNull();
    expect(await auditEventsAfter(getDb(), before)).toEqual([]);
  });

  test("without a session, nothing is read or written", async () => {
    const before = await lastAuditId(getDb());
    const state = await runSaveTimeZone(form({ timeZone: "Europe/Lisbon" }), {
      getUser: async () => {
        throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      },
    });
    expect(state).toMatchObject({ status: "error", message: "Your session has ended. Sign in again." });
    expect(await auditEventsAfter(getDb(), before)).toEqual([]);
  });
});
