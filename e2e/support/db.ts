// Direct database access for browser tests: factories create each test's own rows, and assertions can
// compare what the page shows with what PostgreSQL holds.
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { E2E_DATABASE_URL } from "./config";

let client: PrismaClient | undefined;

export function testDb(): PrismaClient {
  client ??= createPrismaClient(E2E_DATABASE_URL, 2);
  return client;
}
