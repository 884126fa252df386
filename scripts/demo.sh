#!/usr/bin/env bash
# The main job on the embedded default: `imaging demo` generates a synthetic study into a workspace
# (./imaging-workspace unless --workspace says otherwise), summarises it, and runs a plugin pipeline on it.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/imaging demo "$@"
