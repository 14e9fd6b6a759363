#!/usr/bin/env python3
"""Hanging punctuation as the PDF shows it (poppler's word boxes, which end
at the glyph advances): justified lines that end with a period or comma
reach exactly RIGHT + HANG (0.7 of the mark's advance), lines ending with
a letter end at RIGHT, and nothing hangs further than MAX.

usage: hang_check.py PDF RIGHT HANG MAX   (points from the page's left edge)"""
import re
import subprocess
import sys


def main(pdf, right, hang, most):
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True).stdout.decode()
    ends = {}
    for page, body in enumerate(re.split(r"<page ", xml)[1:], 1):
        for x1, y1, word in re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                                      body):
            key = (page, round(float(y1)))
            if key not in ends or float(x1) > ends[key][0]:
                ends[key] = (float(x1), word)
    hung = flush = 0
    errors = []
    for (page, _), (x1, word) in sorted(ends.items()):
        if x1 > most + 0.05:
            errors.append(f"page {page}: '{word}' ends at {x1:.2f}, past {most:.2f}")
        elif word[-1] in ".," and abs(x1 - (right + hang)) < 0.05:
            hung += 1
        elif word[-1].isalpha() and abs(x1 - right) < 0.05:
            flush += 1
    print(f"{hung} lines hang a period or comma by {hang}pt, {flush} end flush at {right}pt")
    for e in errors:
        print(e)
    return 0 if hung >= 5 and flush >= 5 and not errors else 1


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], *map(float, sys.argv[2:])))
