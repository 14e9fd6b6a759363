#!/usr/bin/env bash
# Golden frame dumps: every sample in content/ lays out exactly as recorded
# in tests/golden/NAME.txt (frame::dump: every glyph, rule and image with its
# position, and the structure element it belongs to). A change of layout
# shows here as a diff; when it is intended, regenerate the files with
# `make golden` (tools/update-golden.sh) and review the diff in the commit.
source "$(dirname "$0")/lib.sh"
unset SOURCE_DATE_EPOCH

for src in content/*.yaml; do
  name=$(basename "$src" .yaml)
  golden=tests/golden/$name.txt
  out=$TMP/$name.txt
  if ! "$FOLIO" render "$src" -o "$TMP/raw.txt" --format frames -q >"$TMP/$name.log" 2>&1; then
    fail "$name: renders to frames"; sed 's/^/     /' "$TMP/$name.log" | head; continue
  fi
  sed "s|$(pwd)/||g" "$TMP/raw.txt" >"$out"  # as tools/update-golden.sh writes them
  if [ ! -f "$golden" ]; then fail "$name: no golden file $golden (run make golden)"; continue; fi
  check "$name: frames equal $golden" diff -u "$golden" "$out"
done
# Every golden file belongs to a sample (a removed sample takes its file along).
for golden in tests/golden/*.txt; do
  name=$(basename "$golden" .txt)
  check "$name.txt: has a sample" test -f "content/$name.yaml"
done
# The comparison can fail: one changed number is a difference.
first=$(ls tests/golden/*.txt | head -1)
sed '0,/ at (/s/ at (\([0-9]\)/ at (9\1/' "$first" >"$TMP/changed.txt"
check "a changed position is seen" bash -c "! diff -q '$first' '$TMP/changed.txt' >/dev/null"
finish
