#!/usr/bin/env python3
"""Prints the left and right edges, in points, of the text line that holds
the topmost occurrence of WORD on page PAGE, as pdftotext -bbox-layout
reports it ("XMIN XMAX").

usage: line_x.py FILE.pdf PAGE WORD"""
import html
import re
import subprocess
import sys

MARKS = "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069"


def main(pdf, page, word):
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", page, "-l", page, pdf, "-"], capture_output=True,
                         check=True).stdout.decode()
    found = []
    for attrs, body in re.findall(r'<line (xMin="[^>]*)>(.*?)</line>', xml, re.S):
        x0, y0, x1 = (float(v) for v in re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"', attrs).groups())
        # Right-to-left words may come out in visual order: match either way.
        words = [html.unescape(w).strip(MARKS) for w in re.findall(r"<word[^>]*>(.*?)</word>", body)]
        if any(word in (w, w[::-1]) for w in words):
            found.append((y0, x0, x1))
    if not found:
        sys.exit(f"'{word}' not on page {page}")
    y, x0, x1 = min(found)
    print(x0, x1)


if __name__ == "__main__":
    main(*sys.argv[1:])
