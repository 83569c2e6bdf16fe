/** A same-site path to return to after sign-in; anything else (absolute URLs, `//host`) falls back. */
export function safeReturnPath(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.startsWith("/signin") || value.startsWith("/api/auth")) return fallback;
  return value;
}
