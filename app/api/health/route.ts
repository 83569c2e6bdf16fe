import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** 200 {"status":"ok"} only when the database answers; 503 otherwise (for load balancers and probes). */
export async function GET() {
  try {
    await Promise.race([getDb().$queryRaw`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), 3_000))]);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error(JSON.stringify({ level: "error", event: "health.database_unavailable", error: String(error) }));
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
