import "server-only";
import { THROTTLED_ERROR, parseThrottledError, throttledMessage } from "@/lib/domain/throttle";

/**
 * next-auth 4 answers a credentials sign-in that `authorize` refused by throwing with 401 (JSON `{ url }`
 * for `signIn()`, a redirect otherwise), carrying the error's message in the url's `error` parameter.
 * When that message is a throttled code (lib/domain/throttle.ts), this turns the answer into what it
 * is: 429 Too Many Requests with Retry-After, in JSON that next-auth's `signIn()` still reads (`url`,
 * whose `error` the sign-in form shows as the wait), plus the wait and the message for any other client.
 * Any other answer passes through unchanged.
 */
export async function asTooManyRequests(response: Response): Promise<Response> {
  if (response.status !== 401 && response.status !== 302) return response;
  let target = response.headers.get("location");
  if (!target && response.headers.get("content-type")?.includes("application/json")) {
    const body = (await response.clone().json()) as { url?: unknown };
    target = typeof body.url === "string" ? body.url : null;
  }
  let seconds: number | null = null;
  try {
    seconds = target ? parseThrottledError(new URL(target, "http://localhost").searchParams.get("error")) : null;
  } catch {
    seconds = null;
  }
  if (seconds === null) return response;
  const headers = new Headers({ "content-type": "application/json", "retry-after": String(seconds), "cache-control": "no-store" });
  for (const cookie of response.headers.getSetCookie()) headers.append("set-cookie", cookie);
  const body = { url: target, error: THROTTLED_ERROR, retryAfter: seconds, message: throttledMessage(seconds) };
  return new Response(JSON.stringify(body), { status: 429, headers });
}
