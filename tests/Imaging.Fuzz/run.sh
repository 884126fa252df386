#!/usr/bin/env bash
# Fuzzes the DICOM reader. Usage (README.md has more):
#   tests/Imaging.Fuzz/run.sh [seconds] [afl|mutate]
# Installs what it needs (Debian afl++, the sharpfuzz dotnet tool), builds the harness, instruments
# Imaging.Dicom.dll, seeds the corpus from pydicom's test files, fuzzes for [seconds] (default 600) on one core,
# then replays every crash/hang and prints the distinct failures. Engine: afl (default; AFL++ with SharpFuzz) or
# mutate (the harness's own coverage-guided mutation fuzzer; also the fallback when afl++ cannot be installed).
# Environment: FUZZ_WORK (default /tmp/imaging-fuzz) holds the build, corpus and findings; FUZZ_SEED (mutate, default 1);
# FUZZ_KEEP=1 continues from the last run's queue instead of starting over (old crashes are replayed at the end).
set -euo pipefail

# The body is one function, so bash parses all of it before running: editing this file during a run is safe.
main() {
  local seconds=${1:-600}
  engine=${2:-${FUZZ_ENGINE:-afl}}
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  work=${FUZZ_WORK:-/tmp/imaging-fuzz}
  export IMAGING_ARTIFACTS=$work/artifacts
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  mkdir -p "$work"
  log() { echo "run.sh: $*" >&2; }

  # 1. Tools.
  if [ "$engine" = afl ] && ! command -v afl-fuzz >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq || true
      if apt-cache policy afl++ 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        apt-get install -y --no-install-recommends afl++ >/dev/null || true
      fi
    fi
    if ! command -v afl-fuzz >/dev/null; then
      log "afl++ is not installable here; using the built-in mutation engine instead"
      engine=mutate
    fi
  fi
  sharpfuzz=$work/tools/sharpfuzz
  if [ ! -x "$sharpfuzz" ]; then
    dotnet tool install --tool-path "$work/tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null
  fi

  # 2. Build (Release), then 3. instrument a fresh copy so the build output stays clean.
  log "building"
  dotnet build "$here/Imaging.Fuzz.csproj" -c Release -m:1 -nologo -v:q -clp:ErrorsOnly
  rm -rf "$work/bin"
  cp -r "$IMAGING_ARTIFACTS/bin/Imaging.Fuzz/release" "$work/bin"
  "$sharpfuzz" "$work/bin/Imaging.Dicom.dll"
  harness=(dotnet "$work/bin/Imaging.Fuzz.dll")

  # 4. Corpus and dictionary.
  rm -rf "$work/corpus"
  "$here/seed-corpus.sh" "$work/corpus"
  "${harness[@]}" dict "$work/dicom.dict"

  # 5. Fuzz on one core.
  start=$(date +%s)
  case "$engine" in
    afl)
      out=$work/findings
      input=$work/corpus
      if [ "${FUZZ_KEEP:-0}" = 1 ] && [ -d "$out/default/queue" ]; then
        input=-   # resume the last run's queue (afl-fuzz recalibrates it against the new build)
      else
        rm -rf "$out"
      fi
      export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
      export AFL_SKIP_CRASHES=1 AFL_NO_UI=1 AFL_FAST_CAL=1
      # In-process (persistent) SharpFuzz mode is fast but a hang or stack overflow ends afl-fuzz: keep the input
      # that did it (.cur_input) under aborts/, then resume for the time that is left.
      while :; do
        left=$(( seconds - ($(date +%s) - start) ))
        [ "$left" -gt 5 ] || break
        set +e
        afl-fuzz -i "$input" -o "$out" -t 10000 -m none -x "$work/dicom.dict" -V "$left" -- "${harness[@]}" afl >"$work/afl.log" 2>&1
        rc=$?
        set -e
        left=$(( seconds - ($(date +%s) - start) ))
        [ "$left" -gt 5 ] || break
        if [ -f "$out/default/.cur_input" ]; then
          mkdir -p "$out/aborts"
          cp "$out/default/.cur_input" "$out/aborts/abort-$(date +%s).dcm"
        fi
        log "afl-fuzz stopped early (exit $rc, see $work/afl.log); input saved under $out/aborts; resuming"
        [ -d "$out/default/queue" ] && input=- || { tail -20 "$work/afl.log" >&2; exit 1; }
      done
      stats=$out/default/fuzzer_stats
      if [ -f "$stats" ]; then
        grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|bitmap_cvg|saved_crashes|saved_hangs|unique_crashes|unique_hangs) ' "$stats" >&2 || true
      fi
      findings=("$out"/default/crashes* "$out"/default/hangs*)   # crashes.<date> are kept by a resumed run
      [ -d "$out/aborts" ] && findings+=("$out/aborts")
      ;;
    mutate)
      out=$work/mutate
      seeds=("$work/corpus")
      if [ "${FUZZ_KEEP:-0}" = 1 ] && [ -d "$out/queue" ]; then
        mv "$out/queue" "$work/mutate-queue.$$" && rm -rf "$out" && mkdir -p "$out" && mv "$work/mutate-queue.$$" "$out/previous-queue"
        seeds+=("$out/previous-queue")
      else
        rm -rf "$out"
      fi
      set +e
      "${harness[@]}" mutate --seconds "$seconds" --seed "${FUZZ_SEED:-1}" --out "$out" "${seeds[@]}"
      rc=$?
      set -e
      # 0: nothing found, 1: crashes saved, 3: a hang saved; anything else is the harness failing.
      case $rc in 0|1|3) ;; *) log "the mutation engine failed (exit $rc)"; exit "$rc" ;; esac
      findings=("$out/crashes" "$out/hangs")
      ;;
    *)
      log "unknown engine '$engine' (afl or mutate)"; exit 2 ;;
  esac

  # 6. Replay every finding and print the distinct failures (exit 1 when there are any).
  existing=()
  for d in "${findings[@]}"; do [ -d "$d" ] && existing+=("$d"); done
  log "fuzzed for $(( $(date +%s) - start )) s with $engine; findings in $out"
  [ "${#existing[@]}" -gt 0 ] || { log "no findings"; exit 0; }
  "${harness[@]}" repro "${existing[@]}"
}

main "$@"
