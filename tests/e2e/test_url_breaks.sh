#!/usr/bin/env bash
# URLs in justified text (issue 19e). The press release's list of links:
# each URL breaks where style guides put the break (here before a hyphen
# of the address, which starts the next line), so the text before it needs
# no letter spacing: "Bookings for the silo installations:" was tracked by
# the loose-line rescue (+0.054 em per letter gap) and is now within what
# expansion and the breaker's letter spacing give (at most 0.025 em). Every
# URL copies back whole (pdftotext puts a newline where the line broke;
# nothing is added or lost), no line ends in a hyphen of an address, and a
# break never leaves one character of an address alone at a line end.
source "$(dirname "$0")/lib.sh"

# The same press release set ragged: the words at their natural widths.
cp -r layouts "$TMP/layouts"
sed -i 's/^    align: justify$/    align: start/' "$TMP/layouts/letterhead.yaml"
check "press release renders" "$FOLIO" render content/press-release.yaml -o "$TMP/pr.pdf" -q
check "press release renders ragged" "$FOLIO" render content/press-release.yaml \
  --layout "$TMP/layouts/letterhead.yaml" --allow-path "$TMP/layouts" -o "$TMP/natural.pdf" -q
check "the text before a broken URL is not letter-spaced" python3 tests/e2e/letter_spacing_check.py \
  "$TMP/pr.pdf" "$TMP/natural.pdf" 10.5 0.025 Bookings for the silo installations:
check "nor is the text before the other URLs" bash -c "
  python3 tests/e2e/letter_spacing_check.py '$TMP/pr.pdf' '$TMP/natural.pdf' 10.5 0.025 Accessibility guide '(PDF):' &&
  python3 tests/e2e/letter_spacing_check.py '$TMP/pr.pdf' '$TMP/natural.pdf' 10.5 0.025 High-resolution press images:"

# Each URL of the list, joined across its line break, is the written URL.
pdftotext "$TMP/pr.pdf" "$TMP/pr.txt"
for url in https://www.harbourtrust.example/festivals/northern-light-2026/programme-and-artists \
  https://tickets.harbourtrust.example/events/northern-light-2026/silo-cathedral?lang=en \
  https://www.harbourtrust.example/media/documents/northern-light-2026-accessibility-guide.pdf \
  https://press.harbourtrust.example/galleries/northern-light-2026/high-resolution-images; do
  check "copies back whole: ${url:8:40}..." bash -c "tr -d '\n' <'$TMP/pr.txt' | grep -qF '$url'"
done
check "the URLs do break over lines" bash -c "grep -c 'harbourtrust.example/.*[a-z/]\$' '$TMP/pr.txt' | grep -qv '^0\$'"
check "no line ends in an address's hyphen" bash -c "! grep -E 'harbourtrust[a-z./-]*-\$' '$TMP/pr.txt'"

# One-character pieces: a narrow column of addresses full of them.
cat >"$TMP/narrow.yaml" <<'YAML'
page:
  size: A5
  margins: {top: 10mm, bottom: 10mm, left: 50mm, right: 50mm}
styles:
  body:
    font: [Noto Serif]
    size: 10pt
    leading: 13pt
    align: justify
YAML
cat >"$TMP/narrow-doc.yaml" <<'YAML'
layout: narrow.yaml
language: en
body:
  - "See <https://a.b.example/x/y/z-q/r.s?t=u&v=w#k> and <https://x.example/a/b/c/d/e/f/g/h/i/j/k.l> now."
YAML
check "narrow column renders" "$FOLIO" render "$TMP/narrow-doc.yaml" -o "$TMP/narrow.pdf" -q
check "narrow column: the addresses copy back whole" bash -c "
  pdftotext '$TMP/narrow.pdf' - | tr -d '\n' | grep -qF 'https://a.b.example/x/y/z-q/r.s?t=u&v=w#k' &&
  pdftotext '$TMP/narrow.pdf' - | tr -d '\n' | grep -qF 'https://x.example/a/b/c/d/e/f/g/h/i/j/k.l'"
check "narrow column: the addresses break" bash -c "[ \$(pdftotext '$TMP/narrow.pdf' - | grep -c .) -ge 4 ]"
check "narrow column: no line ends in one character after a break point" bash -c "
  pdftotext '$TMP/narrow.pdf' '$TMP/narrow.txt' && ! grep -E '(//|[/@.?#&=_~%-])[A-Za-z0-9]\$' '$TMP/narrow.txt'"
finish
