#!/usr/bin/env bash
# Sets the press release and the report with Folio and with XeLaTeX (same
# Noto font files, page, measure, size and leading; see make_tex.py) and
# measures the word spaces of both with tools/spacing.py. Not part of the
# test suite: XeLaTeX is not a dependency of Folio.
#
# usage: bench/typography/compare.sh [FOLIO] [OUTDIR]   (from the repository root)
set -euo pipefail
FOLIO=${1:-build/folio}
OUT=${2:-out/typography}
mkdir -p "$OUT"
for pair in press-release:letterhead:10.5 report:report:10; do
  IFS=: read -r name layout size <<<"$pair"
  "$FOLIO" render "content/$name.yaml" -o "$OUT/$name-folio.pdf" -q
  python3 bench/typography/make_tex.py "content/$name.yaml" "layouts/$layout.yaml" >"$OUT/$name-xelatex.tex"
  (cd "$OUT" && xelatex -interaction=nonstopmode -halt-on-error "$name-xelatex.tex" >/dev/null &&
     xelatex -interaction=nonstopmode -halt-on-error "$name-xelatex.tex" >/dev/null)
  echo "== $name (spacing.py --size $size); XeLaTeX overfull boxes: $(grep -c '^Overfull' "$OUT/$name-xelatex.log" || true)"
  python3 tools/spacing.py --size "$size" "$OUT/$name-folio.pdf" "$OUT/$name-xelatex.pdf"
done
