#!/usr/bin/env python3
"""Reads Ghostscript's separations (gs -sDEVICE=tiffsep -sCompression=none)
and answers questions a printer asks of the plates.

usage:
  print_plates.py ink-box PLATE.tif DPI X0 Y0 X1 Y1
      the bounding box (mm from the sheet's top-left) of the inked pixels of
      the plate inside the region X0..X1, Y0..Y1 (mm); "none" when clean
  print_plates.py row-span PLATE.tif DPI Y
      the first and last inked column (mm) on the row at Y mm
  print_plates.py ink-outside PLATE.tif DPI X0 Y0 X1 Y1
      how many inked pixels lie outside the region

Only uncompressed 8-bit single-channel TIFFs (what tiffsep writes with
-sCompression=none) are read; no imaging library is needed.
"""
import struct
import sys


def read_tiff(path):
    data = open(path, "rb").read()
    endian = "<" if data[:2] == b"II" else ">"
    (ifd,) = struct.unpack(endian + "I", data[4:8])
    (count,) = struct.unpack(endian + "H", data[ifd:ifd + 2])
    tags = {}
    for i in range(count):
        tag, typ, n, value = struct.unpack(endian + "HHII", data[ifd + 2 + 12 * i:ifd + 14 + 12 * i])
        if typ == 3 and n == 1:  # SHORT stored in the first two bytes
            value = struct.unpack(endian + "H", data[ifd + 10 + 12 * i:ifd + 12 + 12 * i])[0]
        tags[tag] = (typ, n, value)

    def values(tag):
        typ, n, value = tags[tag]
        if n == 1:
            return [value]
        size = 2 if typ == 3 else 4
        fmt = endian + ("H" if typ == 3 else "I") * n
        return list(struct.unpack(fmt, data[value:value + size * n]))

    width, height = values(256)[0], values(257)[0]
    if values(259)[0] != 1 or values(258)[0] != 8:
        sys.exit("%s: expected an uncompressed 8-bit TIFF" % path)
    photometric = values(262)[0]
    pixels = b"".join(data[o:o + c] for o, c in zip(values(273), values(279)))
    # Ink amount 0..255 whatever the photometric convention.
    if photometric == 1:  # BlackIsZero: white (255) is no ink
        pixels = bytes(255 - p for p in pixels)
    return width, height, pixels


def main():
    cmd, path, dpi = sys.argv[1], sys.argv[2], float(sys.argv[3])
    args = [float(a) for a in sys.argv[4:]]
    w, h, px = read_tiff(path)
    to_px = lambda mm: int(round(mm / 25.4 * dpi))
    to_mm = lambda p: p * 25.4 / dpi
    # Rows as bytes of 1 (inked: more than 12% ink) or 0, searched in C.
    marks = bytes(1 if v > 32 else 0 for v in range(256))
    row = lambda y, x0=0, x1=w: px[y * w + max(0, x0):y * w + min(w, x1)].translate(marks)
    if cmd == "ink-box":
        x0, y0, x1, y1 = (to_px(a) for a in args)
        box = None
        for y in range(max(0, y0), min(h, y1)):
            r = row(y, x0, x1)
            first = r.find(1)
            if first < 0:
                continue
            last = r.rfind(1)
            xa, xb = max(0, x0) + first, max(0, x0) + last
            box = [xa, y, xb, y] if box is None else [min(box[0], xa), box[1], max(box[2], xb), y]
        if box is None:
            print("none")
        else:
            print("%.2f %.2f %.2f %.2f" % (to_mm(box[0]), to_mm(box[1]), to_mm(box[2] + 1), to_mm(box[3] + 1)))
    elif cmd == "row-span":
        r = row(to_px(args[0]))
        print("none" if r.find(1) < 0 else "%.2f %.2f" % (to_mm(r.find(1)), to_mm(r.rfind(1) + 1)))
    elif cmd == "ink-outside":
        x0, y0, x1, y1 = (to_px(a) for a in args)
        total = px.translate(marks).count(1)
        inside = sum(row(y, x0, x1).count(1) for y in range(max(0, y0), min(h, y1)))
        print(total - inside)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
