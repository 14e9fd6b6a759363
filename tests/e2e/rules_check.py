"""Rules (filled rectangles) of a PDF page as MuPDF draws them (mutool draw
-F trace), never through Folio's code.

  rules_check.py footnote-side PDF PAGE left|right
      the footnote separator (the only short, thin rule on the page: under a
      third of the text width, at most 0.6 pt high) sits on that side of the
      page: flush with the left or right edge of the page's words (poppler's
      pdftotext -bbox).
  rules_check.py rules-visible PDF PAGE DPI
      every rule at least half the page's words wide (a table's top, mid and
      bottom rules) shows along its whole length when poppler renders the
      page at DPI: no fill painted after it (a zebra stripe) covers it.
"""
import re
import subprocess
import sys


def rects(pdf, page):
    trace = subprocess.run(["mutool", "draw", "-F", "trace", "-o", "-", pdf, str(page)],
                           capture_output=True, text=True, check=True).stdout
    out = []
    # Each path's transform maps PDF space to the page's, y downwards.
    for tf, path in re.findall(r'<fill_path[^>]*transform="([^"]*)"[^>]*>(.*?)</fill_path>', trace, re.S):
        a, b, c, d, e, f = map(float, tf.split())
        pts = [(a * float(x) + c * float(y) + e, b * float(x) + d * float(y) + f)
               for x, y in re.findall(r'x="([-\d.]+)" y="([-\d.]+)"', path)]
        if len(pts) != 4:
            continue
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return out


def footnote_side(pdf, page, side):
    rs = rects(pdf, page)
    if not rs:
        sys.exit("no rules on the page")
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True, check=True).stdout
    words = [(float(a), float(b)) for a, b in re.findall(r'<word xMin="([-\d.]+)" yMin="[-\d.]+" xMax="([-\d.]+)"', html)]
    left, right = min(w[0] for w in words), max(w[1] for w in words)
    short = [r for r in rs if r[3] - r[1] <= 0.6 and r[2] - r[0] < 0.34 * (right - left)]
    if len(short) != 1:
        sys.exit(f"expected one footnote separator, found {short}")
    r = short[0]
    print(f"separator x {r[0]:.2f}..{r[2]:.2f}; words span {left:.2f}..{right:.2f}")
    at = "left" if abs(r[0] - left) < 3 else "right" if abs(r[2] - right) < 3 else "neither"
    if at != side:
        sys.exit(f"the separator is on the {at} side, expected {side}")


def rules_visible(pdf, page, dpi):
    rs = rects(pdf, page)
    wide = max(r[2] - r[0] for r in rs)
    gray = subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-gray", pdf],
                          capture_output=True, check=True).stdout
    head = gray.split(b"\n", 3)
    w, h = map(int, head[1].split())
    px = head[3]
    scale = dpi / 72.0
    bad = []
    for r in rs:
        if r[3] - r[1] > 1.0 or r[2] - r[0] < 0.5 * wide:
            continue
        y0, y1 = int(r[1] * scale), int(r[3] * scale)
        for x in range(int(r[0] * scale) + 2, int(r[2] * scale) - 2, 4):
            darkest = min(px[y * w + x] for y in range(max(y0 - 1, 0), min(y1 + 2, h)))
            if darkest > 160:
                bad.append((round(r[1], 2), round(x / scale, 1), darkest))
    if bad:
        sys.exit(f"rule hidden at (y, x, gray): {bad[:8]} ... ({len(bad)} samples)")
    print("every rule shows along its length")


if __name__ == "__main__":
    if sys.argv[1] == "footnote-side":
        footnote_side(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "rules-visible":
        rules_visible(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(__doc__)
