#!/usr/bin/env bash
# `make run`: the map on a display, else the analysis as text.
set -euo pipefail
bin="$1"; sample="$2"
if [ -n "${DISPLAY:-}" ] && "$bin" --help 2>/dev/null | grep -qE '^\s+map\b'; then
  exec "$bin" map "$sample"
fi
echo "(no display: printing the analysis of $sample; on a desktop, make run opens the map)"
echo
for cmd in summary gaps roles metrics; do
  if "$bin" --help 2>/dev/null | grep -qE "^\s+$cmd\b"; then
    echo "================================ tablemap $cmd $sample"
    "$bin" "$cmd" "$sample"
    echo
  fi
done
