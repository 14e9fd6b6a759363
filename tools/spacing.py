#!/usr/bin/env python3
# Copied unchanged (apart from this note) from the project's shared tools,
# ../shared/tools/spacing.py, so that builds and tests never need ../shared.
"""Inter-word spacing statistics of the justified body text of a PDF.

usage: spacing.py [--size PT] [--json] [--verbose] FILE.pdf [FILE.pdf ...]

Needs only python3 and poppler's `pdftotext -bbox-layout` (word boxes).

Method
  1. Words come from `pdftotext -bbox-layout`.  Poppler sometimes splits one
     visual line into several <line>s (in other blocks) when a gap is wide,
     so lines are rebuilt per page: poppler lines whose vertical extents
     overlap by more than half of the smaller one are merged, and the words
     of a line are sorted by x.
  2. Body lines are those whose median word height is within 4 % of the
     most common word height in the document (the body face and size: this
     drops the letterhead, title, header, footer and footnotes), that start
     at the body's left edge and end at its right edge (the most common
     left / right x of body-height lines, 2 pt tolerance; this drops last
     lines of paragraphs, indented list lines and ragged lines) and that
     have at least two words.
     Lines holding Hebrew or Arabic letters are skipped unless --keep-rtl:
     their extracted word boxes depend on how the producer maps glyphs back
     to text (some duplicate or split words), not on the spacing.
  3. A gap is the distance from one word box to the next, in units of the
     font size (--size, default 11 pt).  Gaps under 0.08 em are not counted:
     they are word splits at a font change (e.g. a superscript), not spaces.

Output per file: lines, mean gap, standard deviation, max gap (em), share of
lines with a gap > 0.5 em, lines ending in a hyphen (-, U+2010 or U+00AD),
and the median baseline-to-baseline distance of consecutive body lines.

Added for Folio's issue 19 (not in the shared original), over all body-height
lines of a page in order, last lines of paragraphs included:
  rivers   word gaps aligned down 3 or more consecutive lines: a gap and the
           next line's gap are aligned when their extents overlap
           horizontally; each chain that reaches 3 lines counts once
  hyrun    the longest run of consecutive lines ending in a hyphen
  runts    paragraph last lines (after a full line, shorter than it) that
           hold no word of 4 or more letters and are under 15 % of the measure
"""
import argparse
import json
import re
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter

HYPHENS = ("-", "\u2010", "\u00ad")
LIST_MARKER = re.compile(r"^(\u2022|\u2013|\u2014|-|\*|\d{1,3}[.)]|[a-z][.)])$")
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def words_by_page(pdf):
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], check=True,
                         capture_output=True).stdout.decode("utf-8", "replace")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    xml = re.sub(r'\sxmlns="[^"]*"', "", xml, count=1)
    root = ET.fromstring(xml)
    pages = []
    for page in root.iter("page"):
        lines = []
        for line in page.iter("line"):
            ws = []
            for w in line.iter("word"):
                ws.append((float(w.get("xMin")), float(w.get("yMin")),
                           float(w.get("xMax")), float(w.get("yMax")), w.text or ""))
            if ws:
                lines.append(ws)
        pages.append(lines)
    return pages


def merge_lines(plines):
    """Merge poppler lines of one page that sit on the same visual line."""
    boxes = []
    for ws in plines:
        y0 = min(w[1] for w in ws); y1 = max(w[3] for w in ws)
        boxes.append([y0, y1, list(ws)])
    boxes.sort(key=lambda b: (b[0] + b[1]) / 2)
    merged = []
    for b in boxes:
        for m in merged:
            ov = min(m[1], b[1]) - max(m[0], b[0])
            # compare with the body-like parts only: medians of word boxes
            hb = statistics.median(w[3] - w[1] for w in b[2])
            hm = statistics.median(w[3] - w[1] for w in m[2])
            cb = statistics.median((w[1] + w[3]) / 2 for w in b[2])
            cm = statistics.median((w[1] + w[3]) / 2 for w in m[2])
            if ov > 0.5 * min(hb, hm) and abs(cb - cm) < 0.5 * min(hb, hm):
                m[0] = min(m[0], b[0]); m[1] = max(m[1], b[1]); m[2].extend(b[2])
                break
        else:
            merged.append(b)
    out = []
    for m in merged:
        ws = sorted(m[2], key=lambda w: w[0])
        out.append(ws)
    return out


def mode(values, step):
    c = Counter(round(v / step) * step for v in values)
    return c.most_common(1)[0][0] if c else None


def analyse(pdf, size=11.0, verbose=False, tol=2.0, keep_rtl=False):
    pages = [merge_lines(p) for p in words_by_page(pdf)]
    heights = [w[3] - w[1] for p in pages for ln in p for w in ln if len(w[4]) > 1]
    hmode = mode(heights, 0.1)
    cand = []
    for pno, p in enumerate(pages, 1):
        for ln in p:
            h = statistics.median(w[3] - w[1] for w in ln)
            if abs(h - hmode) <= 0.04 * hmode:
                cand.append((pno, ln))
    left = mode([ln[0][0] for _, ln in cand], 0.5)
    right = mode([max(w[2] for w in ln) for _, ln in cand], 0.5)
    body, gaps, line_max, hyph = [], [], [], 0
    for pno, ln in cand:
        x0 = ln[0][0]; x1 = max(w[2] for w in ln)
        if len(ln) < 2 or abs(x0 - left) > tol or x1 < right - tol or x1 > right + 3 * tol:
            continue
        if not keep_rtl and any(RTL.search(w[4]) for w in ln):
            continue
        g = [(b[0] - a[2]) / size for a, b in zip(ln, ln[1:])]
        if LIST_MARKER.match(ln[0][4]):
            g = g[1:]  # the indent after a list item's marker is not a word space (Folio's issue 19)
        g = [v for v in g if v >= 0.08]
        if not g:
            continue
        body.append((pno, ln))
        gaps.extend(g)
        line_max.append(max(g))
        last = max(ln, key=lambda w: w[2])[4]
        if last.endswith(HYPHENS):
            hyph += 1
        if verbose:
            print("p%d y=%.1f max=%.2f %s" % (pno, ln[0][3], max(g),
                  " ".join(w[4] for w in ln)), file=sys.stderr)
    # baseline pitch: consecutive body-height lines on a page, one line apart
    pitches = []
    for pno, p in enumerate(pages, 1):
        ys = sorted(statistics.median(w[3] for w in ln) for ln in p
                    if abs(statistics.median(w[3] - w[1] for w in ln) - hmode) <= 0.04 * hmode)
        pitches += [b - a for a, b in zip(ys, ys[1:]) if 0.5 * size < b - a < 1.7 * size]
    rivers, hyrun, runts = texture(pages, hmode, left, right, size, tol)
    n = len(body)
    return {
        "rivers": rivers, "max_hyphen_run": hyrun, "runts": runts,
        "file": pdf,
        "lines": n,
        "gaps": len(gaps),
        "mean_em": round(statistics.fmean(gaps), 3) if gaps else None,
        "sd_em": round(statistics.pstdev(gaps), 3) if gaps else None,
        "max_em": round(max(gaps), 3) if gaps else None,
        "share_lines_gap_gt_0.5em": round(sum(1 for m in line_max if m > 0.5) / n, 3) if n else None,
        "hyphenated_lines": hyph,
        "pitch_pt": round(statistics.median(pitches), 2) if pitches else None,
        "left_pt": left, "right_pt": right, "word_height_pt": hmode,
    }


def texture(pages, hmode, left, right, size, tol):
    """Rivers, the longest run of hyphenated lines, and runts (see above)."""
    rivers = runts = hyrun = 0
    for p in pages:
        lines = [ln for ln in p if abs(statistics.median(w[3] - w[1] for w in ln) - hmode) <= 0.04 * hmode
                 and not any(RTL.search(w[4]) for w in ln)]
        lines.sort(key=lambda ln: statistics.median(w[3] for w in ln))
        prev_y, prev_gaps, prev_line, run = None, [], None, 0
        for ln in lines:
            y = statistics.median(w[3] for w in ln)
            adjacent = prev_y is not None and 0.5 * size < y - prev_y < 1.7 * size
            gaps = []  # (x0, x1, chain length)
            for a, b in zip(ln, ln[1:]):
                if (b[0] - a[2]) / size < 0.08:
                    continue
                chain = 1
                if adjacent:
                    for g in prev_gaps:
                        if g[0] <= b[0] and a[2] <= g[1]:
                            chain = max(chain, g[2] + 1)
                if chain == 3:
                    rivers += 1
                gaps.append((a[2], b[0], chain))
            last = max(ln, key=lambda w: w[2])[4]
            run = run + 1 if last.endswith(HYPHENS) and (adjacent or run == 0) else (1 if last.endswith(HYPHENS) else 0)
            hyrun = max(hyrun, run)
            x0, x1 = ln[0][0], max(w[2] for w in ln)
            if (adjacent and prev_line is not None and abs(x0 - left) <= tol and x1 < right - tol
                    and abs(prev_line[0][0] - left) <= 3 * tol and max(w[2] for w in prev_line) >= right - tol):
                long_word = any(len(re.sub(r"[^\w]", "", w[4])) >= 4 for w in ln)
                if not long_word and x1 - x0 < 0.15 * (right - left):
                    runts += 1
            prev_y, prev_gaps, prev_line = y, gaps, ln
    return rivers, hyrun, runts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pdf", nargs="+")
    ap.add_argument("--size", type=float, default=11.0, help="body font size in pt (default 11)")
    ap.add_argument("--json", action="store_true", help="one JSON object per file")
    ap.add_argument("--verbose", action="store_true", help="print every body line to stderr")
    ap.add_argument("--keep-rtl", action="store_true", help="keep lines with Hebrew/Arabic letters")
    a = ap.parse_args()
    if not a.json:
        print("%-40s %6s %6s %6s %6s %8s %6s %6s %6s %6s %6s" % ("file", "lines", "mean", "sd", "max",
                                                      ">0.5em", "hyph", "pitch", "rivers", "hyrun", "runts"))
    for pdf in a.pdf:
        r = analyse(pdf, a.size, a.verbose, keep_rtl=a.keep_rtl)
        if a.json:
            print(json.dumps(r))
        else:
            f = lambda v, fmt: (fmt % v) if v is not None else "-"
            print("%-40s %6d %6s %6s %6s %8s %6d %6s %6d %6d %6d" % (
                pdf[-40:], r["lines"], f(r["mean_em"], "%.3f"), f(r["sd_em"], "%.3f"),
                f(r["max_em"], "%.3f"), f(r["share_lines_gap_gt_0.5em"], "%.3f"),
                r["hyphenated_lines"], f(r["pitch_pt"], "%.2f"), r["rivers"], r["max_hyphen_run"], r["runts"]))


if __name__ == "__main__":
    main()
