#!/usr/bin/python3
"""Breaks one PDF/UA-1 requirement in a good file, with pikepdf, so that the
tests can show that check_pdfua.py catches it (a checker that cannot fail
proves nothing). Each mutation names the Matterhorn failure condition it
must trigger.

Usage: break_pdf.py MUTATION IN.pdf OUT.pdf   (prints the expected condition)
       break_pdf.py --list                    (MUTATION CONDITION, one a line)"""
import re
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name


def elements(pdf):
    """Every structure element, depth first, with its parent."""
    out = []

    def walk(e, parent):
        out.append((e, parent))
        k = e.get("/K")
        for kid in (list(k) if isinstance(k, Array) else [k] if k is not None else []):
            if isinstance(kid, Dictionary) and "/S" in kid:
                walk(kid, e)

    root = pdf.Root.StructTreeRoot
    k = root.K
    for kid in (list(k) if isinstance(k, Array) else [k]):
        walk(kid, root)
    return out


def first(pdf, s):
    for e, parent in elements(pdf):
        if str(e.get("/S")) == "/" + s:
            return e, parent
    raise SystemExit(f"break_pdf: no /{s} element in the file")


def append_content(pdf, ops):
    page = pdf.pages[0]
    page.contents_add(pikepdf.Stream(pdf, ops), prepend=False)


def rewrite_xmp(pdf, fn):
    md = pdf.Root.Metadata
    md.write(fn(md.read_bytes().decode("utf-8")).encode("utf-8"))


def untagged(pdf):  # 01-005: painted, neither marked as content nor artifact
    append_content(pdf, b"q 0 0 1 rg 10 10 5 5 re f Q\n")


def artifact_in_tag(pdf):  # 01-003
    page = pdf.pages[0]
    data = b"".join(c.read_bytes() for c in (page.Contents if isinstance(page.Contents, Array) else [page.Contents]))
    data = re.sub(rb"(<</MCID 0>> BDC\n)", rb"\1/Artifact BMC 0 0 m 1 1 l S EMC\n", data, count=1)
    page.Contents = pikepdf.Stream(pdf, data)


def unmapped_role(pdf):  # 02-001
    e, _ = first(pdf, "P")
    e.S = Name("/Paragraph")


def remapped_standard(pdf):  # 02-004
    pdf.Root.StructTreeRoot.RoleMap = Dictionary({"/P": Name("/Span")})


def no_uaid(pdf):  # 06-002
    rewrite_xmp(pdf, lambda x: re.sub(r"<pdfuaid:part>1</pdfuaid:part>", "", x))


def no_dc_title(pdf):  # 06-003
    rewrite_xmp(pdf, lambda x: re.sub(r"<dc:title>.*?</dc:title>", "", x, flags=re.S))


def no_display_doc_title(pdf):  # 07-001
    del pdf.Root["/ViewerPreferences"]


def list_broken(pdf):  # 09-005: an LI that holds a P instead of Lbl/LBody
    e, _ = first(pdf, "LBody")
    e.S = Name("/P")


def table_broken(pdf):  # 09-004: a TR straight under the Document
    e, _ = first(pdf, "P")
    e.S = Name("/TR")


def no_lang(pdf):  # 11-006 (and 11-001 for each element without a language)
    del pdf.Root["/Lang"]
    for e, _ in elements(pdf):
        if "/Lang" in e:
            del e["/Lang"]


def no_alt(pdf):  # 13-004
    for e, _ in elements(pdf):
        if str(e.get("/S")) == "/Figure":
            for k in ("/Alt", "/ActualText"):
                if k in e:
                    del e[k]


def skipped_heading(pdf):  # 14-003: the first H2 becomes an H3
    e, _ = first(pdf, "H2")
    e.S = Name("/H3")


def first_heading_not_h1(pdf):  # 14-002
    for e, _ in elements(pdf):
        if re.fullmatch(r"/H[1-6]", str(e.get("/S"))):
            e.S = Name("/H2") if str(e.S) == "/H1" else e.S
            return


def th_without_scope(pdf):  # 15-003: a P becomes the header cell of a one-cell table
    cell, parent = first(pdf, "P")
    table = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Table, P=parent))
    row = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.TR, P=table))
    table.K = Array([row])
    row.K = Array([cell])
    cell.S = Name.TH
    cell.P = row
    for k in ("/A", "/ID"):
        if k in cell:
            del cell[k]
    kids = parent.K
    for i in range(len(kids)):
        if kids[i].objgen == cell.objgen:
            kids[i] = table
    # The ParentTree still leads to the cell: the MCIDs did not move.


def note_without_id(pdf):  # 19-003
    e, _ = first(pdf, "Note")
    del e["/ID"]


def no_tabs(pdf):  # 28-008
    for page in pdf.pages:
        if "/Tabs" in page.obj:
            del page.obj["/Tabs"]


def link_untagged(pdf):  # 28-011: the Link element loses its OBJR
    for e, _ in elements(pdf):
        k = e.get("/K")
        if str(e.get("/S")) == "/Link" and isinstance(k, Array):
            e.K = Array([kid for kid in k if not (isinstance(kid, Dictionary) and str(kid.get("/Type")) == "/OBJR")])
            return
    raise SystemExit("break_pdf: no Link element with an OBJR")


def link_without_contents(pdf):  # 28-012
    for page in pdf.pages:
        for a in page.obj.get("/Annots", []):
            if "/Contents" in a:
                del a["/Contents"]


def fonts(pdf):
    for page in pdf.pages:
        for _, f in page.obj.Resources.get("/Font", {}).items():
            yield f


def no_tounicode(pdf):  # 31-027
    for f in fonts(pdf):
        if "/ToUnicode" in f:
            del f["/ToUnicode"]


def font_not_embedded(pdf):  # 31-009
    for f in fonts(pdf):
        d = f.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in f else f.get("/FontDescriptor")
        for k in ("/FontFile", "/FontFile2", "/FontFile3"):
            if d is not None and k in d:
                del d[k]


def drop_table_attribute(e, key):
    a = e.get("/A")
    for d in (list(a) if isinstance(a, Array) else [a] if a is not None else []):
        if isinstance(d, Dictionary) and key in d:
            del d[key]


def table_th_without_scope(pdf):  # 15-003 on a real table: its first TH loses /Scope, and
    # the cells lose /Headers, so nothing ties the header to its cells any more.
    th, _ = first(pdf, "TH")
    drop_table_attribute(th, "/Scope")
    for e, _ in elements(pdf):
        if str(e.get("/S")) in ("/TD", "/TH"):
            drop_table_attribute(e, "/Headers")


MUTATIONS = {
    "untagged": (untagged, "01-005"),
    "artifact-in-tag": (artifact_in_tag, "01-003"),
    "unmapped-role": (unmapped_role, "02-001"),
    "remapped-standard": (remapped_standard, "02-004"),
    "no-uaid": (no_uaid, "06-002"),
    "no-dc-title": (no_dc_title, "06-003"),
    "no-display-doc-title": (no_display_doc_title, "07-001"),
    "table-broken": (table_broken, "09-004"),
    "list-broken": (list_broken, "09-005"),
    "no-lang": (no_lang, "11-006"),
    "no-alt": (no_alt, "13-004"),
    "first-heading-not-h1": (first_heading_not_h1, "14-002"),
    "skipped-heading": (skipped_heading, "14-003"),
    "th-without-scope": (th_without_scope, "15-003"),
    "table-th-without-scope": (table_th_without_scope, "15-003"),
    "note-without-id": (note_without_id, "19-003"),
    "no-tabs": (no_tabs, "28-008"),
    "link-untagged": (link_untagged, "28-011"),
    "link-without-contents": (link_without_contents, "28-012"),
    "no-tounicode": (no_tounicode, "31-027"),
    "font-not-embedded": (font_not_embedded, "31-009"),
}


def main(argv):
    if argv == ["--list"]:
        for k, (_, cond) in MUTATIONS.items():
            print(k, cond)
        return 0
    if len(argv) != 3 or argv[0] not in MUTATIONS:
        print(__doc__, file=sys.stderr)
        return 2
    fn, cond = MUTATIONS[argv[0]]
    with pikepdf.open(argv[1]) as pdf:
        fn(pdf)
        pdf.save(argv[2])
    print(cond)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
