#!/usr/bin/env bash
# A long report with 60 footnotes (some continued), headings, internal and
# external links: notes on their citation's page, nothing below the text
# area, outline and links pointing at the right pages, page N of M.
source "$(dirname "$0")/lib.sh"

python3 tests/e2e/gen_report.py 155 60 >"$TMP/report.yaml"  # 31 pages
check "report renders" "$FOLIO" render "$TMP/report.yaml" -o "$TMP/report.pdf"
check "report: qpdf clean" qpdf_clean "$TMP/report.pdf"
check "report: readers accept it" readers_ok "$TMP/report.pdf"
pages=$(pdfinfo "$TMP/report.pdf" | awk '/^Pages:/ {print $2}')
check "report: at least 30 pages ($pages)" test "$pages" -ge 30
# letterhead layout: text area ends 24 mm above the page foot (773.9 pt from
# the top), the footer line starts at 283 mm (802.2 pt)
check "report: notes, text area, outline, links" python3 tests/e2e/check_report.py "$TMP/report.pdf" 773.9 802.2
check "report: page 1 has the letterhead, no running head" bash -c "pdftotext -f 1 -l 1 '$TMP/report.pdf' - | grep -q 'Telephone +1 555 0100' && ! pdftotext -f 1 -l 1 '$TMP/report.pdf' - | grep -q 'Annual report on the Northern Light Festival'"
for p in 2 $((pages / 2)) "$pages"; do
  check "report: page $p has the running head" bash -c "pdftotext -f $p -l $p '$TMP/report.pdf' - | grep -q 'Annual report on the Northern Light Festival'"
  check "report: page $p says Page $p of $pages" bash -c "pdftotext -f $p -l $p '$TMP/report.pdf' - | grep -q 'Page $p of $pages'"
done
check "report: outline items with children have /Count" bash -c "! python3 tests/e2e/pdf_links.py '$TMP/report.pdf' | grep -q 'count .* missing'"
check "report: outline opens by default" bash -c "qpdf --show-object=1 '$TMP/report.pdf' | grep -q '/PageMode /UseOutlines'"
check "report: document language" bash -c "qpdf --show-object=1 '$TMP/report.pdf' | grep -q '/Lang (en)'"
check "report: XMP metadata with the title" bash -c "pdfinfo -meta '$TMP/report.pdf' | grep -q 'Annual report on the Northern Light Festival'"
finish
