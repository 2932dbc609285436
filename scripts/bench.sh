#!/usr/bin/env bash
# `make bench`: runs every benchmark of a Release build; each prints tablemap's
# figures next to the reference tool's from the same run.
set -uo pipefail
dir="$1"
status=0
for b in "$dir"/bench/bench_*; do
  [ -x "$b" ] || continue
  echo "================================ $(basename "$b")"
  "$b" || status=1
  echo
done
exit $status
