// Factories shared by the integration tests and the browser tests: each test creates the rows it
// needs, with unique ids, on top of the demo data.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/passwords";
import type { Role } from "@/lib/domain/vocabulary";
import type { PrismaClient } from "@/lib/prisma-client";

export const FACTORY_PASSWORD = "factory-password-2026";

let passwordHash: Promise<string> | undefined;

export function uniqueSuffix(): string {
  return randomBytes(4).toString("hex");
}

export type CreatedUser = { id: string; email: string; name: string; role: Role; organisationId: string; password: string };

export async function createUser(
  prisma: PrismaClient,
  options: { role: Role; organisationId?: "nato" | "eu"; name?: string; active?: boolean; focalPointOf?: string[] },
): Promise<CreatedUser> {
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  const suffix = uniqueSuffix();
  const organisationId = options.organisationId ?? "nato";
  const user = await prisma.user.create({
    data: {
      id: `test-user-${suffix}`,
      email: `${options.role.toLowerCase()}-${suffix}@${organisationId}.test`,
      name: options.name ?? `Test ${options.role.toLowerCase()} ${suffix}`,
      role: options.role,
      organisationId,
      active: options.active ?? true,
      passwordHash: await passwordHash,
    },
    select: { id: true, email: true, name: true, role: true, organisationId: true },
  });
  if (options.focalPointOf?.length) {
    await prisma.focalPoint.createMany({ data: options.focalPointOf.map((proposalId) => ({ proposalId, userId: user.id })) });
  }
  return { ...user, password: FACTORY_PASSWORD };
}

/** Proposals (ids, in number order) with no update in the open period: a test takes its own from these. */
export async function proposalsWithoutOpenUpdate(prisma: PrismaClient): Promise<string[]> {
  const open = await prisma.reportingPeriod.findFirstOrThrow({ where: { state: "OPEN" }, select: { id: true } });
  const rows = await prisma.proposal.findMany({
    where: { statusUpdates: { none: { periodId: open.id } } },
    select: { id: true },
    orderBy: { number: "asc" },
  });
  return rows.map((r) => r.id);
}

export async function getOpenPeriodId(prisma: PrismaClient): Promise<string> {
  return (await prisma.reportingPeriod.findFirstOrThrow({ where: { state: "OPEN" }, select: { id: true } })).id;
}
