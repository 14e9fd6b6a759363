#!/usr/bin/env bash
# Copy and paste in five readers (poppler, MuPDF, PDFium, pdf.js, pdfminer):
# renders the Arabic, Hebrew and mixed-script samples, extracts their text
# with each reader (tests/e2e/copypaste/readers.sh), counts the paragraphs
# that come back exactly as written (measure.py) and checks them against the
# peers' committed counts (copypaste/peers.json: Typst 0.14 and XeLaTeX on
# the same text), plus no (cid:N), no characters that are not in the source,
# and the mixed sample's CJK back from every reader (check_copypaste.py);
# the last three for every other sample too.
# The npm modules (pdf.js, PDFium) are installed on first use into a cache
# beside the folio binary (build/copypaste-node).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/copypaste/readers.sh"
SAMPLES="release-ar release-he release-mixed"

command -v node >/dev/null && command -v npm >/dev/null || { fail "node and npm (tools/setup.sh installs them)"; finish; exit; }
"$CP_PY" -c 'import pdfminer, yaml' 2>/dev/null || { fail "python3-pdfminer (tools/setup.sh installs it)"; finish; exit; }
if cp_node_modules "$(cd "$(dirname "$FOLIO")" && pwd)/copypaste-node"; then
  pass "pdf.js and PDFium npm modules ready"
else
  fail "npm ci of tests/e2e/copypaste/package-lock.json"
  finish
  exit
fi

for n in $SAMPLES; do
  layout=$(awk '/^layout:/ {print $2; exit}' "content/$n.yaml")
  for l in "content/layouts/$layout.yaml" "layouts/$layout.yaml"; do
    [ -f "$l" ] && { printf '%s\n%s\n' "content/$n.yaml" "$l" >"$TMP/$n.sources"; break; }
  done
  "$CP_PY" tests/e2e/copypaste/paras.py "content/$n.yaml" >"$TMP/$n.paras.json"
  check "$n renders" "$FOLIO" render "content/$n.yaml" -o "$TMP/$n.pdf" -q
  cp_extract "$TMP/$n.pdf" "$TMP/$n"
  for r in $CP_READERS; do
    [ -s "$TMP/$n.$r.txt" ] || fail "$n: $r returned no text"
  done
  cp_measure "$TMP/$n.pdf" "$TMP/$n" "$TMP/$n.paras.json" "$n.folio" | sed 's/^/     /'
done

# Every other sample: no (cid:N), no character in no source, CJK back (no
# paragraph counts: the peers set only the Arabic and Hebrew samples). The
# template's words in every language (src/style/Words.cpp) are sources too.
OTHERS=$(cd content && ls *.yaml | sed 's/\.yaml$//' | grep -vxF "$(printf '%s\n' $SAMPLES)")
for n in $OTHERS; do
  layout=$(awk '/^layout:/ {print $2; exit}' "content/$n.yaml")
  printf '%s\n' "content/$n.yaml" >"$TMP/$n.sources"
  for l in "content/layouts/$layout.yaml" "layouts/$layout.yaml"; do
    [ -f "$l" ] && { printf '%s\n' "$l" >>"$TMP/$n.sources"; break; }
  done
  printf '%s\n' src/style/Words.cpp >>"$TMP/$n.sources"
  check "$n renders" "$FOLIO" render "content/$n.yaml" -o "$TMP/$n.pdf" -q
  cp_extract "$TMP/$n.pdf" "$TMP/$n"
done

"$CP_PY" tests/e2e/copypaste/check_copypaste.py "$TMP" $SAMPLES $OTHERS >"$TMP/checks.out"
cat "$TMP/checks.out"
PASSES=$((PASSES + $(grep -c '^ok' "$TMP/checks.out")))
FAILS=$((FAILS + $(grep -c '^FAIL' "$TMP/checks.out")))
finish
