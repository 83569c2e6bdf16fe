// Prisma CLI configuration. The CLI runs offline through the bundled WASM schema engine and the
// PostgreSQL driver adapter (see README, "Database and migrations").
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import type { Pool } from "pg";

/**
 * The adapter runs a migration script by splitting it on every ";" — including those inside comments
 * and function bodies (our append-only triggers). Send each script whole instead: PostgreSQL's simple
 * query protocol runs it as one implicit transaction, so a migration applies entirely or not at all.
 */
function wholeScripts(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      await (adapter.underlyingDriver() as Pool).query(script);
    };
    return adapter;
  };
  return factory;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    // A short idle timeout lets the CLI exit as soon as it is done instead of waiting for the pool.
    return wholeScripts(new PrismaPg({ connectionString, idleTimeoutMillis: 100 }));
  },
});
