#!/usr/bin/env bash
# Issue 18: a letterhead adapted in ten lines (extends), and nothing a user
# writes lost in silence: field checks, missing-field policies, body
# placeholders, literal mail-merge data, template words and mirroring for
# right-to-left documents, all problems in one run, --combine.
source "$(dirname "$0")/lib.sh"
D=tests/data/adapt
E=tests/e2e
mm() { python3 -c "import sys; print(float(sys.argv[1]) * 25.4 / 72)" "$1"; }

# --- the mission's letterhead: extends letterhead in at most ten lines ------
lines=$(grep -cvE '^\s*(#|$)' $D/layouts/mission.yaml)
check "mission layout: at most ten lines ($lines)" test "$lines" -le 10
"$FOLIO" render $D/release.yaml -o "$TMP/mission/release.pdf" 2>"$TMP/err"
check "mission release: rendered into a new folder (-o DIR/FILE.pdf)" test -s "$TMP/mission/release.pdf"
check "mission release: the field of the removed item is reported, nothing else" \
  test "$(grep -c warning: "$TMP/err")" -eq 1 -a "$(grep -c "release.yaml:7:3: warning: field 'reference' is used neither" "$TMP/err")" -eq 1
pdftotext "$TMP/mission/release.pdf" "$TMP/m.txt"
for want in "Permanent Mission of the Republic of Examplestan to the United Nations Office and other organizations at Geneva" "Rue de l'Exemple 14" "Case postale 1234" "1211 Genève 20" \
            "Telephone +41 22 555 01 00" "Geneva, March 2, 2026." "Statement on the opening of the session" \
            "write {title} for the braces, and {this} stays"; do
  check "mission release shows: $want" grep -qF "$want" <(tr '\n' ' ' <"$TMP/m.txt" | sed 's/  */ /g')
done
check "mission release: the removed item is gone" bash -c "! grep -q 'not shown' '$TMP/m.txt'"
check "mission release: the body's {fields.sender} is substituted" grep -qF "The Mission of Permanent Mission of the Republic of Examplestan" <(tr '\n' ' ' <"$TMP/m.txt")
check "mission release: one page: 'Page 1', no 'of 1'" bash -c "grep -qx 'Page 1' '$TMP/m.txt' && ! grep -q 'of 1' '$TMP/m.txt'"
pdfimages -list "$TMP/mission/release.pdf" | awk 'NR>2 && $3=="image" {print $4 "x" $5}' >"$TMP/imgs"
check "mission release: its own emblem (90x120) and no other image" test "$(cat "$TMP/imgs")" = "90x120"
# Without an emblem field the built-in letterhead shows none (no sample roundel).
sed '/emblem:/d; s/layout: mission/layout: letterhead/' $D/release.yaml >"$D/.plain.yaml"
"$FOLIO" render "$D/.plain.yaml" -o "$TMP/plain.pdf" 2>/dev/null
rm -f "$D/.plain.yaml"
check "built-in letterhead without fields.emblem: no image at all" test "$(pdfimages -list "$TMP/plain.pdf" | tail -n +3 | wc -l)" -eq 0
# A mission letterhead in pieces: an unknown id to replace is an error with a suggestion.
mkdir -p "$TMP/x/layouts"
printf 'extends: letterhead\ntemplates:\n  first: {items: [{id: emblm, remove: true}]}\n' >"$TMP/x/layouts/bad.yaml"
printf 'layout: bad\nbody: [Hello]\n' >"$TMP/x/doc.yaml"
"$FOLIO" check "$TMP/x/doc.yaml" 2>"$TMP/err"
check "extends: unknown item id, with a suggestion" grep -qE "bad.yaml:3:[0-9]+: error: no template item with id 'emblm' in the base layout; did you mean 'emblem'\?" "$TMP/err"

# --- fields checked against the layout --------------------------------------
cat >"$TMP/x/typo.yaml" <<'YAML'
title: A letter
fields:
  sender: Harbour Trust
  adress: 12 Quay Street
  phon: "+1 555 0100"
body: [Hello]
YAML
"$FOLIO" check "$TMP/x/typo.yaml" 2>"$TMP/err"; rc=$?
check "mistyped field: a warning at its place with a suggestion" grep -qE "typo.yaml:4:3: warning: field 'adress' is used neither by the layout .* did you mean 'address'\?" "$TMP/err"
check "mistyped field: the second one too" grep -qE "typo.yaml:5:3: warning: field 'phon' .*did you mean 'phone'\?" "$TMP/err"
check "mistyped field: a warning does not fail the check" test $rc -eq 0
"$FOLIO" check --strict "$TMP/x/typo.yaml" 2>"$TMP/err"
check "mistyped field under --strict: exit 1" test $? -eq 1

# --- a three-placeholder line under each missing-field policy ---------------
for policy in drop-segment drop-line fail; do
  cat >"$TMP/x/layouts/$policy.yaml" <<YAML
extends: letterhead
templates:
  first:
    items:
      - id: address
        text: ["{fields.address}", {segments: ["Tel {fields.phone}", "Fax {fields.fax}", "{fields.email}"], missing: $policy}]
        style: letterhead-line
        x: 105mm
        y: 17mm
        width: 80mm
        align: right
YAML
  printf 'layout: %s\nfields:\n  sender: Harbour Trust\n  address: 12 Quay Street\n  phone: "+1 555 0100"\n  email: info@harbour.example\nbody: [Hello]\n' "$policy" >"$TMP/x/$policy-doc.yaml"
  "$FOLIO" render "$TMP/x/$policy-doc.yaml" -o "$TMP/x/$policy.pdf" 2>"$TMP/err-$policy"
  echo $? >"$TMP/rc-$policy"
done
check "drop-segment: the line stays without the fax and its separator" grep -qF "Tel +1 555 0100 · info@harbour.example" <(pdftotext "$TMP/x/drop-segment.pdf" -)
check "drop-line: the whole line goes" bash -c "! pdftotext '$TMP/x/drop-line.pdf' - | grep -q 'Tel +1'"
check "drop-line: the address stays" grep -qF "12 Quay Street" <(pdftotext "$TMP/x/drop-line.pdf" -)
check "fail: exit 1, nothing written" test "$(cat "$TMP/rc-fail")" -eq 1 -a ! -e "$TMP/x/fail.pdf"
check "fail: the template line and the missing field named" grep -qE "fail.yaml:6:[0-9]+: error: the template line needs \{fields.fax\}" "$TMP/err-fail"
# Without a policy a missing field is a warning at the template line, with a suggestion.
printf 'extends: letterhead\ntemplates:\n  first: {items: [{id: reference, text: ["Ref. {fields.ref}"]}]}\n' >"$TMP/x/layouts/ref.yaml"
printf 'layout: ref\nfields:\n  sender: Harbour Trust\n  refs: HT-1\nbody: [Hello]\n' >"$TMP/x/ref-doc.yaml"
"$FOLIO" check "$TMP/x/ref-doc.yaml" 2>"$TMP/err"
check "template placeholder without its field: a warning with a suggestion" grep -qE "ref.yaml:3:[0-9]+: warning: the template uses \{fields.ref\}, .* did you mean 'refs'\?" "$TMP/err"

# --- placeholders in body text ----------------------------------------------
printf 'title: T\nfields:\n  sender: Harbour Trust\nbody:\n  - "From {fields.sendr}."\n' >"$TMP/x/ph.yaml"
"$FOLIO" check "$TMP/x/ph.yaml" 2>"$TMP/err"; rc=$?
check "unknown body placeholder: an error at its column with a suggestion" grep -qF "ph.yaml:5:11: error: placeholder '{fields.sendr}' names no field; did you mean '{fields.sender}'?" "$TMP/err"
check "unknown body placeholder: exit 1" test $rc -eq 1

# --- mail merge: literal data, empty cells, one error for a typo, --combine -
cat >"$TMP/x/guests.csv" <<'CSV'
id,name,street,city
G1,Maria *Kowalczyk*_jr [acting],,Port Example 10001
G2,Ben <b>Okoro</b> \\ `x`,2 Dock Road,Port Example 10002
CSV
cat >"$TMP/x/invite.yaml" <<'YAML'
title: Invitation
fields:
  sender: Harbour Trust
body:
  - paragraph: "{fields.name}\\\n{fields.street}\\\n{fields.city}"
    align: start
  - "Dear {fields.name}, you are invited."
YAML
"$FOLIO" render "$TMP/x/invite.yaml" --data "$TMP/x/guests.csv" -o "$TMP/x/inv/{fields.id}.pdf" 2>"$TMP/err"
check "merge: exit 0" test $? -eq 0
pdftotext "$TMP/x/inv/G1.pdf" "$TMP/g1.txt"
check "merge: *, _ and [ come back literally" grep -qF "Maria *Kowalczyk*_jr [acting]" "$TMP/g1.txt"
check "merge: tags, backslashes and backticks too" grep -qF 'Ben <b>Okoro</b> \\ `x`' <(pdftotext "$TMP/x/inv/G2.pdf" -)
check "merge: an empty cell removes its address line" grep -A1 -F "Maria *Kowalczyk*_jr [acting]" "$TMP/g1.txt" | grep -qx "Port Example 10001"
sed -i 's/{fields.name}, you/{fields.nam}, you/' "$TMP/x/invite.yaml"
"$FOLIO" render "$TMP/x/invite.yaml" --data "$TMP/x/guests.csv" -o "$TMP/x/inv2/{fields.id}.pdf" 2>"$TMP/err"; rc=$?
check "merge typo: exit 1" test $rc -eq 1
check "merge typo: exactly one error" test "$(grep -c 'error:' "$TMP/err")" -eq 1
check "merge typo: at the content's line and column, with a suggestion" grep -qF "invite.yaml:7:11: error: placeholder '{fields.nam}' names no field; did you mean '{fields.name}'?" "$TMP/err"
check "merge typo: nothing rendered" test ! -e "$TMP/x/inv2"
# 200 records into one PDF for the print room.
python3 - "$TMP/x/many.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("id,name,street,city\n")
    for i in range(1, 201):
        f.write(f"R{i:03d},Guest {i},{i} Quay Street,Port Example\n")
PY
sed -i 's/{fields.nam}, you/{fields.name}, you/' "$TMP/x/invite.yaml"
"$FOLIO" render "$TMP/x/invite.yaml" --data "$TMP/x/many.csv" -o "$TMP/x/many/{fields.id}.pdf" --combine "$TMP/x/print/all.pdf" -q 2>"$TMP/err"
rc=$?
check "combine: exit 0" test $rc -eq 0
# (seen once under ASan in a full parallel run: show why)
[ $rc -eq 0 ] || sed 's/^/     stderr: /' "$TMP/err" | head -40
check "combine: 200 single letters too" test "$(ls "$TMP/x/many" | wc -l)" -eq 200
pages=$(pdfinfo "$TMP/x/print/all.pdf" | awk '/^Pages:/ {print $2}')
# Each one-page letter starts on a recto: a blank verso after each but the last.
check "combine: 399 pages (200 letters, each on a recto) (found $pages)" test "$pages" = 399
python3 $E/pdf_links.py "$TMP/x/print/all.pdf" >"$TMP/links.txt"
check "combine: 200 bookmarks" test "$(grep -c '^outline 1 ' "$TMP/links.txt")" -eq 200
check "combine: record 137's bookmark on page 273" grep -q "^outline 1 273 R137: Invitation" "$TMP/links.txt"
check "combine: record 137's letter on that page" grep -q "Guest 137" <(pdftotext -f 273 -l 273 "$TMP/x/print/all.pdf" -)
check "combine: a valid PDF" qpdf_clean "$TMP/x/print/all.pdf"

# --- right to left: the built-in letterhead mirrored, Arabic words and date --
"$FOLIO" render content/release-ar.yaml --layout letterhead -o "$TMP/ar.pdf" 2>/dev/null
"$FOLIO" render content/press-release.yaml --layout letterhead -o "$TMP/en.pdf" 2>/dev/null
check "Arabic release: rendered" test -s "$TMP/ar.pdf"
pdftotext "$TMP/ar.pdf" "$TMP/ar.txt"
check "Arabic release: Arabic page word" grep -q "صفحة" "$TMP/ar.txt"
check "Arabic release: Arabic telephone word" grep -q "هاتف" "$TMP/ar.txt"
check "Arabic release: no English template words" bash -c "! grep -qE 'Page|Telephone' '$TMP/ar.txt'"
check "Arabic release: the date in Arabic (ICU)" grep -q "مارس" "$TMP/ar.txt"
# The sender's left edge in English (49 mm) mirrors to its right edge in Arabic.
en_x=$(python3 $E/word_x.py "$TMP/en.pdf" 1 "Harbour" xmin)
ar_x=$(python3 $E/word_x.py "$TMP/ar.pdf" 1 "مؤسسة" xmax)
check "Arabic release: sender at 49 mm from the right (en ${en_x}pt, ar ${ar_x}pt)" \
  python3 -c "import sys; en, ar = float(sys.argv[1]), float(sys.argv[2]); sys.exit(0 if abs((595.28 - ar) - en) < 72 / 25.4 else 1)" "$en_x" "$ar_x"

# --- all problems in one run, in file order ---------------------------------
cat >"$TMP/x/five.yaml" <<'YAML'
titel: Five mistakes
fields:
  sender: Harbour Trust
  adress: 12 Quay Street
body:
  - heding: A heading
  - paragraph: Label
    style: lable
  - "See [the site](https://)."
YAML
"$FOLIO" check "$TMP/x/five.yaml" 2>"$TMP/err"
grep -oE '^[^ ]*five.yaml:[0-9]+' "$TMP/err" | sed 's/.*://' >"$TMP/order"
check "five mistakes: all five reported in one run" test "$(wc -l <"$TMP/order")" -eq 5
check "five mistakes: in file order" diff <(sort -n "$TMP/order") "$TMP/order"
check "five mistakes: the unknown style among them" grep -q "unknown style 'lable'; did you mean 'label'?" "$TMP/err"
check "five mistakes: a count at the end" bash -c "tail -1 '$TMP/err' | grep -qx 'folio: 4 errors, 1 warning'"

# --- smaller things ----------------------------------------------------------
"$FOLIO" render --layot letterhead content/letter.yaml 2>"$TMP/err"
check "unknown option: a suggestion" grep -qF "unknown option '--layot'; did you mean '--layout'?" "$TMP/err"
"$FOLIO" check content/letter.yaml 2>"$TMP/err"
check "check: a one-line ok" grep -qE "^folio: content/letter.yaml: ok \([0-9]+ pages?\)$" "$TMP/err"
"$FOLIO" check -q content/letter.yaml 2>"$TMP/err"
check "check -q: silent" test ! -s "$TMP/err"
printf 'body:\n  - "[a](https://) [c](tel:abc) [d](mailto:)"\n  - "[b](https://exa mple.org)"\n' >"$TMP/x/links.yaml"
"$FOLIO" check "$TMP/x/links.yaml" 2>"$TMP/err"
check "links: an empty host" grep -qF "links.yaml:2:5: error: link 'https://' has no host" "$TMP/err"
check "links: a telephone number without digits" grep -qF "link 'tel:abc' is not a telephone number" "$TMP/err"
check "links: an empty mailto" grep -qF "link 'mailto:' has no e-mail address" "$TMP/err"
check "links: a space in the target" grep -qF "links.yaml:3:5: error: link target 'https://exa mple.org' is not a valid link" "$TMP/err"
printf 'fields:\n  sender: A\n   phone: "1"\nbody: [Hi]\n' >"$TMP/x/indent.yaml"
"$FOLIO" check "$TMP/x/indent.yaml" 2>"$TMP/err"
check "YAML: an indentation hint" grep -qF "this line is indented 1 space deeper than line 2 above it; expected the same indentation as its key 'sender'" "$TMP/err"
finish
