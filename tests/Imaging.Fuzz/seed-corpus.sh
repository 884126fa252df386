#!/usr/bin/env bash
# Copies every file of pydicom's test data (Debian python3-pydicom) into a corpus folder for the fuzzers.
# Usage: tests/Imaging.Fuzz/seed-corpus.sh OUT_DIR
# The corpus is never committed (DESIGN.md: no binaries in the repo); it is rebuilt from the package each run.
set -euo pipefail
out=${1:?usage: seed-corpus.sh OUT_DIR}
data=/usr/lib/python3/dist-packages/pydicom/data
if [ ! -d "$data/test_files" ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y --no-install-recommends python3-pydicom >/dev/null
  else
    echo "seed-corpus.sh: $data is missing; install python3-pydicom" >&2; exit 1
  fi
fi
mkdir -p "$out"
n=0
while IFS= read -r -d '' f; do
  rel=${f#"$data"/}
  cp "$f" "$out/${rel//\//_}"
  n=$((n + 1))
done < <(find "$data/test_files" "$data/charset_files" -type f -size +0 -print0)
echo "seed-corpus.sh: $n files in $out"
