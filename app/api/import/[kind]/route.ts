import { readCappedForm, runImport, TOO_LARGE } from "@/lib/actions/import";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { IMPORT_LIMITS } from "@/lib/import/read-table";

export const dynamic = "force-dynamic";

/** Room for the form's other fields and the multipart framing around the file. */
const BODY_LIMIT = IMPORT_LIMITS.fileBytes + 256 * 1024;

/** A browser sends Origin with every POST: one from another site is refused (the session cookie is SameSite=Lax too). */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Checks (dry run) or imports an uploaded .xlsx or .csv file of a kind (catalogue, people, updates):
 * multipart form data with `file`, `mode` (check | commit) and, to commit, `planHash`. Admins only; the
 * answer is JSON (lib/actions/import.ts, ImportResult), 401/403 JSON without a session or the role.
 */
export async function POST(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  try {
    if (!isSameOrigin(request)) throw new AppError("FORBIDDEN", "Uploads are accepted from the import page only.");
    const { kind } = await params;
    const result = await runImport(kind, () => readCappedForm(request, BODY_LIMIT));
    return Response.json(result, { status: result.message === TOO_LARGE ? 413 : 200, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, { route: "POST /api/import/[kind]" });
  }
}
