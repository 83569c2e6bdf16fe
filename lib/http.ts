import "server-only";
import { AppError, isAppError, logUnexpected } from "@/lib/errors";

/** JSON error answer for route handlers: 4xx for expected failures, 500 with a reference otherwise. */
export function errorResponse(error: unknown, context: Record<string, unknown>): Response {
  if (isAppError(error)) {
    return Response.json({ error: { code: error.code, message: error.message, ...error.details } }, { status: error.status });
  }
  const reference = logUnexpected(error, context);
  return Response.json({ error: { code: "INTERNAL", message: "Unexpected error", reference } }, { status: 500 });
}

/** The largest JSON body a route handler reads: a status update is a few kilobytes. */
export const MAX_JSON_BYTES = 64 * 1024;

/**
 * The request's JSON body, read up to `maxBytes` (413 beyond, whatever Content-Length claims) and parsed
 * (400 when it is not JSON), so a 10 MB body is never buffered or parsed.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const tooLarge = () => new AppError("TOO_LARGE", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION", "The request body must be JSON.");
  }
}
