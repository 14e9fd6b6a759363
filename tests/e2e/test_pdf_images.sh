#!/usr/bin/env bash
# A page of a PDF used as an image is placed as vector art: a Form XObject
# with the page's own operators and fonts, no raster; broken, encrypted and
# empty PDFs and missing pages are refused at the image's FILE:LINE:COL.
source "$(dirname "$0")/lib.sh"

# --- The memo's mark (layouts/harbour-mark.pdf, a template image) ---------
memo="$TMP/memo.pdf"
check "memo renders" "$FOLIO" render content/memo.yaml -o "$memo"
check "memo: qpdf --check clean" qpdf_clean "$memo"
check "memo: poppler, mutool, gs read it" readers_ok "$memo"
# No raster image anywhere: pdfimages lists only its two header lines.
check "memo: no raster image (pdfimages)" test "$(pdfimages -list "$memo" | wc -l)" -eq 2
python3 tests/e2e/pdf_forms.py "$memo" 1 >"$TMP/forms.txt" 2>&1
check "memo: page 1 draws one Form XObject" test "$(grep -c . "$TMP/forms.txt")" -eq 1
check "memo: the form is the mark's 100pt page" grep -q "bbox=\[0,0,100,100\]" "$TMP/forms.txt"
# The mark's own operators survive: Bezier curves (c), clipping (W n), text.
check "memo: the form holds the vector curves and clip" grep -qE "ops=.*\bW\b.*\bc\b" "$TMP/forms.txt"
check "memo: the form keeps the mark's Type 3 font" grep -q "fonts=Type3" "$TMP/forms.txt"
check "memo: the form shows text (Tj)" grep -qE "ops=.*\bTj\b" "$TMP/forms.txt"
check "memo: the mark's font is listed by pdffonts" grep -q "Type 3" <(pdffonts "$memo")
# The monogram is real text after import: pdftotext finds "HT" where the
# mark is placed (x 162-188mm = 459-533pt, y 37-63mm = 105-179pt from the top).
pdftotext -f 1 -l 1 -bbox "$memo" "$TMP/memo-bbox.html"
check "memo: the mark's text 'HT' extracts inside the mark's area" python3 - "$TMP/memo-bbox.html" <<'EOF'
import re, sys
words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', open(sys.argv[1]).read())
hits = [w for w in words if w[4] == "HT"]
assert hits, "no word HT on page 1"
x0, y0, x1, y1 = map(float, hits[0][:4])
assert 459 < x0 < x1 < 533 and 105 < y0 < y1 < 179, hits
EOF
# Ink where the mark is: at 72 dpi, the mark's square (459-533, 105-179) is
# mostly the teal roundel (#0f5257) and white waves, the page around it white.
pdftoppm -r 72 -f 1 -l 1 "$memo" "$TMP/memo-px"
check "memo: the mark is drawn (teal pixels inside its square, none beside it)" python3 - "$TMP"/memo-px*.ppm <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
parts = data.split(maxsplit=4)  # P6 width height maxval pixels
w, h = int(parts[1]), int(parts[2])
px = parts[4]
def teal(x, y):
    r, g, b = px[3 * (y * w + x):3 * (y * w + x) + 3]
    return abs(r - 15) < 30 and abs(g - 82) < 30 and abs(b - 87) < 30
inside = sum(teal(x, y) for x in range(462, 530) for y in range(108, 176)) / (68 * 68)
beside = sum(teal(x, y) for x in range(380, 450) for y in range(108, 176)) / (70 * 68)
print(f"teal inside {inside:.2f}, beside {beside:.2f}")
assert inside > 0.4 and beside == 0
EOF
"$FOLIO" render content/memo.yaml -o "$TMP/memo2.pdf"
check "memo: same bytes on a second run" cmp "$memo" "$TMP/memo2.pdf"

# --- A PDF page as a content image, with `page:` ---------------------------
mkdir -p "$TMP/doc"
cat >"$TMP/doc/source.yaml" <<'EOF'
layout: plain
title: Source
body:
  - First source page, ALPHAWORD.
  - page-break:
  - Second source page, BRAVOWORD.
EOF
check "a two-page source PDF renders" "$FOLIO" render "$TMP/doc/source.yaml" -o "$TMP/doc/source.pdf"
cat >"$TMP/doc/main.yaml" <<'EOF'
layout: plain
body:
  - Before the figure.
  - image: source.pdf
    page: 2
    width: 60mm
    alt: The second page of the source document
  - After the figure.
EOF
check "page 2 of a PDF as a content image renders" "$FOLIO" render "$TMP/doc/main.yaml" -o "$TMP/doc/main.pdf"
check "the imported page's text extracts" grep -q "BRAVOWORD" <(pdftotext "$TMP/doc/main.pdf" -)
check "only the chosen page is imported" bash -c "! pdftotext '$TMP/doc/main.pdf' - | grep -q ALPHAWORD"
check "the imported page's embedded fonts are kept" fonts_ok "$TMP/doc/main.pdf"
check "qpdf --check clean with an imported page" qpdf_clean "$TMP/doc/main.pdf"
check "poppler, mutool, gs read it" readers_ok "$TMP/doc/main.pdf"
# Scaled to the width keeping the page's aspect ratio (A4: 60mm x 84.85mm).
python3 tests/e2e/pdf_forms.py "$TMP/doc/main.pdf" 1 >"$TMP/forms2.txt"
check "the form's box is the source's A4 page" grep -q "bbox=\[0,0,595.276,841.89\]" "$TMP/forms2.txt"
check "placed at 60mm wide, aspect kept" grep -qE "^0\.2857(1|2)[0-9]* 0 0 0\.2857(1|2)[0-9]* " \
  <(qpdf --qdf --object-streams=disable "$TMP/doc/main.pdf" - | grep -a " cm$")

# A page with /Rotate 90 is placed as a viewer shows it: landscape, so 60mm
# wide is 60mm / 841.89pt of its long side, and the form turns it clockwise.
qpdf --rotate=+90:1 "$TMP/doc/source.pdf" "$TMP/doc/turned.pdf"
sed 's/source.pdf/turned.pdf/; s/page: 2/page: 1/' "$TMP/doc/main.yaml" >"$TMP/doc/turned.yaml"
check "a rotated page renders" "$FOLIO" render "$TMP/doc/turned.yaml" -o "$TMP/doc/turned-out.pdf"
qpdf --qdf --object-streams=disable "$TMP/doc/turned-out.pdf" "$TMP/turned.qdf"
check "rotated: scaled by its long side (0.20202)" grep -aqE "^0\.20202 0 0 0\.20202 .* cm$" "$TMP/turned.qdf"
check "rotated: the form's matrix turns it clockwise" bash -c "tr '\n' ' ' <'$TMP/turned.qdf' | grep -qE '/Matrix \[ *0 +-1 +1 +0 +0 +595.2756 *\]'"
check "rotated: its text still extracts" grep -q "ALPHAWORD" <(pdftotext "$TMP/doc/turned-out.pdf" -)

# --- Refused: each at the image's position, exit 1, no output ---------------
refused() {  # refused "description" yaml-body-line expected-message
  local what=$1 image=$2 expected=$3
  printf 'layout: plain\nbody:\n  - Text.\n  - image: %s\n' "$image" >"$TMP/doc/bad.yaml"
  rm -f "$TMP/doc/bad.pdf"
  "$FOLIO" render "$TMP/doc/bad.yaml" -o "$TMP/doc/bad.pdf" 2>"$TMP/err.txt"
  local rc=$?
  if [ $rc -eq 1 ] && [ ! -e "$TMP/doc/bad.pdf" ] && grep -qF "bad.yaml:4:5: error: cannot read image" "$TMP/err.txt" &&
    grep -qF "$expected" "$TMP/err.txt"; then
    pass "$what"
  else
    fail "$what (exit $rc)"
    sed 's/^/     /' "$TMP/err.txt"
  fi
}
printf '%%PDF-1.4\nthis is not a PDF at all\n' >"$TMP/doc/broken.pdf"
refused "a broken PDF is refused" broken.pdf "the PDF cannot be parsed"
head -c 600 "$TMP/doc/source.pdf" >"$TMP/doc/truncated.pdf"
refused "a truncated PDF is refused" truncated.pdf "cannot read image"
qpdf --encrypt secret owner 256 -- "$TMP/doc/source.pdf" "$TMP/doc/locked.pdf"
refused "a password-protected PDF is refused" locked.pdf "the PDF is encrypted"
qpdf --encrypt "" owner 256 -- "$TMP/doc/source.pdf" "$TMP/doc/openlocked.pdf"
refused "an encrypted PDF without a user password is refused" openlocked.pdf "the PDF is encrypted"
# Old RC4 encryption (40 and 128 bit) too: refused before PoDoFo parses it
# (it used to report ePdfError_InternalLogic, and leak).
qpdf --allow-weak-crypto --encrypt "" owner 40 -- "$TMP/doc/source.pdf" "$TMP/doc/rc4-40.pdf"
refused "an RC4 40-bit encrypted PDF is refused as encrypted" rc4-40.pdf "the PDF is encrypted"
qpdf --allow-weak-crypto --encrypt secret owner 128 --use-aes=n -- "$TMP/doc/source.pdf" "$TMP/doc/rc4-128.pdf"
refused "an RC4 128-bit encrypted PDF is refused as encrypted" rc4-128.pdf "the PDF is encrypted"
# A damaged cross-reference table is refused, not repaired (PoDoFo's repair
# re-parses the whole file: seconds for a large one). 1.5 MB files made by
# tests/e2e/make_broken_xref.py; the sound control places.
for kind in shifted truncated-table prev-loop; do
  python3 tests/e2e/make_broken_xref.py "$TMP/doc/xref-$kind.pdf" $kind
  refused "a PDF whose cross-reference table is broken ($kind) is refused" xref-$kind.pdf \
    "its cross-reference table is damaged"
done
python3 tests/e2e/make_broken_xref.py "$TMP/doc/xref-good.pdf" good
printf 'layout: plain\nbody:\n  - Text.\n  - image: xref-good.pdf\n    width: 50mm\n' >"$TMP/doc/good.yaml"
check "the same 1.5 MB PDF with a sound table places" "$FOLIO" render "$TMP/doc/good.yaml" -o "$TMP/doc/good.pdf" -q
python3 - "$TMP/doc/empty.pdf" <<'EOF'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
out, offs = b"%PDF-1.4\n", []
for i, o in enumerate(objs, 1):
    offs.append(len(out)); out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offs)
out += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % x
open(sys.argv[1], "wb").write(out)
EOF
refused "a PDF without pages is refused" empty.pdf "the PDF has no pages"
# Hostile structure: nesting 100 and 100,000 deep in the page's resources,
# and a resource that refers to itself (copied once, not forever).
python3 - "$TMP/doc" <<'EOF'
import sys
def write(path, resources, extra=b""):
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Resources " + resources + b" >>"]
    if extra:
        objs.append(extra)
    out, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offs.append(len(out)); out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    open(path, "wb").write(out)
write(sys.argv[1] + "/nested100.pdf", b"<< /X " + b"[" * 100 + b"]" * 100 + b" >>")
write(sys.argv[1] + "/nested100k.pdf", b"<< /X " + b"[" * 100000 + b"]" * 100000 + b" >>")
write(sys.argv[1] + "/loop.pdf", b"<< /X 4 0 R >>", b"<< /Self 4 0 R /Next [4 0 R] >>")
EOF
refused "resources nested 100 deep are refused" nested100.pdf "objects are nested more than 64 deep"
refused "resources nested 100,000 deep are refused" nested100k.pdf "cannot read image"
printf 'layout: plain\nbody:\n  - image: loop.pdf\n' >"$TMP/doc/loop.yaml"
check "a resource referring to itself is copied once" "$FOLIO" render "$TMP/doc/loop.yaml" -o "$TMP/doc/loop-out.pdf"
check "  ... and the result is clean" qpdf_clean "$TMP/doc/loop-out.pdf"
printf 'layout: plain\nbody:\n  - image: source.pdf\n    page: 3\n' >"$TMP/doc/page3.yaml"
"$FOLIO" render "$TMP/doc/page3.yaml" -o "$TMP/doc/page3.pdf" 2>"$TMP/err.txt"
rc=$?
check "a page the PDF lacks is refused at the block, exit 1" test $rc -eq 1
check "  ... naming the page count" grep -qF "page3.yaml:3:5: error: cannot read image '$TMP/doc/source.pdf': page 3 does not exist; the PDF has 2 pages" "$TMP/err.txt"
check "  ... and writes nothing" test ! -e "$TMP/doc/page3.pdf"
printf 'layout: plain\nbody:\n  - image: source.pdf\n    page: 0\n' >"$TMP/doc/page0.yaml"
"$FOLIO" render "$TMP/doc/page0.yaml" -o "$TMP/doc/page0.pdf" 2>"$TMP/err.txt"
check "page 0 is refused at its value" grep -qF "page0.yaml:4:11: error: image page '0' is not valid" "$TMP/err.txt"
# Confined like any image: a PDF outside the content's folder is refused.
cp "$TMP/doc/source.pdf" "$TMP/outside.pdf"
printf 'layout: plain\nbody:\n  - image: ../outside.pdf\n' >"$TMP/doc/escape.yaml"
"$FOLIO" render "$TMP/doc/escape.yaml" -o "$TMP/doc/escape.pdf" 2>"$TMP/err.txt"
check "a PDF outside the content's folder is refused" grep -qF "is outside the content file's directory" "$TMP/err.txt"
# In a layout's template: `page:` beside `image:` chooses the page; beside
# anything else it is an error at its value.
mkdir -p "$TMP/lay/layouts"
cp "$TMP/doc/source.pdf" "$TMP/lay/layouts/two.pdf"
cat >"$TMP/lay/layouts/t.yaml" <<'EOF'
styles:
  body: {font: [Noto Serif], size: 10pt, leading: 13pt}
templates:
  first:
    items:
      - image: two.pdf
        page: 2
        x: 20mm
        y: 10mm
        width: 40mm
EOF
printf 'layout: t\nbody:\n  - Hello.\n' >"$TMP/lay/d.yaml"
check "a template image takes page 2 of a PDF" "$FOLIO" render "$TMP/lay/d.yaml" -o "$TMP/lay/d.pdf"
check "  ... whose text is on the page" grep -q BRAVOWORD <(pdftotext "$TMP/lay/d.pdf" -)
sed -i 's/page: 2/page: 5/' "$TMP/lay/layouts/t.yaml"
"$FOLIO" render "$TMP/lay/d.yaml" -o "$TMP/lay/d5.pdf" 2>"$TMP/err.txt"
check "a template page the PDF lacks: error at the item" grep -qF "t.yaml:6:9: error: cannot read image" "$TMP/err.txt"
check "  ... naming the page count" grep -qF "page 5 does not exist; the PDF has 2 pages" "$TMP/err.txt"
printf '      - text: ["x"]\n        page: 2\n' >>"$TMP/lay/layouts/t.yaml"
"$FOLIO" render "$TMP/lay/d.yaml" -o "$TMP/lay/d6.pdf" 2>"$TMP/err.txt"
check "page beside text is an error at its value" grep -qF "t.yaml:12:15: error: 'page' is for image items" "$TMP/err.txt"
finish
