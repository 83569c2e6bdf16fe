import { requireUser } from "@/lib/auth/session";
import { resolvePeriod } from "@/lib/data/periods";
import { listProposals } from "@/lib/data/proposals";
import { proposalCsvRows, toCsv } from "@/lib/domain/csv";
import { canExport } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { parseProposalFilters } from "@/lib/validation/proposal-filters";

export const dynamic = "force-dynamic";

/** The filtered proposal list as CSV: same filters, same rows as /proposals. */
export async function GET(request: Request) {
  try {
    const user = await requireUser();
    if (!canExport(user)) throw new AppError("FORBIDDEN", "Your role cannot export.");
    const filters = parseProposalFilters(new URL(request.url).searchParams);
    const period = await resolvePeriod(filters.period);
    const rows = await listProposals(filters, period?.id ?? null, { viewer: user });
    const csv = toCsv(proposalCsvRows(rows, period?.name ?? "", filters.include));
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="proposals-${period?.id ?? "all"}-${filters.include}-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, { route: "GET /api/proposals/export" });
  }
}
