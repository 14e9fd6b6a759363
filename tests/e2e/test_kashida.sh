#!/usr/bin/env bash
# Arabic justification with kashida (issue 19, `justify-arabic: kashida`):
# a justified Arabic paragraph is filled with tatweels inserted into its
# words, its lines are flush on both sides, and what pdftotext extracts is
# exactly the text that was written (the inserted tatweels carry no text).
# Without the key the same paragraph has no tatweel and wider spaces.
source "$(dirname "$0")/lib.sh"

TEXT="أعلنت مؤسسة الميناء القديم اليوم برنامج الدورة الثانية عشرة من مهرجان أضواء الميناء الذي يحول الأرصفة القديمة إلى معرض مفتوح للضوء طوال إحدى عشرة ليلة ويشارك في المهرجان أربعة وثلاثون فنانا من تسعة بلدان يعرضون أعمالهم على مسار للمشاة يبلغ طوله نحو أربعة كيلومترات من المنارة عند كاسر الأمواج حتى صوامع الغلال المرممة في نهاية الحوض الداخلي والدخول إلى المسار مجاني أما المعارض الثلاثة داخل الصوامع فيمكن حجزها عبر الإنترنت"
for variant in kashida spaces; do
  cat >"$TMP/$variant.yaml" <<YAML
page:
  size: A5
  margins: {top: 20mm, bottom: 20mm, left: 25mm, right: 25mm}
styles:
  body:
    font: [Noto Naskh Arabic]
    size: 11pt
    leading: 18pt
    align: justify
    justify-arabic: $variant
YAML
  cat >"$TMP/$variant-doc.yaml" <<YAML
layout: $variant.yaml
language: ar
body:
  - "$TEXT"
YAML
  check "$variant: renders" "$FOLIO" render "$TMP/$variant-doc.yaml" -o "$TMP/$variant.pdf" -q
done
check "a bad justify-arabic value is refused with its position" bash -c "
  sed 's/justify-arabic: kashida/justify-arabic: stretch/' '$TMP/kashida.yaml' >'$TMP/bad.yaml'
  sed 's/kashida.yaml/bad.yaml/' '$TMP/kashida-doc.yaml' >'$TMP/bad-doc.yaml'
  ! '$FOLIO' render '$TMP/bad-doc.yaml' -o '$TMP/bad.pdf' -q 2>'$TMP/bad.err' &&
  grep -q 'bad.yaml:[0-9]*:[0-9]*: .*justify-arabic .stretch.*expected spaces' '$TMP/bad.err' && [ ! -e '$TMP/bad.pdf' ]"

# The extracted text, lines joined, is the written text word for word, with
# no tatweel (U+0640) in it.
same_text() {
  pdftotext "$1" - | python3 -c "
import sys
got = ' '.join(sys.stdin.read().replace('\u202b', '').replace('\u202c', '').split())  # poppler's RTL embedding marks
want = sys.argv[1]
if '\u0640' in got: print('a tatweel in the text:', got); sys.exit(1)
if got != want:
    print('got: ', got); print('want:', want); sys.exit(1)" "$TEXT"
}
check "kashida: pdftotext equals the source text (no tatweel)" same_text "$TMP/kashida.pdf"
check "spaces: pdftotext equals the source text" same_text "$TMP/spaces.pdf"

# Lines and word boxes from pdftotext -bbox-layout: every line but the last
# reaches both edges of the text block (within 0.5 pt). The block is the
# page width minus the margins: 25 mm = 70.87 pt each side of A5's 419.53 pt.
lines_flush() {
  pdftotext -bbox-layout "$1" - | python3 -c "
import re, sys
xml = sys.stdin.read()
lines = [(float(a), float(b)) for a, b in re.findall(r'<line xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\"', xml)]
left, right = 70.87, 419.53 - 70.87
if len(lines) < 4: print('too few lines', lines); sys.exit(1)
bad = [(i, l) for i, l in enumerate(lines[:-1]) if abs(l[0] - left) > 0.5 or abs(l[1] - right) > 0.5]
if bad: print('not flush:', bad); sys.exit(1)"
}
check "kashida: every line but the last is flush on both sides" lines_flush "$TMP/kashida.pdf"

# The tatweels are drawn: MuPDF's trace lists every glyph shown, and Noto
# Naskh Arabic's tatweel is 0.21 em wide and (inserted) carries no text,
# which MuPDF reports as U+FFFD. None without the key.
tatweels() { mutool trace "$1" 2>/dev/null | grep -c 'unicode="�" glyph="[0-9]*" x="[0-9.]*" y="[0-9.]*" adv="\.21"'; }
check "kashida: tatweels are drawn (at least 10), none with justify-arabic: spaces" bash -c "
  $(declare -f tatweels); k=\$(tatweels '$TMP/kashida.pdf'); s=\$(tatweels '$TMP/spaces.pdf');
  echo \"tatweels: kashida \$k, spaces \$s\"; [ \$k -ge 10 ] && [ \$s -eq 0 ]"
check "kashida: the PDF is clean" qpdf_clean "$TMP/kashida.pdf"
finish
