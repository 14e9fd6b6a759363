#!/usr/bin/env bash
# Book-quality pages on the 20-page report (content/report.yaml, A5, the
# report layout): no widows, orphans or stranded headings, no line outside
# the text block, punctuation hanging by exactly its protrusion, word
# spacing within the bounds measured in docs/typography.md, and a layout
# variant with widows and orphans allowed to show that the check can fail.
source "$(dirname "$0")/lib.sh"

# A5 with 18 mm side margins: the text block is 51.02-368.50 pt.
LEFT=51.02
RIGHT=368.50
check "report renders" "$FOLIO" render content/report.yaml -o "$TMP/report.pdf" -q
pages=$(pdfinfo "$TMP/report.pdf" | awk '/^Pages:/ {print $2}')
# (20 pages before font expansion, 19 since: expanded lines hold more.)
check "report: 19 pages or more" test "$pages" -ge 19
check "report: no widow, orphan or heading at a page end; no line outside the text block" \
  python3 tests/e2e/check_page_breaks.py "$TMP/report.pdf" content/report.yaml "$LEFT" "$RIGHT"
# Noto Serif's period and comma are 0.25 em: at 10 pt, 70 % of 2.5 pt hangs.
# Nothing hangs more than a closing quote (half of 4.5 pt).
check "report: periods and commas hang 1.75 pt into the margin" \
  python3 tests/e2e/hang_check.py "$TMP/report.pdf" "$RIGHT" 1.75 370.75

# The check catches what it is for: with widows and orphans of one line the
# same text leaves lonely lines at page ends.
sed 's/^widows: 2/widows: 1/; s/^orphans: 2/orphans: 1/' layouts/report.yaml >"$TMP/loose.yaml"
sed 's/^layout: report$/layout: loose.yaml/' content/report.yaml >"$TMP/loose-report.yaml"
check "loose variant renders" "$FOLIO" render "$TMP/loose-report.yaml" -o "$TMP/loose.pdf" -q
check "loose variant: the check finds its widows and orphans" \
  bash -c "! python3 tests/e2e/check_page_breaks.py '$TMP/loose.pdf' content/report.yaml $LEFT $RIGHT && \
           python3 tests/e2e/check_page_breaks.py '$TMP/loose.pdf' content/report.yaml $LEFT $RIGHT | grep -Eq 'widow|orphan'"

# Word spacing (tools/spacing.py): docs/typography.md has Folio at sd 0.022,
# max 0.336 em on the press release and 0.033 / 0.455 em on the report
# (with font expansion, issue 19), LuaLaTeX + microtype at 0.032 / 0.552 em
# on the press release. A regression past microtype's figures fails.
within() {  # within PDF SIZE MAX_SD MAX_MAX
  python3 tools/spacing.py --json --size "$2" "$1" | python3 -c "
import json, sys
r = json.load(sys.stdin)
print('sd', r['sd_em'], 'max', r['max_em'], 'lines', r['lines'])
sys.exit(0 if r['lines'] >= 30 and r['sd_em'] <= $3 and r['max_em'] <= $4 else 1)"
}
check "press release renders" "$FOLIO" render content/press-release.yaml -o "$TMP/pr.pdf" -q
check "press release: word spaces sd <= 0.030 em, max <= 0.45 em" within "$TMP/pr.pdf" 10.5 0.030 0.45
check "report: word spaces sd <= 0.040 em, max <= 0.50 em" within "$TMP/report.pdf" 10 0.040 0.50
# At most 2 hyphenated lines in a row, no runt (tools/spacing.py's hyrun, runts).
check "report: no more than 2 hyphens in a row, no runt" bash -c "python3 tools/spacing.py --json --size 10 '$TMP/report.pdf' |
  python3 -c 'import json,sys; r=json.load(sys.stdin); print(r); sys.exit(0 if r[\"max_hyphen_run\"] <= 2 and r[\"runts\"] == 0 else 1)'"

# French no-break spaces: laid out narrow and unbreakable, copied as typed.
cat >"$TMP/fr.yaml" <<'YAML'
layout: plain
language: fr
body:
  - "Vraiment ? Il a dit : « Bonjour » ; puis il est parti à 10 km d’ici !"
YAML
check "French sample renders" "$FOLIO" render "$TMP/fr.yaml" -o "$TMP/fr.pdf" -q
check "French: copy and paste gives the typed spaces" \
  bash -c "pdftotext '$TMP/fr.pdf' - | grep -qF 'Vraiment ? Il a dit : « Bonjour » ; puis il est parti à 10 km d’ici !'"
finish
