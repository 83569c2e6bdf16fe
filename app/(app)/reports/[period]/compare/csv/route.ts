import { requireUser } from "@/lib/auth/session";
import { compareReportVersions } from "@/lib/data/reports";
import { toCsv } from "@/lib/domain/csv";
import { compareCsvRows } from "@/lib/domain/report-compare";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { editionRefSchema, parsePeriodNumber } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ period: string }> };

/** The comparison of two versions of a report as CSV: one row per changed field of a proposal. */
export async function GET(request: Request, { params }: Params) {
  try {
    const user = await requireUser();
    const url = new URL(request.url);
    const periodNumber = parsePeriodNumber((await params).period);
    const from = editionRefSchema.safeParse(url.searchParams.get("from") ?? "");
    const to = editionRefSchema.safeParse(url.searchParams.get("to") ?? "");
    if (periodNumber === null) throw new AppError("NOT_FOUND", "There is no such report.");
    if (!from.success || !to.success) throw new AppError("VALIDATION", "Choose two versions to compare: from and to are 'draft' or an edition number.");
    const differences = await compareReportVersions(user, periodNumber, from.data, to.data);
    return new Response(toCsv(compareCsvRows(differences)), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="nato-eu-progress-report-${periodNumber}-compare-${from.data}-${to.data}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, { route: "GET /reports/[period]/compare/csv" });
  }
}
