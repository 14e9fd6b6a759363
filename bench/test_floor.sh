#!/usr/bin/env bash
# folio_floor reads what it claims to from Folio's PDFs (bench/FloorInputs.h):
#  - the content streams it recompresses are the PDF's, whole: their size
#    equals the decompressed /Contents and form XObjects as pikepdf reads
#    them, and libdeflate 6 of them gives exactly the bytes the PDF stores
#    (same compressor, same level as src/pdf);
#  - words come out whole, per font, Arabic and Hebrew in logical order;
#  - its glyph sets are about the PDF's own subsets.
# Usage: test_floor.sh FOLIO FOLIO_FLOOR (registered by bench/CMakeLists.txt).
. "$(dirname "$0")/../tests/e2e/lib.sh"
FLOOR=${2:?usage: test_floor.sh FOLIO FOLIO_FLOOR}
PY=/usr/bin/python3  # Debian's python3-pikepdf (tools/setup.sh)

cat > "$TMP/doc.yaml" <<'YAML'
layout: plain
language: en
title: "Floor"
body:
  - heading: "Harbour lights"
  - "The harbour trust opens the quay. The harbour trust opens the quay again, and **strong words** twice: **strong words**."
  - paragraph: "يبدأ المهرجان عند الغروب على طول الرصيف"
    lang: ar
  - paragraph: "הכניסה למסלול חופשית"
    lang: he
YAML
SOURCE_DATE_EPOCH=0 "$FOLIO" render "$TMP/doc.yaml" -o "$TMP/doc.pdf" -q
check "folio renders the sample" test -s "$TMP/doc.pdf"
SOURCE_DATE_EPOCH=0 "$FOLIO" render content/press-release.yaml -o "$TMP/pr.pdf" -q

"$FLOOR" --json --reps 1 --budget 0 "$TMP/doc.pdf" "$TMP/pr.pdf" > "$TMP/floor.json"
check "folio_floor runs on two documents" test -s "$TMP/floor.json"

# Decompressed page contents and the form XObjects they draw, each once.
$PY - "$TMP/doc.pdf" "$TMP/pr.pdf" > "$TMP/pike.txt" <<'PYEOF'
import sys, pikepdf
raw = stored = 0
for path in sys.argv[1:]:
    pdf = pikepdf.open(path)
    seen = set()
    def streams(obj, res):
        global raw, stored
        objs = obj if isinstance(obj, pikepdf.Array) else [obj]
        for s in objs:
            raw += len(s.read_bytes())
            stored += len(s.read_raw_bytes())
        xo = res.get("/XObject") if res is not None else None
        if xo is not None:
            for name in xo.keys():
                x = xo[name]
                if x.get("/Subtype") == "/Form" and x.objgen not in seen:
                    seen.add(x.objgen)
                    streams(x, x.get("/Resources", res))
    for page in pdf.pages:
        streams(page.obj["/Contents"], page.obj.get("/Resources"))
print(raw, stored)
PYEOF
read -r RAW STORED < "$TMP/pike.txt"
val() { $PY -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$TMP/floor.json" "$1"; }
check "pikepdf read the contents" test "${RAW:-0}" -gt 0 -a "${STORED:-0}" -gt 0
check "content bytes = the PDF's decompressed content ($RAW)" test "$(val content_bytes)" = "${RAW:-none}"
check "libdeflate 6 gives the PDF's stored bytes ($STORED)" test "$(val content_compressed_bytes)" = "${STORED:-none}"
check "and so does what folio_floor read as stored" test "$(val content_pdf_bytes)" = "${STORED:-none}"
check "two documents" test "$(val documents)" = 2

"$FLOOR" --dump-words "$TMP/doc.pdf" > "$TMP/words.txt"
has() { grep -qxF "$1" "$TMP/words.txt" || { echo "missing: $1"; cat "$TMP/words.txt"; return 1; }; }
check "a word whole, counted each time" has "$(printf 'NotoSerif-Regular\t2\tharbour')"
check "bold text in the bold font" has "$(printf 'NotoSerif-Bold\t2\tstrong')"
check "Arabic in logical order" has "$(printf 'NotoNaskhArabic-Regular\t1\tالمهرجان')"
check "Hebrew in logical order" has "$(printf 'NotoSerifHebrew-Regular\t1\tחופשית')"
check "no space inside a word" bash -c "! cut -f3 '$TMP/words.txt' | grep -q ' '"

# The glyphs its shaping gives are about the PDF's subsets (hyphenation
# pieces and glyphs without text make small differences): within 10%.
"$FLOOR" --reps 1 --budget 0 "$TMP/pr.pdf" > "$TMP/pr.txt"
GLYPHS=$(sed -n 's/.* glyph sets .*, \([0-9]*\) glyphs;.*/\1/p' "$TMP/pr.txt")
PDFGLYPHS=$(awk '/PDF subset of/ { n += $(NF-1) } END { print n }' "$TMP/pr.txt")
check "glyphs subset ($GLYPHS) within 10% of the PDF's ($PDFGLYPHS)" \
  test $((GLYPHS * 10)) -ge $((PDFGLYPHS * 9)) -a $((GLYPHS * 10)) -le $((PDFGLYPHS * 11))

"$FLOOR" --json "$TMP/missing.pdf" > /dev/null 2> "$TMP/err.txt"
check "a missing PDF: exit 1" test $? -eq 1
check "a missing PDF: names the file" grep -q "missing.pdf" "$TMP/err.txt"
finish
