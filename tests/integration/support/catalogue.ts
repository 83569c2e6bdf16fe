// A normalised snapshot of a database's `public` schema, read from pg_catalog / information_schema, so
// that two databases built in different ways can be compared object by object.
import pg from "pg";

/** One sorted line per object: `kind name: definition`. Prisma's own bookkeeping table is left out. */
export type SchemaSnapshot = {
  tables: string[];
  columns: string[];
  enums: string[];
  indexes: string[];
  constraints: string[];
};

const IGNORED_TABLE = "_prisma_migrations";

const queries: Record<keyof SchemaSnapshot, string> = {
  tables: `
    SELECT table_name AS line
    FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> $1`,
  columns: `
    SELECT format('%I.%I: %s (%s) %s default=%s length=%s precision=%s/%s datetime_precision=%s',
                  table_name, column_name, data_type, udt_name,
                  CASE WHEN is_nullable = 'YES' THEN 'NULL' ELSE 'NOT NULL' END,
                  coalesce(column_default, '-'), coalesce(character_maximum_length::text, '-'),
                  coalesce(numeric_precision::text, '-'), coalesce(numeric_scale::text, '-'),
                  coalesce(datetime_precision::text, '-')) AS line
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> $1`,
  enums: `
    SELECT format('%I: %s', t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)) AS line
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' AND $1::text IS NOT NULL
    GROUP BY t.typname`,
  indexes: `
    SELECT format('%I: %s', indexname, indexdef) AS line
    FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> $1`,
  constraints: `
    SELECT format('%I.%I (%s): %s', c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid)) AS line
    FROM pg_constraint con
    JOIN pg_class c ON c.oid = con.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relname <> $1`,
};

export async function snapshotSchema(databaseUrl: string): Promise<SchemaSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const snapshot = {} as SchemaSnapshot;
    // One query at a time: a pg.Client does not run queries in parallel.
    for (const kind of Object.keys(queries) as (keyof SchemaSnapshot)[]) {
      const { rows } = await client.query<{ line: string }>(queries[kind], [IGNORED_TABLE]);
      snapshot[kind] = rows.map((r) => r.line).sort();
    }
    return snapshot;
  } finally {
    await client.end();
  }
}

/** Per kind, the lines only one side has, under that side's label; `{}` when the schemas match. */
export function diffSnapshots(sides: Record<string, SchemaSnapshot>): Record<string, Record<string, string[]>> {
  const [[leftName, left], [rightName, right]] = Object.entries(sides) as [[string, SchemaSnapshot], [string, SchemaSnapshot]];
  const diff: Record<string, Record<string, string[]>> = {};
  for (const kind of Object.keys(left) as (keyof SchemaSnapshot)[]) {
    const inLeft = new Set(left[kind]);
    const inRight = new Set(right[kind]);
    const onlyLeft = left[kind].filter((line) => !inRight.has(line));
    const onlyRight = right[kind].filter((line) => !inLeft.has(line));
    if (onlyLeft.length || onlyRight.length) diff[kind] = { [`only in ${leftName}`]: onlyLeft, [`only in ${rightName}`]: onlyRight };
  }
  return diff;
}

/** Runs a multi-statement SQL script in one transaction. */
export async function executeScript(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(sql);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
