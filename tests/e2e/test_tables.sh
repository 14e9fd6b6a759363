#!/usr/bin/env bash
# Tables, checked from the PDFs with MuPDF's character boxes and poppler's
# text (tests/e2e/tables_check.py): the header repeated on every page a
# table runs onto, every cell's words present, text inside its column,
# decimal points aligned, right-to-left tables mirrored; and the messages
# for bad tables, with their line and column.
source "$(dirname "$0")/lib.sh"
CHECK="python3 tests/e2e/tables_check.py"

# The 3-page budget table.
pdf="$TMP/report-tables.pdf"
check "report-tables: renders without a warning" bash -c "'$FOLIO' render content/report-tables.yaml -o '$pdf' 2>'$TMP/rt.err' && ! grep -q . '$TMP/rt.err' || { cat '$TMP/rt.err'; false; }"
check "report-tables: the table runs over pages 1 to 3" bash -c "pdftotext -f 3 -l 3 '$pdf' - | grep -q Total && pdftotext -f 1 -l 1 '$pdf' - | grep -q Benin"
check "report-tables: header on every page of the table" $CHECK header "$pdf" 1 3 Region Country Main sector thousand Change
check "report-tables: continued caption on pages 2 and 3" bash -c "for p in 2 3; do pdftotext -f \$p -l \$p '$pdf' - | tr '\n' ' ' | grep -q '€ thousand) (continued)' || exit 1; done"
# The footer row (Total) repeats at the foot of every page the table
# leaves for the next, under its mid rule, and closes the table on page 3.
check "report-tables: the footer row at the foot of the table on pages 1 to 3" bash -c "for p in 1 2 3; do pdftotext -f \$p -l \$p -layout '$pdf' - | grep -q '^ *Total  *664,750.9' || exit 1; done"
check "report-tables: no continued caption on page 1" bash -c "! pdftotext -f 1 -l 1 '$pdf' - | grep -q '(continued)'"
check "report-tables: every cell's words present" $CHECK cells content/report-tables.yaml "$pdf"
check "report-tables: budget figures aligned on the decimal point" $CHECK decimal "$pdf" '\d{1,3}(,\d{3})+(\.\d+)?'
check "report-tables: changes aligned on the decimal point" $CHECK decimal "$pdf" '[+−]\d+\.\d'
# The row span of South and Central Asia is cut by the page break: its
# text goes on at the top of page 3, under the repeated header.
check "report-tables: a cut row span starts on page 2" bash -c "pdftotext -f 2 -l 2 '$pdf' - | tr '\n' ' ' | grep -q 'South and Central'"
check "report-tables: a cut row span continues its text overleaf" bash -c "pdftotext -f 3 -l 3 '$pdf' - | grep -q 'Tashkent'"
# A row-spanning cell reads as one block from the top of its span (no
# lines shared out over its rows with gaps between them); cut by a page
# break, it goes on at the top of its row overleaf, padded like its row.
check "report-tables: a row span's lines follow each other (page 1)" $CHECK span "$pdf" 1 125 Sub-Saharan 2025.
check "report-tables: a row span's lines follow each other (page 2)" $CHECK span "$pdf" 2 125 North programme.
check "report-tables: a cut row span goes on at the top of its row" $CHECK same-line "$pdf" 3 Managed Bangladesh
# The rules show over the zebra stripes (page 2 starts with a striped row).
for p in 1 2 3; do
  check "report-tables: every rule shows on page $p (80 dpi)" python3 tests/e2e/rules_check.py rules-visible "$pdf" $p 80
done
check "report-tables: the footnote separator on the left" python3 tests/e2e/rules_check.py footnote-side "$pdf" 1 left
check "report-tables: the note in a cell is numbered and at the foot of its page" bash -c "pdftotext -f 1 -l 1 '$pdf' - | grep -q '^1 *Revised after the mid-term review'"
# The minus sign U+2212 is not in Debian 12's Noto Serif: it comes from
# Noto Sans Mono (Folio's fonts/), not from fontconfig's heavier DejaVu Sans.
check "report-tables: the minus sign's font is Noto, not DejaVu" bash -c "pdffonts '$pdf' | grep -q NotoSansMono && ! pdffonts '$pdf' | grep -qi dejavu"
check "report-tables: the minus sign is kept as written" bash -c "pdftotext -f 2 -l 2 '$pdf' - | grep -q '−14.3 %'"
check "report-tables: the caption" bash -c "pdftotext -f 1 -l 1 '$pdf' - | grep -q '^Table 1. Bilateral development cooperation'"

# The Arabic table: columns run right to left; numbers still line up.
pdf="$TMP/release-ar-table.pdf"
check "release-ar-table: renders" "$FOLIO" render content/release-ar-table.yaml -o "$pdf"
check "release-ar-table: columns mirrored (first column rightmost)" $CHECK rtl "$pdf" الموقع العمل الفنان الزوار
check "release-ar-table: areas aligned on the decimal point" $CHECK decimal "$pdf" '1250\.5|860\.25|2400|615\.75|3100\.5|975'
check "release-ar-table: visitors aligned on the decimal point" $CHECK decimal "$pdf" '4800|3900|2750\.5|5200|6100|3300\.25'
check "release-ar-table: every cell's words present" $CHECK cells content/release-ar-table.yaml "$pdf"
check "release-ar-table: the footnote separator on the right (RTL page)" python3 tests/e2e/rules_check.py footnote-side "$pdf" 1 right

# Narrow fixed columns: a long word hyphenates, an unbreakable one is broken
# with a warning that names its cell, and no text leaves its column. The
# plain layout's left margin is 28mm (79.37pt); the columns are fixed.
cat >"$TMP/narrow.yaml" <<'YAML'
layout: plain
language: de
body:
  - table:
      - [Wort, Erklärung, Kennung, Zahl]
      - [Donaudampfschifffahrtsgesellschaftskapitän, Ein sehr langes zusammengesetztes Wort, ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH, "1,5"]
      - [Rechtsschutzversicherungsgesellschaften, kurz, XY, "12,25"]
    columns: [90pt, 70pt, 60pt, {width: 50pt, align: decimal}]
YAML
check "narrow: renders" bash -c "'$FOLIO' render '$TMP/narrow.yaml' -o '$TMP/narrow.pdf' 2>'$TMP/narrow.err'"
check "narrow: the unbreakable word's cell is named" grep -q "narrow.yaml:6:94: warning: this table cell needs .* words are broken" "$TMP/narrow.err"
check "narrow: every word inside its column" $CHECK columns "$TMP/narrow.pdf" Wort gesellschaften 79.37 90 70 60 50
check "narrow: the broken word's letters all there" bash -c "pdftotext '$TMP/narrow.pdf' - | tr -d '\n' | grep -q 'ABCDEFGH.*XYZABCDEFGH'"
check "narrow: German decimal comma aligned" $CHECK decimal "$TMP/narrow.pdf" '1,5|12,25' ,

# Every built-in layout sets a table (with its own or the derived styles),
# and a mail merge fills fields inside cells.
cat >"$TMP/any.yaml" <<'YAML'
title: Contacts
date: 2026-03-02
fields:
  city: Geneva
body:
  - table:
      - [Name, Role, Phone]
      - [Ana Lima, Press officer, "+1 555 0100"]
      - [Bo Berg, "Spokesperson for {fields.city}", "+1 555 0101"]
    caption: Press contacts
    continued: true
  - markdown: |
      | Office | Hours |
      |:-------|------:|
      | Quay Street | 9–17 |
YAML
# Every layout shipped in layouts/ (a new one is covered by being there):
# the table renders, its words come back, and under pdf/ua-1 the file passes
# the Matterhorn checker with a real Table (TH with scope, TD with headers).
PY=/usr/bin/python3  # Debian's python3-pikepdf
layouts=$(cd layouts && ls *.yaml | sed 's/\.yaml$//')
check "the built-in layouts are found" test "$(echo "$layouts" | wc -w)" -ge 10
for layout in $layouts; do
  check "layout $layout: table renders" "$FOLIO" render "$TMP/any.yaml" --layout "$layout" -o "$TMP/any-$layout.pdf" --strict
  check "layout $layout: every cell's words" bash -c "pdftotext '$TMP/any-$layout.pdf' - | tr '\n' ' ' | grep -q 'Ana Lima.*Press officer.*Quay Street'"
  check "layout $layout: pdf/ua-1 table renders" "$FOLIO" render "$TMP/any.yaml" --layout "$layout" --standard pdf/ua-1 -o "$TMP/ua-$layout.pdf" --strict
  check "layout $layout: pdf/ua-1 checker passes" $PY tests/pdfua/check_pdfua.py -q "$TMP/ua-$layout.pdf"
  check "layout $layout: table tags (TH scope, TD headers)" $PY tests/pdfua/table_tags.py "$TMP/ua-$layout.pdf" --tables 2 --captions 1
done
check "body placeholder in a cell: the content's field" bash -c "pdftotext '$TMP/any-plain.pdf' - | grep -q 'Spokesperson for Geneva'"
printf 'id,city\nA1,Port Example\nA2,Harbourside North\n' >"$TMP/cities.csv"
check "mail merge: tables render per record" "$FOLIO" render "$TMP/any.yaml" --data "$TMP/cities.csv" -o "$TMP/merge-{fields.id}.pdf"
check "mail merge: record 1's field in its cell" bash -c "pdftotext '$TMP/merge-A1.pdf' - | grep -q 'Spokesperson for Port Example'"
check "mail merge: record 2's field in its cell" bash -c "pdftotext '$TMP/merge-A2.pdf' - | tr '\n' ' ' | grep -q 'Spokesperson for Harbourside North'"
check "mail merge under pdf/ua-1: renders per record" "$FOLIO" render "$TMP/any.yaml" --data "$TMP/cities.csv" --standard pdf/ua-1 -o "$TMP/uamerge-{fields.id}.pdf"
check "mail merge under pdf/ua-1: record 2 passes the checker" $PY tests/pdfua/check_pdfua.py -q "$TMP/uamerge-A2.pdf"
check "mail merge under pdf/ua-1: record 2's table tagged" $PY tests/pdfua/table_tags.py "$TMP/uamerge-A2.pdf" --tables 2 --captions 1

# Bad tables: refused with the place and what was expected.
bad() {  # bad NAME EXPECTED-MESSAGE (the YAML on stdin)
  cat >"$TMP/$1.yaml"
  check "error: $1" bash -c "! '$FOLIO' render '$TMP/$1.yaml' -o '$TMP/$1.pdf' 2>'$TMP/$1.err'; grep -qF -- \"\$0\" '$TMP/$1.err' || { cat '$TMP/$1.err'; false; }" "$TMP/$1.yaml:$2"
  check "error: $1 writes nothing" test ! -e "$TMP/$1.pdf"
}
bad ragged "4:9: error: row 2 has 2 columns (counting spans); expected 3 like the first row" <<'YAML'
body:
  - table:
      - [a, b, c]
      - [d, e]
YAML
bad too-many "4:16: error: row 2 has more cells than the table's 2 columns" <<'YAML'
body:
  - table:
      - [a, b]
      - [d, e, f]
YAML
bad unknown-key "4:11: error: unknown key 'txt' for a table cell; did you mean 'text'?" <<'YAML'
body:
  - table:
      - [a, b]
      - - txt: d
        - e
YAML
bad bad-width "5:21: error: column width '12px' is not valid; expected auto, a length such as 30mm, a percentage such as 25% or a fraction such as 2fr" <<'YAML'
body:
  - table:
      - [a, b]
      - [c, d]
    columns: [auto, 12px]
YAML
bad rowspan "3:11: error: rowspan 3 runs past the last row of the table; expected at most 2" <<'YAML'
body:
  - table:
      - - text: a
          rowspan: 3
        - b
      - [c]
YAML
bad attribute "5:5: error: unknown attribute 'colums' for a table; did you mean 'columns'?" <<'YAML'
body:
  - table:
      - [a, b]
      - [c, d]
    colums: [auto, auto]
YAML
bad pipe-extra "6:17: error: this row has 3 cells but the table's header has 2" <<'YAML'
body:
  - markdown: |
      | a | b |
      |---|---|
      | c | d |
      | e | f | g |
YAML
finish
