// Where to go after sign-in. The candidate comes from the query string (`callbackUrl`), so it is
// attacker-chosen: it is resolved against a fixed dummy origin with the URL parser browsers use, and only
// a path that stays on that origin, both as given and after one more decoding, is kept. Only the parsed
// path, query and fragment are returned, never the text as given.

/** A fixed origin that never resolves (RFC 2606 `.invalid`): only used to tell paths from other sites. */
const DUMMY_ORIGIN = "http://tracker.invalid";
const MAX_LENGTH = 2048;

/**
 * C0 controls (browsers strip tab and newlines, so `/\t/evil.example` becomes `//evil.example`), DEL, C1
 * controls, and the backslash (read as `/` in http(s) URLs, so `/\evil.example` is another host).
 */
function hasUnsafeCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || char === "\\") return true;
  }
  return false;
}

/** The candidate parsed against the dummy origin, or null when it is not a plain path on that origin. */
function resolveOnOrigin(candidate: string): URL | null {
  if (!candidate.startsWith("/") || hasUnsafeCharacter(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate, DUMMY_ORIGIN);
  } catch {
    return null;
  }
  return url.origin === DUMMY_ORIGIN ? url : null;
}

/**
 * A same-origin path to return to after sign-in, or `fallback` ("/": the landing page of the role).
 * Refused: anything that is not a string starting with "/", resolves to another origin (`//host`,
 * `https:host`, `/%2F/host` once decoded), holds a control character or a backslash (raw or after one
 * decoding), normalises to a `//` path (`/.//host`), is malformed %-encoding, or leads back to sign-in.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  const url = resolveOnOrigin(value);
  if (!url || !resolveOnOrigin(decoded)) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // What is returned must itself be a plain path that parses to the same place.
  if (path.startsWith("//") || resolveOnOrigin(path)?.href !== url.href) return fallback;
  if (url.pathname.startsWith("/signin") || url.pathname.startsWith("/api/auth")) return fallback;
  return path;
}
