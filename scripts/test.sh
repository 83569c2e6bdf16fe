#!/usr/bin/env bash
# `npm test`: everything CI checks, in order of speed. Installs Debian's Chromium when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "== Installing Chromium for the browser tests (apt-get)"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi

echo "== Prisma client";     npm run --silent db:generate >/dev/null

# Lint and type check run side by side (each keeps one of the two cores busy) and print their own output.
echo "== Lint and type check"
npm run --silent lint & lint_pid=$!
npm run --silent typecheck & typecheck_pid=$!
lint_ok=0; typecheck_ok=0
wait "$lint_pid" || lint_ok=1
wait "$typecheck_pid" || typecheck_ok=1
[ "$lint_ok" -eq 0 ] && [ "$typecheck_ok" -eq 0 ] || exit 1

# The production build runs in the background while Vitest runs (the integration files run one after
# another and leave a core free); tsc has just checked its types (and before any .next/types exist), so
# the build skips that pass.
build_log="$(mktemp)"
SKIP_BUILD_TYPECHECK=1 npx next build >"$build_log" 2>&1 &
build_pid=$!
echo "== Unit and integration tests (Vitest, real PostgreSQL); production build in the background"
npx vitest run || { kill "$build_pid" 2>/dev/null || true; exit 1; }
echo "== Production build"
wait "$build_pid" || { cat "$build_log"; exit 1; }
# What the build was made from: the first-run journey's `npm start` then serves it as it is.
npx tsx scripts/write-build-stamp.ts
# The journeys run in lanes side by side (e2e/support/lanes.ts), each a Playwright run with its own server
# and throwaway database; each lane prints its lines prefixed with its number, then its own summary.
lanes="${E2E_LANES:-2}"
echo "== Browser tests (Playwright, Chromium), in $lanes lanes"
pids=()
for ((lane = 0; lane < lanes; lane++)); do
  E2E_LANES="$lanes" E2E_LANE="$lane" npx playwright test "$@" > >(sed -u "s/^/[lane $lane] /") 2>&1 &
  pids+=("$!")
done
failed=0
for ((lane = 0; lane < lanes; lane++)); do
  if ! wait "${pids[$lane]}"; then
    echo "== Browser tests: lane $lane failed (its summary and report: playwright-report/lane-$lane)"
    failed=1
  fi
done
wait
[ "$failed" -eq 0 ] && echo "== Browser tests: every lane passed"
exit "$failed"
