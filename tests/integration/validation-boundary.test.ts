// The write boundary in the order the server action follows it: parse with statusUpdateSchema first,
// write only on success. Bad input is rejected on the right field and leaves the database as it was.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { recordStatusUpdate } from "@/lib/data/status-updates";
import type { Actor } from "@/lib/domain/permissions";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { statusUpdateSchema, toFieldErrors, type FieldErrors } from "@/lib/validation/status-update";
import { createUser, getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";

let prisma: PrismaClient;
let manager: Actor;
let proposalId: string;
let periodId: string;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  const user = await createUser(prisma, { role: "MANAGER" });
  manager = { id: user.id, role: user.role, organisationId: user.organisationId };
  [proposalId] = (await proposalsWithoutOpenUpdate(prisma)) as [string];
  periodId = await getOpenPeriodId(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

/** lib/actions/status-update.ts, minus the session: validate, and write only valid input. */
async function save(raw: Record<string, unknown>): Promise<{ saved: true } | { saved: false; fieldErrors: FieldErrors }> {
  const parsed = statusUpdateSchema.safeParse(raw);
  if (!parsed.success) return { saved: false, fieldErrors: toFieldErrors(parsed.error) };
  await recordStatusUpdate(manager, parsed.data);
  return { saved: true };
}

function formValues(overrides: Record<string, unknown> = {}) {
  return {
    proposalId,
    periodId,
    status: "IN_PROGRESS",
    assessment: "AT_RISK",
    progress: "60",
    narrative: "Terms of reference agreed.",
    nextSteps: "",
    evidenceLinks: [{ label: "Record", url: "https://example.org/record" }],
    expectedVersion: "0",
    ...overrides,
  };
}

async function tableCounts() {
  const [updates, revisions, auditEvents] = await Promise.all([prisma.statusUpdate.count(), prisma.statusUpdateRevision.count(), prisma.auditEvent.count()]);
  return { updates, revisions, auditEvents };
}

describe("status update input at the boundary", () => {
  test.each([
    ["progress above 100", { progress: "101" }, "progress"],
    ["a javascript: evidence link", { evidenceLinks: [{ label: "Click", url: "javascript:alert(1)" }] }, "evidenceLinks.0.url"],
    ["an empty narrative", { narrative: "" }, "narrative"],
    ["a narrative of spaces only", { narrative: "   " }, "narrative"],
  ])("%s is rejected on its field and nothing is written", async (_case, overrides, field) => {
    const before = await tableCounts();
    const result = await save(formValues(overrides));
    expect(result.saved).toBe(false);
    expect(Object.keys((result as { fieldErrors: FieldErrors }).fieldErrors)).toEqual([field]);
    expect(await tableCounts()).toEqual(before);
  });

  test("the same values, corrected, are saved (so the cases above fail only on their own field)", async () => {
    const before = await tableCounts();
    expect(await save(formValues())).toEqual({ saved: true });
    expect(await tableCounts()).toEqual({ updates: before.updates + 1, revisions: before.revisions + 1, auditEvents: before.auditEvents + 1 });
    expect(await prisma.statusUpdate.findUniqueOrThrow({ where: { proposalId_periodId: { proposalId, periodId } } })).toMatchObject({
      progress: 60,
      narrative: "Terms of reference agreed.",
    });
  });
});
