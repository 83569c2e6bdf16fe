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
echo "== Lint";              npm run --silent lint
echo "== Type check";        npm run --silent typecheck
echo "== Unit and integration tests (Vitest, real PostgreSQL)"
npx vitest run
echo "== Production build";  npx next build >/tmp/next-build.log 2>&1 || { cat /tmp/next-build.log; exit 1; }
echo "== Browser tests (Playwright, Chromium)"
npx playwright test
