#!/usr/bin/env python3
"""Checks the page breaks and the text block of a rendered document from the
PDF alone (poppler's word boxes) and the content file it was made from:

  * no page starts with the last line of a paragraph of two or more lines
    (a widow), and none ends with the first line of one (an orphan);
  * no page ends with a heading;
  * no line reaches out of the text block [LEFT, RIGHT] (points from the
    page's left edge), except punctuation hanging into the margin by at
    most HANG points (hanging punctuation), or an open-sided letter by at
    most LETTER_HANG (protrusion).

How: every block of the content (paragraph, heading, list item) becomes a
string of its letters (lower case, no digits, spaces or punctuation, so
footnote numbers and inserted hyphens do not matter). The PDF's lines are
read top to bottom, page by page, and each is matched against the letters
the current block has left; a line that does not continue the text (a
running head, a folio, a footnote) is skipped. So every body line is known
as line i of n of block b, and a line the check cannot place is an error,
never a silent pass.

usage: check_page_breaks.py PDF CONTENT.yaml LEFT RIGHT [HANG]
exit 1 with one message per problem."""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import yaml

HANGING = set(".,:;!?-\u2010\u2013\u2014\u201c\u201d\u2018\u2019\"'\u00ab\u00bb")


def letters(s):
    return "".join(ch.lower() for ch in s if ch.isalpha())


def plain(text):
    text = re.sub(r"\[\^[^\]]+\]", "", text)        # footnote references
    text = re.sub(r"\^\[[^\]]*\]", "", text)        # inline notes
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"</?(sup|sub|span)[^>]*>", "", text)
    return text


def blocks_of(content):
    """(kind, letters) for every block of the body, in order."""
    out = []

    def add(block):
        if isinstance(block, str):
            out.append(("paragraph", letters(plain(block))))
        elif isinstance(block, dict):
            if "heading" in block:
                out.append(("heading", letters(plain(str(block["heading"])))))
            elif "paragraph" in block:
                out.append((block.get("style", "paragraph"), letters(plain(str(block["paragraph"])))))
            elif "list" in block:
                for item in block["list"]:
                    if isinstance(item, list):
                        for b in item:
                            add(b)
                    else:
                        add(item)
            elif "quote" in block:
                q = block["quote"]
                for b in (q if isinstance(q, list) else [q]):
                    add(b)
    for b in content["body"]:
        add(b)
    return [b for b in out if b[1]]


def pdf_lines(pdf):
    """Per page: visual lines as (xMin, xMax, text), top to bottom."""
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True).stdout.decode()
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    xml = re.sub(r'\sxmlns="[^"]*"', "", xml, count=1)
    pages = []
    for page in ET.fromstring(xml).iter("page"):
        words = [(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")), float(w.get("yMax")),
                  w.text or "") for w in page.iter("word")]
        words.sort(key=lambda w: (w[1] + w[3]) / 2)
        lines = []  # [y0, y1, words]
        for w in words:
            h = w[3] - w[1]
            for ln in lines:
                overlap = min(ln[1], w[3]) - max(ln[0], w[1])
                if overlap > 0.5 * min(h, ln[1] - ln[0]):
                    ln[2].append(w)
                    ln[0], ln[1] = min(ln[0], w[1]), max(ln[1], w[3])
                    break
            else:
                lines.append([w[1], w[3], [w]])
        lines.sort(key=lambda ln: ln[1])
        out = []
        for _, _, ws in lines:
            ws.sort(key=lambda w: w[0])
            out.append((ws[0][0], max(w[2] for w in ws), " ".join(w[4] for w in ws)))
        pages.append(out)
    return pages


# Open-sided letters and digits protrude by 5 % of their width (A T V W Y,
# v w x, F K L k r y at the end, 1 4 7: src/paragraph/Protrusion.cpp): a W
# of a 14 pt heading by 0.73 pt.
LETTERS = set("AÀÁÂÃÄÅÆTVWXYÝŸvwxJFKLkryýÿ147@%")
LETTER_HANG = 0.8


def check(pdf, content_path, left, right, hang=3.0):
    blocks = blocks_of(yaml.safe_load(open(content_path, encoding="utf-8")))
    pages = pdf_lines(pdf)
    errors = []
    b, k = 0, 0
    placed = []  # per page: [(block, line number in block, x0, x1, text)]
    counts = [0] * len(blocks)
    for pno, lines in enumerate(pages, 1):
        here = []
        for x0, x1, text in lines:
            lt = letters(text)
            if not lt or b >= len(blocks):
                continue
            rest = blocks[b][1][k:]
            if not rest.startswith(lt):
                continue  # not body text: running head, folio, footnote
            here.append((b, counts[b], x0, x1, text))
            counts[b] += 1
            k += len(lt)
            if k == len(blocks[b][1]):
                b, k = b + 1, 0
        placed.append(here)
    if b < len(blocks):
        errors.append(f"could not follow the text: block {b + 1} ({blocks[b][0]}) not found in the PDF "
                      f"after {k} letters")
        return errors
    last_page = max((i for i, p in enumerate(placed) if p), default=0)
    for pno, here in enumerate(placed, 1):
        if not here:
            continue
        first, last = here[0], here[-1]
        if pno > 1 and counts[first[0]] >= 2 and first[1] == counts[first[0]] - 1:
            errors.append(f"page {pno} starts with a widow, the last line of a paragraph: {first[4]!r}")
        if pno - 1 < last_page:
            if counts[last[0]] >= 2 and last[1] == 0:
                errors.append(f"page {pno} ends with an orphan, the first line of a paragraph: {last[4]!r}")
            if blocks[last[0]][0] == "heading":
                errors.append(f"page {pno} ends with a heading: {last[4]!r}")
        for blk, _, x0, x1, text in here:
            lim_l = left - (hang if text[:1] in HANGING else LETTER_HANG if text[:1] in LETTERS else 0) - 0.3
            lim_r = right + (hang if text[-1:] in HANGING else LETTER_HANG if text[-1:] in LETTERS else 0) + 0.3
            if x0 < lim_l or x1 > lim_r:
                errors.append(f"page {pno}: a line sticks out of the text block "
                              f"[{left:.1f}, {right:.1f}] at {x0:.2f}-{x1:.2f}: {text!r}")
    return errors


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    errors = check(sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]),
                   float(sys.argv[5]) if len(sys.argv) == 6 else 3.0)
    for e in errors:
        print(e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
