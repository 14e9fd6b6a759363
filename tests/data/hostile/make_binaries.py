#!/usr/bin/env python3
"""Writes the small binary files of the hostile corpus (images/, binary.yaml). They are
committed; run this again only to change them."""
import os
import struct
import zlib

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "images")


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png(width, height, rows=None, color_type=2):
    sig = b"\x89PNG\r\n\x1a\n"
    ihdr = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0))
    if rows is None:
        rows = b"".join(b"\x00" + b"\x80" * (3 * width) for _ in range(height))
    return sig + ihdr + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


os.makedirs(HERE, exist_ok=True)
good = png(4, 4)
write("good.png", good)
# The header claims 100000 x 100000 pixels (10 Gpx); the data is tiny.
write("oversized.png", png(100000, 100000, rows=b"\x00" * 16))
# Cut in the middle of the IDAT chunk.
write("truncated.png", good[: len(good) - 20])
# A valid signature and header followed by junk where IDAT should be.
write("corrupt.png", good[:33] + chunk(b"IDAT", b"\x78\x9c this is not deflate data") + chunk(b"IEND", b""))
# An IHDR whose CRC does not match.
bad_crc = bytearray(good)
bad_crc[29] ^= 0xFF
write("bad-crc.png", bytes(bad_crc))
# Zero pixels wide.
write("zero-width.png", png(0, 4, rows=b""))
# A JPEG cut after the start-of-image and an APP0 segment.
write("truncated.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00\x43\x00")
# A JPEG whose SOF claims 65535 x 65535 pixels.
sof = b"\xff\xc0\x00\x11\x08\xff\xff\xff\xff\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01"
write("oversized.jpg", b"\xff\xd8" + sof + b"\xff\xd9")
write("text.png", b"This is a text file with a .png name.\n")
write("empty.png", b"")
write("picture.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
# A content file that is really a PNG (NUL bytes), and one of high bytes
# without NUL (invalid UTF-8).
with open(os.path.join(os.path.dirname(HERE), "binary.yaml"), "wb") as f:
    f.write(good)
with open(os.path.join(os.path.dirname(HERE), "binary-no-nul.yaml"), "wb") as f:
    f.write(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x90, 0x28, 0xBC]) * 8)
# An oversized image next to a layout, for a template item.
with open(os.path.join(os.path.dirname(HERE), "layouts", "oversized.png"), "wb") as f:
    f.write(png(100000, 100000, rows=b"\x00" * 16))
