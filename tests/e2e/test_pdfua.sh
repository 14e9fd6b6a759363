#!/usr/bin/env bash
# PDF/UA-1 (docs/accessibility.md). Every sample rendered with --standard
# pdf/ua-1 passes tests/pdfua/check_pdfua.py (Matterhorn checkpoints read
# with pikepdf, never with Folio); files broken one requirement at a time
# fail it with the right failure condition; Folio itself refuses a figure
# without alt and a skipped heading level with FILE:LINE:COL; and the
# structure tree, read by an independent reader, holds each sample's text in
# reading order.
source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3  # Debian's python3-pikepdf
CHECK="$PY tests/pdfua/check_pdfua.py -q"

# (a) every sample, in every script, passes the checker.
for src in content/*.yaml; do
  name=$(basename "$src" .yaml)
  pdf="$TMP/$name.pdf"
  check "$name: renders with --standard pdf/ua-1" "$FOLIO" render "$src" -o "$pdf" --standard pdf/ua-1 -q
  check "$name: PDF/UA-1 checker passes" $CHECK "$pdf"
  # (c) the tree's text is the content's text, in order, in every script
  # (lines that mix directions included: runs in logical order, PaintOrder.cpp).
  check "$name: the tree's text is the content's text in reading order" $PY tests/pdfua/tree_text.py "$src" "$pdf"
done
# (d) the table samples: Table > Caption, THead/TBody/TFoot > TR > TH (/ID,
# /Scope) / TD (/Headers, RowSpan, ColSpan); the header row repeated on pages
# 2 and 3 is painted as /Artifact /Pagination, and is not on page 1 (tagged there).
TT="$PY tests/pdfua/table_tags.py"
check "report-tables: table tags (Scope, ID, Headers, RowSpan, ColSpan, Caption)" $TT "$TMP/report-tables.pdf" --rowspan --colspan
check "report-tables: the header repeated on pages 2-3 is /Artifact /Pagination" $TT "$TMP/report-tables.pdf" --repeats 2,3 --header Country
check "report-tables: the \"(continued)\" caption on pages 2-3 is /Artifact /Pagination" $TT "$TMP/report-tables.pdf" --repeats 2,3 --header "(continued)"
check "report-tables: the footer row repeated at the foot of pages 1-2 is /Artifact /Pagination" $TT "$TMP/report-tables.pdf" --repeats 1,2 --header Total
check "report-tables: the footer row on page 3 (the table's end) is tagged content" bash -c "! $TT \"$TMP/report-tables.pdf\" --repeats 3 --header Total >/dev/null"
check "report-tables: the page-1 header is tagged content, not an artifact" bash -c "! $TT \"$TMP/report-tables.pdf\" --repeats 1 --header Country >/dev/null"
check "report-tables: 'Annex 3' is the H1 and the title its H2, before the text" bash -c "$PY tests/pdfua/dump_tree.py '$TMP/report-tables.pdf' >'$TMP/rt-tree.txt'; sed -n 2p '$TMP/rt-tree.txt' | grep -q '^  H1 ' && sed -n 3p '$TMP/rt-tree.txt' | grep -q '^  H2 '"
check "release-ar-table: table tags (Scope, ID, Headers, ColSpan, Caption)" $TT "$TMP/release-ar-table.pdf" --colspan
# The letterhead's sender block is real content on page 1 (P elements read
# before the body) and an artifact where it repeats (page 2's template).
{ sed -n '/^body:/q;p' content/letter.yaml; echo "body:"
  for i in $(seq 1 24); do
    echo "  - \"Paragraph $i of a letter long enough to run onto a second page, where the letterhead's sender line repeats at the top as page furniture; the text goes on for a while so that each paragraph takes several lines of the body.\""
  done; } >"$TMP/long-letter.yaml"
cp -r content/layouts "$TMP/" 2>/dev/null
check "long letter: renders on two pages under pdf/ua-1" bash -c "'$FOLIO' render '$TMP/long-letter.yaml' -o '$TMP/long-letter.pdf' --standard pdf/ua-1 -q && pdfinfo '$TMP/long-letter.pdf' | grep -q 'Pages: *2'"
check "long letter: PDF/UA-1 checker passes" $CHECK "$TMP/long-letter.pdf"
check "long letter: the tree reads the sender block first, then the body" bash -c "$PY tests/pdfua/tree_text.py '$TMP/long-letter.yaml' '$TMP/long-letter.pdf' -v | head -1 | grep -q '^HarbourTrust12QuayStreet'"
check "long letter: the sender on page 1 is tagged content, not an artifact" bash -c "! $TT '$TMP/long-letter.pdf' --no-table --repeats 1 --header 'Harbour Trust' >/dev/null"
check "long letter: the sender repeated on page 2 is /Artifact /Pagination" $TT "$TMP/long-letter.pdf" --no-table --repeats 2 --header "Harbour Trust"
check "press release: qpdf --check clean under pdf/ua-1" qpdf_clean "$TMP/press-release.pdf"
check "press release: poppler, mutool, gs read it" readers_ok "$TMP/press-release.pdf"
check "press release: fonts embedded with ToUnicode" fonts_ok "$TMP/press-release.pdf"

# Combined with PDF/A-2b: both identifications, and the A-2b checks still hold.
"$FOLIO" render content/press-release.yaml -o "$TMP/pa.pdf" --standard pdf/a-2b,pdf/ua-1 -q
check "pdf/a-2b,pdf/ua-1: PDF/UA-1 checker passes" $CHECK "$TMP/pa.pdf"
check "pdf/a-2b,pdf/ua-1: XMP says pdfaid:part 2 and pdfuaid:part 1, with the extension schema" $PY -c "
import pikepdf, sys
x = pikepdf.open('$TMP/pa.pdf').Root.Metadata.read_bytes().decode()
sys.exit(0 if all(s in x for s in ('<pdfaid:part>2', '<pdfuaid:part>1', 'pdfaSchema:prefix>pdfuaid')) else 1)"
mkdir -p "$TMP/lay"
cp layouts/*.yaml layouts/*.png layouts/*.pdf "$TMP/lay/"
printf 'standard: [pdf/a-2b, pdf/ua-1]\n' >>"$TMP/lay/letterhead.yaml"
"$FOLIO" render content/letter.yaml -o "$TMP/lay.pdf" --layout "$TMP/lay/letterhead.yaml" -q
check "a layout's 'standard: [pdf/a-2b, pdf/ua-1]' gives a PDF/UA-1 file" $CHECK "$TMP/lay.pdf"
printf 'standard: pdf/ua1\n' >"$TMP/lay/bad.yaml"
"$FOLIO" render content/letter.yaml -o "$TMP/bad.pdf" --layout "$TMP/lay/bad.yaml" >"$TMP/bad.txt" 2>&1
check "an unknown standard in a layout: FILE:LINE:COL and a suggestion" \
  grep -q "bad.yaml:1:11: error: unknown standard 'pdf/ua1'; did you mean 'pdf/ua-1'" "$TMP/bad.txt"
"$FOLIO" render content/letter.yaml -o "$TMP/x.pdf" --standard pdf/x-4,pdf/a-2b >"$TMP/out.txt" 2>&1
check "pdf/x-4 and pdf/a-2b cannot be combined (exit 2)" test $? -eq 2

# Folio refuses what PDF/UA-1 forbids, at the line that causes it.
mkdir -p "$TMP/doc"
cp layouts/emblem.png "$TMP/doc/"
cat >"$TMP/doc/bad.yaml" <<'EOF'
title: Broken on purpose
body:
  - heading: Top
  - heading: Skipped
    level: 3
  - image: emblem.png
    width: 20mm
EOF
"$FOLIO" render "$TMP/doc/bad.yaml" -o "$TMP/bad-ua.pdf" --standard pdf/ua-1 >"$TMP/err.txt" 2>&1
check "pdf/ua-1: a document with a skipped level and an image without alt is refused (exit 1)" test $? -eq 1
check "  ... no file written" test ! -e "$TMP/bad-ua.pdf"
check "  ... the image without alt, at its line" grep -q "bad.yaml:6:5: error: image 'emblem.png' has no alternative text" "$TMP/err.txt"
check "  ... the skipped heading level, at its line" grep -q "bad.yaml:4:5: error: heading level 3 follows level 1" "$TMP/err.txt"

# (b) the checker fails on files that break a checkpoint.
# Rendered without pdf/ua-1, the same document has both faults in its tree.
"$FOLIO" render "$TMP/doc/bad.yaml" -o "$TMP/bad-plain.pdf" -q
$CHECK "$TMP/bad-plain.pdf" >"$TMP/bad-plain.txt"
check "checker: a Figure without alt fails 13-004" grep -q " 13-004 " "$TMP/bad-plain.txt"
check "checker: a skipped heading level fails 14-003" grep -q " 14-003 " "$TMP/bad-plain.txt"
"$FOLIO" render content/press-release.yaml -o "$TMP/untagged.pdf" --no-tags -q
$CHECK "$TMP/untagged.pdf" >"$TMP/untagged.txt"
check "checker: --no-tags output fails 01-005 (nothing tagged)" grep -q " 01-005 " "$TMP/untagged.txt"
check "--no-tags: no structure tree, no marked content" bash -c "! pdfinfo '$TMP/untagged.pdf' | grep -q 'Tagged: *yes'"
check "--no-tags with pdf/ua-1 is refused" bash -c "! '$FOLIO' render content/letter.yaml -o '$TMP/nt.pdf' --no-tags --standard pdf/ua-1 2>/dev/null"

# One mutation per checkpoint, applied with pikepdf to a good file.
cat >"$TMP/doc/figure.yaml" <<'EOF'
title: A figure
body:
  - heading: Figure
  - image: emblem.png
    width: 20mm
    alt: The emblem
EOF
"$FOLIO" render "$TMP/doc/figure.yaml" -o "$TMP/figure.pdf" --standard pdf/ua-1 -q
check "the figure document passes" $CHECK "$TMP/figure.pdf"
while read -r mutation cond; do
  case $mutation in
    no-alt) base="$TMP/figure.pdf" ;;
    table-*) base="$TMP/report-tables.pdf" ;;
    *) base="$TMP/press-release.pdf" ;;
  esac
  $PY tests/pdfua/break_pdf.py "$mutation" "$base" "$TMP/broken.pdf" >/dev/null
  $CHECK "$TMP/broken.pdf" >"$TMP/broken.txt"
  rc=$?
  check "checker: $mutation fails $cond" bash -c "[ $rc -eq 1 ] && grep -q ' $cond ' '$TMP/broken.txt'"
done < <($PY tests/pdfua/break_pdf.py --list)
finish
