// Redirects anonymous visitors to sign-in before rendering. Not the security boundary: every page,
// action and route handler checks the session and role on the server itself.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";

// Report files, chart images and comparisons are route handlers outside /api: they answer 401 JSON
// themselves, so that a download with an ended session fails clearly instead of saving the sign-in page.
const FILE_ROUTE = /^\/reports\/(schema\.json$|[^/]+\/([^/]+\.(docx|pdf|xlsx|json|csv)|[^/]+\/charts\/[^/]+\.(svg|png)|compare\/csv)$)/;

export async function proxy(request: NextRequest) {
  if (FILE_ROUTE.test(request.nextUrl.pathname)) return NextResponse.next();
  const token = await getToken({ req: request, secret: getEnv().NEXTAUTH_SECRET });
  if (token) {
    // The path, for the 403 page to say what was refused (forbidden.tsx cannot read the URL otherwise).
    const headers = new Headers(request.headers);
    headers.set("x-request-path", request.nextUrl.pathname);
    return NextResponse.next({ request: { headers } });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Pages only: API routes answer 401 JSON themselves; sign-in, setting a password through a one-time
  // link, health and assets stay public.
  matcher: ["/((?!api/|signin|set-password|_next/|favicon.ico|robots.txt).*)"],
};
