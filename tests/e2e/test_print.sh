#!/usr/bin/env bash
# Print-ready output (docs/standards.md, docs/layout-format.md "Print"):
# page boxes, crop marks outside the bleed, a band into the bleed, a spot
# colour on its own plate, PDF/X-4 and PDF/A-2b checklists, and unchanged
# output without any of it. Everything is read back through qpdf, poppler,
# Ghostscript and MuPDF, never through Folio.
source "$(dirname "$0")/lib.sh"
E=tests/e2e
MM=2.834645669  # pt per mm

# --- the press release for the print shop: letterhead-print (bleed 3 mm, marks, PDF/X-4) with the
# sample content/layouts/harbour-print.yaml on top (its emblem in the spot ink Harbour Blue) ---
x4="$TMP/press-x4.pdf"
check "press release renders with harbour-print (on letterhead-print)" "$FOLIO" render content/press-release.yaml --layout content/layouts/harbour-print.yaml -o "$x4"
check "x4: qpdf --check clean" qpdf_clean "$x4"
check "x4: poppler, mutool, gs read it without a warning" readers_ok "$x4"
pages=$(pdfinfo "$x4" | awk '/^Pages:/ {print $2}')
check "x4: several pages" test "$pages" -ge 2

# Every checklist line of docs/standards.md is one check here; the lists of
# IDs in the document and in the checker's output must be the same.
ids_in_doc() { grep -oE "^\| *$1[0-9]+ " docs/standards.md | tr -d '| ' | sort; }
checklist() {  # checklist STANDARD FILE PREFIX LABEL
  python3 $E/pdf_standard.py "$1" "$2" >"$TMP/checklist.out" 2>&1
  while read -r status id rest; do
    if [ "$status" = ok ]; then pass "$4 $id $rest"; else fail "$4 $id $rest"; fi
  done <"$TMP/checklist.out"
  check "$4: every $3 line of docs/standards.md was checked" \
    diff <(ids_in_doc "$3") <(awk '{print $2}' "$TMP/checklist.out" | sort)
}
checklist pdf/x-4 "$x4" X "x4 checklist"

# Boxes: TrimBox = the A4 page, BleedBox 3 mm around it, inside the MediaBox.
boxes_ok() {  # boxes_ok FILE BLEED_MM
  pdfinfo -box -f 1 -l "$pages" "$1" | python3 -c '
import re, sys
mm, bleed = 72 / 25.4, float(sys.argv[1])
text = sys.stdin.read()
bad = 0
for n in sorted({int(p) for p in re.findall(r"Page\s+(\d+) TrimBox", text)}):
    box = {k: [float(v) for v in re.search(r"Page\s+%d %s:\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)" % (n, k), text).groups()]
           for k in ("MediaBox", "BleedBox", "TrimBox")}
    t, b, m = box["TrimBox"], box["BleedBox"], box["MediaBox"]
    ok = abs((t[2] - t[0]) - 210 * mm) < 0.01 and abs((t[3] - t[1]) - 297 * mm) < 0.01
    ok = ok and all(abs(abs(b[i] - t[i]) - bleed * mm) < 0.01 for i in range(4))
    ok = ok and m[0] <= b[0] and m[1] <= b[1] and m[2] >= b[2] and m[3] >= b[3]
    print("page", n, box, "ok" if ok else "BAD")
    bad += not ok
sys.exit(1 if bad or n < 2 else 0)' "$2"
}
check "x4: every page TrimBox A4, BleedBox 3 mm around it, MediaBox around that" boxes_ok "$x4" 3

# Marks: clipped at the BleedBox, every mark line outside it, no hairline.
check "x4: crop marks outside the bleed, nothing under 0.25 pt" python3 $E/print_marks.py --marks "$x4"
check "x4: a slug line with file name and page on every page" bash -c "
  for p in \$(seq 1 $pages); do pdftotext -f \$p -l \$p '$x4' - | grep -q 'press-x4.pdf · Page '\$p' of $pages' || exit 1; done"
# Inside the TrimBox (37 pt from the sheet edge, 595 x 842 pt) the slug is
# not there; on the whole sheet it is.
check "x4: the slug is outside the trimmed page" bash -c "
  ! pdftotext -f 1 -l 1 -r 72 -x 37 -y 37 -W 595 -H 842 '$x4' - | grep -q press-x4.pdf"

# Separations, as the print shop's RIP makes them (Ghostscript tiffsep).
# Sheet geometry: trim 13 mm from the sheet edge (bleed 3 + gap 1 + marks 5 + 4).
gs -q -dNOPAUSE -dBATCH -sDEVICE=tiffsep -sCompression=none -r150 -dFirstPage=1 -dLastPage=1 \
  -sOutputFile="$TMP/p1.tif" "$x4" 2>"$TMP/gs.err"
gs -q -dNOPAUSE -dBATCH -sDEVICE=tiffsep -sCompression=none -r150 -dFirstPage=2 -dLastPage=2 \
  -sOutputFile="$TMP/p2.tif" "$x4" 2>>"$TMP/gs.err"
check "gs tiffsep runs without a message" test ! -s "$TMP/gs.err"
spot="$TMP/p1(Harbour Blue).tif"
check "page 1: the spot colour Harbour Blue has its own plate" test -s "$spot"
# Inside the trimmed page, the spot plate carries ink exactly where the
# emblem is (25-44 mm x 15-34 mm from the trim corner, i.e. 38-57 x 28-47 mm
# on the sheet) and nowhere else.
within() {  # within "X0 Y0 X1 Y1" "X0 Y0 X1 Y1" TOLERANCE: first box ~= second
  python3 -c 'import sys; a=[float(v) for v in sys.argv[1].split()]; b=[float(v) for v in sys.argv[2].split()]
sys.exit(0 if len(a) == 4 and all(abs(x - y) <= float(sys.argv[3]) for x, y in zip(a, b)) else 1)' "$@"
}
emblem=$(python3 $E/print_plates.py ink-box "$spot" 150 13 13 223 310)
check "page 1: spot ink on the page only in the emblem (found: $emblem)" within "$emblem" "38 28 57 47" 0.3
# The process plates carry no Harbour Blue: where the emblem's solid part is
# (its top, above the lighthouse's white) cyan is empty.
cyan_emblem=$(python3 $E/print_plates.py ink-box "$TMP/p1(Cyan).tif" 150 38.5 28.5 45 35)
check "page 1: the spot colour does not also print in cyan (found: $cyan_emblem)" test "$cyan_emblem" = none
check "page 2 (no spot colour, no RGB): only the four process plates" bash -c "
  ls '$TMP' | grep -F 'p2(' | sort | tr '\n' ' ' | grep -qx 'p2(Black).tif p2(Cyan).tif p2(Magenta).tif p2(Yellow).tif '"
check "page 2: no RGB colour space or operator in the page" bash -c "
  python3 $E/pdf_standard.py pdf/x-4 '$x4' | grep -q '^ok   X7 '"
# The gold band is drawn from -10 mm; the bleed box cuts it 3 mm outside the
# trim: on the row 3 mm below the trim top, yellow spans 10 mm .. 226 mm.
band=$(python3 $E/print_plates.py row-span "$TMP/p1(Yellow).tif" 150 16)
check "page 1: the band runs into the bleed and stops at its edge (found: $band)" within "$band 0 0" "10 226 0 0" 0.3
# Marks are in registration colour (separation All): on every plate, outside the trim.
for plate in Cyan Magenta Yellow Black "Harbour Blue"; do
  n=$(python3 $E/print_plates.py ink-outside "$TMP/p1($plate).tif" 150 9.9 9.9 226.1 313.1)
  check "page 1: marks print on the $plate plate, outside the bleed ($n px)" test "$n" -gt 100
done
# Fonts: all embedded (pdffonts), also checked by X9.
check "x4: fonts embedded, subset, ToUnicode" fonts_ok "$x4"

# --- the same press release for the archive: PDF/A-2b ---
a2="$TMP/press-a2b.pdf"
check "press release renders as pdf/a-2b" "$FOLIO" render content/press-release.yaml --layout content/layouts/harbour-print.yaml --standard pdf/a-2b -o "$a2"
check "a2b: qpdf --check clean" qpdf_clean "$a2"
check "a2b: readers read it without a warning" readers_ok "$a2"
checklist pdf/a-2b "$a2" A "a2b checklist"
# The default letterhead (an RGB PNG emblem with alpha, RGB colours, links).
a2p="$TMP/letterhead-a2b.pdf"
check "letterhead renders as pdf/a-2b" "$FOLIO" render content/press-release.yaml --standard pdf/a-2b -o "$a2p"
checklist pdf/a-2b "$a2p" A "a2b letterhead checklist"
rgb_image_tagged() {
  qpdf --json=2 "$1" | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
val = lambda r: (objs["obj:" + r].get("value") or objs["obj:" + r]["stream"]["dict"]) if isinstance(r, str) and r.endswith(" R") else r
imgs = [o["stream"]["dict"] for o in objs.values() if "stream" in o and o["stream"]["dict"].get("/Subtype") == "/Image"]
spaces = [val(i["/ColorSpace"]) for i in imgs]
print(spaces)
rgb = [s for s in spaces if s == "/DeviceRGB" or (isinstance(s, list) and s[0] == "/ICCBased" and val(s[1]).get("/N") == 3)]
sys.exit(0 if rgb and all(isinstance(s, list) for s in rgb) else 1)'
}
check "a2b: the RGB emblem image carries an ICC profile" rgb_image_tagged "$a2p"
check "a2b: links kept, printable" bash -c "pdfinfo -url '$a2p' | grep -q harbourtrust"
x4p="$TMP/letterhead-x4.pdf"
check "letterhead renders as pdf/x-4 without a bleed" "$FOLIO" render content/press-release.yaml --standard pdf/x-4 -o "$x4p"
checklist pdf/x-4 "$x4p" X "x4 letterhead checklist"
check "x4 letterhead: the RGB emblem image carries an ICC profile" rgb_image_tagged "$x4p"
check "x4 letterhead: without a bleed, BleedBox = TrimBox = MediaBox" boxes_ok "$x4p" 0

# The checkers can fail: a plain PDF fails both checklists.
check "checker refuses a plain PDF as pdf/x-4" bash -c "! python3 $E/pdf_standard.py pdf/x-4 '$a2p' >/dev/null"
plain="$TMP/plain.pdf"
"$FOLIO" render content/press-release.yaml -o "$plain" -q
check "checker refuses a plain PDF as pdf/a-2b" bash -c "! python3 $E/pdf_standard.py pdf/a-2b '$plain' >/dev/null"
check "mark checker refuses a page without marks" bash -c "! python3 $E/print_marks.py --marks '$plain' >/dev/null"

# --- without print settings, output is unchanged ---
# The same layout with every new key at its default must give the same
# bytes as the layout without them: the defaults take exactly the path
# output took before these keys existed. That alone cannot tell whether
# that path changed, so the plain file is also checked to have none of what
# print output adds (boxes, clip, output intents, ICC spaces, 1.6 header).
sed -e 's/^page:/bleed: 0mm\nmarks: none\nstandard: none\npage:/' layouts/letterhead.yaml >"$TMP/explicit.yaml"
cp layouts/emblem.png "$TMP/"
check "explicit defaults written into the layout copy" grep -q '^standard: none' "$TMP/explicit.yaml"
"$FOLIO" render content/press-release.yaml --layout "$TMP/explicit.yaml" --allow-path "$TMP" -o "$TMP/explicit.pdf" -q
"$FOLIO" render content/press-release.yaml --standard none -o "$TMP/none.pdf" -q
cp layouts/letterhead.yaml "$TMP/copy.yaml"
"$FOLIO" render content/press-release.yaml --layout "$TMP/copy.yaml" --allow-path "$TMP" -o "$TMP/copy.pdf" -q
check "same bytes: plain layout vs the same layout with explicit defaults" cmp "$TMP/copy.pdf" "$TMP/explicit.pdf"
check "same bytes: no --standard vs --standard none" cmp "$plain" "$TMP/none.pdf"
check "plain: no TrimBox, BleedBox, OutputIntents, ICCBased, clip" bash -c "
  qpdf --qdf --object-streams=disable '$plain' '$TMP/plain-qdf.pdf';
  ! grep -aqE '/TrimBox|/BleedBox|/OutputIntents|/ICCBased|GTS_PDF| re W n' '$TMP/plain-qdf.pdf'"
check "plain: MediaBox exactly A4, PDF 1.7" bash -c "
  pdfinfo -box '$plain' | grep -qE 'MediaBox: +0.00 +0.00 +595.28 +841.89' && head -c 8 '$plain' | grep -q '%PDF-1.7'"

# --- bad values: FILE:LINE:COL, exit 1, no output ---
bad_layout() {  # bad_layout NAME "top-level lines, or colours (a: b) to add" "expected message"
  local name=$1 lines=$2 want=$3
  if [[ $lines == *:*cmyk* || $lines == *spot* ]]; then  # colours: into the layout's own 'colors'
    sed "s/^colors:\$/colors:\n$(sed 's/[&/]/\\&/g' <<<"$lines")/" layouts/letterhead.yaml >"$TMP/$name.yaml"
  else
    printf '%s\n' "$lines" | cat - layouts/letterhead.yaml >"$TMP/$name.yaml"
  fi
  rm -f "$TMP/$name.pdf"
  "$FOLIO" render content/press-release.yaml --layout "$TMP/$name.yaml" --allow-path "$TMP" -o "$TMP/$name.pdf" \
    >"$TMP/$name.out" 2>&1
  local rc=$?
  check "bad $name: exit 1" test $rc -eq 1
  check "bad $name: no output" test ! -e "$TMP/$name.pdf"
  check "bad $name: $want at FILE:LINE:COL" grep -qE "$name\.yaml:[0-9]+:[0-9]+: error: .*$want" "$TMP/$name.out"
}
bad_layout standard "standard: pdf/x-3" "unknown standard 'pdf/x-3'; did you mean 'pdf/x-4'"
bad_layout bleed "bleed: -3mm" "bleed '-3mm' is negative"
bad_layout bigbleed "bleed: 3cm" "bleed '3cm' is too large"
bad_layout marks "marks: [crop, regstration]" "unknown mark 'regstration'; did you mean 'registration'"
bad_layout cmyk '  x: "cmyk(0%, 20%, 100%)"' "expected cmyk\(\) with four components"
bad_layout cmykrange '  x: "cmyk(0%, 20%, 140%, 0%)"' "expected cmyk\(\) with four components"
bad_layout spotname '  a: "spot(Harbour Blue, cmyk(100%, 60%, 0%, 20%))"\n  b: "spot(Harbor Blue, 40%)"' \
  "unknown spot colour 'Harbor Blue'.*did you mean 'Harbour Blue'"
bad_layout spotall '  a: "spot(All, cmyk(100%, 100%, 100%, 100%))"' "spot colour name 'All' is reserved"
bad_layout spottwice '  a: "spot(Ink, cmyk(100%, 0%, 0%, 0%))"\n  b: "spot(Ink, cmyk(0%, 100%, 0%, 0%))"' \
  "spot colour 'Ink' is given a different CMYK alternate"
"$FOLIO" render content/press-release.yaml --standard pdf/x-5 -o "$TMP/x5.pdf" >"$TMP/x5.out" 2>&1
check "--standard pdf/x-5: usage error, exit 2, did you mean" bash -c "[ $? -eq 2 ] && grep -q \"did you mean 'pdf/x-4'\" '$TMP/x5.out'"
check "--help documents --standard" bash -c "'$FOLIO' --help | grep -q -- '--standard NAME'"
finish
