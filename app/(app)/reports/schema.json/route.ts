import { reportJsonSchemaDocument } from "@/lib/validation/report-json";

// The documented shape of the report's JSON download (generated from the zod schema the tests validate
// every download against). Public: it says nothing about the data.
export const dynamic = "force-static";

export function GET() {
  return Response.json(reportJsonSchemaDocument(), { headers: { "Cache-Control": "public, max-age=3600" } });
}
