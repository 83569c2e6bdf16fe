import { expect, test } from "vitest";
import { asTooManyRequests } from "./throttle-response";

const ERROR_URL = "http://127.0.0.1:3000/api/auth/error?error=";

/** A credentials callback answer as next-auth 4 builds it for `signIn()` (JSON) or a form post (302). */
function nextAuthAnswer(error: string, json = true): Response {
  const url = `${ERROR_URL}${encodeURIComponent(error)}`;
  const headers = new Headers({ "set-cookie": "next-auth.csrf-token=abc; Path=/; HttpOnly" });
  if (!json) {
    headers.set("location", url);
    return new Response(null, { status: 302, headers });
  }
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ url }), { status: 401, headers });
}

test.each([true, false])("a throttled refusal (json: %s) becomes 429 with Retry-After, a message and next-auth's url", async (json) => {
  const response = await asTooManyRequests(nextAuthAnswer("SignInThrottled:120", json));
  expect(response.status).toBe(429);
  expect(response.headers.get("retry-after")).toBe("120");
  expect(response.headers.get("content-type")).toBe("application/json");
  expect(response.headers.getSetCookie()).toEqual(["next-auth.csrf-token=abc; Path=/; HttpOnly"]);
  expect(await response.json()).toEqual({
    url: `${ERROR_URL}SignInThrottled%3A120`,
    error: "SignInThrottled",
    retryAfter: 120,
    message: "Too many attempts: try again in 2 minutes.",
  });
});

test.each(["CredentialsSignin", "SignInThrottled", "SignInThrottled:abc", "AccessDenied"])("any other refusal (%s) passes through unchanged", async (error) => {
  const original = nextAuthAnswer(error);
  const response = await asTooManyRequests(original);
  expect(response).toBe(original);
  expect(response.status).toBe(401);
});

test("a successful sign-in passes through unchanged", async () => {
  const ok = new Response(JSON.stringify({ url: "http://127.0.0.1:3000/dashboard" }), { status: 200, headers: { "content-type": "application/json" } });
  expect(await asTooManyRequests(ok)).toBe(ok);
});
