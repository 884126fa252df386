#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone (with ../shared beside it): installs the test oracles,
# builds, runs every test project, and prints one line "N passed, N failed[, N skipped]".
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results=$(mktemp -d)
dotnet build Platform.sln -c Release -m:2 -nologo -clp:ErrorsOnly
set +e
dotnet test Platform.sln -c Release --no-build -m:2 -nologo --logger trx --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=false
rc=$?
set -e
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files+1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  total=$(get total); executed=$(get executed)
  skipped=$((skipped + total - executed))
done
if [ "$files" -eq 0 ]; then echo "test: no test results were produced" >&2; failed=$((failed+1)); fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$rc" -eq 0 ] && [ "$failed" -eq 0 ]
