#!/usr/bin/env bash
# Runs every test of the product: the .NET solution (engine, funnels, API on real Kestrel + SQLite)
# and, when the browser app is present, its unit tests. Prints one closing line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
export NO_COLOR=1 FORCE_COLOR=0

log=$(mktemp)
status=0

dotnet test Crm.sln -c Release 2>&1 | tee "$log" || status=1

# The browser app: its unit tests, then its production build, which the end-to-end tests are served.
(cd designer && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm test -- --reporter=dot && npm run build) 2>&1 | tee -a "$log" || status=1

# End to end: the Release API (built by dotnet test above) on a loopback port, driven in Debian's Chromium.
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "The end-to-end tests need Chromium: apt-get install -y chromium (or set CHROMIUM)." | tee -a "$log"
  echo "Failed: 1" >> "$log"
  status=1
else
  (cd tests/e2e && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm test) 2>&1 | tee -a "$log" || status=1
fi

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
vitest_passed=$(grep -Eo 'Tests +[0-9]+ passed' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
vitest_failed=$(grep -Eo 'Tests +[0-9]+ failed' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
node_passed=$(grep -E '^# pass [0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
node_failed=$(grep -E '^# fail [0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
passed=$(( passed + vitest_passed + node_passed ))
failed=$(( failed + vitest_failed + node_failed ))
rm -f "$log"
[ "$failed" -gt 0 ] && status=1
echo "${passed} passed, ${failed} failed"
exit $status
