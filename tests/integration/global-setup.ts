// One throwaway PostgreSQL for the integration run: migrated with the real migrations and seeded with
// the demo data. Tests add their own rows through prisma/factories.ts.
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "@/lib/prisma-client";
import { seedDemoData } from "@/prisma/seed";
import { migrateDatabase } from "../../scripts/lib/migrate";
import { createDatabase, startTestServer } from "../support/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  let databaseUrl: string;
  try {
    databaseUrl = await createDatabase(server.adminUrl);
    await migrateDatabase(databaseUrl, { quiet: true });
    const prisma = createPrismaClient(databaseUrl, 2);
    try {
      await seedDemoData(prisma, { log: () => undefined });
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    // Vitest runs no teardown when the setup fails.
    await server.stop();
    throw error;
  }
  project.provide("databaseUrl", databaseUrl);
  project.provide("adminUrl", server.adminUrl);
  return async () => {
    await server.stop();
  };
}
