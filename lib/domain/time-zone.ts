// The time zone a person reads times in. Instants are stored in UTC and converted only for display;
// the reporting calendar (period start, cut-off, due dates) is made of calendar dates and never is.

/** Where the users work; a person without a choice of their own (User.timeZone null) reads times here. */
export const DEFAULT_TIME_ZONE = "Europe/Brussels";

let supported: readonly string[] | undefined;

/**
 * The IANA zones a person may choose: those this runtime's Intl knows, plus "UTC" (which V8 leaves
 * out of `Intl.supportedValuesOf` although every formatter accepts it). Sorted, computed once.
 */
export function supportedTimeZones(): readonly string[] {
  supported ??= [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
  return supported;
}

export function isSupportedTimeZone(value: string): boolean {
  return supportedTimeZones().includes(value);
}

/**
 * The zone to format with for a stored choice: the choice when this runtime still knows it, else the
 * default (null, or a name a newer or older time zone database does not have).
 */
export function resolveTimeZone(stored: string | null | undefined): string {
  if (!stored) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: stored });
    return stored;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

export type TimeZoneGroup = { region: string; zones: { value: string; label: string }[] };

/** The choices of the account page's select, grouped by region ("Europe", "America", …; "UTC" and Etc/* last). */
export function timeZoneGroups(): TimeZoneGroup[] {
  const groups = new Map<string, TimeZoneGroup>();
  for (const zone of supportedTimeZones()) {
    const slash = zone.indexOf("/");
    const region = slash > 0 && !zone.startsWith("Etc/") ? zone.slice(0, slash) : "Other";
    const group = groups.get(region) ?? { region, zones: [] };
    group.zones.push({ value: zone, label: zone.replaceAll("_", " ") });
    groups.set(region, group);
  }
  return [...groups.values()].sort((a, b) => (a.region === "Other" ? 1 : b.region === "Other" ? -1 : a.region.localeCompare(b.region)));
}
