import { requireUser } from "@/lib/auth/session";
import { renderChartImages } from "@/lib/charts/render";
import { loadReport } from "@/lib/data/reports";
import { chartSpecs } from "@/lib/domain/charts";
import { REPORT_CONTENT_TYPES, parseReportFileName, reportFileName } from "@/lib/domain/report";
import { AppError } from "@/lib/errors";
import { REPORT_RENDERERS, formatHasCharts } from "@/lib/export";
import { errorResponse } from "@/lib/http";
import { parsePeriodNumber } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ period: string; file: string }> };

/**
 * A report file at a stable address: /reports/{period number}/{draft|edition number}.{docx|pdf|xlsx|json|csv}.
 * The body streams while it is produced; a download the client abandons stops the work behind it.
 */
export async function GET(_request: Request, { params }: Params) {
  try {
    const user = await requireUser();
    const { period, file } = await params;
    const periodNumber = parsePeriodNumber(period);
    const wanted = parseReportFileName(file);
    if (periodNumber === null || !wanted) throw new AppError("NOT_FOUND", "There is no such report file.");
    const source = await loadReport(user, periodNumber, wanted.edition);
    const charts = formatHasCharts(wanted.format) ? renderChartImages(chartSpecs(source.header.figures, source.header.period.id)) : [];
    const body = REPORT_RENDERERS[wanted.format]({ source, charts });
    return new Response(body, {
      headers: {
        "Content-Type": REPORT_CONTENT_TYPES[wanted.format],
        "Content-Disposition": `attachment; filename="${reportFileName(source.header, wanted.format)}"`,
        "Cache-Control": "private, no-store",
        "X-Report-State": source.header.state,
      },
    });
  } catch (error) {
    return errorResponse(error, { route: "GET /reports/[period]/[file]" });
  }
}
