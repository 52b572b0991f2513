#!/usr/bin/env bash
# Runs every test of the product: the .NET solution (engine, funnels, API on real Kestrel + SQLite)
# and, when the browser app is present, its unit tests. Prints one closing line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

log=$(mktemp)
status=0

dotnet test Crm.sln -c Release 2>&1 | tee "$log" || status=1

if [ -f designer/package.json ]; then
  (cd designer && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm test -- --reporter=dot) 2>&1 | tee -a "$log" || status=1
fi

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
vitest_passed=$(grep -Eo 'Tests +[0-9]+ passed' "$log" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
vitest_failed=$(grep -Eo 'Tests +[0-9]+ failed' "$log" | grep -Eo '[0-9]+' | head -1 || true)
passed=$(( ${passed:-0} + ${vitest_passed:-0} ))
failed=$(( ${failed:-0} + ${vitest_failed:-0} ))
rm -f "$log"
[ "$failed" -gt 0 ] && status=1
echo "${passed} passed, ${failed} failed"
exit $status
