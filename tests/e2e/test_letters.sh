#!/usr/bin/env bash
# Letterheads and letters that hold real content (issue 14): template text
# in measured boxes, the geometry check, letter parts, DIN 5008.
source "$(dirname "$0")/lib.sh"

# 1. Every built-in layout with senders of 1, 40, 70 and 110 characters,
#    addresses of 1 to 4 lines, titles of 20 and 200 characters and an
#    Arabic sender: no template word overlaps another word or the body area,
#    none lies outside the page (measured with pdftotext -bbox-layout).
check "every layout, long and short values: nothing overlaps, nothing leaves the page" \
  python3 tests/e2e/template_geometry.py "$FOLIO" "$TMP/geometry"

# 2. DIN 5008: the recipient's lines lie in the address field (85 x 45 mm,
#    20 mm from the left, top at 27 mm in form A and 45 mm in form B).
din_field() {  # din_field PDF TOP_MM: every recipient word inside the field, within 0.5 mm
  python3 - "$1" "$2" <<'EOF'
import re, subprocess, sys
pdf, top = sys.argv[1], float(sys.argv[2])
mm = 72 / 25.4
x0, y0, x1, y1 = 20 * mm, top * mm, 105 * mm, (top + 45) * mm
tol = 0.5 * mm
out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox-layout", pdf, "-"], capture_output=True, text=True).stdout
lines = re.findall(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', out, re.S)
want = ["Frau", "Dr. Johanna Müller-Lüdenscheidt", "Glaswerkstatt am Seilerweg GmbH", "Seilerweg 7", "10004 Beispielhafen"]
found = 0
for xa, ya, xb, yb, body in lines:
    text = " ".join(re.findall(r">([^<]*)</word>", body))
    if text in want:
        found += 1
        xa, ya, xb, yb = map(float, (xa, ya, xb, yb))
        if xa < x0 - tol or ya < y0 - tol or xb > x1 + tol or yb > y1 + tol:
            sys.exit("'%s' at %.1f-%.1f mm across, %.1f-%.1f mm down lies outside the field %.0f-%.0f x %.1f-%.1f mm" %
                     (text, xa / mm, xb / mm, ya / mm, yb / mm, 20, 105, top, top + 45))
        print("'%s': %.1f-%.1f mm across, %.1f-%.1f mm down" % (text, xa / mm, xb / mm, ya / mm, yb / mm))
if found != len(want):
    sys.exit("found %d of the %d recipient lines as lines of their own" % (found, len(want)))
EOF
}
"$FOLIO" render content/letter-din.yaml -o "$TMP/din-b.pdf" 2>"$TMP/din-b.err"
check "letter-din (form B) renders" test -s "$TMP/din-b.pdf"
check "letter-din form B: recipient in the address field at 45 mm" din_field "$TMP/din-b.pdf" 45
"$FOLIO" render content/letter-din-a.yaml -o "$TMP/din-a.pdf" 2>"$TMP/din-a.err"
check "letter-din-a (form A) renders" test -s "$TMP/din-a.pdf"
check "letter-din form A: recipient in the address field at 27 mm" din_field "$TMP/din-a.pdf" 27

# 3. Letter parts come out of the PDF, in order.
"$FOLIO" render content/letter-business.yaml -o "$TMP/letter.pdf"
pdftotext "$TMP/letter.pdf" "$TMP/letter.txt"
for part in "Ms Hana Novak-Castellanos" "Permanent Mission of Azerbaijan · 866 UN Plaza" "AZ-UN/2026/088" "NGS-2026-14" \
  "Exhibition space at the Northern Light Festival 2026" "Dear Ms Novak-Castellanos," "Yours sincerely," \
  "Amira Castellanos-Aliyeva" "Counsellor, Head of Cultural Affairs" "Enclosures" "Floor plan of the Customs House" \
  "Copy to" "Festival technical office"; do
  check "letter: '$part' is printed" grep -qF "$part" "$TMP/letter.txt"
done
check "letter: opening, body, closing, signature in order" python3 - "$TMP/letter.txt" <<'EOF'
import sys
t = open(sys.argv[1]).read()
order = ["Dear Ms Novak-Castellanos,", "Thank you for your application", "Yours sincerely,", "Amira Castellanos-Aliyeva",
         "Enclosures", "Copy to"]
pos = [t.find(s) for s in order]
sys.exit(0 if all(p >= 0 for p in pos) and pos == sorted(pos) else "out of order: %s" % pos)
EOF
"$FOLIO" render content/note-verbale.yaml -o "$TMP/nv.pdf"
check "note verbale: number, close, place and date, addressee" bash -c \
  "pdftotext '$TMP/nv.pdf' - | tr '\n' ' ' | grep -q 'No. 4/110-2026.*presents its compliments.*highest consideration. *New York, 2 March 2026.*Permanent Missions of the Member States'"
"$FOLIO" render content/letter-ar.yaml -o "$TMP/ar.pdf"
check "Arabic letter: the recipient and signature come back" bash -c \
  "pdftotext '$TMP/ar.pdf' - | grep -q 'هناء نوفاك' && pdftotext '$TMP/ar.pdf' - | grep -q 'أميرة كاستيانوس'"

# 4. Version 1 files are unchanged by letter parts: the letter part keys are
#    new; a v1 file has none and is set without them.
check "v1 letter sample still renders" "$FOLIO" render content/letter.yaml -o "$TMP/v1.pdf"

# 5. A layout item over the body: a warning at the item's FILE:LINE:COL;
#    --strict makes it an error (exit 1, no file).
mkdir -p "$TMP/bad/layouts"
cat >"$TMP/bad/layouts/over.yaml" <<'EOF'
page: {size: A4, margins: {top: 50mm, bottom: 25mm, left: 25mm, right: 25mm}}
styles:
  body: {font: [Noto Serif], size: 10pt, leading: 14pt}
templates:
  first:
    items:
      - text: ["{fields.sender}"]
        x: 30mm
        y: 60mm
        width: 100mm
EOF
line=7
cat >"$TMP/bad/doc.yaml" <<'EOF'
layout: over
fields: {sender: Permanent Mission of the Republic of Azerbaijan to the United Nations}
body:
  - Some text.
EOF
"$FOLIO" render "$TMP/bad/doc.yaml" -o "$TMP/bad/out.pdf" 2>"$TMP/bad/err"
check "item over the body: renders (a warning, not an error)" test -s "$TMP/bad/out.pdf"
check "item over the body: warning at the layout's FILE:LINE:COL" \
  grep -qE "over.yaml:$line:[0-9]+: warning: sender \(69 characters\) overlaps the body text area" "$TMP/bad/err"
cat "$TMP/bad/err"
"$FOLIO" render "$TMP/bad/doc.yaml" -o "$TMP/bad/strict.pdf" --strict 2>"$TMP/bad/err2"
check "item over the body, --strict: exit 1" test $? -eq 1
check "item over the body, --strict: no file" test ! -e "$TMP/bad/strict.pdf"
check "item over the body, --strict: an error at FILE:LINE:COL" grep -qE "over.yaml:$line:[0-9]+: error: sender \(69 characters\) overlaps" "$TMP/bad/err2"
"$FOLIO" check "$TMP/bad/doc.yaml" 2>"$TMP/bad/err3"
check "folio check reports it" grep -qE "over.yaml:$line:[0-9]+: warning: sender \(69 characters\) overlaps" "$TMP/bad/err3"

# 6. A value its box cannot hold: "sender (70 characters) needs 2 lines at 15 pt; its box holds 1".
cat >"$TMP/bad/layouts/tight.yaml" <<'EOF'
page: {size: A4, margins: {top: 60mm, bottom: 25mm, left: 25mm, right: 25mm}}
styles:
  body: {font: [Noto Serif], size: 10pt, leading: 14pt}
  name: {font: [Noto Sans], weight: bold, size: 15pt, leading: 18pt}
templates:
  first:
    items:
      - text: ["{fields.sender}"]
        style: name
        x: 25mm
        y: 15mm
        width: 150mm
        max-lines: 1
EOF
sed 's/^layout: over/layout: tight/' "$TMP/bad/doc.yaml" >"$TMP/bad/tight.yaml"
"$FOLIO" render "$TMP/bad/tight.yaml" -o "$TMP/bad/tight.pdf" 2>"$TMP/bad/err4"
check "a box too small: the value and the lines it needs" \
  grep -qE "tight.yaml:8:[0-9]+: warning: sender \(69 characters\) needs 2 lines at 15 pt; its box holds 1" "$TMP/bad/err4"
sed -i 's/max-lines: 1/max-lines: 1\n        fit: shrink\n        min-size: 9pt/' "$TMP/bad/layouts/tight.yaml"
"$FOLIO" render "$TMP/bad/tight.yaml" -o "$TMP/bad/tight2.pdf" 2>"$TMP/bad/err5"
check "fit: shrink sets it on one line, smaller, with no warning" bash -c \
  "[ ! -s '$TMP/bad/err5' ] && pdftotext '$TMP/bad/tight2.pdf' - | grep -q 'Permanent Mission of the Republic of Azerbaijan to the United Nations'"
sed -i 's/fit: shrink/fit: clip-error/' "$TMP/bad/layouts/tight.yaml"
"$FOLIO" render "$TMP/bad/tight.yaml" -o "$TMP/bad/tight3.pdf" 2>"$TMP/bad/err6"
check "fit: clip-error: exit 1" test $? -eq 1
check "fit: clip-error: no file" test ! -e "$TMP/bad/tight3.pdf"
check "fit: clip-error: an error at the item" \
  grep -qE "tight.yaml:8:[0-9]+: error: sender \(69 characters\) needs 2 lines at 15 pt; its box holds 1" "$TMP/bad/err6"
finish
