import { requireUser } from "@/lib/auth/session";
import { authorizeImport } from "@/lib/data/imports";
import type { ImportKind } from "@/lib/domain/import/columns";
import { templateTable } from "@/lib/domain/import/export";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { CSV_TYPE, XLSX_TYPE, tableToCsv, tableToXlsx } from "@/lib/import/workbooks";
import { templateFileSchema } from "@/lib/validation/import";

export const dynamic = "force-dynamic";

/**
 * An import template: `catalogue|people|updates` `.xlsx` (headings with a note on each, two example rows,
 * a "Notes" sheet) or `.csv` (headings and one example row; the import page documents the columns).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    const user = await requireUser();
    const { file } = await params;
    if (!templateFileSchema.safeParse(file).success) throw new AppError("NOT_FOUND", "There is no such template.");
    const [kind, format] = file.split(".") as [ImportKind, "xlsx" | "csv"];
    await authorizeImport(user, kind, file, "download_import_template");
    const name = `${kind}-import-template.${format}`;
    const headers = { "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" };
    if (format === "csv") return new Response(tableToCsv(templateTable(kind, 1)), { headers: { ...headers, "Content-Type": CSV_TYPE } });
    const bytes = await tableToXlsx(kind, templateTable(kind, 2));
    return new Response(Buffer.from(bytes), { headers: { ...headers, "Content-Type": XLSX_TYPE } });
  } catch (error) {
    return errorResponse(error, { route: "GET /api/import/templates/[file]" });
  }
}
