#!/usr/bin/env bash
# Reproducibility across -j (issue 15): a 200-page document and a batch of
# letters give the same bytes with -j 1 and -j 2. With -j N on one document,
# N - 1 threads lay out paragraphs ahead (src/pagination/LayoutAhead.h): the
# multi-script document, with a dozen fonts met in an order a helper thread
# would change, checks that font ids (the order fonts are embedded in) still
# follow the document.
source "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1767225600
export XDG_CACHE_HOME="$TMP/cache"
python3 bench/generate.py "$TMP/docs" --sizes 200 --letters 24 --multiscript-pages 40 --no-peers >/dev/null
DOC="$TMP/docs/folio/doc-200.yaml"
"$FOLIO" render "$DOC" -o "$TMP/j1.pdf" -j 1 -q 2>/dev/null
check "200 pages, -j 1: exit 0" test $? -eq 0
"$FOLIO" render "$DOC" -o "$TMP/j2.pdf" -j 2 -q 2>/dev/null
check "200 pages, -j 2: exit 0" test $? -eq 0
pages=$(pdfinfo "$TMP/j1.pdf" | awk '/^Pages:/ {print $2}')
check "the document has about 200 pages ($pages)" test "$pages" -ge 180 -a "$pages" -le 220
check "200 pages: -j 1 and -j 2 give the same bytes" cmp "$TMP/j1.pdf" "$TMP/j2.pdf"
"$FOLIO" render "$DOC" -o "$TMP/j2b.pdf" -j 2 -q 2>/dev/null
check "200 pages: -j 2 twice gives the same bytes" cmp "$TMP/j2.pdf" "$TMP/j2b.pdf"
"$FOLIO" render "$DOC" -o "$TMP/j4.pdf" -j 4 -q 2>/dev/null
check "200 pages: -j 4 (three helper threads) gives the same bytes" cmp "$TMP/j1.pdf" "$TMP/j4.pdf"

# Pagination stopped by --max-pages while helpers still lay out paragraphs
# ahead: they stop before the blocks they read are freed (main's binary of
# 6 December crashed with SIGSEGV in about 3 runs of 16).
ok=0
for i in 1 2 3 4 5 6 7 8; do
  for j in 2 4; do
    "$FOLIO" render "$DOC" -o "$TMP/maxp.pdf" -j $j --max-pages 1 2>"$TMP/maxp.err"
    [ $? -eq 1 ] && grep -q "needs more than 1 pages" "$TMP/maxp.err" && [ ! -e "$TMP/maxp.pdf" ] && ok=$((ok + 1))
  done
done
check "200 pages, --max-pages 1 at -j 2 and -j 4: exit 1, the message, no file ($ok of 16)" test $ok -eq 16

MS="$TMP/docs/folio/multi-script.yaml"
"$FOLIO" render "$MS" -o "$TMP/m1.pdf" -j 1 -q 2>/dev/null
check "multi-script, -j 1: exit 0" test $? -eq 0
check "multi-script: at least 8 fonts embedded" test "$(pdffonts "$TMP/m1.pdf" | tail -n +3 | wc -l)" -ge 8
for j in 2 3 4; do
  "$FOLIO" render "$MS" -o "$TMP/m$j.pdf" -j $j -q 2>/dev/null
  check "multi-script: -j 1 and -j $j give the same bytes" cmp "$TMP/m1.pdf" "$TMP/m$j.pdf"
done
"$FOLIO" render "$MS" -o "$TMP/m1.txt" --format frames -j 1 -q 2>/dev/null
"$FOLIO" render "$MS" -o "$TMP/m2.txt" --format frames -j 2 -q 2>/dev/null
check "multi-script: the same frame dump (font ids) with -j 1 and -j 2" cmp "$TMP/m1.txt" "$TMP/m2.txt"

# Footnotes are numbered as the builder meets them, but helpers lay out
# paragraphs ahead with predicted numbers: notes cited in table cells, list
# items, quotes and by id (reused), between paragraphs laid out ahead, make
# some predictions wrong; those paragraphs are laid out again in order. The
# warnings (a character no font has, with its column) come in the same order.
python3 - "$TMP/notes.yaml" <<'PY'
import random, sys
random.seed(3)
words = "harbour trust lantern quay beacon council people water energy reading museum archive ferry".split()
def para(n):
    return " ".join(random.choice(words) for _ in range(n)).capitalize() + "."
out = ["layout: report", "language: en", "title: Notes everywhere", "footnotes:"]
out += [f'  n{i}: "Note {i}: {para(20)}"' for i in range(1, 8)]
out.append("body:")
for k in range(60):
    r = k % 9
    if r == 0: out.append(f'  - heading: "Section {k} {para(4)}"\n    level: 2')
    elif r == 1: out.append(f'  - "{para(60)} Cited[^n{k % 7 + 1}] and inline^[An inline note {k}.] then {para(30)}"')
    elif r == 2: out.append(f'  - table:\n      - [A, B]\n      - ["cell with a note^[table note {k}]", "plain"]\n      - ["again[^n{k % 5 + 1}]", "x"]')
    elif r == 3: out.append(f'  - list:\n      - "item^[list note {k}] {para(15)}"\n      - "{para(20)}[^n2]"')
    elif r == 4: out.append(f'  - "Reference {para(40)} with a private use \ue000 character."')
    elif r == 5: out.append(f'  - quote: "{para(40)}^[quote note {k}]"')
    else: out.append(f'  - "{para(80)}"')
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
for j in 1 2 4; do
  "$FOLIO" render "$TMP/notes.yaml" -o "$TMP/n$j.pdf" -j $j 2>"$TMP/n$j.err"
  check "notes, -j $j: exit 0" test $? -eq 0
done
check "notes: the warnings name the missing character" grep -q "U+E000" "$TMP/n1.err"
check "notes: the last inline note has its number" grep -q "quote note 59" <(pdftotext "$TMP/n1.pdf" -)
for j in 2 4; do
  check "notes: -j 1 and -j $j give the same bytes" cmp "$TMP/n1.pdf" "$TMP/n$j.pdf"
  check "notes: -j 1 and -j $j give the same messages in the same order" cmp "$TMP/n1.err" "$TMP/n$j.err"
done

# The body's inline text is parsed ahead by helpers while it is read
# (src/content/InlineAhead.h); its warnings (an unsupported tag, a tag
# never closed, an inline image) join the document's where one thread
# writes them: in paragraphs, headings, list items, quotes and a quote's
# blocks, and once with an error that stops the run.
python3 - "$TMP/inline.yaml" "$TMP/inline-bad.yaml" <<'PY'
import sys
out = ["layout: report", "language: en", "title: Warnings while reading", "body:"]
for k in range(300):
    r = k % 6
    if r == 0: out.append(f'  - "Paragraph {k} with <blink>an unsupported tag {k}</blink> and more words."')
    elif r == 1: out.append(f'  - heading: "Heading {k} <u>never closed"\n    level: 2')
    elif r == 2: out.append(f'  - list:\n      - "item {k} ![picture {k}](p{k}.png)"\n      - "plain item {k}"')
    elif r == 3: out.append(f'  - quote: "Quote {k} <marquee>moving</marquee>"')
    elif r == 4: out.append(f'  - quote:\n      - "Quoted block {k} <blink>x</blink>"\n      - "Quoted block {k} plain"')
    else: out.append(f'  - "Plain paragraph {k} with *emphasis* and a [link](https://example.com/{k})."')
open(sys.argv[1], "w").write("\n".join(out) + "\n")
out.insert(150, '  - paragraph: [not, inline, text]')
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
for j in 1 2 3; do
  "$FOLIO" render "$TMP/inline.yaml" -o "$TMP/i$j.pdf" -j $j 2>"$TMP/i$j.err"
  check "inline warnings, -j $j: exit 0" test $? -eq 0
  "$FOLIO" render "$TMP/inline-bad.yaml" -o "$TMP/ib$j.pdf" -j $j 2>"$TMP/ib$j.err"
  check "inline warnings and an error, -j $j: exit 1" test $? -eq 1
done
check "inline warnings: at least 200 of them" test "$(grep -c warning "$TMP/i1.err")" -ge 200
check "inline warnings: the error is reported" grep -q "error: wrong type for 'paragraph'" "$TMP/ib1.err"
for j in 2 3; do
  check "inline warnings: -j 1 and -j $j give the same bytes" cmp "$TMP/i1.pdf" "$TMP/i$j.pdf"
  check "inline warnings: -j 1 and -j $j give the same messages in the same order" cmp "$TMP/i1.err" "$TMP/i$j.err"
  check "inline warnings and an error: -j 1 and -j $j, the same messages" cmp "$TMP/ib1.err" "$TMP/ib$j.err"
done

# A batch: 24 letters in one process, one thread or two.
"$FOLIO" render "$TMP"/docs/folio/letters/*.yaml -o "$TMP/b1/" -j 1 -q 2>/dev/null
check "batch, -j 1: exit 0" test $? -eq 0
"$FOLIO" render "$TMP"/docs/folio/letters/*.yaml -o "$TMP/b2/" -j 2 -q 2>/dev/null
check "batch, -j 2: exit 0" test $? -eq 0
check "batch: 24 letters each way" test "$(ls "$TMP/b1" | grep -c '\.pdf$')" -eq 24 -a "$(ls "$TMP/b2" | grep -c '\.pdf$')" -eq 24
same=0
for f in "$TMP"/b1/*.pdf; do cmp -s "$f" "$TMP/b2/$(basename "$f")" && same=$((same + 1)); done
check "batch: every letter has the same bytes with -j 1 and -j 2 ($same of 24)" test $same -eq 24
check "batch: the letters differ from each other" test "$(md5sum "$TMP"/b1/*.pdf | awk '{print $1}' | sort -u | wc -l)" -eq 24
# A batch of different documents in several scripts: one font store serves
# them all, so font ids follow the batch; each document must still embed
# its fonts in its own order (text/DocumentFonts.h) and come out exactly as
# when rendered alone, in any batch order and with any -j (with main's
# binary of 6 December, 3 of 8 differed at -j 1 and 4 in reverse order).
MIX=(content/release-he.yaml content/release-ar.yaml content/release-ja.yaml content/release-mixed.yaml
     content/release-hi.yaml content/letter-ar.yaml content/release-ru.yaml content/press-release.yaml)
for f in "${MIX[@]}"; do "$FOLIO" render "$f" -o "$TMP/alone/" -q -j 1 2>/dev/null; done
check "mixed batch: 8 documents rendered alone" test "$(ls "$TMP/alone" | grep -c '\.pdf$')" -eq 8
REV=()
for ((i = ${#MIX[@]} - 1; i >= 0; i--)); do REV+=("${MIX[$i]}"); done
for run in "j1 -j 1 ${MIX[*]}" "j2 -j 2 ${MIX[*]}" "j3 -j 3 ${MIX[*]}" "rev -j 1 ${REV[*]}" "rev2 -j 2 ${REV[*]}"; do
  set -- $run
  name=$1
  shift
  "$FOLIO" render "${@:3}" -o "$TMP/mix-$name/" "$1" "$2" -q 2>/dev/null
  same=0
  for f in "$TMP"/alone/*.pdf; do cmp -s "$f" "$TMP/mix-$name/$(basename "$f")" && same=$((same + 1)); done
  check "mixed batch ($name): every document has the bytes it has alone ($same of 8)" test $same -eq 8
done
"$FOLIO" render content/release-ar.yaml -o "$TMP/ar-alone.txt" --format frames -q 2>/dev/null
# (a batch names its frame dumps .pdf, as its PDFs)
"$FOLIO" render content/release-he.yaml content/release-ar.yaml -o "$TMP/fr/" --format frames -q -j 1 2>/dev/null
check "mixed batch: a frame dump's font numbers are the document's own" cmp "$TMP/ar-alone.txt" "$TMP/fr/release-ar.pdf"
# A batch reuses what earlier letters set (the letterhead's lines,
# pagination::TextBoxCache): a letter in the batch is the letter alone, and
# a template line's warning is given for every document that has it.
# --combine writes the kept frames after the batch: its fonts go in the
# order the pages first use them, not in the batch's font ids (with main's
# binary of 6 December, two -j 2 runs gave different font object numbers).
COMB=(content/report-tables.yaml content/release-ar-table.yaml content/letter.yaml content/report.yaml)
# The old race showed in about one -j 2 run of four, so several runs.
for run in 1 2a 2b 2c 2d 2e 3; do
  j=${run:0:1}
  "$FOLIO" render "${COMB[@]}" -o "$TMP/comb$run/" --combine "$TMP/comb$run/all.pdf" -q -j $j 2>/dev/null
  check "combine, -j $j (run $run): exit 0" test $? -eq 0
  [ "$run" = 1 ] || check "combine: -j $j (run $run) gives the bytes of -j 1" cmp "$TMP/comb1/all.pdf" "$TMP/comb$run/all.pdf"
done
check "combine: the Arabic release's text is in the combined file" \
  test "$(pdftotext "$TMP/comb1/all.pdf" - | grep -c 'الميناء')" -ge 3
for n in 0001 0013 0024; do
  "$FOLIO" render "$TMP/docs/folio/letters/letter-$n.yaml" -o "$TMP/alone-$n.pdf" -q 2>/dev/null
  check "batch: letter $n has the bytes it has alone" cmp "$TMP/alone-$n.pdf" "$TMP/b2/letter-$n.pdf"
done
for i in 1 2; do
  printf 'layout: letterhead\ntitle: "W %s"\nfields:\n  sender: "Harbour Trust \ue000 %s"\n  reference: "Ref. \ue000 HT-7"\nbody:\n  - "Hello %s."\n' $i $i $i >"$TMP/w$i.yaml"
done
"$FOLIO" render "$TMP/w1.yaml" -o "$TMP/w1.pdf" 2>"$TMP/w1.err"
"$FOLIO" render "$TMP/w1.yaml" "$TMP/w2.yaml" -o "$TMP/w/" -j 1 2>"$TMP/w.err"
check "batch: a template line's missing glyph is reported for each document (2 + 2)" \
  test "$(grep -c 'U+E000' "$TMP/w.err")" -eq 4 -a "$(grep -c 'U+E000' "$TMP/w1.err")" -eq 2
check "batch: the letter with the warnings has the bytes it has alone" cmp "$TMP/w1.pdf" "$TMP/w/w1.pdf"
finish
