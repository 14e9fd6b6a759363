#!/usr/bin/env python3
"""Prints the left (xmin) or right (xmax) edge, in points, of the topmost
occurrence of WORD on page PAGE, as pdftotext -bbox reports it.

usage: word_x.py FILE.pdf PAGE WORD xmin|xmax"""
import html
import re
import subprocess
import sys


def main(pdf, page, word, edge):
    xml = subprocess.run(["pdftotext", "-bbox", "-f", page, "-l", page, pdf, "-"], capture_output=True,
                         check=True).stdout.decode()
    found = []
    for x0, y0, x1, text in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>(.*?)</word>', xml):
        # Right-to-left words come out in visual order: match either way.
        text = html.unescape(text).strip("\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069")
        if word in (text, text[::-1]):
            found.append((float(y0), float(x0), float(x1)))
    if not found:
        sys.exit(f"'{word}' not on page {page}")
    y, x0, x1 = min(found)
    print(x0 if edge == "xmin" else x1)


if __name__ == "__main__":
    main(*sys.argv[1:])
