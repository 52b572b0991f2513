#!/usr/bin/env bash
# Runs every test of the product: the .NET solution (engine, funnels, API on real Kestrel + SQLite), the API tests
# again on PostgreSQL with the two-node distributed tests (PostgreSQL + Redis on 127.0.0.1),
# and, when the browser app is present, its unit tests. Prints one closing line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
export NO_COLOR=1 FORCE_COLOR=0

log=$(mktemp)
status=0

# The distributed tests need PostgreSQL and Redis: they run in the PostgreSQL pass below.
dotnet test Crm.sln -c Release --filter "FullyQualifiedName!~Crm.Api.Tests.Distributed" 2>&1 | tee "$log" || status=1

# The API tests again on PostgreSQL (a fresh database per test host), with the distributed tests: two nodes on one
# database and one Redis backplane. Defaults are what .ci/run sets up on 127.0.0.1; override with the CRM_TEST_* variables.
export CRM_TEST_POSTGRES="${CRM_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=crm;Password=crm}"
export CRM_TEST_REDIS="${CRM_TEST_REDIS:-127.0.0.1:6379}"
reachable() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if reachable 5432 && reachable 6379; then
  CRM_TEST_DATABASE=postgres CRM_TEST_DISTRIBUTED=1 dotnet test tests/Crm.Api.Tests -c Release --no-build 2>&1 | tee -a "$log" || status=1
elif [ "${CI:-}" = "true" ]; then
  # CI always has both (.ci/run starts them): run the distributed tests anyway, so a missing server fails them loudly.
  CRM_TEST_DATABASE=postgres CRM_TEST_DISTRIBUTED=1 dotnet test tests/Crm.Api.Tests -c Release --no-build \
    --filter "FullyQualifiedName~Crm.Api.Tests.Distributed" 2>&1 | tee -a "$log" || status=1
else
  echo "No PostgreSQL on 127.0.0.1:5432 or no Redis on 127.0.0.1:6379: the PostgreSQL pass and the distributed tests did not run (.ci/run shows how to start both)." | tee -a "$log"
fi

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
# A build error fails a step before any of its tests run: still a failure, never "0 failed".
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "A step failed before its tests could report (a build error?): see above."
  failed=1
fi
echo "${passed} passed, ${failed} failed"
exit $status
