#!/usr/bin/env bash
# Images keep their alt text in a structure tree: a Document of headings,
# paragraphs and Figures with /Alt (the full tree: tests/e2e/test_pdfua.sh), each one marked-content sequence with an MCID, the
# ParentTree mapping them back, page furniture marked as artifacts, and
# /MarkInfo /Marked true. Read back with qpdf's JSON (struct_tree.py) and
# poppler's pdfinfo -struct-text.
source "$(dirname "$0")/lib.sh"

mkdir -p "$TMP/doc"
cp layouts/emblem.png content/layouts/harbour-mark.pdf "$TMP/doc/"
cat >"$TMP/doc/figures.yaml" <<'EOF'
layout: letterhead
title: Figures
fields:
  sender: Harbour Trust
body:
  - heading: Figures
  - Before the figures.
  - image: emblem.png
    width: 30mm
    alt: The Harbour Trust emblem, an open book in a blue roundel
  - Between the figures.
  - image: harbour-mark.pdf
    width: 25mm
    alt: "Trust mark: HT above waves — «vector»"
  - image: emblem.png
    width: 20mm
  - After the figures.
EOF
pdf="$TMP/figures.pdf"
check "a document with figures renders" "$FOLIO" render "$TMP/doc/figures.yaml" -o "$pdf"
check "qpdf --check clean" qpdf_clean "$pdf"
check "poppler, mutool, gs read it" readers_ok "$pdf"
python3 tests/e2e/struct_tree.py "$pdf" >"$TMP/tree.txt" 2>&1
check "the structure tree is consistent (MCIDs, ParentTree, artifacts, MarkInfo)" test $? -eq 0
cat >"$TMP/expected.txt" <<'EOF'
Document
  P 1:0
  H1 1:1
  P 1:2
  Figure 1:3 alt='The Harbour Trust emblem, an open book in a blue roundel'
  P 1:4
  Figure 1:5 alt='Trust mark: HT above waves — «vector»'
  Figure 1:6
  P 1:7
EOF
check "Figures carry the alt text in content order (UTF-8 intact); no alt, no /Alt" diff "$TMP/expected.txt" "$TMP/tree.txt"
check "pdfinfo says Tagged: yes" grep -q "^Tagged: *yes" <(pdfinfo "$pdf")
pdfinfo -struct-text "$pdf" >"$TMP/struct-text.txt"
check "poppler reads the tree: Document, Figure with a BBox" grep -qE "^ +/BBox \[" "$TMP/struct-text.txt"
check "poppler: the body text is in the tree" grep -q '"Between the figures."' "$TMP/struct-text.txt"
check "poppler: the PDF figure's own text is inside its Figure" grep -A4 "Figure" "$TMP/struct-text.txt" | grep -q '"HT"'
# The letterhead's text on page 1 (the sender) is real content, first in the
# tree (the P above); its emblem is an artifact (no Figure for it).
check "the letterhead's sender line is on the page" grep -q "Harbour Trust" <(pdftotext "$pdf" -)
check "  ... and in the structure tree" grep -q 'Harbour Trust' "$TMP/struct-text.txt"
"$FOLIO" render "$TMP/doc/figures.yaml" -o "$TMP/figures2.pdf"
check "same bytes on a second run" cmp "$pdf" "$TMP/figures2.pdf"

# The samples: running heads and "Page N of M" are artifacts, body text tagged.
for name in press-release memo letter; do
  out="$TMP/$name.pdf"
  "$FOLIO" render "content/$name.yaml" -o "$out"
  check "$name: structure tree consistent" python3 tests/e2e/struct_tree.py "$out"
done
check "press release: 'Page 2 of' is on page 2" grep -q "Page 2 of" <(pdftotext -f 2 -l 2 "$TMP/press-release.pdf" -)
check "press release: ... and an artifact, not in the tree" bash -c "! pdfinfo -struct-text '$TMP/press-release.pdf' | grep -q 'Page 2 of'"
check "memo: the template mark is not a Figure" bash -c "! grep -q Figure <(python3 tests/e2e/struct_tree.py '$TMP/memo.pdf')"
finish
