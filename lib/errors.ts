// Expected failures. Anything that is not an AppError is a bug: logged with a reference id and shown
// as a generic message.
export type AppErrorCode = "VALIDATION" | "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "UNAUTHENTICATED" | "PERIOD_CLOSED" | "TOO_LARGE";

const httpStatus: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PERIOD_CLOSED: 409,
  TOO_LARGE: 413,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Logs an unexpected error with context and returns a short reference id to show the user. */
export function logUnexpected(error: unknown, context: Record<string, unknown>): string {
  const reference = crypto.randomUUID().slice(0, 8);
  console.error(
    JSON.stringify({
      level: "error",
      reference,
      ...context,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    }),
  );
  return reference;
}
