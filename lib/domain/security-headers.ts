// The response headers of every page (proxy.ts): a Content-Security-Policy that lets only scripts carrying
// this response's nonce run (and what they load: 'strict-dynamic'), never inline or injected ones; no
// framing; cross-origin isolation of the window and of the app's resources; HSTS once served over HTTPS.
// Pure, so the rules can be checked against the MDN HTTP Observatory's in unit tests.

export type SecurityContext = {
  /** A fresh, unguessable value for this response (base64). */
  nonce: string;
  /** Served over HTTPS (NEXTAUTH_URL): HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev` evaluates code with eval (React's dev tools); never in production. */
  development: boolean;
};

export function contentSecurityPolicy({ nonce, https, development }: SecurityContext): string {
  const directives = [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Styles: React's style attributes and the charts' inline styles (scripts stay nonce-only).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Two years, with subdomains: what the HSTS preload list asks for. */
export const HSTS = "max-age=63072000; includeSubDomains";

export function pageSecurityHeaders(context: SecurityContext): [string, string][] {
  return [
    ["Content-Security-Policy", contentSecurityPolicy(context)],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
    ...(context.https ? ([["Strict-Transport-Security", HSTS]] as [string, string][]) : []),
  ];
}

/** A nonce from 16 random bytes (base64, as CSP expects). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
