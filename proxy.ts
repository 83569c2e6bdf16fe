// Every page: a fresh CSP nonce and the security headers (lib/domain/security-headers.ts); Next.js reads
// the nonce from the request's Content-Security-Policy and puts it on its own scripts. And anonymous
// visitors go to sign-in before rendering: not the security boundary, as every page, action and route
// handler checks the session and role on the server itself.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { newNonce, pageSecurityHeaders } from "@/lib/domain/security-headers";
import { getEnv } from "@/lib/env";

// Report files, chart images and comparisons are route handlers outside /api: they answer 401 JSON
// themselves, so that a download with an ended session fails clearly instead of saving the sign-in page.
const FILE_ROUTE = /^\/reports\/(schema\.json$|[^/]+\/([^/]+\.(docx|pdf|xlsx|json|csv)|[^/]+\/charts\/[^/]+\.(svg|png)|compare\/csv)$)/;

// Pages anyone may open: sign-in and setting a password through a one-time link.
const PUBLIC_PAGE = /^\/(signin|set-password)(\/|$)/;

function withSecurityHeaders(response: NextResponse, headers: [string, string][]): NextResponse {
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

export async function proxy(request: NextRequest) {
  if (FILE_ROUTE.test(request.nextUrl.pathname)) return NextResponse.next();
  const env = getEnv();
  const security = pageSecurityHeaders({
    nonce: newNonce(),
    https: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    development: process.env.NODE_ENV === "development",
  });
  const forward = (extra: Record<string, string> = {}) => {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", security[0]![1]);
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return withSecurityHeaders(NextResponse.next({ request: { headers } }), security);
  };
  if (PUBLIC_PAGE.test(request.nextUrl.pathname)) return forward();
  const token = await getToken({ req: request, secret: env.NEXTAUTH_SECRET });
  // The path, for the 403 page to say what was refused (forbidden.tsx cannot read the URL otherwise).
  if (token) return forward({ "x-request-path": request.nextUrl.pathname });
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return withSecurityHeaders(NextResponse.redirect(url), security);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves (next.config.js gives them the static headers);
  // built assets need no nonce.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
