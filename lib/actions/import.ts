import "server-only";
import { revalidatePath } from "next/cache";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { authorizeImport, checkImport, commitImport } from "@/lib/data/imports";
import { toCsv } from "@/lib/domain/csv";
import { HeaderRefused, IMPORT_KIND_SHEETS } from "@/lib/domain/import/columns";
import { errorCsvRows, errorRowCount, planCsvRows, plural, toPlanView, type ImportOutcome, type ImportPlan, type ImportResult } from "@/lib/domain/import/plan";
import { parseTable } from "@/lib/domain/import/rows";
import { AppError } from "@/lib/errors";
import { FileRefused, IMPORT_LIMITS, readTable } from "@/lib/import/read-table";
import { importKindSchema, importRequestSchema } from "@/lib/validation/import";

// The import's boundary: authenticate -> validate (zod) -> authorize -> read the file -> plan or commit
// (lib/data/imports.ts) -> revalidate. Not a "use server" module: an upload of up to 5 MB goes to a route
// handler (app/api/import/route.ts), because a server action's request body is capped at 1 MB unless
// next.config raises `serverActions.bodySizeLimit`. Nothing uploaded is stored: the dry run and the commit
// each read the file they are sent.

export type { ImportOutcome, ImportResult };

function errorsMessage(plan: ImportPlan, prefix: string): string {
  return `${prefix}${plural(plan.errors.length, "error")} in ${plural(errorRowCount(plan), "row")}: nothing is imported while any row has an error. Fix the file (the errors are listed below and in a file to download), then check it again.`;
}

function summary(plan: ImportPlan): string {
  return `${plural(plan.creates.length, "row")} to create, ${plural(plan.changes.length, "row")} to change, ${plural(plan.unchanged.length, "row")} unchanged`;
}

function messageFor(outcome: Exclude<ImportOutcome, "refused">, plan: ImportPlan): string {
  switch (outcome) {
    case "checked":
      if (plan.errors.length) return errorsMessage(plan, "The file has ");
      if (!plan.hasWork) return `Checked ${plural(plan.rowCount, "row")}: every one is already as the tracker has it, so importing would change nothing.`;
      return `Checked: ${summary(plan)}. Nothing has been written yet: look through the changes, then import.`;
    case "blocked":
      return errorsMessage(plan, "Nothing was imported: the file has ");
    case "stale":
      return "The data changed since you checked the file, so nothing was imported. Look at the plan below as it is now, then import again.";
    case "unchanged":
      return `Nothing was imported: every row is already as the tracker has it (${plural(plan.rowCount, "row")}).`;
    case "committed":
      return `Imported: ${plural(plan.creates.length, "row")} created, ${plural(plan.changes.length, "row")} changed, ${plural(plan.unchanged.length, "row")} left as they were.`;
  }
}

function withPlan(outcome: Exclude<ImportOutcome, "refused">, base: Pick<ImportResult, "kind" | "fileName">, plan: ImportPlan, hash: string): ImportResult {
  return {
    ...base,
    outcome,
    message: messageFor(outcome, plan),
    plan: toPlanView(plan),
    hash,
    errorsCsv: plan.errors.length ? toCsv(errorCsvRows(plan.errors)) : undefined,
    planCsv: toCsv(planCsvRows(plan)),
  };
}

/** What the tests replace: the session (a real request has one), the cache revalidation (a request's), the clock. */
export type ImportSeams = { getUser: () => Promise<SessionUser>; revalidate: () => void; now: () => Date };

const DEFAULT_SEAMS: ImportSeams = {
  getUser: requireUser,
  // Everything can show imported data: the catalogue, people, lists, dashboards, reports, the notice.
  revalidate: () => revalidatePath("/", "layout"),
  now: () => new Date(),
};

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
};

/**
 * A dry run ("check") or a commit of an uploaded file of `kindParam`. The body is read (`readForm`, which
 * gives null when it is too large) only once the user is known to be an admin. Expected failures of the
 * file come back as a "refused" result with a message; authentication and permission failures throw
 * AppError (401/403).
 */
export async function runImport(kindParam: string, readForm: () => Promise<FormData | null>, seams: Partial<ImportSeams> = {}): Promise<ImportResult> {
  const { getUser, revalidate, now } = { ...DEFAULT_SEAMS, ...seams };
  const user = await getUser();
  const kind = importKindSchema.safeParse(kindParam);
  if (!kind.success) throw new AppError("NOT_FOUND", "There is no such kind of import.");
  await authorizeImport(user, kind.data, "");
  const formData = await readForm();
  if (!formData) return { outcome: "refused", kind: kind.data, message: TOO_LARGE };
  const file = formData.get("file");
  const parsed = importRequestSchema.safeParse({
    kind: kind.data,
    mode: text(formData, "mode"),
    planHash: text(formData, "planHash"),
    fileName: file instanceof File ? file.name : "",
  });
  if (!parsed.success) return { outcome: "refused", kind: kind.data, message: parsed.error.issues[0]?.message ?? "The request is not recognised." };
  const { mode, planHash, fileName } = parsed.data;
  const base = { kind: kind.data, fileName };
  if (!(file instanceof File) || file.size === 0) return { ...base, outcome: "refused", message: "Choose a file to import (.xlsx or .csv)." };
  if (file.size > IMPORT_LIMITS.fileBytes) {
    return {
      ...base,
      outcome: "refused",
      message: `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB can be imported.`,
    };
  }
  let request;
  try {
    const table = await readTable(new Uint8Array(await file.arrayBuffer()), { preferredSheets: [IMPORT_KIND_SHEETS[kind.data]] });
    request = { fileName, file: parseTable(kind.data, table) };
  } catch (error) {
    if (error instanceof FileRefused || error instanceof HeaderRefused) return { ...base, outcome: "refused", message: error.message };
    throw error;
  }
  if (mode === "check") {
    const { plan, hash } = await checkImport(user, request);
    return withPlan("checked", base, plan, hash);
  }
  if (!planHash) throw new AppError("VALIDATION", "Check the file first, then import it.");
  const result = await commitImport(user, { ...request, expectedHash: planHash }, now());
  if (result.outcome === "committed") revalidate();
  return withPlan(result.outcome, base, result.plan, result.hash);
}

export const TOO_LARGE = `The upload is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB, the most that can be imported: nothing was read.`;

/** The request body as form data, or null once it passes `maxBytes` (read no further). */
export async function readCappedForm(request: Request, maxBytes: number): Promise<FormData | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  }
  try {
    return await new Response(new Blob(chunks as BlobPart[]), { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("VALIDATION", "The upload could not be read: send the file from the import page.");
  }
}
