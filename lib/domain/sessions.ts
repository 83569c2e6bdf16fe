// Server-side sessions (the UserSession table): when one counts as ended, and how the account page
// describes it. Pure: the data layer passes rows and the clock.

export const SESSION_END_REASONS = ["SIGNED_OUT", "ENDED_BY_USER", "SIGNED_OUT_EVERYWHERE", "DEACTIVATED", "ROLE_CHANGED", "PASSWORD_CHANGED"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export const SESSION_END_LABELS: Record<SessionEndReason, string> = {
  SIGNED_OUT: "Signed out",
  ENDED_BY_USER: "Ended from the account page",
  SIGNED_OUT_EVERYWHERE: "Signed out everywhere",
  DEACTIVATED: "Account deactivated",
  ROLE_CHANGED: "Role or organisation changed",
  PASSWORD_CHANGED: "Password changed",
};

/** A live session as the account page lists it. */
export type SessionListItem = {
  id: string;
  /** The session of the request that reads the list. */
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  /** When it ends by itself (idle timeout or absolute end), unless used before. */
  endsAt: Date;
  userAgent: string | null;
  address: string | null;
};

/** lastSeenAt moves on at most this often: one small write a minute per active browser, not one per request. */
export const TOUCH_INTERVAL_MS = 60_000;

export type SessionTimes = { lastSeenAt: Date; expiresAt: Date; endedAt: Date | null };
export type SessionLimits = { idleSeconds: number };

/** Why a session no longer lets its browser in, or null while it does. */
export function sessionEnd(session: SessionTimes, now: Date, limits: SessionLimits): "ENDED" | "EXPIRED" | "IDLE" | null {
  if (session.endedAt) return "ENDED";
  if (session.expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleSeconds * 1000) return "IDLE";
  return null;
}

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}

/** The earliest moment a live session ends by itself: idle timeout or absolute end, whichever comes first. */
export function sessionEndsAt(session: SessionTimes, limits: SessionLimits): Date {
  return new Date(Math.min(session.expiresAt.getTime(), session.lastSeenAt.getTime() + limits.idleSeconds * 1000));
}

/** "Firefox on Windows" from a User-Agent header; "Unknown browser" when it says nothing usable. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  const ua = userAgent ?? "";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\//.test(ua)
      ? "Opera"
      : /Firefox\//.test(ua)
        ? "Firefox"
        : /Chrom(e|ium)\//.test(ua)
          ? "Chrome"
          : /Safari\//.test(ua)
            ? "Safari"
            : null;
  const system = /Windows/.test(ua)
    ? "Windows"
    : /iPhone|iPad/.test(ua)
      ? "iOS"
      : /Mac OS X|Macintosh/.test(ua)
        ? "macOS"
        : /Android/.test(ua)
          ? "Android"
          : /Linux/.test(ua)
            ? "Linux"
            : null;
  if (!browser && !system) return "Unknown browser";
  return [browser ?? "A browser", system && `on ${system}`].filter(Boolean).join(" ");
}
