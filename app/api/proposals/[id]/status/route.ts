import { requireUser } from "@/lib/auth/session";
import { recordStatusUpdate } from "@/lib/data/status-updates";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { statusUpdateSchema, toFieldErrors } from "@/lib/validation/status-update";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Records the status of a proposal for a period (JSON API for integrations; the UI uses a server
 * action with the same validation and the same lib/data call).
 * Body: { periodId, status, assessment, progress, narrative, nextSteps?, evidenceLinks?, expectedVersion }.
 */
export async function PUT(request: Request, context: Context) {
  const { id } = await context.params;
  try {
    const user = await requireUser();
    const body = await request.json().catch(() => {
      throw new AppError("VALIDATION", "The request body must be JSON.");
    });
    const parsed = statusUpdateSchema.safeParse({ ...(typeof body === "object" && body ? body : {}), proposalId: id });
    if (!parsed.success) throw new AppError("VALIDATION", "Invalid status update.", { fields: toFieldErrors(parsed.error) });
    const saved = await recordStatusUpdate(user, parsed.data);
    return Response.json(saved, { status: parsed.data.expectedVersion === 0 ? 201 : 200 });
  } catch (error) {
    return errorResponse(error, { route: "PUT /api/proposals/[id]/status", proposalId: id });
  }
}
