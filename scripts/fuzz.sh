#!/usr/bin/env bash
# make fuzz: runs each libFuzzer target of fuzz/ for SECONDS, one after the
# other, niced, from seeds made of datasets/ and tests/data/ plus the
# regression inputs of fuzz/regressions. Fails on the first crash or leak
# (libFuzzer then leaves crash-* or leak-* in the build folder).
# Usage: scripts/fuzz.sh BUILD_DIR SECONDS
set -euo pipefail
build=$(cd "$1" && pwd)  # absolute: each target runs from inside it
seconds=$2
here=$(cd "$(dirname "$0")/.." && pwd)
seeds=$build/fuzz-seeds
rm -rf "$seeds"
"$build/fuzz/fuzz_make_seeds" "$seeds" "$here"/datasets/* "$here"/tests/data/viz/*
for target in csv bundle profile json_form project workbook; do
  corpus=$build/fuzz-corpus/$target  # what libFuzzer found worth keeping, across runs
  mkdir -p "$corpus"
  echo "== fuzz_$target for $seconds s"
  (cd "$build" && nice -n 19 "./fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
     -rss_limit_mb=2048 -print_final_stats=1 "$corpus" "$seeds/$target" "$here/fuzz/regressions/$target" \
     2>"fuzz-$target.log") || { tail -60 "$build/fuzz-$target.log"; exit 1; }
  grep -E "^#[0-9]+ *DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz-$target.log" || true
done
