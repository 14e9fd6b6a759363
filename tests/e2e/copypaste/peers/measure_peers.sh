#!/usr/bin/env bash
# Re-measures the peers' table (peers.json) that tests/e2e/test_copypaste.sh
# asserts Folio's counts against: the Arabic and Hebrew samples' text set by
# Typst 0.14 and XeLaTeX (peers.py writes both documents: A4, the same
# fonts as Folio, plain right-to-left paragraphs), read by the same five
# readers and counted by the same measure.py. Not part of the test suite:
# it needs texlive-xetex (with babel's Arabic and Hebrew), python3-fonttools and the npm module
# @myriaddreamin/typst-ts-node-compiler 0.7.0 (Typst 0.14.2), about a minute.
#
#   bash tests/e2e/copypaste/peers/measure_peers.sh [WORKDIR]   # from the project root
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/../readers.sh"
W=${1:-build/copypaste-peers}
mkdir -p "$W/typst"
W=$(cd "$W" && pwd)
cp_node_modules "$W/readers" || { echo "cannot install the readers' npm modules" >&2; exit 1; }
READERS_NM=$CP_NODE_MODULES
if [ ! -d "$W/typst/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
  (cd "$W/typst" && echo '{"private": true}' >package.json &&
   npm install --no-audit --no-fund --loglevel=error @myriaddreamin/typst-ts-node-compiler@0.7.0 >/dev/null) || exit 1
fi
results=()
for l in ar he; do
  n=release-$l
  "$CP_PY" "$HERE/../paras.py" "content/$n.yaml" >"$W/$n.paras.json"
  "$CP_PY" "$HERE/peers.py" "$W/$n.paras.json" $l "$W"
  (cd "$W" && CP_NODE_MODULES=$W/typst/node_modules node "$HERE/typst_compile.js" $l.typ $n.typst.pdf >typst-$l.log 2>&1) ||
    echo "typst failed on $l" >&2
  (cd "$W" && timeout 300 xelatex -interaction=nonstopmode -jobname=$n.xelatex $l.tex >/dev/null 2>&1) ||
    echo "xelatex failed on $l" >&2
  for p in typst xelatex; do
    [ -s "$W/$n.$p.pdf" ] || continue
    CP_NODE_MODULES=$READERS_NM cp_extract "$W/$n.$p.pdf" "$W/$n.$p"
    cp_measure "$W/$n.$p.pdf" "$W/$n.$p" "$W/$n.paras.json" "$n.$p"
    results+=("$W/$n.$p.json")
  done
done
"$CP_PY" "$HERE/table.py" "${results[@]}"
"$CP_PY" - "${results[@]}" >"$HERE/../peers.json" <<'PY'
import json, sys
out = {}
for path in sys.argv[1:]:
    r = json.load(open(path, encoding='utf-8'))
    sample, producer = r['label'].rsplit('.', 1)
    out.setdefault(sample, {})[producer] = {
        'paragraphs': r['paragraphs'],
        'para_exact': {k: v['para_exact'] for k, v in r['readers'].items()}}
json.dump(out, sys.stdout, indent=1, sort_keys=True)
print()
PY
echo "wrote $HERE/../peers.json"
