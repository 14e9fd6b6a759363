#!/usr/bin/env python3
"""Draws the sample letterhead emblem (layouts/emblem.png): a deep-blue
roundel with a stylised open book and a gold rule, antialiased, with an
alpha channel. Pure Python (zlib) so it needs nothing beyond python3."""
import math
import struct
import sys
import zlib

SIZE = 256
SS = 4  # supersampling per axis

BLUE = (16, 58, 110)
GOLD = (201, 154, 46)
WHITE = (255, 255, 255)


def inside(x, y):
    """Colour at a point in [0,1]^2, or None for transparent."""
    cx, cy = x - 0.5, y - 0.5
    r = math.hypot(cx, cy)
    if r > 0.48:
        return None
    if r > 0.445:
        return GOLD
    # open book: two pages as slanted quads
    if 0.30 < y < 0.66:
        t = (y - 0.30) / 0.36
        left_edge = 0.22 + 0.03 * t
        right_edge = 0.78 - 0.03 * t
        spine = 0.5
        droop = 0.04 * math.sin(math.pi * abs(x - spine) / 0.28)
        if left_edge < x < spine - 0.015 and y > 0.30 + droop:
            return WHITE
        if spine + 0.015 < x < right_edge and y > 0.30 + droop:
            return WHITE
    if 0.70 < y < 0.725 and 0.30 < x < 0.70:
        return GOLD
    return BLUE


def main(path):
    rows = []
    for py in range(SIZE):
        row = bytearray([0])
        for px in range(SIZE):
            acc = [0, 0, 0, 0]
            for sy in range(SS):
                for sx in range(SS):
                    c = inside((px + (sx + 0.5) / SS) / SIZE, (py + (sy + 0.5) / SS) / SIZE)
                    if c is not None:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = SS * SS
            a = acc[3] // n
            if a:
                cov = acc[3] / 255
                row += bytes([int(acc[0] / cov), int(acc[1] / cov), int(acc[2] / cov), a])
            else:
                row += bytes([0, 0, 0, 0])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "layouts/emblem.png")
