#!/usr/bin/env python3
"""Draws the memo sample's mark (content/layouts/harbour-mark.pdf): a one-page PDF of
vector art, a teal roundel with a gold ring, white waves and an "HT"
monogram. The letters are a Type 3 font whose glyphs are drawn with
rectangles, with a ToUnicode map so that the monogram is real text (copy and
paste gives "HT"), which tests use to check that an imported page keeps its
fonts. Written by hand (no library) so it needs nothing beyond python3, and
byte-identical on every run.

Usage: tools/make-mark-pdf.py content/layouts/harbour-mark.pdf
"""
import sys
import zlib

SIZE = 100  # the page is SIZE x SIZE pt; Folio scales it to the item's width
TEAL = "0.059 0.322 0.341"  # #0f5257, the memo layout's band colour
GOLD = "0.788 0.604 0.180"  # #c99a2e


def circle(cx, cy, r):
    """A circle as four Bezier quarter arcs (k: the usual 4/3*(sqrt2-1))."""
    k = 0.5523 * r
    return (f"{cx + r} {cy} m "
            f"{cx + r} {cy + k} {cx + k} {cy + r} {cx} {cy + r} c "
            f"{cx - k} {cy + r} {cx - r} {cy + k} {cx - r} {cy} c "
            f"{cx - r} {cy - k} {cx - k} {cy - r} {cx} {cy - r} c "
            f"{cx + k} {cy - r} {cx + r} {cy - k} {cx + r} {cy} c\n")


def wave(y, amplitude=3.5, period=20):
    """A wavy line across the page at height y, two Bezier curves per period."""
    ops = f"0 {y} m "
    x = 0
    while x < SIZE:
        h = period / 2
        ops += (f"{x + h / 3:g} {y + amplitude:g} {x + 2 * h / 3:g} {y + amplitude:g} {x + h:g} {y:g} c "
                f"{x + h + h / 3:g} {y - amplitude:g} {x + h + 2 * h / 3:g} {y - amplitude:g} {x + period:g} {y:g} c ")
        x += period
    return ops + "S\n"


# Glyphs in a 1000-unit em: "H" and "T" as filled rectangles.
GLYPHS = {
    "H": (700, ["80 0 140 700 re", "480 0 140 700 re", "220 290 260 120 re"]),
    "T": (640, ["20 580 600 120 re", "250 0 140 580 re"]),
}
FONT_SIZE = 34


def page_content():
    text_width = sum(GLYPHS[c][0] for c in "HT") * FONT_SIZE / 1000
    ops = [
        f"{TEAL} rg", circle(50, 50, 48), "f",
        f"{GOLD} RG 1.5 w", circle(50, 50, 44), "S",
        # waves, clipped to the inside of the ring
        "q", circle(50, 50, 42), "W n",
        "1 1 1 RG 2.6 w 1 J", wave(31), wave(22), wave(13), "Q",
        f"BT 1 g /M1 {FONT_SIZE} Tf {50 - text_width / 2:g} 42 Td (HT) Tj ET",
    ]
    return "\n".join(ops) + "\n"


def glyph_proc(width, rects):
    return f"{width} 0 0 0 {width} 700 d1\n" + "\n".join(rects) + "\nf\n"


TO_UNICODE = """/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
2 beginbfchar
<48> <0048>
<54> <0054>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def stream(body, compress=True):
    data = body.encode("ascii")
    if compress:
        data = zlib.compress(data, 9)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def main(path):
    widths = " ".join(str(GLYPHS["H"][0] if c == 72 else GLYPHS["T"][0] if c == 84 else 0)
                      for c in range(72, 85))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
         b"/Resources << /Font << /M1 5 0 R >> >> >>" % (SIZE, SIZE)),
        stream(page_content()),
        (b"<< /Type /Font /Subtype /Type3 /Name /M1 /FontBBox [0 0 700 700] "
         b"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /H 6 0 R /T 7 0 R >> "
         b"/Encoding << /Type /Encoding /Differences [72 /H 84 /T] >> "
         b"/FirstChar 72 /LastChar 84 /Widths [" + widths.encode() + b"] "
         b"/Resources << >> /ToUnicode 8 0 R >>"),
        stream(glyph_proc(*GLYPHS["H"])),
        stream(glyph_proc(*GLYPHS["T"])),
        stream(TO_UNICODE),
        b"<< /Title (Harbour Trust mark) /Producer (tools/make-mark-pdf.py) >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, len(objects), xref))
    with open(path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "content/layouts/harbour-mark.pdf")
