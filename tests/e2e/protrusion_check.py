#!/usr/bin/env python3
"""Character protrusion as the PDF shows it (poppler's word boxes, which
start at a glyph's origin and end at its advance). Each line of a justified
paragraph set without expansion must reach exactly as far into the margins
as its first and last characters protrude (docs/typography.md): at the end,
a period or comma 70 % of its advance, a hyphen 70 %, y k r 5 %, T V W Y A
5 %, a closing letter (e s n d ...) 0; at the start, T V W Y A 5 %, a lower-
case letter 0. (poppler's text joins a hyphenated line to the next, its
word boxes do not.) Advances are Noto Serif's (units per 1000 em).

usage: protrusion_check.py PDF LEFT RIGHT SIZE   (points from the page's left edge)
Prints how many lines of each kind were seen; fails on a line that is off
by more than 0.05 pt or when a kind is missing (the test would prove nothing)."""
import re
import subprocess
import sys

# Noto Serif Regular advances (hb-shape, unkerned at a word's edge) and
# the share of each that protrudes at a line end.
END = {".": (250, 700), ",": (250, 700), "-": (310, 700), "y": (565, 50), "k": (585, 50), "r": (471, 50)}
# Other characters that protrude at a line end: not checked here.
OTHER_END = set("AFKLTVWXYvwx147;:!?\")]}\u2019\u201d")
START = {"T": (613, 50), "V": (675, 50), "W": (1047, 50), "Y": (625, 50), "v": (579, 50), "w": (862, 50), "x": (578, 50)}


def main(pdf, left, right, size):
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True).stdout.decode()
    lines = {}
    for page, body in enumerate(re.split(r"<page ", xml)[1:], 1):
        for x0, y0, x1, word in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', body):
            lines.setdefault((page, round(float(y0))), []).append((float(x0), float(x1), word))
    seen = {}
    errors = []
    keys = sorted(lines)
    for n, key in enumerate(keys):
        words = sorted(lines[key])
        last_of_par = n + 1 == len(keys)
        (x0, _, first), (_, x1, last) = words[0], words[-1]
        if not last_of_par:
            c = last[-1]
            want = right + (END[c][0] * END[c][1] / 1e6 * size if c in END else 0)
            kind = "end " + (c if c in END else "letter")
            if (c.isalpha() or c in END) and c not in OTHER_END:
                seen[kind] = seen.get(kind, 0) + 1
                if abs(x1 - want) > 0.05:
                    errors.append(f"'{last}' ends at {x1:.3f}, expected {want:.3f} ({kind})")
        c = first[0]
        if c in START or c.islower():
            # A kerned first letter (T before o, V before a) is narrower
            # than its plain advance: its hang is at most 5 % of that.
            want = left - (START[c][0] * START[c][1] / 1e6 * size if c in START else 0)
            kind = "start " + (c if c in START else "lower")
            seen[kind] = seen.get(kind, 0) + 1
            tolerance = 0.05 if c not in START else START[c][0] * START[c][1] / 1e6 * size * 0.4
            if abs(x0 - want) > tolerance:
                errors.append(f"'{first}' starts at {x0:.3f}, expected {want:.3f} ({kind})")
    print(", ".join(f"{k}: {v}" for k, v in sorted(seen.items())))
    for e in errors:
        print(e)
    need = ["end .", "end ,", "end -", "end letter", "start lower"]
    missing = [k for k in need if k not in seen]
    if missing or not any(k.startswith("start ") and k != "start lower" for k in seen) or \
            not any(k in seen for k in ("end y", "end k", "end r")):
        print("missing kinds of line:", missing or "a hanging letter")
        return 1
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], *map(float, sys.argv[2:])))
