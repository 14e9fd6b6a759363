#!/usr/bin/env bash
# Fonts that travel with the project (issue 18, point 6) and the font cache
# (issue 15): Folio's own fonts/ serves the built-in layouts with the
# system's fonts out of fontconfig's search; a fonts/ folder beside the
# content, --font-path and a layout naming a font file are used by family
# name and embedded; `folio fonts` says where each font was found; a
# missing, stale or damaged cache is rebuilt and never changes the output.
source "$(dirname "$0")/lib.sh"
ROOT=$PWD
export SOURCE_DATE_EPOCH=1767225600
export XDG_CACHE_HOME="$TMP/cache"
# fontconfig with no font directories at all: only Folio's own folders remain.
cat >"$TMP/empty.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>CACHEDIR</cachedir></fontconfig>
XML
sed -i "s|CACHEDIR|$TMP/fc-cache|" "$TMP/empty.conf"
NOFC=(env FONTCONFIG_FILE="$TMP/empty.conf")
# Diagnostics apart from -q's one-line summary.
diagnostics() { grep -v '^folio: 1 of 1 documents rendered$' "$1"; }
check "the empty configuration really hides the system's Noto" test -z "$("${NOFC[@]}" fc-list 2>/dev/null)"

# --- the built-in layouts render from fonts/ alone --------------------------
for doc in press-release letter memo report; do
  "${NOFC[@]}" "$FOLIO" render "content/$doc.yaml" -o "$TMP/nofc-$doc.pdf" -q 2>"$TMP/err-$doc"
  check "$doc without system fonts: exit 0" test $? -eq 0
  check "$doc without system fonts: no warnings" test -z "$(diagnostics "$TMP/err-$doc")"
  check "$doc without system fonts: Noto embedded" grep -q "Noto" <(pdffonts "$TMP/nofc-$doc.pdf")
  check "$doc without system fonts: fonts subset with ToUnicode" fonts_ok "$TMP/nofc-$doc.pdf"
  # The files in fonts/ are Debian's own: the same bytes as with the system's fonts.
  "$FOLIO" render "content/$doc.yaml" -o "$TMP/sys-$doc.pdf" -q 2>/dev/null
  check "$doc: same bytes with and without the system's fonts" cmp "$TMP/nofc-$doc.pdf" "$TMP/sys-$doc.pdf"
done
"${NOFC[@]}" "$FOLIO" fonts --layout letterhead >"$TMP/fonts.txt" 2>&1
check "folio fonts --layout letterhead: exit 0" test $? -eq 0
check "folio fonts names the layout" grep -q "layout .*letterhead.yaml" "$TMP/fonts.txt"
check "folio fonts: Noto Serif from Folio's fonts/" grep -Eq "Latin +Latn +Noto Serif +$ROOT/fonts/NotoSerif-Regular.ttf +\[Folio's fonts/" "$TMP/fonts.txt"
check "folio fonts: Noto Sans from Folio's fonts/" grep -Eq "Latin +Latn +Noto Sans +$ROOT/fonts/NotoSans-Regular.ttf" "$TMP/fonts.txt"
check "folio fonts: Arabic from Folio's fonts/" grep -Eq "Arabic +Arab +Noto (Naskh|Sans) Arabic +$ROOT/fonts/" "$TMP/fonts.txt"
check "folio fonts: no CJK without the system's fonts" grep -Eq "Han +Hani +\(no font\)" "$TMP/fonts.txt"
"$FOLIO" fonts --layout letterhead >"$TMP/fonts-sys.txt" 2>&1
check "folio fonts with system fonts: CJK from fontconfig" grep -Eq "Han +Hani +Noto .*CJK.*\[system \(fontconfig\)\]" "$TMP/fonts-sys.txt"
check "folio fonts with system fonts: Latin still from fonts/" grep -Eq "Latin +Latn +Noto Serif +$ROOT/fonts/" "$TMP/fonts-sys.txt"
"$FOLIO" fonts --layout no-such-layout >/dev/null 2>"$TMP/err"
check "folio fonts --layout with a bad name: exit 1" test $? -eq 1
check "folio fonts --layout with a bad name: says so" grep -q "layout 'no-such-layout' not found" "$TMP/err"

# --- a font copied into fonts/ beside the content, used by family name ------
DEJAVU=/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf
check "DejaVu Serif is installed for this test (fonts-dejavu-core)" test -f "$DEJAVU"
mkdir -p "$TMP/proj/fonts" "$TMP/proj/layouts"
cp "$DEJAVU" "$TMP/proj/fonts/"
sed 's/font: \[Noto Serif\]/font: [DejaVu Serif]/' layouts/plain.yaml >"$TMP/proj/layouts/mission.yaml"
cp layouts/emblem.png "$TMP/proj/layouts/" 2>/dev/null
cat >"$TMP/proj/note.yaml" <<'YAML'
layout: layouts/mission.yaml
title: Note from the Permanent Mission
date: 2026-03-02
body:
  - The Permanent Mission presents its compliments and has the honour to transmit the enclosed note.
YAML
"${NOFC[@]}" "$FOLIO" render "$TMP/proj/note.yaml" -o "$TMP/note.pdf" -q 2>"$TMP/err"
check "fonts/ beside the content: exit 0" test $? -eq 0
check "fonts/ beside the content: no diagnostics" test -z "$(diagnostics "$TMP/err")"
check "fonts/ beside the content: DejaVu Serif embedded" grep -Eq "DejaVuSerif +CID TrueType|DejaVuSerif .* yes +yes +yes" <(pdffonts "$TMP/note.pdf")
check "fonts/ beside the content: the text is there" grep -q "honour to transmit" <(pdftotext "$TMP/note.pdf" - | tr '\n' ' ')
"${NOFC[@]}" "$FOLIO" fonts --layout "$TMP/proj/layouts/mission.yaml" >"$TMP/fonts.txt" 2>&1
# fonts/ beside a layout in layouts/ is layouts/fonts: not this one; the
# family is found only when the content's folder is known (render), so
# `folio fonts` reports it missing unless --font-path names the folder.
"${NOFC[@]}" "$FOLIO" fonts --layout "$TMP/proj/layouts/mission.yaml" --font-path "$TMP/proj/fonts" >"$TMP/fonts.txt" 2>&1
check "folio fonts --font-path: DejaVu Serif from --font-path" grep -Eq "Latin +Latn +DejaVu Serif +$TMP/proj/fonts/DejaVuSerif.ttf +\[--font-path" "$TMP/fonts.txt"

# Without the folder the family is missing: an error at the layout's font entry.
mv "$TMP/proj/fonts" "$TMP/proj/fonts-away"
"${NOFC[@]}" "$FOLIO" render "$TMP/proj/note.yaml" -o "$TMP/note2.pdf" -q 2>"$TMP/err"
check "no fonts/ folder: exit 1" test $? -eq 1
check "no fonts/ folder: the family is reported at the layout" grep -q "mission.yaml:[0-9]*:[0-9]*: error: font family 'DejaVu Serif' is not installed" "$TMP/err"
# --font-path brings it back.
"${NOFC[@]}" "$FOLIO" render "$TMP/proj/note.yaml" -o "$TMP/note3.pdf" -q --font-path "$TMP/proj/fonts-away" 2>"$TMP/err"
check "--font-path DIR: exit 0" test $? -eq 0
check "--font-path DIR: DejaVu Serif embedded" grep -q "DejaVuSerif" <(pdffonts "$TMP/note3.pdf")
check "--font-path DIR: same bytes as fonts/ beside the content" cmp "$TMP/note.pdf" "$TMP/note3.pdf"

# --- a layout names a font file ------------------------------------------------
mkdir -p "$TMP/proj/layouts/type"
cp "$DEJAVU" "$TMP/proj/layouts/type/Corporate.ttf"
sed 's/font: \[Noto Serif\]/font: [type\/Corporate.ttf]/' layouts/plain.yaml >"$TMP/proj/layouts/file.yaml"
sed 's|layouts/mission.yaml|layouts/file.yaml|' "$TMP/proj/note.yaml" >"$TMP/proj/note-file.yaml"
"${NOFC[@]}" "$FOLIO" render "$TMP/proj/note-file.yaml" -o "$TMP/note-file.pdf" -q 2>"$TMP/err"
check "a layout naming a font file: exit 0" test $? -eq 0
check "a layout naming a font file: that font embedded" grep -q "DejaVuSerif" <(pdffonts "$TMP/note-file.pdf")
sed 's/font: \[Noto Serif\]/font: [type\/Missing.ttf]/' layouts/plain.yaml >"$TMP/proj/layouts/file.yaml"
"${NOFC[@]}" "$FOLIO" render "$TMP/proj/note-file.yaml" -o "$TMP/note-file2.pdf" -q 2>"$TMP/err"
check "a missing font file: exit 1" test $? -eq 1
check "a missing font file: said at the layout" grep -q "file.yaml:[0-9]*:[0-9]*: error: font file 'type/Missing.ttf' not found" "$TMP/err"
sed 's/font: \[Noto Serif\]/font: [..\/..\/..\/etc\/passwd.ttf]/' layouts/plain.yaml >"$TMP/proj/layouts/file.yaml"
"${NOFC[@]}" "$FOLIO" render "$TMP/proj/note-file.yaml" -o "$TMP/note-file3.pdf" -q 2>"$TMP/err"
check "a font file outside the layout's tree: refused" test $? -eq 1

# --- the font cache -------------------------------------------------------------
CACHE="$XDG_CACHE_HOME/folio/fonts.cache"
rm -rf "$XDG_CACHE_HOME"
"$FOLIO" render content/release-mixed.yaml -o "$TMP/cold.pdf" -q 2>/dev/null
check "a run writes the cache in \$XDG_CACHE_HOME/folio" test -s "$CACHE"
check "the cache remembers fontconfig's answers" grep -q "^answer" "$CACHE"
"$FOLIO" render content/release-mixed.yaml -o "$TMP/warm.pdf" -q 2>/dev/null
check "cold and warm cache: same bytes" cmp "$TMP/cold.pdf" "$TMP/warm.pdf"
FOLIO_FONT_CACHE=off "$FOLIO" render content/release-mixed.yaml -o "$TMP/off.pdf" -q 2>/dev/null
check "no cache: same bytes" cmp "$TMP/cold.pdf" "$TMP/off.pdf"
# A lie in the cache: an answer pointing at another font, with stale stamps.
sed -i 's|^\(stamp\t[^\t]*\t\)[0-9]*$|\11|' "$CACHE"
sed -i 's|^\(answer\tfamily:Noto Serif CJK SC[^\t]*\t\)[^\t]*|\1/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf|' "$CACHE"
"$FOLIO" render content/release-mixed.yaml -o "$TMP/stale.pdf" -q 2>/dev/null
check "a stale cache is rebuilt, not trusted: same bytes" cmp "$TMP/cold.pdf" "$TMP/stale.pdf"
printf 'folio-fonts 1\nanswer\tbroken\ndir\t/x\tnot-a-number\n' >"$CACHE"
"$FOLIO" render content/release-mixed.yaml -o "$TMP/damaged.pdf" -q 2>/dev/null
check "a damaged cache: exit 0 and same bytes" cmp "$TMP/cold.pdf" "$TMP/damaged.pdf"
# fonts/ beside the content: a font added later is seen (directory mtime).
mv "$TMP/proj/fonts-away" "$TMP/proj/fonts"
"${NOFC[@]}" "$FOLIO" render "$TMP/proj/note.yaml" -o "$TMP/note4.pdf" -q 2>"$TMP/err"
check "a fonts/ folder that appears later is used" cmp "$TMP/note.pdf" "$TMP/note4.pdf"
"$FOLIO" fonts --rebuild >"$TMP/rebuild.txt" 2>&1
check "folio fonts --rebuild: exit 0 and says where" grep -q "font cache rebuilt: $CACHE" "$TMP/rebuild.txt"
# The hyphenation patterns' compiled form: same hyphenation as from the text file.
check "the compiled patterns are cached" test -n "$(ls "$XDG_CACHE_HOME"/folio/hyphen/hyph_en_US-*.bin 2>/dev/null)"
FOLIO_FONT_CACHE=off "$FOLIO" render content/press-release.yaml -o "$TMP/p-off.pdf" -q 2>/dev/null
"$FOLIO" render content/press-release.yaml -o "$TMP/p-on.pdf" -q 2>/dev/null
"$FOLIO" render content/press-release.yaml -o "$TMP/p-on2.pdf" -q 2>/dev/null
check "patterns from the cache hyphenate as libhyphen's own load" cmp "$TMP/p-off.pdf" "$TMP/p-on2.pdf"
head -c 200 /dev/urandom >"$(ls "$XDG_CACHE_HOME"/folio/hyphen/hyph_en_US-*.bin | head -1)"
"$FOLIO" render content/press-release.yaml -o "$TMP/p-bad.pdf" -q 2>/dev/null
check "a damaged pattern cache is rebuilt: same bytes" cmp "$TMP/p-off.pdf" "$TMP/p-bad.pdf"

# --- a batch: each document's fonts/ folder serves that document only ------
# Two folders carry different files of the family DejaVu Serif (regular in
# one, bold in the other); a layout shared by both asks for the regular
# face, so each folder's closest face is its own file. In one batch, in
# either order and at any -j, each PDF is the document rendered alone.
DEJAVU_BOLD=/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf
check "DejaVu Serif Bold is installed for this test (fonts-dejavu-core)" test -f "$DEJAVU_BOLD"
mkdir -p "$TMP/fa/fonts" "$TMP/fb/fonts" "$TMP/shared" "$TMP/alone"
cp "$DEJAVU" "$TMP/fa/fonts/"
cp "$DEJAVU_BOLD" "$TMP/fb/fonts/"
cp "$TMP/proj/layouts/mission.yaml" "$TMP/shared/mission.yaml"

# Renders documents A and B in one batch, in both orders, at -j 1 and -j 2,
# and checks each output equals the document rendered alone (in ALONE/).
# Usage: batch_matches_alone LABEL ALONE A B [render options...]
batch_matches_alone() {
  local label=$1 alone=$2 a=$3 b=$4
  shift 4
  local order j d out files
  for order in ab ba; do
    files=("$a" "$b")
    [ "$order" = ba ] && files=("$b" "$a")
    for j in 1 2; do
      out="$alone-batch-$order-$j"
      mkdir -p "$out"
      "${NOFC[@]}" "$FOLIO" render "${files[@]}" "$@" -o "$out/" -j $j -q 2>/dev/null
      check "$label$order -j $j: exit 0" test $? -eq 0
      for d in a b; do
        check "$label$order -j $j: $d.pdf is the document alone" cmp "$alone/$d.pdf" "$out/$d.pdf"
      done
    done
  done
}

for d in a b; do
  sed -e 's/^layout: .*/layout: mission/' -e "s/^title: .*/title: Note $d from the Permanent Mission/" \
    "$TMP/proj/note.yaml" >"$TMP/f$d/$d.yaml"
  "${NOFC[@]}" "$FOLIO" render "$TMP/f$d/$d.yaml" --layout "$TMP/shared/mission.yaml" -o "$TMP/alone/$d.pdf" -q 2>"$TMP/err"
  check "folder $d alone: exit 0" test $? -eq 0
done
check "folder a alone: its regular DejaVu Serif" grep -Eq "DejaVuSerif +CID" <(pdffonts "$TMP/alone/a.pdf")
check "folder a alone: not the other folder's bold" test -z "$(pdffonts "$TMP/alone/a.pdf" | grep DejaVuSerif-Bold)"
check "folder b alone: its bold DejaVu Serif" grep -Eq "DejaVuSerif-Bold +CID" <(pdffonts "$TMP/alone/b.pdf")
check "folder b alone: not the other folder's regular" test -z "$(pdffonts "$TMP/alone/b.pdf" | grep -E 'DejaVuSerif +CID')"
batch_matches_alone "batch " "$TMP/alone" "$TMP/fa/a.yaml" "$TMP/fb/b.yaml" --layout "$TMP/shared/mission.yaml"

# The same with fonts/ beside each folder's own layout (layouts/fonts/),
# the layout named by the content.
mkdir -p "$TMP/la/layouts/fonts" "$TMP/lb/layouts/fonts" "$TMP/lalone"
cp "$DEJAVU" "$TMP/la/layouts/fonts/"
cp "$DEJAVU_BOLD" "$TMP/lb/layouts/fonts/"
for d in a b; do
  cp "$TMP/shared/mission.yaml" "$TMP/l$d/layouts/mission.yaml"
  sed 's/^layout: .*/layout: layouts\/mission.yaml/' "$TMP/f$d/$d.yaml" >"$TMP/l$d/$d.yaml"
  "${NOFC[@]}" "$FOLIO" render "$TMP/l$d/$d.yaml" -o "$TMP/lalone/$d.pdf" -q 2>/dev/null
  check "layout folder $d alone: exit 0" test $? -eq 0
done
check "layout folder a alone: regular DejaVu Serif" grep -Eq "DejaVuSerif +CID" <(pdffonts "$TMP/lalone/a.pdf")
check "layout folder b alone: bold DejaVu Serif" grep -Eq "DejaVuSerif-Bold +CID" <(pdffonts "$TMP/lalone/b.pdf")
batch_matches_alone "layout folders, batch " "$TMP/lalone" "$TMP/la/a.yaml" "$TMP/lb/b.yaml"

# The same with a font file each folder's layout names by the same path
# (font: fonts/Mission.ttf), a different file in each folder.
mkdir -p "$TMP/na/layouts/fonts" "$TMP/nb/layouts/fonts" "$TMP/nalone"
cp "$DEJAVU" "$TMP/na/layouts/fonts/Mission.ttf"
cp "$DEJAVU_BOLD" "$TMP/nb/layouts/fonts/Mission.ttf"
for d in a b; do
  sed 's/font: \[DejaVu Serif\]/font: [fonts\/Mission.ttf]/' "$TMP/shared/mission.yaml" >"$TMP/n$d/layouts/mission.yaml"
  cp "$TMP/l$d/$d.yaml" "$TMP/n$d/$d.yaml"
  "${NOFC[@]}" "$FOLIO" render "$TMP/n$d/$d.yaml" -o "$TMP/nalone/$d.pdf" -q 2>/dev/null
  check "named font file $d alone: exit 0" test $? -eq 0
done
check "named font file a alone: regular DejaVu Serif" grep -Eq "DejaVuSerif +CID" <(pdffonts "$TMP/nalone/a.pdf")
check "named font file b alone: bold DejaVu Serif" grep -Eq "DejaVuSerif-Bold +CID" <(pdffonts "$TMP/nalone/b.pdf")
batch_matches_alone "named font files, batch " "$TMP/nalone" "$TMP/na/a.yaml" "$TMP/nb/b.yaml"

finish
