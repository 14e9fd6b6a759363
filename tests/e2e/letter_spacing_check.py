#!/usr/bin/env python3
"""How far a justified line's words are spaced out, letter by letter.

usage: letter_spacing_check.py JUSTIFIED.pdf NATURAL.pdf SIZE MAX_EM WORD...

Finds the run of words WORD... in both PDFs (pdftotext -bbox), the second
set ragged (its words at their natural width: no expansion, no letter
spacing), and prints, per word, what the justified setting added per
letter gap, in em of SIZE pt: (justified width - natural width) / gaps.
That covers font expansion and letter spacing together. Fails when a word
takes more than MAX_EM per gap.
"""
import re
import subprocess
import sys


def words(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out):
        found.append((m.group(3), float(m.group(2)) - float(m.group(1))))
    return found


def run_of(ws, want):
    for i in range(len(ws) - len(want) + 1):
        if [w for w, _ in ws[i:i + len(want)]] == want:
            return ws[i:i + len(want)]
    sys.exit(f"words not found: {' '.join(want)}")


def main():
    justified, natural, size, most = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    want = [w.replace("&", "&amp;") for w in sys.argv[5:]]
    a, b = run_of(words(justified), want), run_of(words(natural), want)
    worst = 0.0
    for (word, wj), (_, wn) in zip(a, b):
        gaps = max(1, len(word) - 1)
        per = (wj - wn) / gaps / size
        worst = max(worst, per)
        print(f"{word}: {wn:.2f} -> {wj:.2f} pt, {per:+.4f} em per letter gap")
    print(f"most: {worst:.4f} em per gap (bound {most})")
    return 0 if worst <= most else 1


if __name__ == "__main__":
    sys.exit(main())
