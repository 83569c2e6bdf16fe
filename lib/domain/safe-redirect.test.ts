import { expect, test } from "vitest";
import { safeReturnPath } from "./safe-redirect";

// Values as the sign-in page receives them: the query string decoded once by Next.js. So
// `?callbackUrl=/%09/evil.example` arrives as "/\t/evil.example", and `/%2509/…` as "/%09/…".
test.each([
  ["/proposals?area=cyber", "/proposals?area=cyber"],
  ["/proposals/p01", "/proposals/p01"],
  ["/dashboard?period=report-11&count=all#trend", "/dashboard?period=report-11&count=all#trend"],
  ["/proposals?q=a%20b", "/proposals?q=a%20b"],
  ["/proposals?q=ä", "/proposals?q=%C3%A4"],
  ["/reports/11/1.pdf", "/reports/11/1.pdf"],
  ["/a/../proposals", "/proposals"],
  ["/", "/"],
])("keeps the same-origin path %j as %j", (input, expected) => {
  expect(safeReturnPath(input)).toBe(expected);
});

test.each([
  // The reported bypasses: browsers strip tab, LF and CR, leaving "//evil.example".
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\t\\evil.example",
  "/\t/\\evil.example",
  "/\r\n/evil.example",
  // The same once more encoded (`?callbackUrl=/%2509/evil.example`).
  "/%09/evil.example",
  "/%0A/evil.example",
  "/%0d/evil.example",
  "/%09%5Cevil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  // Backslashes, read as slashes by browsers.
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  // Protocol-relative and absolute URLs, with and without slashes.
  "//evil.example",
  "///evil.example",
  "////evil.example/path",
  "https://evil.example/",
  "https:evil.example",
  "http:/evil.example",
  "HTTPS://evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  // Encoded slashes that become "//" once decoded.
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "%2F%2Fevil.example",
  "/%2F%2Fevil.example",
  // Dot segments that normalise to a "//" path.
  "/.//evil.example",
  "/..//evil.example",
  "/%2e%2e//evil.example",
  "/a/..//evil.example",
  // Other control characters, DEL, C1 controls, NUL, raw or encoded.
  "/\u0000/evil.example",
  "/%00",
  "/\u007F/evil.example",
  "/\u0085/evil.example",
  "/%C2%85",
  "/\u000B/evil.example",
  // Leading junk and relative paths.
  " //evil.example",
  "\t//evil.example",
  "evil.example",
  "./dashboard",
  "",
  // Malformed %-encoding.
  "/proposals%",
  "/%E0%A4%A",
  // Back to sign-in (a loop) or to next-auth's endpoints.
  "/signin",
  "/signin?callbackUrl=%2Fdashboard",
  "/api/auth/signout",
  "/a/../signin",
])("refuses %j", (input) => {
  expect(safeReturnPath(input)).toBe("/");
});

test.each([[undefined], [null], [42], [["/a", "/b"]], [{ toString: () => "/dashboard" }], ["/" + "a".repeat(2048)]])("refuses the non-path %j", (input) => {
  expect(safeReturnPath(input)).toBe("/");
});

test("uses the fallback given", () => {
  expect(safeReturnPath("//evil.example", "/my-work")).toBe("/my-work");
});
