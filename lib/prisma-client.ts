// Builds a Prisma client on the node-postgres driver adapter. Shared by the app (lib/db.ts), the seed
// and the tests, so that all of them talk to PostgreSQL the same way.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type { PrismaClient };
export { Prisma } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string, poolSize = 10): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: poolSize,
    // Fail fast instead of queueing forever when the database is unreachable or saturated.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Every session runs in UTC whatever the server default is.
    options: "-c TimeZone=UTC",
  });
  return new PrismaClient({ adapter });
}
