// A reporting period as pages and components read it (lib/data/periods.ts loads it).
import type { PeriodState } from "./vocabulary";

export type PeriodSummary = {
  id: string;
  number: number;
  name: string;
  /** UTC calendar dates. */
  startsOn: Date;
  cutOffOn: Date;
  dueOn: Date;
  state: PeriodState;
  lockedAt: Date | null;
  version: number;
};
