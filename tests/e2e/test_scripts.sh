#!/usr/bin/env bash
# Every script: the samples content/release-*.yaml (Arabic, Hebrew, Russian,
# Azerbaijani, Armenian, Georgian, Hindi, Bengali, Thai, Chinese, Japanese,
# Korean and a letter mixing them) render without a warning, every
# paragraph comes back out of the PDF as written (tests/e2e/check_text.py,
# bidi-aware), no word leaves the text block, only the Noto fonts of the
# fallback chain are used; a character that no font has is reported with
# its position, and --strict refuses the document.
source "$(dirname "$0")/lib.sh"

# Languages without hyphenation patterns in Debian: a justified line of long
# words may have to be set flush (reported, not failed).
declare -A loose_ok=([ka]=1 [hy]=1)

for src in content/release-*.yaml; do
  name=$(basename "$src" .yaml)
  lang=${name#release-}
  pdf="$TMP/$name.pdf"
  # --strict: a missing glyph or a line wider than the measure is an error.
  check "$name: renders with no warning (--strict)" "$FOLIO" render --strict "$src" -o "$pdf"
  [ -f "$pdf" ] || continue
  check "$name: qpdf --check clean" qpdf_clean "$pdf"
  check "$name: fonts embedded, subset, ToUnicode" fonts_ok "$pdf"
  check "$name: poppler, mutool, gs read it" readers_ok "$pdf"
  check "$name: only Noto fonts (no last-resort substitute)" \
    bash -c "pdffonts '$pdf' | awk 'NR>2 && \$1 !~ /Noto/ { print; bad=1 } END { exit bad }'"
  check "$name: every paragraph back as written, justified lines flush" \
    python3 tests/e2e/check_text.py "$src" "$pdf" --justified ${loose_ok[$lang]:+--loose-ok}
  check "$name: no word leaves the text block" python3 tests/e2e/text_block.py "$pdf" 25 25
done

# What poppler makes of right-to-left and mixed lines (docs/scripts.md):
# the counts are printed so that a change shows in the log.
for name in release-ar release-he release-mixed; do
  python3 tests/e2e/check_text.py "content/$name.yaml" "$TMP/$name.pdf" | tail -1 | sed "s/^/     $name: /"
done

# Thai: broken between words (dictionary), never inside one.
thai=$(pdftotext -enc UTF-8 "$TMP/release-th.pdf" - | tr -d ' ')
check "Thai: lines break between words" python3 - "$thai" <<'PY'
import sys
lines = [l for l in sys.argv[1].split("\n") if l.strip()]
words = ["มูลนิธิ", "ประกาศ", "เทศกาล", "ตลอด", "ระหว่าง", "มีนาคม", "เจ้าพระยา", "ศิลปิน", "ประเทศ",
         "เกือบ", "กิโลเมตร", "ประภาคาร", "เขื่อน", "บูรณะ", "ประวัติศาสตร์", "วัฒนธรรม", "พิพิธภัณฑ์"]
bad = [(a, b, w) for a, b in zip(lines, lines[1:]) for w in words
       for k in range(1, len(w)) if a.endswith(w[:k]) and b.startswith(w[k:])]
for a, b, w in bad:
    print(f"'{w}' cut: ...{a[-10:]} | {b[:10]}...")
sys.exit(1 if bad else 0)
PY

# Chinese and Japanese: no line starts with closing punctuation or small
# kana, none ends with opening punctuation (kinsoku).
for name in release-zh release-ja; do
  check "$name: kinsoku" python3 - "$TMP/$name.pdf" <<'PY'
import subprocess, sys
text = subprocess.run(["pdftotext", "-enc", "UTF-8", sys.argv[1], "-"], capture_output=True).stdout.decode()
lines = [l.strip() for l in text.split("\n") if l.strip()]
no_start = set("。、，．：；！？」』）》〉”’・ーッャュョァィゥェォっゃゅょぁぃぅぇぉ")
no_end = set("「『（《〈“‘")
bad = [l for l in lines if l[0] in no_start] + [l for l in lines if l[-1] in no_end]
for l in bad:
    print("bad line: " + l)
sys.exit(1 if bad else 0)
PY
done

# A character that no font has (U+18B00, Khitan Small Script): a warning
# with FILE:LINE:COL, the character and the fonts tried; --strict refuses
# the document and writes nothing.
mkdir -p "$TMP/missing"
printf 'title: Missing glyph\nbody:\n  - Plain text.\n  - Text with \xf0\x98\xac\x80 in it.\n' >"$TMP/missing/doc.yaml"
"$FOLIO" render "$TMP/missing/doc.yaml" -o "$TMP/missing/doc.pdf" 2>"$TMP/missing/err"
check "missing glyph: still renders (exit 0)" test $? -eq 0 -a -f "$TMP/missing/doc.pdf"
check "missing glyph: warning with line, column and U+18B00" \
  grep -qE 'doc\.yaml:4:15: warning: no font has the character U\+18B00' "$TMP/missing/err"
check "missing glyph: names the fonts tried" grep -qE 'fonts tried: Noto Serif, .*Noto Sans' "$TMP/missing/err"
# The column is the character's own, however the text is written: in a
# block scalar, in a plain scalar folded over lines, after an escape in a
# double-quoted string, in a list item, in a heading.
cat >"$TMP/missing/forms.yaml" <<'YAML'
title: Where the character is
body:
  - paragraph: |
      First line of a block.
      Second line has it here: 𘬀, then more.
  - Plain scalar folded
    over two lines with 𘬁 inside.
  - "An escape \u00e9 before 𘬂 it"
  - list:
      - "Item with 𘬃 in it"
  - heading: Heading 𘬄 text
YAML
"$FOLIO" render "$TMP/missing/forms.yaml" -o "$TMP/missing/forms.pdf" 2>"$TMP/missing/forms.err"
for want in "5:32 U+18B00" "7:25 U+18B01" "8:30 U+18B02" "10:20 U+18B03" "11:22 U+18B04"; do
  check "missing glyph at ${want% *}: ${want#* }" \
    grep -qF "forms.yaml:${want% *}: warning: no font has the character ${want#* }" "$TMP/missing/forms.err"
done
rm -f "$TMP/missing/doc.pdf"
"$FOLIO" render --strict "$TMP/missing/doc.yaml" -o "$TMP/missing/doc.pdf" 2>"$TMP/missing/err"
check "missing glyph --strict: exit 1" test $? -eq 1
check "missing glyph --strict: an error" grep -qE 'doc\.yaml:4:15: error: no font has the character U\+18B00' "$TMP/missing/err"
check "missing glyph --strict: no output file" test ! -e "$TMP/missing/doc.pdf"

# folio fonts: each script resolves to its Noto face.
"$FOLIO" fonts >"$TMP/fonts.txt"
for pair in "Arab:Noto Naskh Arabic" "Hebr:Noto Serif Hebrew" "Armn:Noto Serif Armenian" \
  "Geor:Noto Serif Georgian" "Deva:Noto Serif Devanagari" "Beng:Noto Serif Bengali" "Thai:Noto Serif Thai" \
  "Hani:Noto Serif CJK" "Hang:Noto Serif CJK KR" "Cyrl:Noto Serif"; do
  check "folio fonts: ${pair%%:*} -> ${pair#*:}" grep -qE "\\b${pair%%:*}\\b +${pair#*:}" "$TMP/fonts.txt"
done
finish
