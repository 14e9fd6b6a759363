#!/usr/bin/env bash
# Loose lines (issue 19, fourth round): "The Board thanks the staff and
# volunteers of Riverside" cannot take "Libraries" (too wide even at the
# spaces' and letters' full shrink) and a capitalised word is not
# hyphenated, so the line must stretch by more than its spaces should. Folio
# gives what would open a word space past 0.44 em to the line's letter gaps
# (Justify.cpp, kLooseSpacePerMille): no word gap in the paragraph is wider
# than 0.45 em (tools/spacing.py, from the PDF), and the text that pdftotext
# extracts is still the written text, word for word. (Since the fifth
# round the line breaker also counts a little letter spacing with the
# expansion, `justify-letter-spacing`, and finds "…of Riverside Libraries"
# with tighter letters; the test turns that off to keep the loose line.)
source "$(dirname "$0")/lib.sh"

TEXT="The Board thanks the staff and volunteers of Riverside Libraries for their work during the year; the three councils for their funding and their support; the Riverside Libraries Trust and its donors; the schools, community groups and local history societies with which we work; and the readers of the valley, whose questions, suggestions and complaints keep us honest and whose use of the libraries is the best reason for their existence."
cat >"$TMP/layout.yaml" <<'YAML'
page:
  size: A5
  margins: {top: 20mm, bottom: 22mm, left: 18mm, right: 18mm}
styles:
  body:
    font: [Noto Serif]
    size: 11pt
    leading: 14.85pt
    align: justify
    hanging-punctuation: true
    justify-letter-spacing: 0
YAML
cat >"$TMP/doc.yaml" <<YAML
layout: layout.yaml
language: en
body:
  - "$TEXT"
YAML
check "renders" "$FOLIO" render "$TMP/doc.yaml" -o "$TMP/out.pdf" -q
# The case the test is about: the first line ends before "Libraries".
check "the first line ends with Riverside (a loose line)" bash -c "pdftotext '$TMP/out.pdf' - | head -1 | grep -q 'Riverside\$'"
check "no word gap wider than 0.45 em" bash -c "
  python3 tools/spacing.py --json --size 11 '$TMP/out.pdf' |
    python3 -c 'import json,sys; r=json.load(sys.stdin); print(r); sys.exit(0 if r[\"lines\"] >= 5 and r[\"max_em\"] <= 0.45 else 1)'"
check "pdftotext gives the written text" bash -c "
  pdftotext '$TMP/out.pdf' - | python3 -c 'import sys; got = \" \".join(sys.stdin.read().split()); sys.exit(0 if got == sys.argv[1] else print(got) or 1)' \"$TEXT\""
finish
