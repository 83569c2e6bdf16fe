// Races a change of a period's state against writes in flight: workers call a write in a loop; once
// they are under way the change is made; the moment it returns, the period's rows are read; the workers
// go on until each has made `tailCalls` calls that began after the change returned, then stop, and the
// rows are read again. Waits are for calls to end, never for time.
//
// While the change is under way each worker may begin at most `budget` more calls, then waits for the
// change to return. The race tests give a budget far above what a round makes, so writers never pause:
// the change must still get through (a row lock alone would let them starve it; the table lock of
// freezePeriodWrites queues them behind it, see the test "a save that begins while the lock waits").

/** One worker: its next call (which does its own bookkeeping on success), or null when it has no more. */
export type RaceWorker = { kind: string; next: () => (() => Promise<unknown>) | null };

/** `error` is undefined for a call that succeeded. Times in ms (performance.now()). */
export type RaceCall = { worker: number; kind: string; startedAt: number; endedAt: number; error: unknown };

export type RaceResult<S> = {
  calls: RaceCall[];
  changeStartedAt: number;
  changedAt: number;
  /** Read as soon as the change returned. */
  atChange: S;
  /** Read once every call has ended. */
  settled: S;
};

export type RaceOptions<S> = {
  workers: RaceWorker[];
  change: () => Promise<unknown>;
  read: () => Promise<S>;
  /** Calls (all workers together) that end before the change begins. */
  leadCalls: number;
  budget: number;
  tailCalls: number;
};

export async function raceChange<S>({ workers, change, read, leadCalls, budget, tailCalls }: RaceOptions<S>): Promise<RaceResult<S>> {
  const calls: RaceCall[] = [];
  const finished = new Set<number>();
  const startedDuringChange = workers.map(() => 0);
  let stopped = false;
  let changing = false;
  let changeEnded = () => {};
  const changeOver = new Promise<void>((resolve) => (changeEnded = resolve));
  let waiters: (() => void)[] = [];
  const progressed = () => {
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((resolve) => waiters.push(resolve));
  };

  const loops = workers.map(async ({ kind, next }, worker) => {
    for (let call = next(); call && !stopped; call = next()) {
      if (changing && startedDuringChange[worker]! >= budget) await changeOver;
      if (stopped) break;
      if (changing) startedDuringChange[worker]!++;
      const startedAt = performance.now();
      const error = await call().then(
        () => undefined,
        (e: unknown) => e ?? new Error("rejected without a reason"),
      );
      calls.push({ worker, kind, startedAt, endedAt: performance.now(), error });
      progressed();
    }
    finished.add(worker);
    progressed();
  });

  try {
    await until(() => calls.length >= leadCalls || finished.size === workers.length);
    changing = true;
    const changeStartedAt = performance.now();
    await change();
    const changedAt = performance.now();
    changing = false;
    changeEnded();
    const atChange = await read();
    const callsAfter = (worker: number) => calls.filter((c) => c.worker === worker && c.startedAt >= changedAt).length;
    await until(() => workers.every((_, worker) => finished.has(worker) || callsAfter(worker) >= tailCalls));
    stopped = true;
    await Promise.all(loops);
    return { calls, changeStartedAt, changedAt, atChange, settled: await read() };
  } finally {
    stopped = true;
    changeEnded();
    await Promise.all(loops);
  }
}
