#!/usr/bin/env bash
# make fuzz: runs each libFuzzer target of fuzz/ for SECONDS, niced, FUZZ_JOBS
# of them at a time (default 1: one after the other), from seeds made of
# datasets/ and tests/data/ plus the regression inputs of fuzz/regressions.
# Fails when a target crashes or leaks (libFuzzer then leaves crash-* or
# leak-* in the build folder) and prints the end of its log.
# Usage: [FUZZ_JOBS=2] [FUZZ_TARGETS="csv profile"] scripts/fuzz.sh BUILD_DIR SECONDS
set -euo pipefail
build=$(cd "$1" && pwd)  # absolute: each target runs from inside it
seconds=$2
jobs=${FUZZ_JOBS:-1}
here=$(cd "$(dirname "$0")/.." && pwd)
seeds=$build/fuzz-seeds
rm -rf "$seeds" "$build"/fuzz-*.rc
"$build/fuzz/fuzz_make_seeds" "$seeds" "$here"/datasets/* "$here"/tests/data/viz/*

# One target: its log goes to BUILD_DIR/fuzz-TARGET.log, its exit code to .rc.
run_target() {
  local target=$1
  local corpus=$build/fuzz-corpus/$target  # what libFuzzer found worth keeping, across runs
  mkdir -p "$corpus"
  local rc=0
  (cd "$build" && nice -n 19 "./fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
     -rss_limit_mb=2048 -print_final_stats=1 "$corpus" "$seeds/$target" "$here/fuzz/regressions/$target" \
     2>"fuzz-$target.log") || rc=$?
  echo "$rc" > "$build/fuzz-$target.rc"
}

# FUZZ_TARGETS names some of them, e.g. "profile" to run one again after a fix.
read -r -a targets <<< "${FUZZ_TARGETS:-csv bundle profile json_form project workbook}"
running=0
for target in "${targets[@]}"; do
  echo "== fuzz_$target for $seconds s"
  run_target "$target" &
  running=$((running + 1))
  if (( running >= jobs )); then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

failed=0
for target in "${targets[@]}"; do
  echo "== fuzz_$target"
  if [[ "$(cat "$build/fuzz-$target.rc")" != 0 ]]; then
    tail -60 "$build/fuzz-$target.log"
    failed=1
  fi
  grep -E "^#[0-9]+[[:space:]]*DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz-$target.log" || true
done
exit "$failed"
