// The page headers against the MDN HTTP Observatory's scoring rules (its CSP, HSTS, framing and isolation
// tests), as they apply to a TLS deployment: the grade A+ needs no deduction and the CSP bonus.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "./security-headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("page security headers", () => {
  const https = new Map(pageSecurityHeaders({ nonce: "bm9uY2Vub25jZW5vbmNlMTI=", https: true, development: false }));
  const csp = directives(https.get("Content-Security-Policy")!);

  it("let only scripts with this response's nonce run: no unsafe-inline, no unsafe-eval, no host allow-list", () => {
    expect(csp.get("script-src")).toEqual(["'nonce-bm9uY2Vub25jZW5vbmNlMTI='", "'strict-dynamic'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("script-src")!.some((v) => v === "*" || v.endsWith(":") || v.includes("."))).toBe(false);
  });

  it("are served over HTTPS with HSTS of at least six months and upgrade-insecure-requests", () => {
    const maxAge = Number(/max-age=(\d+)/.exec(https.get("Strict-Transport-Security")!)![1]);
    expect(maxAge).toBeGreaterThanOrEqual(15_552_000);
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
    expect(https.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(https.get("Cross-Origin-Resource-Policy")).toBe("same-origin");
  });

  it("send no HSTS over plain HTTP (a browser would ignore it, and localhost must stay reachable)", () => {
    const http = new Map(pageSecurityHeaders({ nonce: "x", https: false, development: false }));
    expect(http.has("Strict-Transport-Security")).toBe(false);
    expect(http.get("Content-Security-Policy")).not.toContain("upgrade-insecure-requests");
  });

  it("allow eval only to next dev", () => {
    expect(contentSecurityPolicy({ nonce: "x", https: false, development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "x", https: false, development: false })).not.toContain("unsafe-eval");
  });

  it("use a new, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
