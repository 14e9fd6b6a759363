#!/usr/bin/env bash
# Sets the press release, the 20-page report and a long French essay with
# Folio, with XeLaTeX (TeX's defaults) and with LuaLaTeX + microtype
# (protrusion and font expansion), on the same Noto font files, page,
# measure and leading, at each body size of SIZES (the layout's leading
# scaled with it), and measures the word spaces, rivers, runs of hyphens
# and runts of all three with tools/spacing.py. Prints a Markdown table.
# Not part of the test suite: TeX is not a dependency of Folio. It needs
# Debian's texlive-xetex, texlive-luatex, texlive-latex-recommended,
# texlive-latex-extra and texlive-lang-french (about 600 MB; INSTALL=1
# installs them with apt-get).
#
# usage: bench/typography/compare.sh [FOLIO] [OUTDIR] [SIZES]   (from the repository root)
#        SIZES defaults to "9.5 10.5 11 12"; "layout" means the layout's own size.
set -euo pipefail
FOLIO=${1:-build/folio}
OUT=${2:-out/typography}
SIZES=${3:-9.5 10.5 11 12}
if [[ ${INSTALL:-0} == 1 ]] && ! command -v lualatex >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends texlive-xetex texlive-luatex \
    texlive-latex-recommended texlive-latex-extra texlive-lang-french >/dev/null
fi
for tool in xelatex lualatex pdftotext; do
  command -v "$tool" >/dev/null || { echo "compare.sh: $tool not found (INSTALL=1 installs TeX)" >&2; exit 1; }
done
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
ROOT=$(pwd)
RESULTS="$OUT/results.jsonl"
: >"$RESULTS"
for triple in content/press-release.yaml:letterhead bench/typography/essai-fr.yaml:report content/report.yaml:report; do
  IFS=: read -r content layout <<<"$triple"
  name=$(basename "$content" .yaml)
  for size in $SIZES; do
    dir="$OUT/$name-$size"
    mkdir -p "$dir"
    # A copy of the layouts with the body at this size, leading scaled.
    rm -rf "$dir/layouts" && cp -r layouts "$dir/layouts"
    python3 - "$dir/layouts/$layout.yaml" "$size" <<'PY'
import re, sys
path, size = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
m = re.search(r"(?m)^  body:\n((?:    .*\n)+)", text)
block = m.group(1)
old = float(re.search(r"size: ([0-9.]+)pt", block).group(1))
lead = float(re.search(r"leading: ([0-9.]+)pt", block).group(1))
if size != "layout":
    new = float(size)
    block2 = re.sub(r"size: [0-9.]+pt", f"size: {new}pt", block)
    block2 = re.sub(r"leading: [0-9.]+pt", f"leading: {lead * new / old:.2f}pt", block2)
    text = text[:m.start(1)] + block2 + text[m.end(1):]
open(path, "w", encoding="utf-8").write(text)
PY
    body=$(python3 -c "import re,sys; t=open(sys.argv[1]).read(); b=re.search(r'(?m)^  body:\n((?:    .*\n)+)', t).group(1); print(re.search(r'size: ([0-9.]+)pt', b).group(1), re.search(r'leading: ([0-9.]+)pt', b).group(1))" "$dir/layouts/$layout.yaml")
    read -r bsize blead <<<"$body"
    "$FOLIO" render "$content" --layout "$dir/layouts/$layout.yaml" --allow-path "$dir/layouts" -o "$dir/folio.pdf" -q
    # TeX runs only when its source changed (the LaTeX side does not move
    # while Folio is tuned).
    python3 bench/typography/make_tex.py --size "$bsize" --leading "$blead" "$content" "$dir/layouts/$layout.yaml" >"$dir/xelatex.new"
    python3 bench/typography/make_tex.py --microtype --size "$bsize" --leading "$blead" "$content" "$dir/layouts/$layout.yaml" >"$dir/microtype.new"
    for engine in xelatex:xelatex lualatex:microtype; do
      IFS=: read -r program job <<<"$engine"
      if [[ -f $dir/$job.pdf ]] && cmp -s "$dir/$job.new" "$dir/$job.tex"; then continue; fi
      mv "$dir/$job.new" "$dir/$job.tex"
      (cd "$dir" && "$program" -interaction=nonstopmode -halt-on-error "$job.tex" >/dev/null)
    done
    rm -f "$dir"/*.new
    for producer in folio xelatex microtype; do
      python3 tools/spacing.py --json --size "$bsize" "$dir/$producer.pdf" |
        python3 -c "import json,sys; r=json.loads(sys.stdin.read()); r.update(text='$name', size=$bsize, producer='$producer'); print(json.dumps(r))" >>"$RESULTS"
    done
    echo "$name at $bsize pt: done; overfull boxes XeLaTeX $(grep -c '^Overfull' "$dir/xelatex.log" || true)," \
      "LuaLaTeX $(grep -c '^Overfull' "$dir/microtype.log" || true)" >&2
  done
done
python3 bench/typography/table.py "$RESULTS"
