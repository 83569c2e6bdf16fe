// "As of a date": any view can be shown as it stood at the end of a past day (UTC), rebuilt from the
// version history. Dates travel in the URL as YYYY-MM-DD.
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
