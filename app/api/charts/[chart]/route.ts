import { requireUser } from "@/lib/auth/session";
import { chartImageResponse } from "@/lib/charts/response";
import { getDashboard } from "@/lib/data/dashboard";
import { resolvePeriod } from "@/lib/data/periods";
import { parseDay } from "@/lib/domain/as-of";
import { chartSpec, parseChartFileName } from "@/lib/domain/charts";
import { canViewDashboard } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { parseDashboardParams } from "@/lib/validation/dashboard-filters";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ chart: string }> };

/**
 * A dashboard chart as SVG or PNG, for the same view as the page (period, Count, filters, as-of date in
 * the query string): /api/charts/status-by-area.png?period=report-11&include=approved.
 */
export async function GET(request: Request, { params }: Params) {
  try {
    const user = await requireUser();
    if (!canViewDashboard(user)) throw new AppError("NOT_FOUND", "There is no such chart.");
    const wanted = parseChartFileName((await params).chart);
    if (!wanted) throw new AppError("NOT_FOUND", "There is no such chart.");
    const url = new URL(request.url);
    const { filters } = parseDashboardParams(Object.fromEntries([...new Set(url.searchParams.keys())].map((k) => [k, url.searchParams.getAll(k)])));
    const period = await resolvePeriod(filters.period, filters.asOf ? parseDay(filters.asOf) : null);
    if (!period) throw new AppError("NOT_FOUND", "There are no reporting periods yet.");
    const query = { include: filters.include, area: filters.area, org: filters.org, assessment: filters.assessment, asOf: filters.asOf };
    const dashboard = await getDashboard(period.id, query);
    return chartImageResponse(chartSpec(wanted.id, dashboard, period.id), wanted.format, `dashboard-${period.id}-${wanted.id}`);
  } catch (error) {
    return errorResponse(error, { route: "GET /api/charts/[chart]" });
  }
}
