# The five readers of the copy-and-paste measurement, as shell functions
# (sourced by tests/e2e/test_copypaste.sh and peers/measure_peers.sh):
#   poppler (Evince, Okular)  pdftotext            Debian poppler-utils
#   MuPDF                     mutool draw -F txt   Debian mupdf-tools
#   PDFium (Chrome)           extract_pdfium.mjs   npm @embedpdf/pdfium (WebAssembly)
#   pdf.js (Firefox)          extract_pdfjs.mjs    npm pdfjs-dist
#   pdfminer                  extract_pdfminer.py  Debian python3-pdfminer
# The npm modules are pinned in package.json/package-lock.json and installed
# by cp_node_modules into a cache directory (inside build/).
CP_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CP_READERS="poppler mutool pdfium pdfjs pdfminer"
# Debian's python3 (python3-pdfminer, python3-yaml), not a user's pyenv shim.
CP_PY=${CP_PY:-/usr/bin/python3}

# cp_node_modules DIR: makes DIR/node_modules hold the pinned modules; exports CP_NODE_MODULES.
cp_node_modules() {
  local dir=$1
  mkdir -p "$dir"
  if ! cmp -s "$CP_HERE/package-lock.json" "$dir/package-lock.json" || [ ! -d "$dir/node_modules/pdfjs-dist" ] \
     || [ ! -d "$dir/node_modules/@embedpdf/pdfium" ]; then
    cp "$CP_HERE/package.json" "$CP_HERE/package-lock.json" "$dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || return 1
  fi
  export CP_NODE_MODULES=$(cd "$dir" && pwd)/node_modules
}

# cp_extract PDF PREFIX: PREFIX.READER.txt for each reader, PREFIX.stext.xml (MuPDF's glyph geometry).
cp_extract() {
  local pdf=$1 p=$2
  pdftotext -enc UTF-8 "$pdf" "$p.poppler.txt"
  mutool draw -q -F txt -o "$p.mutool.txt" "$pdf" 2>/dev/null
  mutool draw -q -F stext -o "$p.stext.xml" "$pdf" 2>/dev/null
  node "$CP_HERE/extract_pdfium.mjs" "$pdf" >"$p.pdfium.txt"
  node "$CP_HERE/extract_pdfjs.mjs" "$pdf" >"$p.pdfjs.txt"
  "$CP_PY" "$CP_HERE/extract_pdfminer.py" "$pdf" >"$p.pdfminer.txt"
}

# cp_measure PDF PREFIX PARAS.json LABEL: PREFIX.json, the exact paragraphs and lines per reader.
cp_measure() {
  local pdf=$1 p=$2 paras=$3 label=$4 args=() r
  for r in $CP_READERS; do args+=("$r=$p.$r.txt"); done
  "$CP_PY" "$CP_HERE/measure.py" --label "$label" --paras "$paras" --pdf "$pdf" --geom "$p.stext.xml" \
    --json "$p.json" --text "${args[@]}"
}
