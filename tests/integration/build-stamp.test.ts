// `npm start` rebuilds when the code differs from what the production build was made from (after a
// `git pull`, say), not only when there is no build (scripts/lib/build-stamp.ts), on a folder of files.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { rebuildReason, sourceFingerprint, writeBuildStamp } from "../../scripts/lib/build-stamp";

let root: string;
const put = async (file: string, text: string) => {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
};

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "build-stamp-"));
  await put("app/page.tsx", "export default function Page() { return null; }");
  await put("lib/data/x.ts", "export const x = 1;");
  await put("lib/data/x.test.ts", "test");
  await put("lib/generated/prisma/client.ts", "generated");
  await put("prisma/schema.prisma", "model A { id String @id }");
  await put("package-lock.json", "{}");
  await put("README.md", "words");
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("the build stamp", () => {
  test("asks for a build until there is one made from this code, and again once the code changes", async () => {
    const first = await sourceFingerprint(root);
    expect(await rebuildReason(root, first)).toBe("No production build yet");
    await put(".next/BUILD_ID", "abc");
    expect(await rebuildReason(root, first)).toBe("The production build does not say what code it was made from");
    await writeBuildStamp(root, first);
    expect(await rebuildReason(root, first)).toBeNull();

    // Tests, generated code and documents are not part of the build.
    await put("lib/data/x.test.ts", "another test");
    await put("lib/generated/prisma/client.ts", "regenerated");
    await put("README.md", "other words");
    expect(await sourceFingerprint(root)).toBe(first);

    // A pulled change to the code, the schema or the dependencies is.
    for (const [file, text] of [
      ["lib/data/x.ts", "export const x = 2;"],
      ["prisma/schema.prisma", "model A { id String @id name String }"],
      ["package-lock.json", '{"lockfileVersion":3}'],
      ["app/new/page.tsx", "export default function New() { return null; }"],
    ]) {
      await put(file!, text!);
      const now = await sourceFingerprint(root);
      expect(now, file).not.toBe(first);
      expect(await rebuildReason(root, now)).toBe("The code changed since the last build");
    }
  });
});
