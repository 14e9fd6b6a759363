#!/usr/bin/env python3
"""Checks the marks and lines of a PDF's pages from their content streams
(read through qpdf's JSON, not through Folio):

  * no stroke narrower than 0.25 pt and no filled rule thinner than that
    (printers' preflight flags hairlines: they may vanish on the plate);
  * with --marks: the page is clipped at its BleedBox, crop marks exist, and
    every line painted after the clip (the marks) lies wholly outside the
    BleedBox, so no mark can print on the trimmed page or its bleed.

usage: print_marks.py [--marks] FILE.pdf
"""
import sys

from pdf_standard import contents, load, pages

MIN_WIDTH = 0.25


def tokens(stream):
    """Numbers and operators of a content stream; strings and hex strings skipped."""
    out, i, s = [], 0, stream
    while i < len(s):
        c = s[i:i + 1]
        if c in b" \t\r\n":
            i += 1
        elif c == b"(":
            depth = 0
            while i < len(s):
                if s[i:i + 1] == b"\\":
                    i += 2
                    continue
                depth += {b"(": 1, b")": -1}.get(s[i:i + 1], 0)
                i += 1
                if depth == 0:
                    break
        elif s[i:i + 2] in (b"<<", b">>"):  # a property list (BDC): its keys are names, skipped with it
            i += 2
        elif c == b"<":
            i = s.index(b">", i) + 1
        elif c in b"[]":
            i += 1
        else:
            j = i
            while j < len(s) and s[j:j + 1] not in b" \t\r\n()<>[]":
                j += 1
            if j == i:  # a stray delimiter: step over it rather than loop
                j += 1
            out.append(s[i:j].decode("latin-1"))
            i = j
    return out


def check_page(n, page, stream, marks):
    problems = []
    ops = tokens(stream)
    nums, width, path, after_clip, depth, clipped = [], 1.0, [], False, 0, None
    mark_lines = []
    for t in ops:
        try:
            nums.append(float(t))
            continue
        except ValueError:
            pass
        if t == "w":
            width = nums[-1]
            if width < MIN_WIDTH:
                problems.append("page %d: line width %.3f pt" % (n, width))
        elif t == "re":
            path.append(("re", nums[-4:]))
        elif t == "m":
            path = [("m", nums[-2:])]
        elif t == "l":
            path.append(("l", nums[-2:]))
        elif t == "W":
            rects = [p[1] for p in path if p[0] == "re"]
            if rects:
                clipped = rects[0]
        elif t == "f":
            for kind, r in path:
                if kind == "re" and min(abs(r[2]), abs(r[3])) < MIN_WIDTH:
                    problems.append("page %d: filled rule %.3f pt thin" % (n, min(abs(r[2]), abs(r[3]))))
            path = []
        elif t == "S":
            if after_clip:
                pts = [p[1] for p in path]
                mark_lines.append((pts, width))
            path = []
        elif t == "n":
            path = []
        elif t == "q":
            depth += 1
        elif t == "Q":
            depth -= 1
            if clipped and depth == 0:
                after_clip = True
        nums = []
    if marks:
        bleed = page.get("/BleedBox")
        if not clipped:
            problems.append("page %d: no clip" % n)
        elif bleed and [round(v, 2) for v in (clipped[0], clipped[1], clipped[0] + clipped[2], clipped[1] + clipped[3])] != \
                [round(v, 2) for v in bleed]:
            problems.append("page %d: clip %s is not the BleedBox %s" % (n, clipped, bleed))
        if len(mark_lines) < 8:
            problems.append("page %d: %d mark lines, expected at least 8 crop marks" % (n, len(mark_lines)))
        for pts, w in mark_lines:
            (x0, y0), (x1, y1) = pts[0], pts[-1]
            half = w / 2
            # A vertical or horizontal line (with its width) must miss the bleed box.
            lx0, lx1 = min(x0, x1) - half, max(x0, x1) + half
            ly0, ly1 = min(y0, y1) - half, max(y0, y1) + half
            if lx1 > bleed[0] and lx0 < bleed[2] and ly1 > bleed[1] and ly0 < bleed[3]:
                problems.append("page %d: mark %s touches the bleed box %s" % (n, pts, bleed))
    return problems, len(mark_lines)


def main():
    marks = "--marks" in sys.argv
    path = [a for a in sys.argv[1:] if not a.startswith("--")][0]
    objs = load(path)
    problems, total = [], 0
    for n, page in enumerate(pages(objs), 1):
        p, count = check_page(n, page, contents(objs, page), marks)
        problems += p
        total += count
    for p in problems[:20]:
        print(p)
    print("%d mark lines checked" % total)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
