// Display formats, in an unambiguous day-month-year form that reads the same to NATO and EU staff.
// Two kinds of date, never mixed:
// - calendar dates (a period's start, cut-off and due dates, the day of an "as of" view) are stored as
//   00:00 UTC of the day and shown as that day whatever the reader's zone: formatDate;
// - instants (when something was saved, approved, published, signed off) are stored in UTC and shown in
//   the reader's IANA time zone: formatDateTime (with the zone's abbreviation) or formatDay (the day alone).
// Pure and deterministic: the same instant and zone give the same text on the server and in the browser.
const DATE = { day: "numeric", month: "short", year: "numeric" } as const;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: "day" | "dateTime", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      kind === "day" ? { ...DATE, timeZone } : { ...DATE, hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone, timeZoneName: "short" };
    format = new Intl.DateTimeFormat("en-GB", options);
    formats.set(key, format);
  }
  return format;
}

/** A calendar date (00:00 UTC of the day), e.g. "22 Jan 2027": never shifted by a time zone. */
export function formatDate(date: Date): string {
  return formatter("day", "UTC").format(date);
}

/** The day an instant fell on in `timeZone`, e.g. "3 Dec 2026" for 23:30 UTC on 2 Dec in Brussels. */
export function formatDay(instant: Date, timeZone: string): string {
  return formatter("day", timeZone).format(instant);
}

/** An instant in `timeZone` with the zone's abbreviation, e.g. "2 Dec 2026, 14:05 CET". */
export function formatDateTime(instant: Date, timeZone: string): string {
  return formatter("dateTime", timeZone).format(instant);
}

const DAY_MS = 24 * 3600 * 1000;

/** Whole calendar days (UTC) from `now` to `date`; negative when the date has passed. */
export function daysUntil(date: Date, now: Date): number {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return Math.round((end - start) / DAY_MS);
}

export function describeDaysLeft(days: number): string {
  if (days > 1) return `${days} days left`;
  if (days === 1) return "1 day left";
  if (days === 0) return "due today";
  return days === -1 ? "1 day overdue" : `${-days} days overdue`;
}
