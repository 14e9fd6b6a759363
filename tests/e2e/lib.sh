# Shared helpers for the end-to-end tests. Each test script gets the folio
# binary as $1 and runs from the repository root.
set -uo pipefail
FOLIO=${1:?usage: test.sh FOLIO}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILS=0
PASSES=0

pass() { PASSES=$((PASSES + 1)); echo "ok   $*"; }
fail() { FAILS=$((FAILS + 1)); echo "FAIL $*"; }
check() {  # check "description" command...
  local what=$1; shift
  if "$@" >"$TMP/check.out" 2>&1; then pass "$what"; else fail "$what"; sed 's/^/     /' "$TMP/check.out" | head -20; fi
}
finish() {
  echo "$PASSES passed, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}

# qpdf --check must pass with no warnings.
qpdf_clean() { local out; out=$(qpdf --check "$1" 2>&1); local rc=$?; [ $rc -eq 0 ] && ! grep -qi warning <<<"$out" || { echo "$out"; return 1; }; }
# Every font embedded, subset, with a ToUnicode map.
# A Type 3 font (from an imported PDF page, e.g. the memo's mark) draws its
# glyphs with the file's own operators: always embedded, and "subset" (a
# tagged name) does not apply to it.
fonts_ok() {
  pdffonts "$1" | awk 'NR>2 { n++; t3 = ($0 ~ / Type 3 /); if ($(NF-4)!="yes" || (!t3 && $(NF-3)!="yes") || $(NF-2)!="yes") { print "bad font: " $0; bad=1 } } END { if (n==0) { print "no fonts"; bad=1 } exit bad }'
}
# poppler, MuPDF and Ghostscript all read it without complaint.
readers_ok() {
  local f=$1 err
  err=$(pdftoppm -r 20 -png "$f" "$TMP/readers" 2>&1) || { echo "pdftoppm: $err"; return 1; }
  [ -z "$err" ] || { echo "pdftoppm: $err"; return 1; }
  mutool draw -q -o /dev/null "$f" 2>"$TMP/mutool.err" || { cat "$TMP/mutool.err"; return 1; }
  # Debian's mutool is built without lcms2 and says so on every file.
  err=$(grep -v 'ICC support is not available' "$TMP/mutool.err")
  [ -z "$err" ] || { echo "mutool: $err"; return 1; }
  err=$(gs -q -dNOPAUSE -dBATCH -sDEVICE=nullpage "$f" 2>&1) || { echo "gs: $err"; return 1; }
  [ -z "$err" ] || { echo "gs: $err"; return 1; }
}
