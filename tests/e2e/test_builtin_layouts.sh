#!/usr/bin/env bash
# Issue 18, the built-in layouts as a user meets them:
#  - no built-in layout shows a sample's emblem: none without fields.emblem,
#    the user's own image with it (pdfimages; vector forms too);
#  - the letter layouts mirror for a right-to-left letter (sender and
#    recipient x positions from pdftotext -bbox), except the address in an
#    envelope's window, with Arabic template words;
#  - "of {pages}" is dropped on one-page documents in every layout;
#  - bare URLs, www. and e-mail addresses become links (GFM autolinks) where
#    the style allows, the text given back exactly by pdftotext.
source "$(dirname "$0")/lib.sh"
E=tests/e2e
W=$TMP/w
mkdir -p "$W/images"
python3 $E/make_png.py "$W/images/own.png" 96 96 0  # the user's emblem
MM=2.834645669  # pt per mm

# A document for LAYOUT in LANGUAGE (en|ar) with PARAGRAPHS body paragraphs
# and, when EMBLEM is "yes", fields.emblem.
doc() {  # doc FILE LAYOUT LANGUAGE PARAGRAPHS EMBLEM
  local f=$1 layout=$2 lang=$3 n=$4 emblem=$5 i
  {
    echo "layout: $layout"
    echo "language: $lang"
    echo "date: 2026-03-02"
    if [ "$lang" = ar ]; then
      echo "title: بيان بشأن افتتاح الدورة"
      echo "fields:"
      echo "  sender: البعثة الدائمة لجمهورية إكسامبلستان لدى الأمم المتحدة"
      echo "  address: \"14 شارع المثال\\nجنيف 1211\""
      echo "  phone: \"+41 22 555 01 00\""
      echo "  fax: \"+41 22 555 01 01\""
      echo "  email: mission@example.org"
      echo "  place: جنيف"
      echo "recipient: [زنوبيا نوفاك, مديرة المعارض, 7 شارع الحبالين, ميناء المثال]"
      echo "reference: 'ج-أ/2026/088'"
      echo "your-reference: 'ب/17'"
    else
      echo "title: Statement on the opening of the session"
      echo "fields:"
      echo "  sender: Permanent Mission of the Republic of Examplestan to the United Nations"
      echo "  address: \"14 Rue de l'Exemple\\n1211 Geneva\""
      echo "  phone: \"+41 22 555 01 00\""
      echo "  fax: \"+41 22 555 01 01\""
      echo "  email: mission@example.org"
      echo "  place: Geneva"
      echo "recipient: [Zenobia Novak, Director of Exhibitions, 7 Ropewalk Street, Port Example]"
      echo "reference: 'JA/2026/088'"
      echo "your-reference: 'B/17'"
    fi
    echo "body:"
    for i in $(seq 1 "$n"); do
      if [ "$lang" = ar ]; then
        echo "  - نص الرسالة في فقرة طويلة بما يكفي لتملأ عدة أسطر من الصفحة، وتتكرر الفقرة لتصل الرسالة إلى صفحة ثانية عند الحاجة."
      else
        echo "  - The text of the letter in a paragraph long enough to fill several lines of the page; it repeats to reach a second page where needed."
      fi
    done
  } >"$f"
  if [ "$emblem" = yes ]; then sed -i 's|^fields:$|fields:\n  emblem: images/own.png|' "$f"; fi
  # Only the fields the layout uses: Folio warns about the others.
  if [ "$layout" = note-verbale ]; then sed -i '/^  \(address\|phone\|fax\|email\):/d; /^your-reference:/d' "$f"
  else sed -i '/^  place:/d' "$f"; fi
}

letters="letter letter-din letter-din-a letter-us note-verbale"
heads="letterhead letterhead-print memo $letters"

# --- 1. no sample emblem; the user's own from fields.emblem -----------------
for layout in $heads; do
  doc "$W/$layout-none.yaml" "$layout" en 2 no
  doc "$W/$layout-own.yaml" "$layout" en 2 yes
  "$FOLIO" render "$W/$layout-none.yaml" -o "$W/$layout-none.pdf" 2>"$W/$layout-none.err"
  "$FOLIO" render "$W/$layout-own.yaml" -o "$W/$layout-own.pdf" 2>"$W/$layout-own.err"
  check "$layout: renders without and with fields.emblem" test -s "$W/$layout-none.pdf" -a -s "$W/$layout-own.pdf"
  check "$layout: no image without fields.emblem (pdfimages)" \
    test "$(pdfimages -list "$W/$layout-none.pdf" | tail -n +3 | wc -l)" -eq 0
  check "$layout: no vector emblem (Form XObject) either on page 1" \
    test "$(python3 $E/pdf_forms.py "$W/$layout-none.pdf" 1 | grep -c .)" -eq 0
  imgs=$(pdfimages -list "$W/$layout-own.pdf" | awk 'NR>2 && $3=="image" {print $1 ":" $4 "x" $5}' | tr '\n' ' ')
  check "$layout: with fields.emblem exactly the user's 96x96 image on page 1 (found: $imgs)" test "$imgs" = "1:96x96 "
done

# --- 2. right to left: the letter layouts mirrored, Arabic template words ----
# Edges of the line holding a word (pdftotext -bbox-layout), in points.
edges() { python3 $E/line_x.py "$@"; }
near() {  # near A B: |A - B| < 1 mm
  python3 -c 'import sys; sys.exit(0 if abs(float(sys.argv[1]) - float(sys.argv[2])) < 72 / 25.4 else 1)' "$1" "$2"
}
calc() { python3 -c "print(round($1, 2))"; }
for layout in $letters; do
  doc "$W/$layout-en.yaml" "$layout" en 30 yes
  doc "$W/$layout-ar.yaml" "$layout" ar 30 yes
  "$FOLIO" render "$W/$layout-en.yaml" -o "$W/$layout-en.pdf" 2>"$W/$layout-en.err"
  "$FOLIO" render "$W/$layout-ar.yaml" -o "$W/$layout-ar.pdf" 2>"$W/$layout-ar.err"
  check "$layout: the English and Arabic letters render without a warning" \
    bash -c "test -s '$W/$layout-ar.pdf' && ! grep . '$W/$layout-ar.err' '$W/$layout-en.err'"
  width=$(pdfinfo "$W/$layout-en.pdf" | awk '/^Page size:/ {print $3}')
  read -r en0 en1 < <(edges "$W/$layout-en.pdf" 1 Permanent)
  read -r ar0 ar1 < <(edges "$W/$layout-ar.pdf" 1 "البعثة")
  if [ "$layout" = note-verbale ]; then  # centred: the same centre
    check "$layout: the sender stays centred (en $(calc "($en0 + $en1) / 2")pt, ar $(calc "($ar0 + $ar1) / 2")pt)" \
      near "$(calc "($en0 + $en1) / 2")" "$(calc "($ar0 + $ar1) / 2")"
  else
    check "$layout: the sender mirrors (en starts ${en0}pt from the left, ar $(calc "$width - $ar1")pt from the right)" \
      near "$en0" "$(calc "$width - $ar1")"
  fi
  read -r en0 en1 < <(edges "$W/$layout-en.pdf" 1 Zenobia)
  read -r ar0 ar1 < <(edges "$W/$layout-ar.pdf" 1 "زنوبيا")
  case $layout in
    note-verbale)
      check "$layout: the addressee mirrors (en ${en0}pt from the left, ar $(calc "$width - $ar1")pt from the right)" \
        near "$en0" "$(calc "$width - $ar1")" ;;
    *)
      # The envelope's window stays where it is: the Arabic address is set
      # from the window's right edge, the English one from its left edge.
      case $layout in
        letter) box="25 105" ;;
        letter-din | letter-din-a) box="25 100" ;;
        letter-us) box="22.225 123.825" ;;  # 7/8 in, 4 in wide
      esac
      set -- $box
      check "$layout: the English address starts at the window's left edge ($1 mm; found ${en0}pt)" \
        near "$en0" "$(calc "$1 * $MM")"
      check "$layout: the Arabic address ends at the window's right edge ($2 mm; found ${ar1}pt)" \
        near "$ar1" "$(calc "$2 * $MM")" ;;
  esac
  # Without the directional marks pdftotext puts around numbers.
  pdftotext "$W/$layout-ar.pdf" - | perl -CSD -pe 's/[\x{200e}\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}]//g' >"$W/$layout-ar.txt"
  pages=$(pdfinfo "$W/$layout-ar.pdf" | awk '/^Pages:/ {print $2}')
  check "$layout: the Arabic letter has several pages ($pages)" test "$pages" -ge 2
  check "$layout: Arabic page numbers on page 2" grep -qE "صفحة *2 *من *$pages|- ?2 ?-" "$W/$layout-ar.txt"
  case $layout in
    note-verbale) check "$layout: the Arabic word for the note's number" grep -q "رقم" "$W/$layout-ar.txt" ;;
    *)
      check "$layout: Arabic 'our reference'" grep -q "مرجعنا" "$W/$layout-ar.txt"
      check "$layout: Arabic 'telephone'" grep -q "هاتف" "$W/$layout-ar.txt" ;;
  esac
  check "$layout: the date in Arabic (ICU)" grep -q "مارس" "$W/$layout-ar.txt"
  check "$layout: no English date in the Arabic letter" bash -c "! grep -q 'March' '$W/$layout-ar.txt'"
  check "$layout: no English or German template word in the Arabic letter" \
    bash -c "! grep -qiE 'Page|Telephone|reference|Fax |Seite|Telefon|Zeichen|Datum|No\\.' '$W/$layout-ar.txt'"
done

# --- 3. "of {pages}" only on documents of more than one page -----------------
for layout in $(ls layouts/*.yaml | xargs -n1 basename | sed 's/\.yaml$//'); do
  doc "$W/one-$layout.yaml" "$layout" en 1 no
  doc "$W/two-$layout.yaml" "$layout" en 40 no
  "$FOLIO" render "$W/one-$layout.yaml" -o "$W/one-$layout.pdf" 2>/dev/null
  "$FOLIO" render "$W/two-$layout.yaml" -o "$W/two-$layout.pdf" 2>/dev/null
  check "$layout: a one-page document has one page" test "$(pdfinfo "$W/one-$layout.pdf" | awk '/^Pages:/ {print $2}')" -eq 1
  # The trimmed page only: letterhead-print's slug outside it says "Page 1 of 1" for the print shop.
  crop=""; [ "$layout" = letterhead-print ] && crop="-x 37 -y 37 -W 595 -H 842"
  check "$layout: one page, no page count ('of 1', '1 / 1')" \
    bash -c "! pdftotext $crop '$W/one-$layout.pdf' - | grep -qE '(of|von|sur|de|из|من) 1\\b|1 ?/ ?1'"
  n=$(pdfinfo "$W/two-$layout.pdf" | awk '/^Pages:/ {print $2}')
  check "$layout: a longer document has several pages ($n)" test "$n" -ge 2
  if grep -qE '\{pages\}|words\.page-of' "layouts/$layout.yaml"; then
    check "$layout: several pages: the count is shown ('of $n' or '/ $n')" \
      bash -c "pdftotext '$W/two-$layout.pdf' - | grep -qE '(of|/) ?$n\\b'"
  fi
done

# --- 4. GFM autolinks ---------------------------------------------------------
cat >"$W/links.yaml" <<'YAML'
title: Links
body:
  - "See www.example.org/report, or https://example.org/a_(b) and (https://example.org/c)."
  - "Write to press@mission.example.org. Code `https://example.org/code` is no link."
  - "[The site www.example.net](https://example.net/label) keeps its target; xhttps://example.org is text."
  - paragraph: "A plain www.example.com/plain here."
    style: plain
YAML
mkdir -p "$W/layouts"
printf 'extends: letterhead\nstyles:\n  plain: {autolink: false}\n' >"$W/layouts/nolinks.yaml"
printf 'layout: nolinks\n' | cat - "$W/links.yaml" >"$W/links-doc.yaml"
"$FOLIO" render "$W/links-doc.yaml" -o "$W/links.pdf" 2>"$W/links.err"
check "autolinks: renders without a diagnostic" bash -c "test -s '$W/links.pdf' && ! grep . '$W/links.err'"
python3 $E/pdf_links.py "$W/links.pdf" | awk '$3=="link" && $4=="uri" {print $5}' >"$W/uris"
check "autolinks: exactly these link targets, in order" diff <(printf '%s\n' \
  http://www.example.org/report https://example.org/a_\(b\) https://example.org/c \
  mailto:press@mission.example.org https://example.net/label) "$W/uris"
pdftotext "$W/links.pdf" - | tr '\n' ' ' | sed 's/  */ /g' >"$W/links.txt"
for want in "See www.example.org/report, or https://example.org/a_(b) and (https://example.org/c)." \
            "Write to press@mission.example.org. Code https://example.org/code is no link." \
            "xhttps://example.org is text." "A plain www.example.com/plain here."; do
  check "autolinks: the text stays as written: $want" grep -qF "$want" "$W/links.txt"
done
# The link's rectangle covers the URL's words, not the trailing full stop.
check "autolinks: the link box ends where the URL ends (before ')' and '.')" python3 - "$W/links.pdf" <<'EOF'
import re, subprocess, sys
pdf = sys.argv[1]
links = subprocess.run(["python3", "tests/e2e/pdf_links.py", pdf], capture_output=True, text=True).stdout
box = [l.split() for l in links.splitlines() if " https://example.org/c " in l][0]
x1 = float(box[7])
xml = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, text=True).stdout
word = [w for w in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', xml) if w[2] == "(https://example.org/c)."][0]
# The word's right edge includes ")." (two narrow glyphs); the link stops before them.
print("link ends", x1, "word ends", word[1])
sys.exit(0 if float(word[0]) < x1 < float(word[1]) - 2 else 1)
EOF

# --- 6. mail merge into letter parts: recipient and opening substituted, an empty value's line gone --
printf 'id,name,title\n1,Ana *Lima*_jr,Ambassador\n2,Ben Ode,\n' >"$W/guests.csv"
printf 'layout: letter\ntitle: Invitation\nrecipient: ["{fields.name}", "{fields.title}", Geneva]\nopening: "Dear {fields.name},"\nbody: [Welcome.]\n' >"$W/inv.yaml"
"$FOLIO" render "$W/inv.yaml" --data "$W/guests.csv" -o "$W/inv/{fields.id}.pdf" -q 2>"$W/inv.err"
check "merge: the letter parts carry the record's values, literally" \
  bash -c "pdftotext '$W/inv/1.pdf' - | grep -qxF 'Dear Ana *Lima*_jr,' && pdftotext '$W/inv/1.pdf' - | grep -qx Ambassador"
check "merge: an empty value removes its address line" \
  bash -c "pdftotext '$W/inv/2.pdf' - | tr '\n' '|' | grep -qF 'Ben Ode|Geneva|' && ! pdftotext '$W/inv/2.pdf' - | grep -q '{fields'"

# --- 5. README: every document in docs/ linked, every option in the synopsis --
for doc in docs/*.md docs/*.json; do
  check "README links $doc" grep -qF "]($doc)" README.md
done
synopsis=$(sed -n '/^## The command line/,/^## Content/p' README.md)
# --output, --jobs and --quiet are written -o, -j and -q there.
for opt in $("$FOLIO" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u | grep -vxE -- '--(output|jobs|quiet)') -o -j -q -M; do
  check "README's synopsis has $opt" grep -qwF -- "$opt" <<<"$synopsis"
done
for cmd in render check fonts; do
  check "README's synopsis has folio $cmd" grep -q "folio $cmd" <<<"$synopsis"
done
# `one-page: ""` (the sample layouts' "{page} / {pages}"): nothing on a
# one-page document, the count on a longer one.
{
  echo "title: One page"
  echo "body:"
  echo "  - A short release."
} >"$TMP/onepage.yaml"
{
  echo "title: Many pages"
  echo "body:"
  for i in $(seq 1 60); do echo "  - Paragraph $i of a release long enough to run onto a second page, with words."; done
} >"$TMP/manypages.yaml"
check "one-page \"\": renders" "$FOLIO" render "$TMP/onepage.yaml" --layout content/layouts/letterhead-intl.yaml -o "$TMP/onepage.pdf"
check "one-page \"\": no 1 / 1 on a one-page document" bash -c "pdftotext '$TMP/onepage.pdf' '$TMP/onepage.txt' && grep -q 'short release' '$TMP/onepage.txt' && ! grep -qE '^1 ?/ ?1$' '$TMP/onepage.txt'"
check "one-page \"\": renders a long document" "$FOLIO" render "$TMP/manypages.yaml" --layout content/layouts/letterhead-intl.yaml -o "$TMP/manypages.pdf"
check "one-page \"\": the count on a longer one" bash -c "pdftotext -f 1 -l 1 '$TMP/manypages.pdf' - | grep -qE '^1 ?/ ?[2-9]$'"
finish
