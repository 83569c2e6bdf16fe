import { requireUser } from "@/lib/auth/session";
import { getRationaleBaseline, recordStatusUpdate } from "@/lib/data/status-updates";
import { AppError } from "@/lib/errors";
import { errorResponse, readJsonBody } from "@/lib/http";
import { statusUpdateSchemaWith, toFieldErrors } from "@/lib/validation/status-update";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Records the status of a proposal for a period (JSON API for integrations; the UI uses a server
 * action with the same validation and the same lib/data call).
 * Body: { periodId, status, assessment, progress, narrative, nextSteps?, evidenceLinks?, rationale?, expectedVersion }.
 * Answers the saved version with the warnings flagged on it (lib/domain/update-warnings.ts).
 */
export async function PUT(request: Request, context: Context) {
  const { id } = await context.params;
  try {
    const user = await requireUser();
    const body = await readJsonBody(request);
    const input: Record<string, unknown> = { ...(typeof body === "object" && body && !Array.isArray(body) ? body : {}), proposalId: id };
    const periodId = typeof input.periodId === "string" ? input.periodId : "";
    // Every field error at once, the rationale rule included (it needs the previous period).
    const parsed = statusUpdateSchemaWith(await getRationaleBaseline(user, id, periodId)).safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION", "Invalid status update.", { fields: toFieldErrors(parsed.error) });
    const saved = await recordStatusUpdate(user, parsed.data);
    return Response.json(saved, { status: parsed.data.expectedVersion === 0 ? 201 : 200 });
  } catch (error) {
    return errorResponse(error, { route: "PUT /api/proposals/[id]/status", proposalId: id });
  }
}
