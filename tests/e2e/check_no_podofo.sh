#!/usr/bin/env bash
# folio's NEEDED list names no libpodofo, nor a library only PoDoFo needs
# (issue 15: loading them cost every run 10 M instructions and ~400 page
# faults). PoDoFo is loaded with libfolio-pdfread.so, when a document
# places a PDF page (tests/e2e/test_pdf_module.sh); the writer has its
# own object model (pdf/Object.h). Registered in tests/CMakeLists.txt as
# e2e.folio_needs_no_podofo.
source "$(dirname "$0")/lib.sh"

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
check "readelf reads folio's dynamic section" bash -c "readelf -d '$FOLIO' | grep -q NEEDED"
check "folio's NEEDED list has no libpodofo" bash -c "$(declare -f needed); ! needed '$FOLIO' | grep -i podofo"
# What only PoDoFo pulls in (libcrypto, libtiff, libidn, libunistring, ...):
# loaded by folio only when the module is.
check "folio loads no PoDoFo-only library" bash -c \
  "! ldd '$FOLIO' | grep -E 'lib(podofo|crypto|tiff|idn|unistring|Lerc|jbig|webp|lzma)[.-]'"
printf 'layout: plain\nbody:\n  - Word.\n' >"$TMP/one.yaml"
check "a one-word document does not load libpodofo" bash -c \
  "! LD_DEBUG=files '$FOLIO' render '$TMP/one.yaml' -o '$TMP/one.pdf' -q 2>&1 | grep -q 'file=libpodofo'"
finish
