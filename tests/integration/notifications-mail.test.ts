// Notifications with e-mail on: a real SMTP server on a free port, and the app's env pointing at it.
// lib/env.ts reads the environment once per module instance (vitest gives each file its own), so
// SMTP_* are set (vi.stubEnv, undone in afterAll) before the app modules are imported, dynamically.
import { afterAll, beforeAll, describe, expect, inject, test, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { statusUpdateSchema } from "@/lib/validation/status-update";
import { createUser, getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { createActor, expectAppError, lastAuditId, auditEventsAfter, ProposalPool, type TestActor } from "./support/app-helpers";
import { bodyOf, headerOf, startSmtpServer, type TestSmtpServer } from "./support/smtp";

type App = {
  notifications: typeof import("@/lib/data/notifications");
  statusUpdates: typeof import("@/lib/data/status-updates");
  mail: typeof import("@/lib/mail");
  db: typeof import("@/lib/db");
};

let smtp: TestSmtpServer;
let app: App;
let prisma: PrismaClient;
let period: { id: string; name: string; cutOffOn: Date };
let pool: ProposalPool;
let manager: TestActor;

beforeAll(async () => {
  smtp = await startSmtpServer();
  vi.stubEnv("SMTP_HOST", smtp.host);
  vi.stubEnv("SMTP_PORT", String(smtp.port));
  vi.stubEnv("SMTP_SECURE", "false");
  vi.stubEnv("SMTP_USER", undefined);
  vi.stubEnv("SMTP_FROM", "Tracker tests <tracker@test.example>");
  vi.stubEnv("NEXTAUTH_URL", "https://tracker.test.example");
  app = {
    notifications: await import("@/lib/data/notifications"),
    statusUpdates: await import("@/lib/data/status-updates"),
    mail: await import("@/lib/mail"),
    db: await import("@/lib/db"),
  };
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  const openPeriodId = await getOpenPeriodId(prisma);
  period = await prisma.reportingPeriod.findUniqueOrThrow({ where: { id: openPeriodId }, select: { id: true, name: true, cutOffOn: true } });
  pool = new ProposalPool(await proposalsWithoutOpenUpdate(prisma));
  manager = await createActor(prisma, "MANAGER");
});

afterAll(async () => {
  await prisma?.$disconnect();
  await app?.db.getDb().$disconnect();
  await smtp?.stop();
  vi.unstubAllEnvs();
});

function record(actor: TestActor, proposalId: string, intent: "save" | "submit", expectedVersion = 0) {
  return app.statusUpdates.recordStatusUpdate(
    actor,
    statusUpdateSchema.parse({
      proposalId,
      periodId: period.id,
      status: "IN_PROGRESS",
      assessment: "AT_RISK",
      progress: 25,
      narrative: "Talks resumed.",
      rationale: "Talks resumed.",
      intent,
      expectedVersion,
    }),
  );
}

const code = async (proposalId: string) => `P${String((await prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).number).padStart(2, "0")}`;

describe("with SMTP configured", () => {
  let author: TestActor;
  let returnedProposal: string;
  let dueProposal: string;

  beforeAll(async () => {
    [returnedProposal, dueProposal] = [pool.take(), pool.take()];
    author = await createActor(prisma, "STAFF", { organisationId: "eu", focalPointOf: [returnedProposal, dueProposal] });
    await record(author, returnedProposal, "submit");
  });

  test("mail is configured from the environment", () => {
    expect(app.mail.isMailConfigured()).toBe(true);
  });

  test("returning an update and calling notifyReturned sends one mail, to its author, with the note", async () => {
    const reviewed = await app.statusUpdates.reviewStatusUpdate(manager, {
      proposalId: returnedProposal,
      periodId: period.id,
      decision: "return",
      note: "Please add the date of the workshop.",
      expectedVersion: 1,
    });
    smtp.received.length = 0;
    await app.notifications.notifyReturned(reviewed.id);

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual([author.email]);
    expect(mail!.from).toBe("tracker@test.example");
    expect(headerOf(mail!.raw, "To")).toContain(author.email);
    expect(headerOf(mail!.raw, "Subject")).toBe(`${await code(returnedProposal)} returned for changes (${period.name})`);
    const body = bodyOf(mail!.raw);
    expect(body).toContain("Please add the date of the workshop.");
    expect(body).toContain(`https://tracker.test.example/proposals/${returnedProposal}`);
  });

  test("getNotifications lists the staff member's returned update first, then what is due", async () => {
    const notifications = await app.notifications.getNotifications(author);
    expect(notifications.map((n) => [n.kind, n.title])).toEqual([
      ["returned", `${await code(returnedProposal)} returned for changes`],
      ["due", `${await code(dueProposal)} update due`],
    ]);
    expect(notifications[0]).toMatchObject({ detail: "Please add the date of the workshop.", href: `/proposals/${returnedProposal}` });
    expect(notifications[1]).toMatchObject({ href: `/proposals/${dueProposal}/update` });
  });

  test("sendDueReminders sends one mail per active focal point with due or returned items, and audits it", async () => {
    const submittedProposal = pool.take();
    const upToDate = await createActor(prisma, "STAFF", { focalPointOf: [submittedProposal] });
    await record(upToDate, submittedProposal, "submit");
    const inactive = await createUser(prisma, { role: "STAFF", active: false, focalPointOf: [dueProposal] });

    // Independently: every active focal point who may write updates (not a viewer: they cannot act on a
    // reminder, and the in-app list shows them nothing due) with a followed proposal lacking a submitted,
    // approved or returned update, or with a returned update they wrote or follow.
    const expected = await prisma.$queryRaw<{ email: string; items: number }[]>`
      SELECT u.email,
             (SELECT count(*) FROM "FocalPoint" f WHERE f."userId" = u.id AND NOT EXISTS (
                SELECT 1 FROM "StatusUpdate" s WHERE s."proposalId" = f."proposalId" AND s."periodId" = ${period.id}
                  AND s."workflowState" IN ('SUBMITTED', 'APPROVED', 'RETURNED')))::int
             + (SELECT count(*) FROM "StatusUpdate" s WHERE s."periodId" = ${period.id} AND s."workflowState" = 'RETURNED'
                  AND (s."authorId" = u.id OR EXISTS (SELECT 1 FROM "FocalPoint" f WHERE f."proposalId" = s."proposalId" AND f."userId" = u.id)))::int AS items
      FROM "User" u
      WHERE u.active AND u.role <> 'VIEWER' AND EXISTS (SELECT 1 FROM "FocalPoint" f WHERE f."userId" = u.id)`;
    const recipients = expected.filter((r) => r.items > 0);
    expect(recipients.length).toBeGreaterThan(1);

    smtp.received.length = 0;
    const since = await lastAuditId(prisma);
    const result = await app.notifications.sendDueReminders(manager, period.id);

    expect(result).toEqual({ recipients: smtp.received.length, sent: smtp.received.length });
    // Viewers are the next test's subject; here they are left out, so that the two fail independently.
    const viewers = new Set((await prisma.user.findMany({ where: { role: "VIEWER" }, select: { email: true } })).map((u) => u.email));
    const received = smtp.received.filter((m) => !viewers.has(m.to[0]!));
    expect(received.flatMap((m) => m.to).sort()).toEqual(recipients.map((r) => r.email).sort());
    for (const mail of received) {
      const items = recipients.find((r) => r.email === mail.to[0])!.items;
      expect(headerOf(mail.raw, "Subject")).toMatch(new RegExp(`^Reminder: ${items} updates? for the ${period.name} \\(cut-off `));
    }
    expect(smtp.received.map((m) => m.to[0])).not.toContain(upToDate.email);
    expect(smtp.received.map((m) => m.to[0])).not.toContain(inactive.email);

    const mine = smtp.received.find((m) => m.to[0] === author.email);
    expect(headerOf(mine!.raw, "Subject")).toMatch(/^Reminder: 2 updates for the /);
    const body = bodyOf(mine!.raw);
    expect(body).toContain(`${await code(returnedProposal)} `);
    expect(body).toContain('returned ("Please add the date of the workshop.")');
    expect(body).toContain(`${await code(dueProposal)} `);
    expect(body).toContain("no update yet");

    expect(await auditEventsAfter(prisma, since)).toEqual([
      expect.objectContaining({
        action: "period.reminders_sent",
        actorId: manager.id,
        periodId: period.id,
        after: { recipients: result.recipients, sent: result.sent },
      }),
    ]);
  });

  test("a viewer listed as focal point gets no reminder (the bell shows them nothing due, and they cannot write)", async () => {
    const viewer = await createActor(prisma, "VIEWER", { focalPointOf: [dueProposal] });
    expect((await app.notifications.getNotifications(viewer)).filter((n) => n.kind === "due")).toEqual([]);
    smtp.received.length = 0;
    await app.notifications.sendDueReminders(manager, period.id);
    expect(smtp.received.length).toBeGreaterThan(0);
    expect(smtp.received.flatMap((m) => m.to)).not.toContain(viewer.email);
  });

  test("reminders are for managers only, and only for the open period; nothing is sent otherwise", async () => {
    const staff = await createActor(prisma, "STAFF");
    smtp.received.length = 0;
    await expectAppError(app.notifications.sendDueReminders(staff, period.id), "FORBIDDEN");
    await expectAppError(app.notifications.sendDueReminders(manager, "report-10"), "CONFLICT");
    expect(smtp.received).toEqual([]);
  });
});
