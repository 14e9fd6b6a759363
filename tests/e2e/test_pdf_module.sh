#!/usr/bin/env bash
# PDF pages are read by a module, libfolio-pdfread.so, that folio loads
# when a document first places one (src/pdfread/PdfModule.h): a document
# without PDF pages never loads it; a folio without its module renders such
# documents and refuses a PDF page at the image's FILE:LINE:COL, exit 1, no
# output; the reading code (PoDoFo's parser) is in the module, not in folio.
source "$(dirname "$0")/lib.sh"

BUILD=$(dirname "$FOLIO")
MODULE="$BUILD/libfolio-pdfread.so"
check "the build puts the module beside folio" test -f "$MODULE"

mkdir -p "$TMP/doc"
cat >"$TMP/doc/source.yaml" <<'EOF'
layout: plain
body:
  - Source page, CHARLIEWORD.
EOF
check "a source PDF renders" "$FOLIO" render "$TMP/doc/source.yaml" -o "$TMP/doc/source.pdf" -q
cat >"$TMP/doc/placed.yaml" <<'EOF'
layout: plain
body:
  - Before the figure.
  - image: source.pdf
    width: 50mm
EOF
printf 'layout: plain\nbody:\n  - Word.\n' >"$TMP/doc/plain.yaml"

# --- folio alone, without its module ------------------------------------------
mkdir -p "$TMP/alone"
cp "$FOLIO" "$TMP/alone/folio"
"$TMP/alone/folio" render "$TMP/doc/placed.yaml" -o "$TMP/doc/alone.pdf" 2>"$TMP/err.txt"
rc=$?
check "without the module, a PDF page is refused with exit 1" test $rc -eq 1
check "  ... at the image's position, saying what is missing and where folio looked" grep -qF \
  "placed.yaml:4:5: error: cannot read image '$TMP/doc/source.pdf': placing a PDF page needs libfolio-pdfread.so; looked in $TMP/alone and " \
  "$TMP/err.txt"
check "  ... and what was expected (its own words, not a file's)" grep -qE \
  "; expected the libfolio-pdfread.so built with this folio beside the executable$" "$TMP/err.txt"
check "  ... and writes nothing" test ! -e "$TMP/doc/alone.pdf"
check "without the module, a document with no PDF page renders" \
  "$TMP/alone/folio" render "$TMP/doc/plain.yaml" -o "$TMP/doc/plain-alone.pdf" -q
"$FOLIO" render "$TMP/doc/plain.yaml" -o "$TMP/doc/plain.pdf" -q
check "  ... the same bytes as folio with its module" cmp "$TMP/doc/plain.pdf" "$TMP/doc/plain-alone.pdf"
check "  ... and the memo without its mark is refused, the letter renders" bash -c \
  "! '$TMP/alone/folio' render content/memo.yaml -o '$TMP/memo.pdf' -q 2>/dev/null && test ! -e '$TMP/memo.pdf' &&
   '$TMP/alone/folio' render content/letter.yaml -o '$TMP/letter.pdf' -q && qpdf --check '$TMP/letter.pdf' >/dev/null"

# A file by that name that is not a loadable module, or a library without
# the entry: the loader's words, exit 1, no output.
printf 'not a shared object\n' >"$TMP/alone/libfolio-pdfread.so"
"$TMP/alone/folio" render "$TMP/doc/placed.yaml" -o "$TMP/doc/alone.pdf" 2>"$TMP/err.txt"
rc=$?
check "a broken module is refused with exit 1 and no output" bash -c "[ $rc -eq 1 ] && [ ! -e '$TMP/doc/alone.pdf' ]"
check "  ... saying it cannot be loaded, and why" grep -qF "$TMP/alone/libfolio-pdfread.so cannot be loaded (" "$TMP/err.txt"
libz=$(ldconfig -p | awk '/libz\.so\.1 .*x86-64/ { print $NF; exit }')
if [ -n "$libz" ]; then
  cp "$libz" "$TMP/alone/libfolio-pdfread.so"
  "$TMP/alone/folio" render "$TMP/doc/placed.yaml" -o "$TMP/doc/alone.pdf" 2>"$TMP/err.txt"
  check "a library without folio's entry is refused as another version" grep -qF \
    "libfolio-pdfread.so belongs to another version of folio" "$TMP/err.txt"
fi
# The module beside the copy: the copy places PDF pages again.
cp "$MODULE" "$TMP/alone/"
check "with the module beside it, the copy places the page" \
  "$TMP/alone/folio" render "$TMP/doc/placed.yaml" -o "$TMP/doc/alone.pdf" -q
"$FOLIO" render "$TMP/doc/placed.yaml" -o "$TMP/doc/placed.pdf" -q
check "  ... the same bytes as the build's folio" cmp "$TMP/doc/placed.pdf" "$TMP/doc/alone.pdf"
check "  ... with the page's text" grep -q CHARLIEWORD <(pdftotext "$TMP/doc/placed.pdf" -)

# --- Loaded only when needed (the dynamic loader's own account) -------------
loaded() {  # loaded DOC: the shared objects the run opened, one a line
  LD_DEBUG=files "$FOLIO" render "$1" -o "$TMP/ld.pdf" -q 2>&1 >/dev/null | grep -oE 'file=[^ ]+' | sort -u
}
check "a document without PDF pages does not load the module" bash -c \
  "$(declare -f loaded); FOLIO='$FOLIO' TMP='$TMP'; ! loaded '$TMP/doc/plain.yaml' | grep -q libfolio-pdfread"
check "a document with a PDF page loads it" bash -c \
  "$(declare -f loaded); FOLIO='$FOLIO' TMP='$TMP'; loaded '$TMP/doc/placed.yaml' | grep -q libfolio-pdfread"

# --- The reading code is the module's -----------------------------------------
# folio calls none of PoDoFo's parsing (it did: PdfMemDocument::LoadFromBuffer,
# PdfTokenizer); the module exports one function, its C entry.
check "folio does not link PoDoFo's parser" bash -c \
  "! nm -DC --undefined-only '$FOLIO' | grep -E 'PdfMemDocument::Load|PdfTokenizer|PdfParser'"
check "the module links it" bash -c "nm -DC --undefined-only '$MODULE' | grep -q 'PdfMemDocument::LoadFromBuffer'"
check "the module exports only folio_pdfread_entry" bash -c \
  "[ \"\$(nm -D --defined-only '$MODULE' | awk '\$2 == \"T\" || \$2 == \"D\" || \$2 == \"B\" { print \$3 }')\" = folio_pdfread_entry ]"
check "folio's side of pdfread includes no PoDoFo" bash -c "! grep -l '#include <podofo' src/pdfread/*.h src/pdfread/*.cpp"

# --- Many threads asking at once: loaded once, the same bytes ------------------
for i in 1 2 3 4; do
  sed "s/Before the figure./Document $i./" "$TMP/doc/placed.yaml" >"$TMP/doc/b$i.yaml"
done
mkdir -p "$TMP/j1" "$TMP/j4"
check "a batch placing PDF pages renders at -j 4" "$FOLIO" render "$TMP"/doc/b?.yaml -o "$TMP/j4/" -j 4 -q
check "  ... and at -j 1" "$FOLIO" render "$TMP"/doc/b?.yaml -o "$TMP/j1/" -j 1 -q
check "  ... the same bytes" diff -r "$TMP/j1" "$TMP/j4"
finish
