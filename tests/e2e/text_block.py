#!/usr/bin/env python3
"""Checks that no word of a PDF leaves the text block horizontally: every
word box that pdftotext -bbox reports (glyph origins and advances) lies
between the left and right margins.

usage: text_block.py FILE.pdf LEFT_MM RIGHT_MM"""
import re
import subprocess
import sys

PT_PER_MM = 72 / 25.4
SLACK = 0.5  # pt: rounding in the content stream and in poppler
# Hanging punctuation (layout option hanging-punctuation): a word that starts
# or ends with one of these marks may reach this far into the margin (the
# most any mark hangs at sizes up to 12 pt: half of a 0.45 em quote).
HANGING = set(".,:;!?-\u2010\u2013\u2014\u201c\u201d\u2018\u2019\"'\u00ab\u00bb\u060c\u061b\u06d4")
HANG = 2.8  # pt, at 12 pt and below
# Open-sided letters and digits protrude by 5 % of their advance (a W: 0.052
# em; src/paragraph/Protrusion.cpp): at most 0.06 of the word box's height.
LETTERS = set("AÀÁÂÃÄÅÆTVWXYÝŸvwxJFKLkryýÿ147@%")


def main(pdf, left_mm, right_mm):
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, check=True).stdout.decode()
    bad = []
    words = 0
    for page, body in enumerate(re.split(r"<page ", xml)[1:], 1):
        width = float(re.match(r'width="([\d.]+)"', body).group(1))
        left, right = float(left_mm) * PT_PER_MM, width - float(right_mm) * PT_PER_MM
        for x0, y0, x1, y1, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body):
            words += 1
            text = word.replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")
            # either side: in right-to-left text a word's logical end is its left
            # Marks hang in proportion to their size: above 12 pt (headings)
            # the allowance grows with the word box's height (at most 1.5 em
            # for Noto's scripts, so the size is never underestimated).
            size = (float(y1) - float(y0)) / 1.5
            hang = HANG * max(1.0, size / 12)
            hang_l = hang_r = hang if text[:1] in HANGING or text[-1:] in HANGING else 0
            if not hang_l and (text[:1] in LETTERS or text[-1:] in LETTERS):
                hang_l = hang_r = 0.06 * (float(y1) - float(y0))
            if float(x0) < left - SLACK - hang_l or float(x1) > right + SLACK + hang_r:
                bad.append(f"page {page}: '{word}' spans {float(x0):.1f}-{float(x1):.1f}pt, "
                           f"the text block {left:.1f}-{right:.1f}pt")
    for b in bad[:20]:
        print(b)
    print(f"{words - len(bad)} of {words} words inside the text block")
    return 1 if bad or words == 0 else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
