#!/usr/bin/env bash
# Writes datasets/NAME.xlsx, the workbook form of every sample folder in
# datasets/, with `tablemap convert`, so that a lead who keeps everything in
# Excel can open a sample as one file. Run it after changing a sample:
#
#   bash scripts/make-sample-workbooks.sh [build/app/tablemap]          # writes
#   bash scripts/make-sample-workbooks.sh --check [build/app/tablemap]  # fails if one would change
#
# The workbooks are reproducible: the same folder gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
tablemap="${1:-build/app/tablemap}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

status=0
for folder in datasets/*/; do
  name="$(basename "$folder")"
  [ -f "$folder/community.json" ] || continue
  "$tablemap" convert "$folder" "$scratch/$name.xlsx" > /dev/null
  if [ $check -eq 1 ]; then
    if ! cmp -s "$scratch/$name.xlsx" "datasets/$name.xlsx"; then
      echo "datasets/$name.xlsx is out of date: run bash scripts/make-sample-workbooks.sh" >&2
      status=1
    fi
  else
    cp "$scratch/$name.xlsx" "datasets/$name.xlsx"
    echo "wrote datasets/$name.xlsx"
  fi
done
exit $status
