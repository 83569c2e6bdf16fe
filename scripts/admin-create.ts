// `npm run admin:create -- --email you@example.org --name "Your Name" --organisation NATO|EU [--body EEAS|COMMISSION|EDA]`
// Creates the first (or another) administrator and prints a one-time link to set the password: how a
// real deployment starts, with no demo account. Uses DATABASE_URL, else the embedded database of `npm start`
// (running or not). Runs with the react-server condition (package.json), so it uses the app's own code.
import { parseArgs } from "node:util";
import path from "node:path";
import net from "node:net";
import { createAdminByCommand } from "@/lib/data/admin-bootstrap";
import { setPasswordPath } from "@/lib/data/password-tokens";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { adminCommandSchema } from "@/lib/validation/people";
import { embeddedDataDir, embeddedUrls, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { prepareDatabase } from "./lib/migrate";

const root = path.resolve(import.meta.dirname, "..");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/**
 * DATABASE_URL (migrated as DATABASE_OWNER_URL when given), or the embedded database (the running one of
 * `npm start`, else started for this command). The command writes as the app's role.
 */
async function database(): Promise<{ url: string; ownerUrl: string; embedded?: EmbeddedDatabase }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL };
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const { dir } = await embeddedDataDir(root, process.env.DATA_DIR ?? path.join(root, ".data"));
  if (await isListening(port)) {
    const { url, appUrl } = await embeddedUrls(dir, port);
    return { url: appUrl, ownerUrl: url };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: dir, port });
  return { url: embedded.appUrl, ownerUrl: embedded.url, embedded };
}

const USAGE = "Usage: npm run admin:create -- --email you@example.org --name 'Your Name' --organisation NATO|EU [--body EEAS|COMMISSION|EDA]";

function readArgs() {
  try {
    return parseArgs({
      options: { email: { type: "string" }, name: { type: "string" }, organisation: { type: "string" }, body: { type: "string" } },
      strict: true,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
}

const values = readArgs();
const parsed = adminCommandSchema.safeParse({ ...values, organisation: values.organisation?.toUpperCase(), body: values.body?.toUpperCase() });
if (!parsed.success) {
  fail(`${parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("\n")}\n${USAGE}`);
}

const { url, ownerUrl, embedded } = await database();
process.env.DATABASE_URL = url;
process.env.NEXTAUTH_SECRET ??= "admin-create-does-not-sign-sessions-".padEnd(48, "x");
try {
  await prepareDatabase(ownerUrl, url, { quiet: true });
  const result = await createAdminByCommand(parsed.data);
  const base = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const link = new URL(setPasswordPath(result.token), base).toString();
  console.log(
    `${result.created ? "Created" : "Updated"} the administrator ${parsed.data.email} (${parsed.data.organisation}).\n` +
      `Open this link to ${result.purpose === "INVITE" ? "set" : "reset"} the password (it works once, until ${result.expiresAt.toISOString()}):\n${link}`,
  );
} catch (error) {
  fail(isAppError(error) ? error.message : String(error));
} finally {
  await getDb().$disconnect();
  await embedded?.stop();
}
