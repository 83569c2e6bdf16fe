import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import type { PeriodState } from "@/lib/domain/vocabulary";

export type PeriodSummary = {
  id: string;
  number: number;
  name: string;
  /** UTC calendar dates. */
  startsOn: Date;
  cutOffOn: Date;
  dueOn: Date;
  state: PeriodState;
};

const periodSelect = { id: true, number: true, name: true, startsOn: true, cutOffOn: true, dueOn: true, state: true } as const;

/** Newest first. */
export const listPeriods = cache(async (): Promise<PeriodSummary[]> => {
  return getDb().reportingPeriod.findMany({ select: periodSelect, orderBy: { number: "desc" } });
});

/** The period open for updates (at most one), or null. */
export const getOpenPeriod = cache(async (): Promise<PeriodSummary | null> => {
  return getDb().reportingPeriod.findFirst({ where: { state: "OPEN" }, select: periodSelect, orderBy: { number: "desc" } });
});

/**
 * The period a view shows: the requested one if it exists, else the open one, else the latest.
 * Reads the cached list, so a page asking twice costs one query.
 */
export async function resolvePeriod(requestedId: string | undefined): Promise<PeriodSummary | null> {
  const periods = await listPeriods();
  return (
    (requestedId && periods.find((p) => p.id === requestedId)) || periods.find((p) => p.state === "OPEN") || periods[0] || null
  );
}
