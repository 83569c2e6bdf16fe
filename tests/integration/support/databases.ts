// Extra throwaway databases on the test server, for tests that need a database of their own (seed,
// schema drift) instead of the shared, seeded one that lib/data uses.
import { inject } from "vitest";
import { migrateDatabase } from "../../../scripts/lib/migrate";
import { createDatabase, dropDatabase } from "../../support/database";

export function createEmptyDatabase(prefix: string): Promise<string> {
  return createDatabase(inject("adminUrl"), prefix);
}

/** An empty database with the real migrations applied (no data). */
export async function createMigratedDatabase(prefix: string): Promise<string> {
  const url = await createEmptyDatabase(prefix);
  await migrateDatabase(url, { quiet: true });
  return url;
}

export function dropTestDatabase(url: string): Promise<void> {
  return dropDatabase(inject("adminUrl"), url);
}
