// Helpers for tests that run reporting periods. The seeded open period (the 11th report) is what every
// other file expects to be open, so a test that locks it must give it back: `restoreSeededOpenPeriod`
// locks and closes any other open period the test opened, then unlocks the seeded one.
import { expect } from "vitest";
import { changePeriodState, createPeriod } from "@/lib/data/period-admin";
import type { Actor } from "@/lib/domain/permissions";
import type { PeriodAction } from "@/lib/domain/period-lifecycle";
import type { PrismaClient } from "@/lib/prisma-client";
import { periodSchema, type PeriodInput } from "@/lib/validation/periods";

const DAY_MS = 24 * 3600 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Report numbers for test periods: from a random start in [start, start+40), one after another. */
export function periodNumbers(start: number): () => number {
  let next = start + Math.floor(Math.random() * 40);
  return () => next++;
}

export function periodInput(number: number, overrides: Partial<Record<keyof PeriodInput, unknown>> = {}): PeriodInput {
  return periodSchema.parse({
    number,
    name: `Test report ${number}`,
    startsOn: "2030-01-01",
    cutOffOn: "2030-03-31",
    dueOn: "2030-04-15",
    expectedVersion: 0,
    ...overrides,
  });
}

export async function createTestPeriod(actor: Actor, number: number, overrides: Partial<Record<keyof PeriodInput, unknown>> = {}) {
  return (await createPeriod(actor, periodInput(number, overrides))).id;
}

export function getPeriodRow(prisma: PrismaClient, id: string) {
  return prisma.reportingPeriod.findUniqueOrThrow({ where: { id } });
}

/** Takes the action with the period's current version. */
export async function changeState(prisma: PrismaClient, actor: Actor, id: string, action: PeriodAction, now?: Date): Promise<void> {
  const { version } = await getPeriodRow(prisma, id);
  await changePeriodState(actor, id, action, version, now);
}

/** Locks the seeded open period as on its cut-off day (locking is allowed from that day on). */
export async function lockSeededOpenPeriod(prisma: PrismaClient, manager: Actor, seededId: string): Promise<Date> {
  const { cutOffOn } = await getPeriodRow(prisma, seededId);
  await changeState(prisma, manager, seededId, "lock", cutOffOn);
  return cutOffOn;
}

/** Leaves the seeded period OPEN again and no other period open or locked, whatever state the test left. */
export async function restoreSeededOpenPeriod(prisma: PrismaClient, manager: Actor, seededId: string): Promise<void> {
  const others = await prisma.reportingPeriod.findMany({ where: { state: { in: ["OPEN", "LOCKED"] }, id: { not: seededId } } });
  for (const period of others) {
    const afterCutOff = addDays(period.cutOffOn, 1);
    if (period.state === "OPEN") await changeState(prisma, manager, period.id, "lock", afterCutOff);
    await changeState(prisma, manager, period.id, "close", afterCutOff);
  }
  const seeded = await getPeriodRow(prisma, seededId);
  if (seeded.state === "LOCKED") await changeState(prisma, manager, seededId, "unlock");
  const open = await prisma.reportingPeriod.findMany({ where: { state: "OPEN" }, select: { id: true } });
  expect(
    open.map((p) => p.id),
    "the seeded period is the only open one again",
  ).toEqual([seededId]);
}
