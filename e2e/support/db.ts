// Direct database access for browser tests: factories create each test's own rows, and assertions can
// compare what the page shows with what PostgreSQL holds.
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { e2eDatabaseUrl } from "./config";

let client: PrismaClient | undefined;

export function testDb(): PrismaClient {
  client ??= createPrismaClient(e2eDatabaseUrl(), 2);
  return client;
}
