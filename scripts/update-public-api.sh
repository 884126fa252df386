#!/usr/bin/env bash
# Adds every public symbol that PublicApiAnalyzers reports as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt. Changing the public API is a deliberate act: review the diff and say so
# in the commit message.
#   scripts/update-public-api.sh sdk/Imaging.Dicom/Imaging.Dicom.csproj
set -euo pipefail
proj=${1:?usage: update-public-api.sh PROJECT.csproj}
dir=$(dirname "$proj")
log=$(mktemp)
dotnet build "$proj" -m:2 --no-incremental -p:TreatWarningsAsErrors=false 2>&1 > "$log" || true
# The symbol may itself contain quotes (a default value like "the frame's"): cut at the analyzer's fixed suffix.
grep -o "RS0016: Symbol '.*' is not part of the declared public API" "$log" \
  | sed -E "s/^RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u > "$log.new" || true
n=$(wc -l < "$log.new")
if [ "$n" -gt 0 ]; then
  { cat "$dir/PublicAPI.Unshipped.txt"; cat "$log.new"; } | grep -v '^#nullable' | sort -u > "$log.all"
  { echo '#nullable enable'; cat "$log.all"; } > "$dir/PublicAPI.Unshipped.txt"
fi
echo "$n symbols added to $dir/PublicAPI.Unshipped.txt"
rm -f "$log" "$log.new" "$log.all"
