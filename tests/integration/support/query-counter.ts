// Counts the SQL statements the app sends, for "no N+1" checks. A Prisma client on a pg.Pool whose
// query() records each statement is put where lib/db.ts keeps its singleton, so getDb() returns it.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

type Holder = { prisma?: PrismaClient };

/** Runs `fn` with getDb() answering through a counting client; returns its result and the statements sent. */
export async function countStatements<T>(databaseUrl: string, fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: "-c TimeZone=UTC" });
  const statements: string[] = [];
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const first = args[0] as string | { text?: string };
    statements.push(typeof first === "string" ? first : (first.text ?? ""));
    return query(...args);
  }) as typeof pool.query;
  const counting = new PrismaClient({ adapter: new PrismaPg(pool) });
  await counting.$connect();

  const holder = globalThis as unknown as Holder;
  const previous = holder.prisma;
  holder.prisma = counting;
  try {
    const result = await fn();
    return { result, statements: [...statements] };
  } finally {
    holder.prisma = previous;
    await counting.$disconnect();
    await pool.end();
  }
}
