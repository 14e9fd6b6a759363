#!/usr/bin/env bash
# One concept, one owner (issue 17): lengths read the same in content and
# layouts; template images honour the file's resolution as body images do;
# a mail merge's CSV meets the input limits every input file meets.
source "$(dirname "$0")/lib.sh"

# --- Lengths: "15PT" is a length everywhere; "nan" nowhere -----------------
cat >"$TMP/caps.yaml" <<'YAML'
page: {size: A4, margins: {top: 25MM, bottom: 25mm, left: 1IN, right: 28mm}}
styles:
  body: {font: [Noto Serif], size: 11PT, leading: 15Pt}
YAML
cat >"$TMP/doc.yaml" <<'YAML'
layout: caps.yaml
body:
  - Some text.
  - spacer: 15PT
YAML
check "layout and content both take '15PT'" "$FOLIO" render "$TMP/doc.yaml" -o "$TMP/doc.pdf" -q
cat >"$TMP/nan.yaml" <<'YAML'
styles:
  body: {font: [Noto Serif], size: 11pt, leading: nan}
YAML
sed 's/caps.yaml/nan.yaml/' "$TMP/doc.yaml" >"$TMP/doc-nan.yaml"
"$FOLIO" render "$TMP/doc-nan.yaml" -o "$TMP/nan.pdf" >"$TMP/nan.out" 2>&1
check "leading: nan exits 1" test $? -eq 1
check "leading: nan is an error at FILE:LINE:COL" grep -qE "nan.yaml:2:[0-9]+: error: bad length 'nan'" "$TMP/nan.out"
check "leading: nan leaves no PDF" test ! -e "$TMP/nan.pdf"
sed 's/leading: nan/leading: 1e3pt/' "$TMP/nan.yaml" >"$TMP/exp.yaml"
sed 's/caps.yaml/exp.yaml/' "$TMP/doc.yaml" >"$TMP/doc-exp.yaml"
check "an exponent is refused in a layout as in content" bash -c "! '$FOLIO' render '$TMP/doc-exp.yaml' -o '$TMP/exp.pdf' -q"

# --- Template images at the file's resolution --------------------------------
# 300 x 150 px at 300 dpi: 72 x 36 pt (at the old fixed 150 dpi: 144 x 72 pt).
python3 tests/e2e/make_png.py "$TMP/mark300.png" 300 150 300
python3 tests/e2e/make_png.py "$TMP/mark-nodpi.png" 300 150 0
cat >"$TMP/img.yaml" <<'YAML'
styles:
  body: {font: [Noto Serif], size: 11pt, leading: 15pt}
templates:
  first:
    items:
      - image: mark300.png
        x: 20mm
        y: 10mm
      - image: mark-nodpi.png
        x: 100mm
        y: 10mm
YAML
cat >"$TMP/img-doc.yaml" <<'YAML'
layout: img.yaml
body:
  - image: mark300.png
    alt: The same mark in the body.
  - Text.
YAML
"$FOLIO" render "$TMP/img-doc.yaml" -o "$TMP/img.txt" --format frames -q 2>"$TMP/img.err"
check "template image frames render" test -s "$TMP/img.txt"
check "template image at 300 dpi is 72 x 36 pt" grep -qE 'image ".*mark300.png" 300x150px 72.00x36.00 at' "$TMP/img.txt"
check "template image without a resolution is at 150 dpi" grep -qE 'image ".*mark-nodpi.png" 300x150px 144.00x72.00 at' "$TMP/img.txt"
check "the body image has the same size" test "$(grep -c 'mark300.png" 300x150px 72.00x36.00' "$TMP/img.txt")" -eq 2

# --- Mail merge data under the input limits ----------------------------------
cat >"$TMP/letter.yaml" <<'YAML'
layout: plain
body:
  - "Dear {fields.name},"
YAML
{ echo "name,city"; for i in $(seq 1 200); do echo "Person number $i,City of the long name $i"; done; } >"$TMP/big.csv"
check "the CSV is over 5 KB" test "$(stat -c %s "$TMP/big.csv")" -gt 5000
"$FOLIO" render "$TMP/letter.yaml" --data "$TMP/big.csv" -o "$TMP/out/" --max-input-size 1K >"$TMP/big.out" 2>&1
check "a 5 KB CSV is refused under --max-input-size 1K" test $? -eq 1
check "  with the size message" grep -q "big.csv:1:1: error: the file is too large" "$TMP/big.out"
check "  and no letter written" test -z "$(ls "$TMP/out" 2>/dev/null)"
printf 'name,city\nJos\xe9,Paris\n' >"$TMP/latin1.csv"
"$FOLIO" render "$TMP/letter.yaml" --data "$TMP/latin1.csv" -o "$TMP/out2/" >"$TMP/latin1.out" 2>&1
check "a Latin-1 CSV is refused" test $? -eq 1
check "  as invalid UTF-8 at its line and column" grep -qE "latin1.csv:2:4: error: invalid UTF-8" "$TMP/latin1.out"
printf 'name,city\nJos\xc3\xa9,Paris\n' >"$TMP/utf8.csv"
mkdir -p "$TMP/out3"
check "the same CSV in UTF-8 renders" "$FOLIO" render "$TMP/letter.yaml" --data "$TMP/utf8.csv" -o "$TMP/out3/" -q
finish
