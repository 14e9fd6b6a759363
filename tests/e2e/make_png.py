#!/usr/bin/env python3
"""Writes a small solid PNG with a given resolution (pHYs), for tests:
make_png.py OUT.png WIDTH HEIGHT DPI (DPI 0: no pHYs chunk)."""
import struct
import sys
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


out, w, h, dpi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
rows = b"".join(b"\x00" + b"\x20\x60\xa0" * w for _ in range(h))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
if dpi > 0:
    ppm = round(dpi / 0.0254)
    png += chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
png += chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(out, "wb").write(png)
