import "server-only";
import { isAppError, logUnexpected } from "@/lib/errors";

/** JSON error answer for route handlers: 4xx for expected failures, 500 with a reference otherwise. */
export function errorResponse(error: unknown, context: Record<string, unknown>): Response {
  if (isAppError(error)) {
    return Response.json({ error: { code: error.code, message: error.message, ...error.details } }, { status: error.status });
  }
  const reference = logUnexpected(error, context);
  return Response.json({ error: { code: "INTERNAL", message: "Unexpected error", reference } }, { status: 500 });
}
