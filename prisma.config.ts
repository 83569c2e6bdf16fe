// Prisma CLI configuration. The CLI runs offline through the bundled WASM schema engine and the
// PostgreSQL driver adapter (see README, "Database and migrations").
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set");
    // A short idle timeout lets the CLI exit as soon as it is done instead of waiting for the pool.
    return new PrismaPg({ connectionString, idleTimeoutMillis: 100 });
  },
});
