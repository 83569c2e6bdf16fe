// Preloaded into the Prisma CLI (scripts/lib/migrate.ts, runPrisma). The bundled WASM schema engine
// leaves a 10-second timer behind after every command, so each `prisma migrate …` run sat idle for
// 10 s after its work was done. Long timers are unref'd: they still fire if the process is alive for
// another reason (a query in flight holds its socket), but no longer keep a finished CLI running.
const setTimeoutOriginal = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = setTimeoutOriginal.call(this, callback, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
