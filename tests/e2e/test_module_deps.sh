#!/usr/bin/env bash
# Dependencies between stages point one way (docs/architecture.md). This
# reads every #include "module/..." in src/ and fails on one that is not allowed.
source "$(dirname "$0")/lib.sh"

declare -A allowed=(
  [base]=""
  [yaml]="base"
  [markup]="base"
  [content]="base yaml markup"
  [style]="base yaml"
  [text]="base"
  [linebreak]="base"
  [table]="base"
  [image]="base"
  [frame]="base text image"
  [paragraph]="base text linebreak markup style frame"
  [pagination]="base text linebreak markup style frame paragraph content yaml image table"
  [fontembed]="base text"
  [pdfread]="base"
  [pdf]="base frame text image fontembed pdfread"
  [render]="base yaml markup content style text linebreak paragraph frame pagination pdf pdfread image table"
  [cli]="base yaml markup content style text linebreak paragraph frame pagination pdf image table render"
)
for dir in src/*/; do
  m=$(basename "$dir")
  [ -n "${allowed[$m]+x}" ] || { fail "module $m is not in the dependency table"; continue; }
  bad=""
  while IFS= read -r inc; do
    dep=${inc%%/*}
    [ "$dep" = "$m" ] && continue
    [[ " ${allowed[$m]} " == *" $dep "* ]] || bad+=" $inc"
  done < <(grep -rhoE '#include "[a-z]+/[^"]+"' "$dir" | sed -E 's/#include "([^"]+)"/\1/' | sort -u)
  if [ -z "$bad" ]; then pass "$m includes only allowed stages"; else fail "$m includes$bad"; fi
done
# Third-party libraries stay in the one stage that wraps them.
check "HarfBuzz only in text and fontembed" bash -c "! grep -rlE '#include <hb' src | grep -vE '^src/(text|fontembed)/'"
check "PoDoFo only in pdf and pdfread" bash -c "! grep -rl '#include <podofo' src | grep -vE '^src/(pdf|pdfread)/'"
# PoDoFo types stay inside the writer and the reader: a header that includes
# PoDoFo is included only from its own module.
podofo_leaks() {
  for h in $(grep -rl '#include <podofo' src --include='*.h'); do
    m=$(echo "$h" | cut -d/ -f2)
    inc=${h#src/}
    grep -rlF "#include \"$inc\"" src tests bench 2>/dev/null | grep -v "^src/$m/" | grep -v "^tests/unit/$m/" | sed "s|$| includes $inc|"
  done
}
check "no PoDoFo type in a header another module includes" bash -c "$(declare -f podofo_leaks); [ -z \"\$(podofo_leaks)\" ]"
check "ICU only in text" bash -c "! grep -rlE '#include <unicode/' src | grep -v '^src/text/'"
check "libyaml only in yaml" bash -c "! grep -rlE '#include <yaml(-cpp/.*)?\.h>' src | grep -v '^src/yaml/'"
finish
