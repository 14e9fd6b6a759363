#!/usr/bin/env python3
"""Checks a rendered table from the PDF alone (MuPDF's character boxes and
poppler's text), never with Folio's code. Subcommands:

  header PDF FIRST LAST WORD...   every page FIRST..LAST shows the header words
  cells YAML PDF                  every word of every table cell is in the PDF
  columns PDF FIRST LAST LEFT W1 W2 ...
                                  from the line holding word FIRST to the one
                                  holding LAST, every word inside the table's
                                  width lies inside one column [LEFT+sum, ...]
  decimal PDF REGEX [SEP]         on each page, the words matching REGEX (one
                                  column of numbers) have their decimal
                                  separator SEP ('.' or Arabic's U+066B by
                                  default) or, without one, their end at one
                                  x, to 0.5pt
  rtl PDF WORD...                 the header words run right to left: each
                                  next word's x is smaller
  span PDF PAGE XMAX FIRST LAST   a row-spanning cell reads as one block: on
                                  PAGE, the lines of words left of XMAX, from
                                  the one holding FIRST to the one holding
                                  LAST, follow each other at one pitch (no
                                  gaps), to 30%
  same-line PDF PAGE WORD1 WORD2  the two words sit on one line (to 0.5pt)
Exit status 0 when the check holds; otherwise what failed is printed."""
import html
import re
import subprocess
import sys

import yaml


def stext(pdf):
    """Pages -> lines -> words, each word (text, x0, x1, chars[(c, x0, x1)], y)."""
    xml = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        lines = []
        for line in page.split("<line ")[1:]:
            chars = []
            for m in re.finditer(r'<char quad="([^"]+)"[^>]*c="([^"]*)"', line):
                q = [float(v) for v in m.group(1).split()]
                c = html.unescape(m.group(2))
                chars.append((c, min(q[0], q[4]), max(q[2], q[6]), q[1]))
            words, cur = [], []
            for ch in chars + [(" ", 0, 0, 0)]:
                # A gap wider than a space also ends a word (MuPDF joins
                # neighbouring cells into one line).
                if cur and not ch[0].isspace() and min(abs(ch[1] - cur[-1][2]), abs(cur[-1][1] - ch[2])) > 2.5:
                    words.append(("".join(c[0] for c in cur), min(c[1] for c in cur), max(c[2] for c in cur), cur,
                                  cur[0][3]))
                    cur = []
                if ch[0].isspace():
                    if cur:
                        words.append(("".join(c[0] for c in cur), min(c[1] for c in cur), max(c[2] for c in cur), cur,
                                      cur[0][3]))
                    cur = []
                else:
                    cur.append(ch)
            lines.append(words)
        pages.append(lines)
    return pages


def page_text(pdf, page):
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), pdf, "-"], capture_output=True, text=True,
                          check=True).stdout


def header(pdf, first, last, words):
    bad = []
    for p in range(int(first), int(last) + 1):
        text = page_text(pdf, p)
        for w in words:
            if w not in text:
                bad.append(f"page {p}: header word {w!r} missing")
    return bad


def plain_words(text):
    """The words a reader sees: markup and note references removed."""
    text = re.sub(r"\^\[[^\]]*\]", "", text)        # inline notes (their text is checked as a note)
    text = re.sub(r"\[\^[^\]]*\]", "", text)        # note references
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`]", "", text)
    return [w for w in re.split(r"\s+", text) if w]


def cells(yaml_path, pdf):
    doc = yaml.safe_load(open(yaml_path, encoding="utf-8"))
    expected = []

    def walk(blocks):
        for b in blocks:
            if isinstance(b, dict) and "table" in b:
                for row in b["table"]:
                    for cell in row:
                        if isinstance(cell, dict):
                            cell = cell.get("text", "")
                        if cell is not None and not isinstance(cell, (list, dict)):
                            expected.extend(plain_words(str(cell)))
            if isinstance(b, dict):
                for v in b.values():
                    if isinstance(v, list):
                        walk(v)
    walk(doc.get("body", []))
    out = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    out = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", out)  # poppler's bidi marks
    # Words hyphenated at a line end come back whole.
    joined = re.sub(r"-\n\s*", "", out)
    flat = re.sub(r"\s+", " ", joined)
    # Readers mirror brackets in right-to-left lines: compare without them.
    strip = str.maketrans("", "", "()[]{}")
    flat, out = flat.translate(strip), out.translate(strip)
    missing = [w for w in expected if w.translate(strip) not in flat and w.translate(strip) not in out]
    return [f"cell word {w!r} not in the PDF" for w in missing] + ([] if expected else ["no table cells found"])


def columns(pdf, first, last, left, widths):
    left = float(left)
    edges = [left]
    for w in widths:
        edges.append(edges[-1] + float(w))
    bad, seen, inside = [], 0, False
    for p, lines in enumerate(stext(pdf), 1):
        for words in lines:
            texts = [w[0] for w in words]
            if first in texts:
                inside = True
            if not inside:
                continue
            if last in texts:
                inside = False
            for text, x0, x1, _, _ in words:
                centre = (x0 + x1) / 2
                if not (edges[0] < centre < edges[-1]):
                    continue
                seen += 1
                col = max(i for i in range(len(widths)) if edges[i] <= centre)
                if x0 < edges[col] - 0.5 or x1 > edges[col + 1] + 0.5:
                    bad.append(f"page {p}: {text!r} [{x0:.1f}, {x1:.1f}] leaves column {col + 1} "
                               f"[{edges[col]:.1f}, {edges[col + 1]:.1f}]")
    return bad + ([] if seen else ["no words inside the table's columns"])


def decimal(pdf, pattern, sep=".\u066b"):
    rx = re.compile(pattern)
    bad, found = [], 0
    for p, lines in enumerate(stext(pdf), 1):
        xs = []
        for words in lines:
            for text, x0, x1, chars, _ in words:
                if not rx.fullmatch(text):
                    continue
                dots = [c for c in chars if c[0] in sep]
                digits = [c for c in chars if c[0].isdigit()]
                xs.append((dots[0][1] if dots else digits[-1][2], text))
        if len(xs) >= 2:
            found += len(xs)
            lo, hi = min(x for x, _ in xs), max(x for x, _ in xs)
            if hi - lo > 0.5:
                bad.append(f"page {p}: decimal points spread over {hi - lo:.2f}pt: " +
                           ", ".join(f"{t}@{x:.2f}" for x, t in sorted(xs)))
    return bad + ([] if found else [f"no numbers matching {pattern}"])


def rtl(pdf, words):
    xs = []
    for w in words:
        where = [x0 for lines in stext(pdf) for ws in lines for t, x0, _, _, _ in ws if w in (t, t[::-1])]
        if not where:
            return [f"header word {w!r} not found"]
        xs.append(where[0])
    return [] if all(a > b for a, b in zip(xs, xs[1:])) else [
        "columns not mirrored: " + ", ".join(f"{w}@{x:.1f}" for w, x in zip(words, xs))]


def word_y(lines, word, xmax=1e9, below=-1e9):
    for ws in lines:
        for t, _, x1, _, y in ws:
            if t == word and x1 <= xmax and y >= below:
                return y
    return None


def span(pdf, page, xmax, first, last):
    lines = stext(pdf)[int(page) - 1]
    y0 = word_y(lines, first, float(xmax))
    y1 = None if y0 is None else word_y(lines, last, float(xmax), y0)
    if y0 is None or y1 is None:
        return [f"page {page}: {first!r} or {last!r} not found"]
    ys = sorted({round(y, 1) for ws in lines for t, x0, x1, _, y in ws if x1 <= float(xmax) and y0 <= y <= y1})
    pitches = [b - a for a, b in zip(ys, ys[1:])]
    if not pitches:
        return [f"page {page}: one line only from {first!r} to {last!r}"]
    if max(pitches) > 1.3 * min(pitches):
        return [f"page {page}: the cell's lines have gaps: line tops {ys}"]
    return []


def same_line(pdf, page, a, b):
    lines = stext(pdf)[int(page) - 1]
    ya, yb = word_y(lines, a), word_y(lines, b)
    if ya is None or yb is None:
        return [f"page {page}: {a!r} or {b!r} not found"]
    return [] if abs(ya - yb) <= 0.5 else [f"page {page}: {a!r} at y {ya:.2f}, {b!r} at y {yb:.2f}"]


def main(argv):
    cmd, args = argv[1], argv[2:]
    problems = {"header": lambda: header(args[0], args[1], args[2], args[3:]),
                "cells": lambda: cells(args[0], args[1]),
                "columns": lambda: columns(args[0], args[1], args[2], args[3], args[4:]),
                "decimal": lambda: decimal(*args[:3]),
                "rtl": lambda: rtl(args[0], args[1:]),
                "span": lambda: span(*args[:5]),
                "same-line": lambda: same_line(*args[:4])}[cmd]()
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
