#!/usr/bin/env bash
# The main job on the embedded default: generate a synthetic study, then summarise it with `imaging collection`.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-./sample-study}
scripts/imaging sample "$out"
scripts/imaging collection "$out"
