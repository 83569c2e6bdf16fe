// `npm run db:new-migration -- <name>`: writes prisma/migrations/<UTC timestamp>_<name>/migration.sql with
// the SQL that takes the schema committed at HEAD to the working prisma/schema.prisma.
// (`prisma migrate dev` needs a shadow database, which the driver adapter cannot provide offline.)
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { runPrisma } from "./lib/migrate";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(1);
}
const root = path.resolve(import.meta.dirname, "..");
const previous = path.join(await mkdtemp(path.join(os.tmpdir(), "schema-")), "schema.prisma");
await writeFile(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root }));

process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= path.join(root, "prisma/no-native-engine.txt");
// The CLI connects through the driver adapter even for a schema-to-schema diff (it reads nothing):
// without DATABASE_URL a throwaway embedded server stands in.
const scratch = process.env.DATABASE_URL
  ? undefined
  : await startEmbeddedPostgres({ dataDir: path.join(path.dirname(previous), "postgres"), persistent: false });
let output: string;
try {
  output = await runPrisma(
    ["migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    process.env.DATABASE_URL ?? scratch!.url,
    { quiet: true },
  );
} finally {
  await scratch?.stop();
  await rm(path.dirname(previous), { recursive: true, force: true });
}
const sql = output.slice(output.search(/^(--|CREATE|ALTER|DROP)/m));
if (!sql.trim() || output.search(/^(--|CREATE|ALTER|DROP)/m) < 0 || /This is an empty migration/.test(sql)) {
  console.log("The schema has not changed since HEAD: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql: review it, then commit it with the schema.`);
