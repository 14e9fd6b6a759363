#!/usr/bin/env python3
"""Renders every built-in layout with long and short values and measures,
from the PDF with poppler's `pdftotext -bbox-layout` (not Folio's code),
that no word of the page templates overlaps another word or the body's
text area, and that none lies outside the page.

Usage: template_geometry.py FOLIO OUTDIR [LAYOUT...]

Body text is made of the word "lorem" only, so every other word on a page
is template text (sender, address, title, page number, letter parts placed
by the layout). Prints one line per failure and exits 1 if there was any.
"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import yaml

MM = 72 / 25.4
SIZES = {"A3": (297, 420), "A4": (210, 297), "A5": (148, 210), "Letter": (215.9, 279.4), "Legal": (215.9, 355.6)}
TOL = 0.5  # pt

SENDERS = {
    1: "X",
    40: "Harbour Trust for Culture and the Arts 1",
    70: "Permanent Mission of the Republic of Azerbaijan to the United Nations",
    110: "Permanent Mission of the Kingdom of the Netherlands to the United Nations and Other International Organisations",
}
ADDRESS = ["866 United Nations Plaza, Suite 560", "New York, NY 10017", "United States of America",
           "Attention: Protocol and Liaison Office"]
TITLES = {
    20: "Quarterly statement!",
    200: ("Statement by the Permanent Representative at the high-level meeting of the General Assembly on "
          "the implementation of the declaration on cooperation in culture, science and sustainable growth"),
}


def length(v, em=10):
    if isinstance(v, (int, float)):
        return float(v)
    m = re.fullmatch(r"\s*(-?[0-9.]+)\s*(pt|mm|cm|in|pc|em)?\s*", str(v))
    n, u = float(m.group(1)), m.group(2) or "pt"
    return n * {"pt": 1, "mm": MM, "cm": 10 * MM, "in": 72, "pc": 12, "em": em}[u]


def body_areas(layout):
    """(page width, page height, first-page body rect, later-page body rect), in pt, top-down."""
    page = layout.get("page", {})
    size = page.get("size", "A4")
    w, h = (SIZES[size][0] * MM, SIZES[size][1] * MM) if isinstance(size, str) else (length(size[0]), length(size[1]))
    base = {"top": 25 * MM, "bottom": 25 * MM, "left": 25 * MM, "right": 25 * MM}
    for k, v in page.get("margins", {}).items():
        base[k] = length(v)
    t = layout.get("templates", {})

    def rect(m):
        return (m["left"], m["top"], w - m["right"], h - m["bottom"])

    first = dict(base)
    for k, v in (t.get("first", {}) or {}).get("margins", {}).items():
        first[k] = length(v)
    later = dict(first)
    for k, v in (t.get("later", {}) or {}).get("margins", {}).items():
        later[k] = length(v)
    return w, h, rect(first), rect(later)


def trim_offset(pdf):
    """Where the trimmed page starts on the sheet (print layouts add bleed and marks), in pt from the top-left."""
    info = subprocess.run(["pdfinfo", "-box", pdf], capture_output=True, text=True, check=True).stdout
    box = {}
    for name in ("MediaBox", "TrimBox", "BleedBox"):
        m = re.search(name + r":\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)", info)
        if m:
            box[name] = [float(v) for v in m.groups()]
    if "TrimBox" not in box:
        return 0.0, 0.0, None
    media, trim = box["MediaBox"], box["TrimBox"]
    bleed = box.get("BleedBox", trim)
    # The bleed box in trimmed-page coordinates: words wholly outside it are
    # the print stage's slug line, not template text.
    outer = (bleed[0] - trim[0], trim[3] - bleed[3], bleed[2] - trim[0], trim[3] - bleed[1])
    return trim[0] - media[0], media[3] - trim[3], outer


def words_by_page(pdf):
    dx, dy, outer = trim_offset(pdf)
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    out = re.sub(r'xmlns="[^"]*"', "", out)
    root = ET.fromstring(out)
    pages = []
    for page in root.iter("page"):
        words = []
        for line in page.iter("line"):
            for w in line.iter("word"):
                # poppler's word box spans the font's whole ascent and
                # descent (about 1.15 em), more than a tight leading: lines
                # of one item "overlap" by it (Arabic fonts' by far more).
                # Keep the middle 40 %, where the letters are; text that
                # collides still overlaps there.
                y0, y1 = float(w.get("yMin")) - dy, float(w.get("yMax")) - dy
                cut = (y1 - y0) * 0.3
                word = (float(w.get("xMin")) - dx, y0 + cut, float(w.get("xMax")) - dx, y1 - cut, w.text or "")
                if outer and not overlap(word, outer):
                    continue
                words.append(word)
        pages.append(words)
    return pages


def overlap(a, b):
    return a[0] + TOL < b[2] and b[0] + TOL < a[2] and a[1] + TOL < b[3] and b[1] + TOL < a[3]


BODY_WORDS = {"lorem", "ipsum", "Lorem,"}


def content_for(layout_name, layout_text, sender, lines, title, rtl=False):
    """Letter parts that the layout does not place travel in the body's flow:
    they are written in the body's words then, so that every other word on a
    page is template text."""
    body = " ".join(["lorem"] * 90)
    placed = lambda key: "{" + key + "}" in layout_text
    doc = {
        "layout": layout_name,
        "language": "ar" if rtl else "en",
        "title": title,
        "date": "2026-03-02",
        "fields": {
            "sender": sender,
            "address": "\n".join(ADDRESS[:lines]),
            "phone": "+1 212 371 2559\n+1 212 371 2672",
            "fax": "+1 212 371 2784",
            "email": "protocol.office@mission.example.org",
            "web": "www.mission.example.org",
            "reference": "Ref. AZ-UN/2026/088",
            "place": "New York",
        },
        "recipient": ["Recipient line %d of the address" % (i + 1) if placed("recipient") else "lorem ipsum"
                      for i in range(lines)],
        "sender-line": sender[:60] + " · New York, NY 10017",
        "reference": "AZ-UN/2026/088",
        "your-reference": "NGS-2026-14",
        "body": [body] * 14,
    }
    if not placed("your-reference"):
        del doc["your-reference"]
    if not (placed("reference") or placed("fields.reference")):
        del doc["reference"]
    if "date-line" in layout_text:  # the place and date after the closing (note verbale)
        doc["fields"]["place"] = "Lorem"
        doc["date"] = "2026-03-09"
    return doc


def main():
    folio, outdir = sys.argv[1], sys.argv[2]
    names = sys.argv[3:] or sorted(f[:-5] for f in os.listdir("layouts") if f.endswith(".yaml"))
    os.makedirs(outdir, exist_ok=True)
    failures = 0
    cases = 0
    for name in names:
        layout_text = open(os.path.join("layouts", name + ".yaml"), encoding="utf-8").read()
        layout = yaml.safe_load(layout_text)
        body_words = set(BODY_WORDS)
        if "date-line" in layout_text:
            # in English, and the Arabic case's own long date (pdftotext may
            # give Arabic words in visual order)
            body_words |= {"9", "March", "2026", "٩", "مارس", "سرام", "٢٠٢٦", "٦٢٠٢"}
        w, h, first, later = body_areas(layout)
        combos = []
        for i, (n, sender) in enumerate(sorted(SENDERS.items())):
            for t, title in sorted(TITLES.items()):
                combos.append((n, sender, 1 + (i + t // 100) % 4, t, title, False))
        combos.append((70, "البعثة الدائمة للمملكة الأردنية الهاشمية لدى الأمم المتحدة في نيويورك", 4, 200, TITLES[200], True))
        for n, sender, lines, t, title, rtl in combos:
            cases += 1
            tag = "%s-s%d-a%d-t%d%s" % (name, n, lines, t, "-rtl" if rtl else "")
            src = os.path.join(outdir, tag + ".yaml")
            pdf = os.path.join(outdir, tag + ".pdf")
            with open(src, "w", encoding="utf-8") as f:
                yaml.safe_dump(content_for(name, layout_text, sender, lines, title, rtl), f, allow_unicode=True, sort_keys=False)
            r = subprocess.run([folio, "render", src, "-o", pdf, "--layout", name], capture_output=True, text=True)
            if r.returncode != 0:
                print("FAIL %s: folio exit %d: %s" % (tag, r.returncode, r.stderr.strip()[:400]))
                failures += 1
                continue
            problems = [l for l in r.stderr.splitlines() if "overlaps" in l or "outside the page" in l or "its box holds" in l]
            for p in problems:
                print("FAIL %s: folio warns: %s" % (tag, p))
                failures += 1
            pages = words_by_page(pdf)
            if len(pages) < 2:
                print("FAIL %s: expected at least 2 pages (running heads), found %d" % (tag, len(pages)))
                failures += 1
            for pi, words in enumerate(pages):
                body = first if pi == 0 else later
                tmpl = [x for x in words if x[4] not in body_words]
                for x in tmpl:
                    if x[0] < -TOL or x[1] < -TOL or x[2] > w + TOL or x[3] > h + TOL:
                        print("FAIL %s p%d: '%s' outside the page %s" % (tag, pi + 1, x[4], x[:4]))
                        failures += 1
                    if overlap(x, body):
                        print("FAIL %s p%d: template word '%s' %s overlaps the body area %s" %
                              (tag, pi + 1, x[4], tuple(round(v, 1) for v in x[:4]), tuple(round(v, 1) for v in body)))
                        failures += 1
                for i, a in enumerate(tmpl):
                    for b in words:
                        if b is a or (b in tmpl and tmpl.index(b) <= i):
                            continue
                        if overlap(a, b):
                            print("FAIL %s p%d: '%s' %s overlaps '%s' %s" % (tag, pi + 1, a[4], a[:4], b[4], b[:4]))
                            failures += 1
    print("%d cases, %d failures" % (cases, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
