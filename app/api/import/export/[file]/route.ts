import { requireUser } from "@/lib/auth/session";
import { exportCatalogue } from "@/lib/data/imports";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { CSV_TYPE, XLSX_TYPE, tableToCsv, tableToXlsx } from "@/lib/import/workbooks";
import { exportFileSchema } from "@/lib/validation/import";

export const dynamic = "force-dynamic";

/** The catalogue as it is, in exactly the catalogue import's columns (focal points by e-mail): it imports back unchanged. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    const user = await requireUser();
    const { file } = await params;
    if (!exportFileSchema.safeParse(file).success) throw new AppError("NOT_FOUND", "There is no such export.");
    const table = await exportCatalogue(user);
    const format = file.endsWith(".csv") ? "csv" : "xlsx";
    const name = `catalogue-${new Date().toISOString().slice(0, 10)}.${format}`;
    const headers = { "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" };
    if (format === "csv") return new Response(tableToCsv(table), { headers: { ...headers, "Content-Type": CSV_TYPE } });
    return new Response(Buffer.from(await tableToXlsx("catalogue", table)), { headers: { ...headers, "Content-Type": XLSX_TYPE } });
  } catch (error) {
    return errorResponse(error, { route: "GET /api/import/export/[file]" });
  }
}
