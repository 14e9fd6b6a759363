#!/usr/bin/env bash
# Batches: many inputs in one process, mail merge from CSV and YAML, shards,
# bad records, `folio check`, and make integration through depfiles.
source "$(dirname "$0")/lib.sh"
ROOT=$PWD

# --- 1,000 letters from one content file and a 1,000-row CSV -------------
python3 - "$TMP/people.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("id,name,salutation,street,city,guests\n")
    for i in range(1, 1001):
        f.write(f'P{i:04d},Person Number{i},Reader {i},"{i} Quay Street, Flat {i % 7}",Port Example {10000 + i},{i % 4 + 1}\n')
PY
"$FOLIO" render examples/mail-merge/invitation.yaml --data "$TMP/people.csv" -o "$TMP/letters/letter-{fields.id}.pdf" -q 2>"$TMP/err"
rc=$?
check "1,000 letters: exit 0" test $rc -eq 0
check "1,000 letters: 1,000 files" test "$(ls "$TMP/letters" | grep -c '\.pdf$')" -eq 1000
check "1,000 letters: distinct" test "$(md5sum "$TMP"/letters/*.pdf | awk '{print $1}' | sort -u | wc -l)" -eq 1000
check "1,000 letters: quiet run prints one summary line" test "$(wc -l <"$TMP/err")" -eq 1
for i in 1 137 500 999 1000; do
  id=$(printf 'P%04d' $i)
  check "letter $id names its recipient" grep -q "Person Number$i$" <(pdftotext "$TMP/letters/letter-$id.pdf" -)
  check "letter $id has its reference" grep -q "reference $id" <(pdftotext "$TMP/letters/letter-$id.pdf" - | tr '\n' ' ')
done
check "a sample letter is a valid PDF" qpdf_clean "$TMP/letters/letter-P0500.pdf"

# --- shards: 1/3, 2/3, 3/3 together render each record exactly once -------
for k in 1 2 3; do
  "$FOLIO" render examples/mail-merge/invitation.yaml --data "$TMP/people.csv" -o "$TMP/shard$k/l-{fields.id}.pdf" --shard $k/3 -q 2>/dev/null
done
all=$(cat <(ls "$TMP/shard1") <(ls "$TMP/shard2") <(ls "$TMP/shard3") | sort)
check "shards: 1,000 outputs in all" test "$(wc -l <<<"$all")" -eq 1000
check "shards: none twice" test "$(sort -u <<<"$all" | wc -l)" -eq 1000
check "shards: nearly equal shares" test "$(ls "$TMP/shard1" | wc -l)" -eq 334
"$FOLIO" render content/letter.yaml --shard 4/3 2>/dev/null; check "bad --shard: exit 2" test $? -eq 2

# --- YAML records, bad records ----------------------------------------------
cat >"$TMP/people.yaml" <<'YAML'
- {id: Y1, name: Ana Silva, salutation: Ms Silva, street: 1 Dock Road, city: Port Example, guests: 2}
- {id: Y2, name: Ben Okoro, salutation: Mr Okoro, street: 2 Dock Road, city: Port Example}
- {id: Y3, name: Chen Wei, salutation: Mr Chen, street: 3 Dock Road, city: Port Example, guests: 1}
YAML
"$FOLIO" render examples/mail-merge/invitation.yaml --data "$TMP/people.yaml" -o "$TMP/y/{fields.id}.pdf" 2>"$TMP/err"
rc=$?
check "bad record: exit 1" test $rc -eq 1
check "bad record: reported with its position and number" grep -qE "people.yaml:2:[0-9]+: error: record 2 has no value for 'guests'" "$TMP/err"
check "bad record: skipped, the others rendered" test -f "$TMP/y/Y1.pdf" -a -f "$TMP/y/Y3.pdf" -a ! -e "$TMP/y/Y2.pdf"
"$FOLIO" render examples/mail-merge/invitation.yaml --data "$TMP/people.yaml" -o "$TMP/ys/{fields.id}.pdf" --strict 2>"$TMP/err"
rc=$?
check "bad record with --strict: exit 1" test $rc -eq 1
check "bad record with --strict: nothing rendered" test ! -e "$TMP/ys"
printf 'id,name\nA,"unclosed\n' >"$TMP/broken.csv"
"$FOLIO" render examples/mail-merge/invitation.yaml --data "$TMP/broken.csv" -o "$TMP/b/{fields.id}.pdf" 2>"$TMP/err"
check "broken CSV: position in the message" grep -qE "broken.csv:2: error: a quoted CSV cell is never closed" "$TMP/err"
"$FOLIO" render examples/mail-merge/invitation.yaml --data "$TMP/people.csv" -o "$TMP/same.pdf" 2>/dev/null
check "merge into one file name: exit 2" test $? -eq 2

# --- several inputs: one bad document does not stop the others ------------
printf 'body:\n  - heding: typo\n' >"$TMP/bad.yaml"
"$FOLIO" render content/letter.yaml "$TMP/bad.yaml" content/memo.yaml -o "$TMP/many/" -j 2 2>"$TMP/err"
rc=$?
check "batch with a bad document: exit 1" test $rc -eq 1
check "batch: the good documents rendered" test -f "$TMP/many/letter.pdf" -a -f "$TMP/many/memo.pdf"
check "batch: the bad one reported" grep -q "bad.yaml:2:5: error" "$TMP/err"
check "batch: summary" grep -q "2 of 3 documents rendered, 1 failed" "$TMP/err"
check "batch: no progress bar without a terminal" bash -c "! grep -q \$'\\r' '$TMP/err'"

# --- folio check: every problem, no output ---------------------------------
"$FOLIO" check content/letter.yaml "$TMP/bad.yaml" 2>"$TMP/err"
rc=$?
check "check: exit 1 for a bad file" test $rc -eq 1
check "check: no PDF written" test ! -e content/letter.pdf -a ! -e "$TMP/bad.pdf"
check "check: reports the problem" grep -q "bad.yaml:2:5: error: unknown block 'heding'" "$TMP/err"
check "check: a good file passes" "$FOLIO" check content/press-release.yaml

# --- make: renders what changed, and only that ------------------------------
W="$TMP/work"
mkdir -p "$W/content/layouts" "$W/build"
cp "$ROOT/Makefile" "$W/"
cp "$ROOT/content/letter.yaml" "$W/content/a.yaml"
sed 's/^layout: letterhead/layout: plain/' "$ROOT/content/letter.yaml" >"$W/content/b.yaml"
cp "$ROOT/layouts/letterhead.yaml" "$ROOT/layouts/plain.yaml" "$ROOT/layouts/emblem.png" "$W/content/layouts/"
ln -s "$(realpath "$FOLIO")" "$W/build/folio"
mk() { make -C "$W" --no-print-directory pdfs 2>&1; }
out=$(mk)
check "make: renders both documents" test -f "$W/out/a.pdf" -a -f "$W/out/b.pdf"
check "make: a second run does nothing" bash -c "make -C '$W' -q pdfs"
sleep 1; touch "$W/content/layouts/plain.yaml"; out=$(mk)
check "make: touching a layout re-renders exactly its documents" bash -c "grep -q 'content/b.yaml' <<<'$out' && ! grep -q 'content/a.yaml' <<<'$out'"
sleep 1; touch "$W/content/layouts/emblem.png"; out=$(mk)
check "make: touching an image re-renders exactly its documents" bash -c "grep -q 'content/a.yaml' <<<'$out' && ! grep -q 'content/b.yaml' <<<'$out'"
check "make: then nothing again" bash -c "make -C '$W' -q pdfs"
out=$(make -C "$W" --no-print-directory -j2 -B pdfs 2>&1)
check "make -j2 works" test -f "$W/out/a.pdf" -a -f "$W/out/b.pdf"
finish
