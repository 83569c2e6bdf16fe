// The write boundary through the status update form's real action body (runSaveStatusUpdate, the session
// as a seam): parse first, with the rationale rule among the other errors (it reads the previous period),
// write only on success. Bad input is rejected on the right field and leaves the database as it was. The
// same for the period form and the reopening form.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { getDb } from "@/lib/db";
import { createPeriod } from "@/lib/data/period-admin";
import { runSaveStatusUpdate } from "@/lib/actions/save-status-update";
import type { SessionUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/domain/permissions";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { periodSchema, reopenSchema } from "@/lib/validation/periods";
import { toFieldErrors, type FieldErrors } from "@/lib/validation/status-update";
import { createUser, getOpenPeriodId, proposalsWithoutOpenUpdate } from "@/prisma/factories";
import { previousJudgement } from "./support/app-helpers";
import { periodNumbers } from "./support/periods";

let prisma: PrismaClient;
let manager: Actor & { email: string; name: string };
let proposalId: string;
let periodId: string;

beforeAll(async () => {
  prisma = createPrismaClient(inject("databaseUrl"), 2);
  const user = await createUser(prisma, { role: "MANAGER" });
  manager = { id: user.id, role: user.role, organisationId: user.organisationId, email: user.email, name: user.name };
  [proposalId] = (await proposalsWithoutOpenUpdate(prisma)) as [string];
  periodId = await getOpenPeriodId(prisma);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await getDb().$disconnect();
});

/** The form as the browser posts it (evidence rows as `evidence.N.label` / `evidence.N.url`) to the real action body. */
async function save(raw: Record<string, unknown>): Promise<{ saved: true } | { saved: false; fieldErrors: FieldErrors }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(raw)) {
    if (name === "evidenceLinks") {
      (value as { label: string; url: string }[]).forEach((link, i) => {
        form.set(`evidence.${i}.label`, link.label);
        form.set(`evidence.${i}.url`, link.url);
      });
    } else form.set(name, String(value));
  }
  const session: SessionUser = { ...manager, organisationCode: manager.organisationId.toUpperCase(), timeZone: "Europe/Brussels" };
  const result = await runSaveStatusUpdate(form, { getUser: async () => session });
  if (result.status === "saved") return { saved: true };
  if (result.status !== "error" || !result.fieldErrors) throw new Error(`Unexpected answer: ${JSON.stringify(result)}`);
  return { saved: false, fieldErrors: result.fieldErrors };
}

/** A status and assessment that differ from the proposal's latest update before the open period. */
async function changedJudgement() {
  const previous = await previousJudgement(prisma, proposalId, periodId);
  return { status: previous.status === "STALLED" ? "IN_PROGRESS" : "STALLED", assessment: previous.assessment === "AT_RISK" ? "OFF_TRACK" : "AT_RISK" };
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
    rationale: "The terms of reference were agreed.",
    intent: "save",
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
    ["a rationale over 1,000 characters", { rationale: "x".repeat(1001) }, "rationale"],
    ["an unknown intent", { intent: "publish" }, "intent"],
  ])("%s is rejected on its field and nothing is written", async (_case, overrides, field) => {
    const before = await tableCounts();
    const result = await save(formValues(overrides));
    expect(result.saved).toBe(false);
    expect(Object.keys((result as { fieldErrors: FieldErrors }).fieldErrors)).toEqual([field]);
    expect(await tableCounts()).toEqual(before);
  });

  test.each([
    ["missing", ""],
    ["of spaces only", "   "],
  ])("a status change from the previous period with a rationale %s is rejected on the rationale field, nothing written", async (_case, rationale) => {
    const before = await tableCounts();
    const result = await save(formValues({ ...(await changedJudgement()), rationale }));
    expect(result.saved).toBe(false);
    expect(Object.keys((result as { fieldErrors: FieldErrors }).fieldErrors)).toEqual(["rationale"]);
    expect(await tableCounts()).toEqual(before);
  });

  test("the same values, corrected, are saved (so the cases above fail only on their own field)", async () => {
    const before = await tableCounts();
    expect(await save(formValues(await changedJudgement()))).toEqual({ saved: true });
    expect(await tableCounts()).toEqual({ updates: before.updates + 1, revisions: before.revisions + 1, auditEvents: before.auditEvents + 1 });
    expect(await prisma.statusUpdate.findUniqueOrThrow({ where: { proposalId_periodId: { proposalId, periodId } } })).toMatchObject({
      ...(await changedJudgement()),
      progress: 60,
      narrative: "Terms of reference agreed.",
      rationale: "The terms of reference were agreed.",
      workflowState: "DRAFT",
    });
  });
});

describe("period and reopening input at the boundary", () => {
  const nextNumber = periodNumbers(700);
  const period = (overrides: Record<string, unknown> = {}) => ({
    number: String(nextNumber()),
    name: "Boundary test report",
    startsOn: "2032-01-01",
    cutOffOn: "2032-04-30",
    dueOn: "2032-05-15",
    ...overrides,
  });

  /** lib/actions/periods.ts savePeriod for a new period, minus the session. */
  async function savePeriod(raw: Record<string, unknown>) {
    const parsed = periodSchema.safeParse(raw);
    if (!parsed.success) return { saved: false as const, fieldErrors: toFieldErrors(parsed.error) };
    await createPeriod(manager, parsed.data);
    return { saved: true as const };
  }

  test.each([
    ["a cut-off before the start", { cutOffOn: "2031-12-31" }, "cutOffOn"],
    ["a due date before the cut-off", { dueOn: "2032-04-29" }, "dueOn"],
    ["a date that is not a date", { dueOn: "15/05/2032" }, "dueOn"],
    ["30 February", { startsOn: "2032-02-30" }, "startsOn"],
    ["31 April", { cutOffOn: "2032-04-31" }, "cutOffOn"],
  ])("%s is rejected on its field and no period is created", async (_case, overrides, field) => {
    const before = await prisma.reportingPeriod.count();
    const result = await savePeriod(period(overrides));
    expect(result.saved, `${JSON.stringify(overrides)} was accepted`).toBe(false);
    expect(Object.keys((result as { fieldErrors: FieldErrors }).fieldErrors)).toEqual([field]);
    expect(await prisma.reportingPeriod.count()).toBe(before);
  });

  test("the same period, corrected, is created (so the cases above fail only on their own field)", async () => {
    const before = await prisma.reportingPeriod.count();
    expect(await savePeriod(period())).toEqual({ saved: true });
    expect(await prisma.reportingPeriod.count()).toBe(before + 1);
  });

  test.each([
    ["a reason under 5 characters", { reason: "late" }, "reason"],
    ["an expiry that is not a calendar day (31 June)", { expiresOn: "2032-06-31" }, "expiresOn"],
  ])("a reopening with %s is rejected on its field", (_case, overrides, field) => {
    const parsed = reopenSchema.safeParse({ periodId, proposalId, reason: "Late evidence arrived", expiresOn: "2032-06-30", ...overrides });
    expect(parsed.success, `${JSON.stringify(overrides)} was accepted`).toBe(false);
    expect(Object.keys(toFieldErrors(parsed.error!))).toEqual([field]);
  });
});
