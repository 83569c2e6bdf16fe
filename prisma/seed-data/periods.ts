// The ten published joint progress reports (../shared/DOMAIN.md) as closed periods, and one open period
// whose dates are set relative to the day the demo is seeded, so that its due date is always ahead.
// Where a publication day is not public, the 15th of the month is assumed.

export type SeedPeriod = {
  id: string;
  number: number;
  name: string;
  startsOn: string; // YYYY-MM-DD, UTC
  cutOffOn: string;
  dueOn: string;
  state: "CLOSED" | "OPEN";
};

const published: Omit<SeedPeriod, "id" | "name" | "state">[] = [
  { number: 1, startsOn: "2016-12-06", cutOffOn: "2017-05-31", dueOn: "2017-06-15" },
  { number: 2, startsOn: "2017-06-01", cutOffOn: "2017-11-30", dueOn: "2017-12-15" },
  { number: 3, startsOn: "2018-01-01", cutOffOn: "2018-05-25", dueOn: "2018-06-08" },
  { number: 4, startsOn: "2018-06-01", cutOffOn: "2019-05-31", dueOn: "2019-06-15" },
  { number: 5, startsOn: "2019-06-01", cutOffOn: "2020-05-31", dueOn: "2020-06-16" },
  { number: 6, startsOn: "2020-06-01", cutOffOn: "2021-05-20", dueOn: "2021-06-03" },
  { number: 7, startsOn: "2021-06-01", cutOffOn: "2022-05-31", dueOn: "2022-06-15" },
  { number: 8, startsOn: "2022-06-01", cutOffOn: "2023-05-31", dueOn: "2023-06-16" },
  { number: 9, startsOn: "2023-06-01", cutOffOn: "2024-05-31", dueOn: "2024-06-15" },
  { number: 10, startsOn: "2024-06-01", cutOffOn: "2025-05-31", dueOn: "2025-06-15" },
];

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}

export function periodId(number: number): string {
  return `report-${String(number).padStart(2, "0")}`;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `now` fixes the open period: due 8 weeks ahead, cut-off 3 weeks before the due date. */
export function seedPeriods(now: Date): SeedPeriod[] {
  const day = 24 * 3600 * 1000;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const due = new Date(today + 56 * day);
  const cutOff = new Date(due.getTime() - 21 * day);
  const closed = published.map((p) => ({ ...p, id: periodId(p.number), name: `${ordinal(p.number)} progress report`, state: "CLOSED" as const }));
  return [
    ...closed,
    {
      id: periodId(11),
      number: 11,
      name: "11th progress report",
      startsOn: "2025-06-01",
      cutOffOn: isoDate(cutOff),
      dueOn: isoDate(due),
      state: "OPEN",
    },
  ];
}
