#!/usr/bin/env bash
# The command line: help, version, exit codes, default output name, errors
# as FILE:LINE:COL, and nothing written for a refused document.
source "$(dirname "$0")/lib.sh"

check "--help exits 0 and shows usage" bash -c "'$FOLIO' --help | grep -q 'usage: folio render'"
check "--version prints the version" bash -c "'$FOLIO' --version | grep -qE '^folio [0-9]+\.[0-9]+'"
"$FOLIO" >/dev/null 2>&1; check "no command: exit 2" test $? -eq 2
"$FOLIO" render >/dev/null 2>&1; check "render without input: exit 2" test $? -eq 2
"$FOLIO" rendr x.yaml 2>"$TMP/err"; rc=$?
check "unknown command: exit 2" test $rc -eq 2
check "unknown command: did you mean" grep -q "did you mean 'render'" "$TMP/err"
"$FOLIO" render content/letter.yaml --bogus 2>/dev/null; check "unknown option: exit 2" test $? -eq 2

# default output: beside the input
cp content/letter.yaml "$TMP/letter.yaml"
mkdir -p "$TMP/layouts" && cp content/layouts/emblem.png "$TMP/layouts/"  # the letter's fields.emblem
check "default output name" "$FOLIO" render "$TMP/letter.yaml"
check "default output exists" test -s "$TMP/letter.pdf"

# --layout override by name and by path
check "--layout plain" "$FOLIO" render content/letter.yaml -o "$TMP/plain.pdf" --layout plain
check "--layout plain has no letterhead" bash -c "! pdftotext '$TMP/plain.pdf' - | grep -q Telephone"
check "--layout by path" "$FOLIO" render content/letter.yaml -o "$TMP/path.pdf" --layout "$PWD/layouts/letterhead.yaml"

# a broken document: FILE:LINE:COL, exit 1, no output, old output untouched
cat >"$TMP/bad.yaml" <<'YAML'
title: Broken
body:
  - paragraph: fine
  - heding: typo
YAML
echo "old" >"$TMP/bad.pdf"
"$FOLIO" render "$TMP/bad.yaml" -o "$TMP/bad.pdf" 2>"$TMP/err"; rc=$?
check "bad document: exit 1" test $rc -eq 1
check "bad document: FILE:LINE:COL and suggestion" grep -qE "bad.yaml:4:5: error: .*did you mean 'heading'" "$TMP/err"
check "bad document: old output untouched" grep -q '^old$' "$TMP/bad.pdf"
check "bad document: no temporary files left" bash -c "! ls -a '$TMP' | grep -q '^\.bad.pdf'"

"$FOLIO" render "$TMP/missing.yaml" -o "$TMP/missing.pdf" 2>"$TMP/err"; rc=$?
check "missing input: exit 1" test $rc -eq 1
check "missing input: no output" test ! -e "$TMP/missing.pdf"

printf 'layout: nosuch\nbody: [hello]\n' >"$TMP/nolayout.yaml"
"$FOLIO" render "$TMP/nolayout.yaml" -o "$TMP/nolayout.pdf" 2>"$TMP/err"; rc=$?
check "missing layout: exit 1" test $rc -eq 1
check "missing layout: message with position" grep -qE "nolayout.yaml:1:[0-9]+: error: layout 'nosuch' not found" "$TMP/err"

# A missing folder is made (-o DIR/FILE.pdf); one that cannot be made is an error.
"$FOLIO" render content/letter.yaml -o /proc/folio-no-such-dir/x.pdf 2>"$TMP/err"; rc=$?
check "unwritable output: exit 1" test $rc -eq 1
check "unwritable output: message" grep -q "cannot write" "$TMP/err"

# --depfile lists content, layout, fonts and images
check "--depfile written" "$FOLIO" render content/press-release.yaml -o "$TMP/pr.pdf" --depfile "$TMP/pr.d"
check "depfile names the content" grep -q "content/press-release.yaml" "$TMP/pr.d"
check "depfile names the layout" grep -q "layouts/letterhead.yaml" "$TMP/pr.d"
check "depfile names the emblem" grep -q "layouts/emblem.png" "$TMP/pr.d"
check "depfile names a font" grep -q "NotoSerif" "$TMP/pr.d"

# reproducible: same bytes twice, and under another TZ and locale
"$FOLIO" render content/press-release.yaml -o "$TMP/a.pdf" 2>/dev/null
TZ=Asia/Tokyo LC_ALL=C.UTF-8 "$FOLIO" render content/press-release.yaml -o "$TMP/b.pdf" 2>/dev/null
check "same input, same bytes (also other TZ/locale)" cmp "$TMP/a.pdf" "$TMP/b.pdf"
finish
