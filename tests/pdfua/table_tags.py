#!/usr/bin/env python3
"""Check a tagged table with pikepdf, never with Folio's code (docs/accessibility.md).

usage: table_tags.py FILE.pdf [--rowspan] [--colspan] [--repeats PAGES] [--header WORD]
                      [--tables N --captions K] [--no-table]

Checks: a Table with a Caption, THead and TBody holding TR; every TH has an /ID
and a /Scope; every TD names existing TH /IDs in /Headers; with --rowspan /
--colspan some cell has RowSpan / ColSpan > 1; with --repeats 2,3 the text
painted inside /Artifact /Pagination on those pages holds WORD (the repeated
header), and WORD is in no tagged content there (poppler reads a copy of the
file with only the artifacts' text left). With --tables N --captions K, there
are exactly N Tables and K of them have a Caption (a pipe table has none);
without, every Table needs one. --no-table checks only --repeats (a
letterhead repeated on later pages). Prints each problem, exit 1 if any.
"""
import subprocess
import sys
import tempfile

import pikepdf
from pikepdf import Array, Dictionary, Name

TEXT_OPS = {"Tj", "TJ", "'", '"'}


def kids(e):
    k = e.get("/K")
    out = list(k) if isinstance(k, Array) else [k] if k is not None else []
    return [x for x in out if isinstance(x, Dictionary) and "/S" in x]


def walk(e, out):
    out.append(e)
    for x in kids(e):
        walk(x, out)


def attr(e, key):
    a = e.get("/A")
    for d in (list(a) if isinstance(a, Array) else [a] if a is not None else []):
        if isinstance(d, Dictionary) and key in d:
            return d[key]
    return None


def only_artifact_text(pdf, pages, want):
    """Drop every text-showing operator outside /Artifact /<want> sections."""
    for i in pages:
        page = pdf.pages[i - 1]
        stack, ops = [], []
        for operands, op in pikepdf.parse_content_stream(page):
            o = str(op)
            if o in ("BDC", "BMC"):
                kind = str(operands[0])
                if kind == "/Artifact" and o == "BDC" and "/Type" in operands[1]:
                    kind += str(operands[1].Type)
                stack.append(kind)
            elif o == "EMC" and stack:
                stack.pop()
            elif o in TEXT_OPS and not any(k == "/Artifact" + want for k in stack):
                continue
            ops.append((operands, op))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    path, args = argv[0], argv[1:]
    problems = []
    with pikepdf.open(path) as pdf:
        every = []
        for k in kids(pdf.Root.StructTreeRoot):
            walk(k, every)
        tables = [e for e in every if str(e.S) == "/Table"]
        if "--no-table" in args:
            tables = []
        elif not tables:
            problems.append("no Table element")
        counted = "--tables" in args
        if counted:
            want_tables = int(args[args.index("--tables") + 1])
            want_captions = int(args[args.index("--captions") + 1])
            captioned = sum(1 for t in tables if any(str(e.S) == "/Caption" for e in kids(t)))
            if len(tables) != want_tables or captioned != want_captions:
                problems.append(f"{len(tables)} Tables, {captioned} with a Caption; expected {want_tables} and {want_captions}")
        for t in tables:
            inside = []
            walk(t, inside)
            roles = [str(e.S)[1:] for e in inside]
            for r in ("THead", "TBody", "TR", "TH", "TD") if counted else ("Caption", "THead", "TBody", "TR", "TH", "TD"):
                if r not in roles:
                    problems.append(f"the Table has no {r}")
            for part in kids(t):
                if str(part.S) in ("/THead", "/TBody", "/TFoot") and any(str(r.S) != "/TR" for r in kids(part)):
                    problems.append(f"{part.S} holds something other than TR")
            ths = [e for e in inside if str(e.S) == "/TH"]
            ids = {bytes(e.ID) for e in ths if "/ID" in e}
            for th in ths:
                if "/ID" not in th:
                    problems.append("a TH has no /ID")
                if str(attr(th, "/Scope")) not in ("/Row", "/Column", "/Both"):
                    problems.append(f"a TH has no /Scope (got {attr(th, '/Scope')})")
            for td in (e for e in inside if str(e.S) == "/TD"):
                hs = attr(td, "/Headers")
                if hs is None or not len(hs):
                    problems.append("a TD has no /Headers")
                elif any(bytes(h) not in ids for h in hs):
                    problems.append(f"a TD names a header that no TH has: {[bytes(h) for h in hs]}")
            for flag, key in (("--rowspan", "/RowSpan"), ("--colspan", "/ColSpan")):
                if flag in args and not any(int(attr(e, key) or 1) > 1 for e in inside):
                    problems.append(f"no cell has {key} > 1")
        if "--repeats" in args:
            pages = [int(p) for p in args[args.index("--repeats") + 1].split(",")]
            word = args[args.index("--header") + 1]
            only_artifact_text(pdf, pages, "/Pagination")
            with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
                pdf.save(f.name)
                for p in pages:
                    text = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), f.name, "-"],
                                          capture_output=True, text=True).stdout
                    if word not in text:
                        problems.append(f"page {p}: {word!r} is not painted as /Artifact /Pagination")
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
