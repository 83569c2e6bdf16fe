import { requireUser } from "@/lib/auth/session";
import { recordAuditEvent } from "@/lib/data/audit";
import { auditCsvStream } from "@/lib/data/audit-log";
import { canViewAudit } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { parseAuditFilters } from "@/lib/validation/audit-filters";

export const dynamic = "force-dynamic";

/** The filtered audit trail as CSV (same filters as /audit, every page of it), streamed. Admins only. */
export async function GET(request: Request) {
  try {
    const user = await requireUser();
    if (!canViewAudit(user)) {
      await recordAuditEvent({
        actorId: user.id,
        action: "permission.denied",
        entityType: "Export",
        entityId: "export_audit",
        after: { attempted: "export_audit" },
      });
      throw new AppError("FORBIDDEN", "Only administrators can read the audit trail.");
    }
    const { filters, problems } = parseAuditFilters(new URL(request.url).searchParams);
    if (problems.length > 0) throw new AppError("VALIDATION", problems.join(" "));
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(auditCsvStream(filters), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-trail-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, { route: "GET /api/audit/export" });
  }
}
