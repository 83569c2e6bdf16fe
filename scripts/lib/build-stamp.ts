// What a production build was made from: a SHA-256 over every file that goes into it (the app's source,
// the Prisma schema, the configuration and the lockfile), kept beside the build in .next. `npm start`
// rebuilds when it differs from the code in the folder, e.g. after `git pull`, so that it never serves old
// code (and an old Prisma client) against a newly migrated database.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/** Folders and files the build reads (tests and generated code excluded: the schema stands for the client). */
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "types",
  "prisma/schema.prisma",
  "proxy.ts",
  "next.config.js",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];
const SKIP = /(^|\/)(generated|node_modules)(\/|$)|\.test\.tsx?$/;
export const STAMP_FILE = ".next/tracker-build-stamp";

async function files(root: string, entry: string): Promise<string[]> {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  const stat = await readdir(full, { withFileTypes: true }).catch(() => null);
  if (!stat) return [entry];
  const nested = await Promise.all(
    stat.filter((d) => !SKIP.test(path.join(entry, d.name))).map((d) => (d.isDirectory() ? files(root, path.join(entry, d.name)) : [path.join(entry, d.name)])),
  );
  return nested.flat();
}

/** The fingerprint of the build inputs in `root`: their paths and contents. */
export async function sourceFingerprint(root: string): Promise<string> {
  const all = (await Promise.all(BUILD_INPUTS.map((entry) => files(root, entry)))).flat().sort();
  const hash = createHash("sha256");
  for (const file of all) {
    hash.update(`${file}\0`);
    hash.update(await readFile(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Why a build is needed, in words for the log, or null when the build in .next matches the code. */
export async function rebuildReason(root: string, fingerprint: string): Promise<string | null> {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) return "No production build yet";
  const stamp = path.join(root, STAMP_FILE);
  if (!existsSync(stamp)) return "The production build does not say what code it was made from";
  if ((await readFile(stamp, "utf8")).trim() !== fingerprint) return "The code changed since the last build";
  return null;
}

export async function writeBuildStamp(root: string, fingerprint: string): Promise<void> {
  await writeFile(path.join(root, STAMP_FILE), `${fingerprint}\n`);
}
