import { describe, expect, it } from "vitest";
import { describeUserAgent, needsTouch, sessionEnd, sessionEndsAt } from "./sessions";

const limits = { idleSeconds: 3600 };
const at = (iso: string) => new Date(iso);

describe("sessionEnd", () => {
  const live = { lastSeenAt: at("2026-12-02T10:00:00Z"), expiresAt: at("2026-12-02T18:00:00Z"), endedAt: null };
  it("lets a live session in until its idle timeout or its absolute end", () => {
    expect(sessionEnd(live, at("2026-12-02T10:59:59Z"), limits)).toBeNull();
    expect(sessionEnd(live, at("2026-12-02T11:00:00Z"), limits)).toBe("IDLE");
    expect(sessionEnd({ ...live, lastSeenAt: at("2026-12-02T17:30:00Z") }, at("2026-12-02T18:00:00Z"), limits)).toBe("EXPIRED");
  });
  it("never lets an ended session in", () => {
    expect(sessionEnd({ ...live, endedAt: at("2026-12-02T10:00:01Z") }, at("2026-12-02T10:00:02Z"), limits)).toBe("ENDED");
  });
  it("ends by itself at the earlier of the two limits", () => {
    expect(sessionEndsAt(live, limits)).toEqual(at("2026-12-02T11:00:00Z"));
    expect(sessionEndsAt({ ...live, lastSeenAt: at("2026-12-02T17:30:00Z") }, limits)).toEqual(at("2026-12-02T18:00:00Z"));
  });
});

describe("needsTouch", () => {
  it("writes at most once a minute", () => {
    expect(needsTouch(at("2026-12-02T10:00:00Z"), at("2026-12-02T10:00:59Z"))).toBe(false);
    expect(needsTouch(at("2026-12-02T10:00:00Z"), at("2026-12-02T10:01:00Z"))).toBe(true);
  });
});

describe("describeUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Linux"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Windows"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Safari on iOS",
    ],
    ["curl/8.5.0", "Unknown browser"],
    [null, "Unknown browser"],
  ])("%s → %s", (ua, expected) => {
    expect(describeUserAgent(ua)).toBe(expected);
  });
});
