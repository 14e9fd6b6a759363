#!/usr/bin/env bash
# Regenerates tests/golden/NAME.txt (frame dumps of every sample in content/)
# on purpose, after a change of layout that is meant. Review `git diff
# tests/golden` before committing. Usage: tools/update-golden.sh [FOLIO]
set -euo pipefail
cd "$(dirname "$0")/.."
FOLIO=${1:-build/folio}
unset SOURCE_DATE_EPOCH
mkdir -p tests/golden
rm -f tests/golden/*.txt
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for src in content/*.yaml; do
  name=$(basename "$src" .yaml)
  "$FOLIO" render "$src" -o "$tmp" --format frames -q
  # Built-in layouts and their images are found by absolute path: keep the
  # files independent of where the repository is checked out.
  sed "s|$(pwd)/||g" "$tmp" >"tests/golden/$name.txt"
done
echo "wrote $(ls tests/golden/*.txt | wc -l) golden files; review: git diff --stat tests/golden"
