// "As of a date": any view can be shown as it stood at the end of a past day (UTC), rebuilt from the
// version history. Dates travel in the URL as YYYY-MM-DD. The day is a UTC day for every reader, whatever
// their time zone: like the reporting calendar (a cut-off day ends at midnight UTC), and so a shared link
// shows the same numbers to everyone. Notices say so, and give that moment on the reader's clock.
import { formatDate, formatDateTime } from "./format";
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 3600 * 1000;

/** The calendar day (UTC) a YYYY-MM-DD string names, or null when it is not a real date. */
export function parseDay(value: string): Date | null {
  const match = ISO_DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Why an as-of date cannot be used, or null when it can: a real day, not after today (UTC). */
export function asOfProblem(value: string, now: Date): string | null {
  const day = parseDay(value);
  if (!day) return "Enter a date as YYYY-MM-DD.";
  if (day.getTime() > Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())) return "The date cannot be in the future.";
  if (day.getUTCFullYear() < 2016) return "The date cannot be before 2016, when the first proposals were agreed.";
  return null;
}

/** The instant a view "as of" the day shows: everything recorded before the end of that day (UTC). */
export function endOfAsOfDay(asOf: string): Date {
  const day = parseDay(asOf);
  if (!day) throw new Error(`Not a date: ${asOf}`);
  return new Date(day.getTime() + DAY_MS);
}

/**
 * The moment an as-of view shows, in words for its notice: "the end of 3 Dec 2026 UTC (4 Dec 2026, 01:00 CET
 * your time)", or "the end of 3 Dec 2026 UTC" for a reader who reads times in UTC.
 */
export function describeAsOfEnd(asOf: string, timeZone: string): string {
  const end = endOfAsOfDay(asOf);
  const day = `the end of ${formatDate(parseDay(asOf)!)} UTC`;
  return timeZone === "UTC" ? day : `${day} (${formatDateTime(end, timeZone)} your time)`;
}
