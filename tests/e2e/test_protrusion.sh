#!/usr/bin/env bash
# Character protrusion (issue 19): a justified paragraph with hanging
# punctuation, set without expansion so the glyph advances are the font's,
# reaches into the margins by exactly what its line-end and line-start
# characters protrude (a period or comma 70 %, an added hyphen 70 %, y k r
# 5 % at the end; T V W Y 5 % at the start), and what pdftotext extracts is
# the paragraph's text (the hyphens the line breaker added aside). With
# `protrusion: 0` every line is flush.
source "$(dirname "$0")/lib.sh"

TEXT="Thirty-four artists from nine countries will show work along a walking route of almost four kilometres, from the lighthouse on the breakwater to the restored grain silos at the head of the inner basin. Admission to the route is free; the three indoor installations in the silos can be booked online from the fifth of March, and guided walks leave the lighthouse every half hour between half past six and nine in the evening. Visitors who arrive by ferry can buy a combined ticket at the quay, and the harbour railway runs a special evening timetable. Tickets for the installations are limited to forty visitors an hour, so early booking is strongly advised, especially at weekends. Young visitors under sixteen go free with an adult, and every gallery is accessible by lift or ramp. Volunteers in yellow jackets will be stationed along the way to help anybody who needs directions, a chair, or a quiet word. The programme, with maps in six languages, is available at the visitor centre and from the festival's website every day. We hope that you will come, and that you will bring your family, your friends and your questions, which the artists will be glad to answer in a series of open studio evenings during the second week."
cat >"$TMP/layout.yaml" <<'YAML'
page:
  size: A5
  margins: {top: 15mm, bottom: 15mm, left: 30mm, right: 30mm}
styles:
  body:
    font: [Noto Serif]
    size: 10pt
    leading: 13pt
    align: justify
    expansion: 0
    hanging-punctuation: true
YAML
sed 's/^    hanging-punctuation: true$/    hanging-punctuation: true\n    protrusion: 0/' "$TMP/layout.yaml" >"$TMP/flat.yaml"
for variant in layout flat; do
  printf 'layout: %s.yaml\nlanguage: en\nbody:\n  - "%s"\n' "$variant" "$TEXT" >"$TMP/$variant-doc.yaml"
  check "$variant: renders" "$FOLIO" render "$TMP/$variant-doc.yaml" -o "$TMP/$variant.pdf" -q
done
# A5 (419.53 pt wide) with 30 mm (85.04 pt) margins: the measure is 85.04-334.49 pt.
check "line ends and starts hang by their characters' protrusion" \
  python3 tests/e2e/protrusion_check.py "$TMP/layout.pdf" 85.04 334.49 10
check "protrusion: 0 sets every line flush (and the check sees it)" \
  bash -c "! python3 tests/e2e/protrusion_check.py '$TMP/flat.pdf' 85.04 334.49 10 >/dev/null &&
    pdftotext -bbox '$TMP/flat.pdf' - | python3 -c '
import re, sys
xs = re.findall(r\"xMin=\\\"([\\d.]+)\\\" yMin=\\\"[\\d.]+\\\" xMax=\\\"([\\d.]+)\\\"\", sys.stdin.read())
bad = [x for x in xs if float(x[0]) < 85.04 - 0.02 or float(x[1]) > 334.49 + 0.02]
sys.exit(1 if bad or not xs else 0)'"
# The extracted text, joined across lines, is the paragraph's text: a
# line-end hyphen is the breaker's (dropped) unless the word has its own.
same_text() {
  pdftotext "$1" - | python3 -c "
import re, sys
want = ' '.join(sys.argv[1].split())
lines = [l.strip() for l in sys.stdin.read().split('\n') if l.strip()]
got = ''
for l in lines:
    if got.endswith('-'):
        word = re.search(r'(\S+)-$', got).group(1) + '-' + l.split()[0]
        got = got if word in want else got[:-1]
        got += l
    else:
        got += (' ' if got else '') + l
if got != want:
    print('got: ', got); print('want:', want); sys.exit(1)" "$2"
}
check "pdftotext of the protruded paragraph equals its text" same_text "$TMP/layout.pdf" "$TEXT"
finish
