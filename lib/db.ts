import "server-only";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { getEnv } from "@/lib/env";

// One client per process, kept on globalThis so that dev-mode reloads do not open new pools.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function getDb(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const env = getEnv();
    globalForPrisma.prisma = createPrismaClient(env.DATABASE_URL, env.DATABASE_POOL_SIZE);
  }
  return globalForPrisma.prisma;
}
