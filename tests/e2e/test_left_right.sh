#!/usr/bin/env bash
# Left and right page templates: after the first page, even (left) pages use
# `templates.left` and odd (right) pages `templates.right`, each with its own
# running head, folio and mirrored margins. Checked on the rendered PDF, page
# by page, with pdftotext and the word boxes of pdftotext -bbox.
source "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/doc/layouts"
cat >"$TMP/doc/layouts/book.yaml" <<'EOF'
page:
  size: A4
  margins: {top: 25mm, bottom: 25mm, left: 25mm, right: 25mm}
styles:
  body: {font: [Noto Serif], size: 11pt, leading: 15pt, align: justify}
  head: {font: [Noto Sans], size: 8pt, leading: 10pt}
templates:
  first:
    items:
      - text: ["First page of {title}"]
        style: head
        x: 25mm
        y: 12mm
        width: 160mm
        align: center
  later:
    items:
      - text: ["LATERHEAD"]
        style: head
        x: 25mm
        y: 12mm
  # Inner margin 30mm, outer 20mm: the inner side is on the right of a left page.
  left:
    margins: {left: 20mm, right: 30mm}
    items:
      - text: ["{page} · LEFTHEAD {title}"]
        style: head
        x: 20mm
        y: 12mm
        width: 160mm
        align: left
  right:
    margins: {left: 30mm, right: 20mm}
    items:
      - text: ["RIGHTHEAD {fields.chapter} · {page}"]
        style: head
        x: 30mm
        y: 12mm
        width: 160mm
        align: right
EOF
cat >"$TMP/doc/book.yaml" <<'EOF'
layout: book
title: Tides
fields:
  chapter: Chapter one
body:
  - Page one text.
  - page-break:
  - Page two text.
  - page-break:
  - Page three text.
  - page-break:
  - Page four text.
  - page-break:
  - Page five text.
EOF
pdf="$TMP/book.pdf"
check "a layout with left and right templates renders" "$FOLIO" render "$TMP/doc/book.yaml" -o "$pdf"
check "qpdf --check clean" qpdf_clean "$pdf"
check "five pages" test "$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')" -eq 5
page_text() { pdftotext -f "$1" -l "$1" "$pdf" -; }
check "page 1: the first template only" bash -c "page_text() { pdftotext -f 1 -l 1 '$pdf' -; }; page_text | grep -q 'First page of Tides' && ! page_text | grep -qE 'LEFTHEAD|RIGHTHEAD|LATERHEAD'"
for p in 2 4; do
  check "page $p (left): '$p · LEFTHEAD Tides'" grep -q "^$p · LEFTHEAD Tides$" <(page_text $p)
  check "page $p (left): no right or later head" bash -c "! pdftotext -f $p -l $p '$pdf' - | grep -qE 'RIGHTHEAD|LATERHEAD'"
done
for p in 3 5; do
  check "page $p (right): 'RIGHTHEAD Chapter one · $p'" grep -q "^RIGHTHEAD Chapter one · $p$" <(page_text $p)
  check "page $p (right): no left or later head" bash -c "! pdftotext -f $p -l $p '$pdf' - | grep -qE 'LEFTHEAD|LATERHEAD'"
done
# Positions (pt): a left page's head starts at its 20mm outer margin (56.69);
# a right page's head ends at 30mm + 160mm = 190mm (538.58), right-aligned.
# The body follows each template's margins: 20mm on left pages, 30mm (85.04)
# on right pages.
positions() {  # page -> "headXMin headXMax bodyXMin"
  pdftotext -f "$1" -l "$1" -bbox "$pdf" - | python3 -c '
import re, sys
words = re.findall(r"xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)<", sys.stdin.read())
head = [w for w in words if float(w[1]) < 50]
body = [w for w in words if w[4] == "Page"]
print("%.2f %.2f %.2f" % (min(float(w[0]) for w in head), max(float(w[2]) for w in head), float(body[0][0])))'
}
near() { python3 -c "import sys; sys.exit(abs($1 - $2) > $3)"; }
for p in 2 4; do
  read -r hx0 hx1 bx0 < <(positions $p)
  check "page $p: head starts at the outer margin (xMin $hx0 ~ 56.69)" near "$hx0" 56.69 1
  check "page $p: body starts at 20mm (xMin $bx0 ~ 56.69)" near "$bx0" 56.69 1
done
for p in 3 5; do
  read -r hx0 hx1 bx0 < <(positions $p)
  check "page $p: head ends at 190mm, right-aligned (xMax $hx1 ~ 538.58)" near "$hx1" 538.58 1.5
  check "page $p: body starts at 30mm (xMin $bx0 ~ 85.04)" near "$bx0" 85.04 1
done
# Without left/right templates every later page uses `later`.
sed -i '/^  # Inner margin/,$d' "$TMP/doc/layouts/book.yaml"
"$FOLIO" render "$TMP/doc/book.yaml" -o "$TMP/later.pdf"
check "without left/right: page 2 and 3 use later" bash -c "pdftotext -f 2 -l 3 '$TMP/later.pdf' - | grep -c LATERHEAD | grep -qx 2"
finish
