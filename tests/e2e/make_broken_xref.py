#!/usr/bin/env python3
"""Writes a large PDF (many pages of text, about 1.5 MB, like a browser-printed
document) whose cross-reference table is broken, for the PDF reader's limits:

  make_broken_xref.py OUT.pdf shifted|truncated-table|prev-loop|good

shifted          every offset in the table is 7 bytes off (an editor that
                 rewrote the file without fixing the table)
truncated-table  the table claims more entries than it has
prev-loop        the trailer's /Prev points back at the same table
good             the same file with a sound table (a control)

A repairing reader (PoDoFo) re-parses the whole file to rebuild the table;
Folio refuses such files before parsing."""
import sys

out_path, kind = sys.argv[1], sys.argv[2]
pages = 400
objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
kids = []
line = b"(The quick brown fox jumps over the lazy dog, again and again.) Tj T* "
for i in range(pages):
    content = b"BT /F1 10 Tf 12 TL 40 800 Td " + line * 50 + b"ET"
    objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                b"/Contents %d 0 R >>" % len(objs))
    kids.append(len(objs))
objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % pages
out, offs = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", []
for i, o in enumerate(objs, 1):
    offs.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
count = len(objs) + 1
shift = 7 if kind == "shifted" else 0
entries = b"".join(b"%010d 00000 n \n" % (o + shift) for o in offs)
if kind == "truncated-table":
    entries = entries[: len(entries) // 2]
out += b"xref\n0 %d\n0000000000 65535 f \n" % count + entries
prev = b" /Prev %d" % xref if kind == "prev-loop" else b""
out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (count, prev, xref)
open(out_path, "wb").write(out)
