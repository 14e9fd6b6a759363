#!/usr/bin/env bash
# A long document's structure tree, written one element at a time by the
# object writer (src/pdf/ObjectWriter.h), is complete and consistent: the
# generated 100-page benchmark document (about 2,400 elements, 2,300 MCIDs,
# 640 link annotations, MCRs across pages) read back with pikepdf
# (struct_complete.py) and qpdf's JSON (struct_tree.py); the same bytes
# for -j 1 and -j 2 (streams compressed on helper threads keep their place).
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3  # Debian's python3-pikepdf

$PY bench/generate.py "$TMP/gen" --sizes 100 --letters 0 --no-peers >/dev/null 2>&1
doc="$TMP/gen/folio/doc-100.yaml"
check "the generator wrote doc-100" test -s "$doc"
SOURCE_DATE_EPOCH=0 "$FOLIO" render "$doc" -o "$TMP/j1.pdf" -q -j 1
SOURCE_DATE_EPOCH=0 "$FOLIO" render "$doc" -o "$TMP/j2.pdf" -q -j 2
check "qpdf --check is clean" qpdf_clean "$TMP/j1.pdf"
check "-j 1 and -j 2 give the same bytes" cmp "$TMP/j1.pdf" "$TMP/j2.pdf"
check "every element reached once, every MCID and link claimed, ParentTree exact" \
  $PY tests/e2e/struct_complete.py "$TMP/j1.pdf" 2000
check "struct_tree.py: marked content and ParentTree agree" $PY tests/e2e/struct_tree.py "$TMP/j1.pdf"
# The whole-document path (PDF/A and PDF/X, print sheets, --combine: all
# pages laid out first) goes through the same writer.
SOURCE_DATE_EPOCH=0 "$FOLIO" render "$doc" -o "$TMP/a.pdf" -q --standard pdf/a-2b
check "pdf/a-2b: qpdf --check is clean" qpdf_clean "$TMP/a.pdf"
check "pdf/a-2b: structure complete" $PY tests/e2e/struct_complete.py "$TMP/a.pdf" 2000

# A mistake in the last block of a long document is still reported before
# anything is written (blocks are released as pages are made, after every
# check): FILE:LINE:COL, exit 1, no output file, at -j 1 and -j 2.
bad="$TMP/gen/folio/doc-100-bad.yaml"
cp "$doc" "$bad"
last=$(( $(wc -l < "$bad") + 1 ))
printf '  - paragraph: "The last word, see [the missing part](#no-such-part)."\n    style: bodytxet\n' >> "$bad"
for j in 1 2; do
  rm -f "$TMP/bad.pdf"
  SOURCE_DATE_EPOCH=0 "$FOLIO" render "$bad" -o "$TMP/bad.pdf" -q -j $j 2> "$TMP/bad.err"
  status=$?
  check "-j $j: a mistake in the last block fails the run (exit 1)" test "$status" -eq 1
  check "-j $j: no partial file" test ! -e "$TMP/bad.pdf"
  check "-j $j: the unknown style is reported at its FILE:LINE:COL" \
    grep -q "doc-100-bad.yaml:$((last + 1)):[0-9]*: .*unknown style 'bodytxet'" "$TMP/bad.err"
  check "-j $j: the broken link is reported at its FILE:LINE" \
    grep -q "doc-100-bad.yaml:$last:[0-9]*: .*no-such-part" "$TMP/bad.err"
done
finish
