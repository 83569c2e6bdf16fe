// Notifications with e-mail off (no SMTP_HOST): nothing is sent and nothing breaks; returning an update
// and sending reminders still work, and the in-app notifications still list what needs doing.
import { afterAll, beforeAll, describe, expect, inject, test, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { statusUpdateSchema } from "@/lib/validation/status-update";
import { getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { auditEventsAfter, createActor, lastAuditId, ProposalPool, type TestActor } from "./support/app-helpers";

type App = {
  notifications: typeof import("@/lib/data/notifications");
  statusUpdates: typeof import("@/lib/data/status-updates");
  mail: typeof import("@/lib/mail");
  db: typeof import("@/lib/db");
};

let app: App;
let prisma: PrismaClient;
let periodId: string;
let pool: ProposalPool;
let manager: TestActor;

beforeAll(async () => {
  // Whatever the shell has: this file is about running without a mail server.
  vi.stubEnv("SMTP_HOST", undefined);
  app = {
    notifications: await import("@/lib/data/notifications"),
    statusUpdates: await import("@/lib/data/status-updates"),
    mail: await import("@/lib/mail"),
    db: await import("@/lib/db"),
  };
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  periodId = await getOpenPeriodId(prisma);
  pool = new ProposalPool(await proposalsWithoutOpenUpdate(prisma));
  manager = await createActor(prisma, "MANAGER");
});

afterAll(async () => {
  await prisma?.$disconnect();
  await app?.db.getDb().$disconnect();
  vi.unstubAllEnvs();
});

describe("without SMTP", () => {
  let staff: TestActor;
  let proposalId: string;
  let updateId: string;

  beforeAll(async () => {
    proposalId = pool.take();
    staff = await createActor(prisma, "STAFF", { focalPointOf: [proposalId] });
    const input = statusUpdateSchema.parse({
      proposalId,
      periodId,
      status: "IN_PROGRESS",
      assessment: "AT_RISK",
      progress: 10,
      narrative: "Started.",
      rationale: "Started.",
      intent: "submit",
      expectedVersion: 0,
    });
    await app.statusUpdates.recordStatusUpdate(staff, input);
    updateId = (
      await app.statusUpdates.reviewStatusUpdate(manager, { proposalId, periodId, decision: "return", note: "Say what started.", expectedVersion: 1 })
    ).id;
  });

  test("mail is not configured and sendMails sends nothing", async () => {
    expect(app.mail.isMailConfigured()).toBe(false);
    expect(await app.mail.sendMails([{ to: "someone@example.org", subject: "Hello", text: "Hi" }])).toBe(0);
  });

  test("notifyReturned completes without a mail server", async () => {
    await expect(app.notifications.notifyReturned(updateId)).resolves.toBeUndefined();
  });

  test("sendDueReminders finds the recipients, sends 0 and records that", async () => {
    const since = await lastAuditId(prisma);
    const result = await app.notifications.sendDueReminders(manager, periodId);
    expect(result.recipients).toBeGreaterThan(0);
    expect(result.sent).toBe(0);
    expect(await auditEventsAfter(prisma, since)).toEqual([
      expect.objectContaining({ action: "period.reminders_sent", actorId: manager.id, after: { recipients: result.recipients, sent: 0 } }),
    ]);
  });

  test("the in-app notifications still list the returned update first", async () => {
    const [first] = await app.notifications.getNotifications(staff);
    expect(first).toMatchObject({ kind: "returned", detail: "Say what started.", href: `/proposals/${proposalId}` });
  });

  test("a manager is told of every update awaiting review, one item each; a viewer has nothing due", async () => {
    const awaiting = await prisma.statusUpdate.findMany({
      where: { periodId, workflowState: "SUBMITTED" },
      select: { proposalId: true },
      orderBy: { proposal: { number: "asc" } },
    });
    expect(awaiting.length).toBeGreaterThan(0);
    const notifications = await app.notifications.getNotifications(manager);
    expect(notifications.filter((n) => n.kind === "review").map((n) => n.href)).toEqual(awaiting.map((a) => `/review?at=${a.proposalId}`));
    const viewer = await createActor(prisma, "VIEWER", { focalPointOf: [pool.take()] });
    expect(await app.notifications.getNotifications(viewer)).toEqual([]);
  });
});
