// Runs in each test worker before the test file: points the app's env (lib/env.ts) at the throwaway database.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET = randomBytes(32).toString("hex");
process.env.DATABASE_POOL_SIZE = "5";
