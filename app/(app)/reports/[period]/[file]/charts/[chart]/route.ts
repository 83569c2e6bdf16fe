import { requireUser } from "@/lib/auth/session";
import { chartImageResponse } from "@/lib/charts/response";
import { loadReport } from "@/lib/data/reports";
import { chartSpec, parseChartFileName } from "@/lib/domain/charts";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { editionRefSchema, parsePeriodNumber } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ period: string; file: string; chart: string }> };

/** One chart of a report (draft or edition) as SVG or PNG: /reports/11/draft/charts/trend.svg. */
export async function GET(_request: Request, { params }: Params) {
  try {
    const user = await requireUser();
    const { period, file, chart } = await params;
    const periodNumber = parsePeriodNumber(period);
    const edition = editionRefSchema.safeParse(file);
    const wanted = parseChartFileName(chart);
    if (periodNumber === null || !edition.success || !wanted) throw new AppError("NOT_FOUND", "There is no such chart.");
    const { header } = await loadReport(user, periodNumber, edition.data);
    const spec = chartSpec(wanted.id, header.figures, header.period.id);
    return chartImageResponse(spec, wanted.format, `report-${periodNumber}-${edition.data === "draft" ? "draft" : `edition-${edition.data}`}-${wanted.id}`);
  } catch (error) {
    return errorResponse(error, { route: "GET /reports/[period]/[file]/charts/[chart]" });
  }
}
