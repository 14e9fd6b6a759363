#!/usr/bin/python3
"""A PDF/UA-1 (ISO 14289-1) checker of the machine-checkable failure
conditions of the Matterhorn Protocol, checkpoints 01, 02, 06, 07, 09, 11,
13, 14, 15, 19, 28 and 31. It reads the PDF with pikepdf (qpdf) only, never
with Folio's code, and follows veraPDF's published PDF/UA-1 rule texts
(veraPDF-validation-profiles, PDF_UA/PDFUA-1.xml and PDF_UA/1/...): each
check names the Matterhorn failure condition and the ISO 14289-1 clause
with veraPDF's test number, e.g. "14-003 [7.4.2-1]".

Usage: check_pdfua.py [-q] FILE.pdf...
Prints one line per failure, "FILE: 14-003 [7.4.2-1] what", and exits 1 if
there is any; -q prints nothing on success. docs/accessibility.md lists
what each checkpoint covers and what is left to a human."""
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

# ISO 32000-1, 14.8.4: the standard structure types.
STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody",
    "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
    "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
    "Formula", "Form",
}
# ISO 32000-1, 9.7.5.2, Table 118: the predefined CMaps a file need not embed.
PREDEFINED_CMAPS = set("""GB-EUC-H GB-EUC-V GBpc-EUC-H GBpc-EUC-V GBK-EUC-H GBK-EUC-V GBKp-EUC-H
GBKp-EUC-V GBK2K-H GBK2K-V UniGB-UCS2-H UniGB-UCS2-V UniGB-UTF16-H UniGB-UTF16-V B5pc-H B5pc-V
HKscs-B5-H HKscs-B5-V ETen-B5-H ETen-B5-V ETenms-B5-H ETenms-B5-V CNS-EUC-H CNS-EUC-V UniCNS-UCS2-H
UniCNS-UCS2-V UniCNS-UTF16-H UniCNS-UTF16-V 83pv-RKSJ-H 90ms-RKSJ-H 90ms-RKSJ-V 90msp-RKSJ-H
90msp-RKSJ-V 90pv-RKSJ-H Add-RKSJ-H Add-RKSJ-V EUC-H EUC-V Ext-RKSJ-H Ext-RKSJ-V H V UniJIS-UCS2-H
UniJIS-UCS2-V UniJIS-UCS2-HW-H UniJIS-UCS2-HW-V UniJIS-UTF16-H UniJIS-UTF16-V KSC-EUC-H KSC-EUC-V
KSCms-UHC-H KSCms-UHC-V KSCms-UHC-HW-H KSCms-UHC-HW-V KSCpc-EUC-H UniKS-UCS2-H UniKS-UCS2-V
UniKS-UTF16-H UniKS-UTF16-V Identity-H Identity-V""".split())
# Operators that paint (ISO 32000-1, Tables 59, 107, 111; inline images; XObjects).
PAINTING = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "BI", "INLINE IMAGE"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
LANG_TAG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")  # veraPDF 7.2-29 (RFC 3066)
NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
}


def name(v):
    return str(v)[1:] if isinstance(v, Name) else None


def text(v):
    return str(v) if isinstance(v, pikepdf.String) else None


def objkey(o):
    """A stable identity for an indirect object (pikepdf wrappers are new each time)."""
    return o.objgen if o.is_indirect else id(o)


class Checker:
    def __init__(self, path):
        self.path = path
        self.pdf = pikepdf.open(path)
        self.root = self.pdf.Root
        self.failures = []
        self.page_index = {objkey(p.obj): i + 1 for i, p in enumerate(self.pdf.pages)}

    def fail(self, cond, clause, what):
        self.failures.append(f"{cond} [{clause}] {what}")

    # ---- 06 Metadata, 07 Dictionary ----------------------------------------
    def check_metadata(self):
        md = self.root.get("/Metadata")
        if not isinstance(md, Stream):
            self.fail("06-001", "7.1-8", "the catalog has no XMP metadata stream")
            return
        try:
            tree = ET.fromstring(md.read_bytes())
        except ET.ParseError as e:
            self.fail("06-001", "7.1-8", f"the XMP metadata is not well-formed XML ({e})")
            return
        parts = []
        for desc in tree.iter("{%s}Description" % NS["rdf"]):
            p = desc.get("{%s}part" % NS["pdfuaid"])  # attribute form
            if p is not None:
                parts.append(p)
        parts += [e.text for e in tree.iter("{%s}part" % NS["pdfuaid"])]
        if not parts:
            self.fail("06-002", "5-1", "the XMP metadata has no PDF/UA identification (pdfuaid:part)")
        elif any((p or "").strip() != "1" for p in parts):
            self.fail("06-002", "5-2", f"pdfuaid:part is {parts} instead of 1")
        titles = [e for e in tree.iter("{%s}title" % NS["dc"])]
        if not titles or not "".join("".join(t.itertext()) for t in titles).strip():
            self.fail("06-003", "7.1-9", "the XMP metadata has no (or an empty) dc:title")

    def check_viewer_preferences(self):
        vp = self.root.get("/ViewerPreferences")
        dt = vp.get("/DisplayDocTitle") if isinstance(vp, Dictionary) else None
        if dt is None:
            self.fail("07-001", "7.1-10", "the catalog's ViewerPreferences has no DisplayDocTitle")
        elif dt is not True and bool(dt) is not True:
            self.fail("07-002", "7.1-10", "DisplayDocTitle is false")

    # ---- the structure tree (01, 02, 09, 13, 14, 15, 19, 11) ----------------
    def load_tree(self):
        """Walks the tree once: elements in document order, with their
        standard type, parent, and the marked content they own."""
        self.elements = []  # dicts: obj, s, std, parent, depth, kids (elements), mcids [(page, mcid)], objrs
        self.owned_mcids = {}  # (page key, mcid) -> element index
        self.objr_owner = {}  # annotation key -> element index
        self.marked_tree = True
        tree_root = self.root.get("/StructTreeRoot")
        if not isinstance(tree_root, Dictionary):
            self.fail("01-005", "7.1-11", "the catalog has no StructTreeRoot: nothing is tagged")
            return False
        mark = self.root.get("/MarkInfo")
        if not isinstance(mark, Dictionary) or mark.get("/Marked") is not True and not bool(mark.get("/Marked")):
            self.fail("01-005", "7.1 (ISO 32000-1 14.8.1)", "MarkInfo /Marked is not true: not a Tagged PDF")
        if isinstance(mark, Dictionary) and bool(mark.get("/Suspects", False)):
            self.fail("01-007", "7.1-4", "MarkInfo /Suspects is true")
        self.role_map = {}
        rm = tree_root.get("/RoleMap")
        if isinstance(rm, Dictionary):
            for k, v in rm.items():
                if name(v):
                    self.role_map[k[1:]] = name(v)
        self.check_role_map()
        seen = set()

        def visit(obj, parent, depth, parent_obj):
            key = objkey(obj)
            if key in seen:
                self.fail("01-005", "ISO 32000-1 14.7.2", "a structure element appears twice in the tree")
                return
            seen.add(key)
            s = name(obj.get("/S"))
            if s is None:
                self.fail("02-001", "7.1-5", "a structure element has no /S type")
                s = "?"
            idx = len(self.elements)
            el = {"obj": obj, "s": s, "std": self.standard_type(s), "parent": parent, "depth": depth,
                  "kids": [], "mcids": [], "objrs": []}
            self.elements.append(el)
            if parent is not None:
                self.elements[parent]["kids"].append(idx)
            p = obj.get("/P")
            if p is None:
                self.fail("01-005", "7.1-12", f"structure element {s} has no /P entry")
            elif parent_obj is not None and objkey(p) != objkey(parent_obj):
                self.fail("01-005", "7.1-12", f"structure element {s}'s /P is not its parent")
            page = obj.get("/Pg")
            k = obj.get("/K")
            kids = list(k) if isinstance(k, Array) else ([] if k is None else [k])
            for kid in kids:
                if isinstance(kid, int):
                    self.own_mcid(idx, page, int(kid))
                elif isinstance(kid, Dictionary):
                    t = name(kid.get("/Type"))
                    if t == "MCR":
                        self.own_mcid(idx, kid.get("/Pg", page), int(kid.get("/MCID")))
                    elif t == "OBJR":
                        obj_ref = kid.get("/Obj")
                        el["objrs"].append(obj_ref)
                        if obj_ref is not None:
                            self.objr_owner[objkey(obj_ref)] = idx
                    else:
                        visit(kid, idx, depth + 1, obj)

        k = tree_root.get("/K")
        for kid in (list(k) if isinstance(k, Array) else ([] if k is None else [k])):
            if isinstance(kid, Dictionary):
                visit(kid, None, 0, tree_root)
        return True

    def own_mcid(self, idx, page, mcid):
        if page is None:
            self.fail("01-005", "ISO 32000-1 14.7.4", f"{self.elements[idx]['s']} owns MCID {mcid} without a page")
            return
        key = (objkey(page), mcid)
        if key in self.owned_mcids:
            self.fail("01-005", "ISO 32000-1 14.7.4", f"MCID {mcid} on page {self.page_index.get(objkey(page))} "
                      "belongs to two structure elements")
        self.owned_mcids[key] = idx
        self.elements[idx]["mcids"].append(key)

    def standard_type(self, s):
        seen = set()
        while s not in STANDARD_TYPES:
            if s in seen or s not in self.role_map:
                return None
            seen.add(s)
            s = self.role_map[s]
        return s

    def check_role_map(self):  # 02
        for k, v in self.role_map.items():
            if k in STANDARD_TYPES:
                self.fail("02-004", "7.1-7", f"the standard type {k} is remapped to {v}")
            seen, s = set(), k
            while s in self.role_map and s not in seen and (s == k or s not in STANDARD_TYPES):
                seen.add(s)
                s = self.role_map[s]
            if s in seen:
                self.fail("02-003", "7.1-6", f"the role map has a circular mapping from {k}")
            elif s not in STANDARD_TYPES:
                self.fail("02-001", "7.1-5", f"{k}'s role mapping ends at the non-standard type {s}")

    def check_elements(self):
        catalog_lang = text(self.root.get("/Lang"))
        headings = []
        uses_h = uses_hn = False
        note_ids = {}
        for i, el in enumerate(self.elements):
            obj, std = el["obj"], el["std"]
            if std is None:
                self.fail("02-001", "7.1-5", f"structure type {el['s']} is neither standard nor role-mapped")
                continue
            kid_types = [self.elements[k]["std"] or "?" for k in el["kids"]]
            parent_std = self.elements[el["parent"]]["std"] if el["parent"] is not None else None
            self.check_nesting(std, kid_types, parent_std)
            # 11: Lang syntax, and a language for Alt/ActualText/E
            lang = obj.get("/Lang")
            if lang is not None and not LANG_TAG.match(str(lang)):
                self.fail("11-001", "7.2-29", f"{std} has /Lang ({lang}), not a language tag")
            if not catalog_lang and not self.inherited_lang(i):
                for key in ("/Alt", "/ActualText", "/E"):
                    if key in obj:
                        self.fail("11-002", "7.2-21..23", f"the language of {std}'s {key} cannot be determined")
                if el["mcids"]:
                    self.fail("11-001", "7.2", f"the language of {std}'s text cannot be determined")
            # 13: Figure needs Alt or ActualText
            if std == "Figure" and not (text(obj.get("/Alt")) or text(obj.get("/ActualText"))):
                self.fail("13-004", "7.3-1", f"a Figure{self.where(el)} has no alternative text (/Alt)")
            # 14
            if std == "H":
                uses_h = True
            if re.fullmatch(r"H[1-6]", std):
                uses_hn = True
                headings.append((int(std[1]), self.where(el)))
            if kid_types.count("H") > 1:
                self.fail("14-006", "7.4.4-1", f"{std} has more than one H child")
            # 19
            if std == "Note":
                nid = obj.get("/ID")
                if nid is None or not bytes(nid):
                    self.fail("19-003", "7.9-1", f"a Note{self.where(el)} has no /ID")
                else:
                    b = bytes(nid)
                    if b in note_ids:
                        self.fail("19-004", "7.9-2", f"two Notes share the /ID {b.decode('latin-1')!r}")
                    note_ids[b] = i
            if std == "Table":
                self.check_table(i)
        if uses_h and uses_hn:
            self.fail("14-007", "7.4.4-2/3", "the document uses both H and H1..H6")
        if headings and headings[0][0] != 1:
            self.fail("14-002", "7.4.2-1", f"the first heading is H{headings[0][0]}{headings[0][1]}, not H1")
        previous = 1 if headings else 0
        for level, where in headings:
            if level > previous + 1:
                self.fail("14-003", "7.4.2-1", f"H{level}{where} follows H{previous}: heading level skipped")
            previous = level

    def inherited_lang(self, i):
        while i is not None:
            if text(self.elements[i]["obj"].get("/Lang")):
                return True
            i = self.elements[i]["parent"]
        return False

    def where(self, el):
        """' on page N' for an element that owns content, else ''."""
        pages = [self.page_index.get(p) for p, _ in el["mcids"]]
        for k in el["kids"]:
            if not pages:
                pages = [self.page_index.get(p) for p, _ in self.elements[k]["mcids"]]
        return f" on page {pages[0]}" if pages else ""

    def check_nesting(self, std, kids, parent):  # 09: ISO 32000-1 Tables 333, 336, 337
        joined = "&".join(kids)

        def bad(cond, clause, what):
            self.fail(cond, clause, what + f" (children: {joined or 'none'}, parent: {parent})")

        if std == "Table":
            core = [k for k in kids if k != "Caption"]
            if any(k not in ("TR", "THead", "TBody", "TFoot") for k in core):
                bad("09-004", "7.2-3", "a Table holds elements other than TR, THead, TBody, TFoot, Caption")
            if kids.count("Caption") > 1 or ("Caption" in kids and kids[0] != "Caption" and kids[-1] != "Caption"):
                bad("09-004", "7.2-3", "a Table's Caption is not its first or last child, or there are two")
            if kids.count("THead") > 1 or kids.count("TFoot") > 1:
                bad("09-004", "7.2-11/12", "a Table has more than one THead or TFoot")
            if ("THead" in kids or "TFoot" in kids) and "TBody" not in kids:
                bad("09-004", "7.2-13/14", "a Table with THead or TFoot has no TBody")
        elif std == "TR":
            if parent not in ("Table", "THead", "TBody", "TFoot"):
                bad("09-004", "7.2-4", "a TR is not inside Table, THead, TBody or TFoot")
            if any(k not in ("TH", "TD") for k in kids):
                bad("09-004", "7.2-10", "a TR holds elements other than TH and TD")
        elif std in ("THead", "TBody", "TFoot"):
            if parent != "Table":
                bad("09-004", "7.2-5..7", f"a {std} is not inside a Table")
            if any(k != "TR" for k in kids):
                bad("09-004", "7.2-36..38", f"a {std} holds elements other than TR")
        elif std in ("TH", "TD"):
            if parent != "TR":
                bad("09-004", "7.2-8/9", f"a {std} is not inside a TR")
        elif std == "L":
            rest = kids[1:] if kids[:1] == ["Caption"] else kids
            if any(k not in ("L", "LI") for k in rest):
                bad("09-005", "7.2-19", "an L holds elements other than L, LI and a first Caption")
        elif std == "LI":
            if parent != "L":
                bad("09-005", "7.2-17", "an LI is not inside an L")
            if any(k not in ("Lbl", "LBody") for k in kids):
                bad("09-005", "7.2-20", "an LI holds elements other than Lbl and LBody")
        elif std == "LBody":
            if parent != "LI":
                bad("09-005", "7.2-18", "an LBody is not inside an LI")
        elif std == "TOCI":
            if parent != "TOC":
                bad("09-006", "7.2-26", "a TOCI is not inside a TOC")
        elif std == "TOC":
            rest = kids[1:] if kids[:1] == ["Caption"] else kids
            if any(k not in ("TOC", "TOCI") for k in rest):
                bad("09-006", "7.2-27", "a TOC holds elements other than TOC, TOCI and a first Caption")

    def attributes(self, obj, owner):
        """The attribute dictionaries of an element with the given /O owner."""
        a = obj.get("/A")
        out = []
        for d in (list(a) if isinstance(a, Array) else [a] if a is not None else []):
            if isinstance(d, Dictionary) and name(d.get("/O")) == owner:
                out.append(d)
        return out

    def check_table(self, t):  # 15: ISO 14289-1 7.5 (veraPDF 7.5-1, 7.5-2)
        cells = []

        def collect(i):
            for k in self.elements[i]["kids"]:
                std = self.elements[k]["std"]
                if std in ("TH", "TD"):
                    cells.append(k)
                elif std in ("TR", "THead", "TBody", "TFoot"):
                    collect(k)

        collect(t)
        ids = set()
        for c in cells:
            i = self.elements[c]["obj"].get("/ID")
            if i is not None:
                ids.add(bytes(i))
        headers_used = False
        for c in cells:
            el = self.elements[c]
            for a in self.attributes(el["obj"], "Table"):
                hs = a.get("/Headers")
                if hs is None:
                    continue
                headers_used = True
                for h in (list(hs) if isinstance(hs, Array) else [hs]):
                    if bytes(h) not in ids:
                        self.fail("15-005", "7.5-2", f"a {el['std']}{self.where(el)} names the header "
                                  f"{bytes(h).decode('latin-1')!r}, which no cell of the table has as /ID")
        for c in cells:
            el = self.elements[c]
            if el["std"] != "TH":
                continue
            has_scope = any(name(a.get("/Scope")) in ("Row", "Column", "Both")
                            for a in self.attributes(el["obj"], "Table"))
            referenced = el["obj"].get("/ID") is not None and bytes(el["obj"].get("/ID")) in ids and headers_used
            if not has_scope and not referenced:
                self.fail("15-003", "7.5-1", f"a TH{self.where(el)} has no /Scope, and the table does not "
                          "connect it to its cells with /ID and /Headers")

    # ---- 01: every piece of content is tagged or an artifact ----------------
    def check_content(self):
        self.marked_mcids = {}  # (page key, mcid) -> tag
        for n, page in enumerate(self.pdf.pages, 1):
            obj = page.obj  # one wrapper: walk_stream compares by identity
            self.walk_stream(obj, obj, n, [], set())
        for key, idx in self.owned_mcids.items():
            if key not in self.marked_mcids:
                el = self.elements[idx]
                self.fail("01-005", "ISO 32000-1 14.7.4", f"{el['s']} owns MCID {key[1]} on page "
                          f"{self.page_index.get(key[0])}, which the page's content does not mark")

    def walk_stream(self, container, page, n, stack, forms):
        """Walks one content stream; `stack` holds the enclosing marks as
        (tag, mcid or None). Form XObjects are walked with the marks of their Do."""
        try:
            ops = pikepdf.parse_content_stream(container)
        except pikepdf.PdfError as e:
            self.fail("01-005", "7.1-3", f"page {n}: the content cannot be parsed ({e})")
            return
        resources = container.get("/Resources", page.get("/Resources") if container is page else None)
        stack = list(stack)
        reported = set()
        for operands, op in ops:
            op = str(op)
            if op in ("BDC", "BMC"):
                tag = name(operands[0])
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                if isinstance(props, Name) and resources is not None:
                    props = resources.get("/Properties", {}).get(str(props))
                mcid = int(props.get("/MCID")) if isinstance(props, Dictionary) and "/MCID" in props else None
                in_artifact = any(t == "Artifact" for t, _ in stack)
                in_tagged = any(m is not None for _, m in stack)
                if tag == "Artifact" and in_tagged:
                    self.fail("01-003", "7.1-1", f"page {n}: an Artifact is inside tagged content")
                if mcid is not None and in_artifact:
                    self.fail("01-004", "7.1-2", f"page {n}: tagged content (MCID {mcid}) is inside an Artifact")
                if mcid is not None:
                    key = (objkey(page), mcid)
                    if container is page:
                        if key in self.marked_mcids:
                            self.fail("01-005", "ISO 32000-1 14.6.4", f"page {n}: MCID {mcid} is used twice")
                        self.marked_mcids[key] = tag
                    if key not in self.owned_mcids and container is page:
                        self.fail("01-005", "7.1-3", f"page {n}: MCID {mcid} ({tag}) belongs to no structure element")
                if isinstance(props, Dictionary) and "/Lang" in props and not LANG_TAG.match(str(props.get("/Lang"))):
                    self.fail("11-001", "7.2-29", f"page {n}: marked content has /Lang {props.get('/Lang')}")
                stack.append((tag, mcid))
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op in PAINTING:
                tagged = any(m is not None and (objkey(page), m) in self.owned_mcids for _, m in stack)
                artifact = any(t == "Artifact" for t, _ in stack)
                if not tagged and not artifact and op not in reported:
                    reported.add(op)
                    what = "text" if op in TEXT_SHOWING else "an XObject" if op == "Do" else "a path or image"
                    self.fail("01-005", "7.1-3", f"page {n}: {what} ({op}) is neither tagged nor an Artifact")
                if op == "Do" and resources is not None:
                    xo = resources.get("/XObject", {}).get(str(operands[0]))
                    if isinstance(xo, Stream) and name(xo.get("/Subtype")) == "Form" and objkey(xo) not in forms:
                        self.walk_form(xo, page, n, stack, forms | {objkey(xo)})

    def walk_form(self, form, page, n, stack, forms):
        # A form's own marks: only the 01-003/-004 nesting matters; its
        # painting is covered by the marks around the Do.
        try:
            ops = pikepdf.parse_content_stream(form)
        except pikepdf.PdfError:
            return
        depth = list(stack)
        for operands, op in ops:
            op = str(op)
            if op in ("BDC", "BMC"):
                tag = name(operands[0])
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                mcid = int(props.get("/MCID")) if isinstance(props, Dictionary) and "/MCID" in props else None
                if tag == "Artifact" and any(m is not None for _, m in depth):
                    self.fail("01-003", "7.1-1", f"page {n}: an Artifact in a form XObject is inside tagged content")
                if mcid is not None and any(t == "Artifact" for t, _ in depth):
                    self.fail("01-004", "7.1-2", f"page {n}: tagged content in a form XObject is inside an Artifact")
                depth.append((tag, mcid))
            elif op == "EMC" and len(depth) > len(stack):
                depth.pop()

    # ---- 28 Annotations ----------------------------------------------------
    def check_annotations(self):
        parent_tree = self.parent_tree()
        for n, page in enumerate(self.pdf.pages, 1):
            annots = page.obj.get("/Annots")
            annots = list(annots) if isinstance(annots, Array) else []
            if annots:
                tabs = name(page.obj.get("/Tabs"))
                if tabs is None:
                    self.fail("28-008", "7.18.3-1", f"page {n} has annotations but no /Tabs")
                elif tabs != "S":
                    self.fail("28-009", "7.18.3-1", f"page {n} has /Tabs /{tabs}, not /S")
            for a in annots:
                sub = name(a.get("/Subtype"))
                owner = self.objr_owner.get(objkey(a))
                owner_std = self.elements[owner]["std"] if owner is not None else None
                sp = a.get("/StructParent")
                if owner is not None and (sp is None or objkey(parent_tree.get(int(sp), Dictionary())) !=
                                          objkey(self.elements[owner]["obj"])):
                    self.fail("28-011" if sub == "Link" else "28-002", "ISO 32000-1 14.7.4.4",
                              f"page {n}: a {sub} annotation's /StructParent does not lead back to its element")
                if sub == "Link":
                    if owner_std != "Link":
                        self.fail("28-011", "7.18.5-1", f"page {n}: a Link annotation is not inside a Link element "
                                  f"(it is in {owner_std})")
                    if not text(a.get("/Contents")):
                        self.fail("28-012", "7.18.5-2", f"page {n}: a Link annotation has no /Contents")
                    if not catalog_has_lang(self.root) and owner is not None and not self.inherited_lang(owner):
                        self.fail("11-004", "7.2-24", f"page {n}: the language of a link's /Contents is unknown")
                elif sub == "Widget":
                    if owner_std != "Form":
                        self.fail("28-010", "7.18.4-1", f"page {n}: a Widget annotation is not inside a Form element")
                elif sub == "PrinterMark":
                    if owner is not None:
                        self.fail("28-017", "7.18.8-1", f"page {n}: a PrinterMark annotation is in the structure tree")
                elif sub == "TrapNet":
                    self.fail("28-007", "7.18.2-2", f"page {n}: a TrapNet annotation")
                elif sub != "Popup":
                    if owner_std != "Annot":
                        self.fail("28-002", "7.18.1-1", f"page {n}: a {sub} annotation is not inside an Annot element")
                    hidden = int(a.get("/F", 0)) & 2
                    if not hidden and not text(a.get("/Contents")) and not (
                            owner is not None and text(self.elements[owner]["obj"].get("/Alt"))):
                        self.fail("28-004", "7.18.1-2", f"page {n}: a {sub} annotation has no /Contents or /Alt")

    def parent_tree(self):
        """The ParentTree's number tree, flattened: key -> value."""
        out = {}
        tr = self.root.get("/StructTreeRoot")
        pt = tr.get("/ParentTree") if isinstance(tr, Dictionary) else None

        def walk(node, depth=0):
            if not isinstance(node, Dictionary) or depth > 32:
                return
            nums = node.get("/Nums")
            if isinstance(nums, Array):
                for i in range(0, len(nums) - 1, 2):
                    out[int(nums[i])] = nums[i + 1]
            for kid in (node.get("/Kids") or []):
                walk(kid, depth + 1)

        walk(pt)
        return out

    def check_parent_tree(self):
        """Each page's /StructParents leads to the elements that own its MCIDs
        (ISO 32000-1 14.7.4.4): how a reader finds an element from content."""
        pt = self.parent_tree()
        for n, page in enumerate(self.pdf.pages, 1):
            mine = sorted((m, idx) for (p, m), idx in self.owned_mcids.items() if p == objkey(page.obj))
            if not mine:
                continue
            sp = page.obj.get("/StructParents")
            arr = pt.get(int(sp)) if sp is not None else None
            if not isinstance(arr, Array):
                self.fail("01-005", "ISO 32000-1 14.7.4.4", f"page {n} has tagged content but no ParentTree entry")
                continue
            for mcid, idx in mine:
                if mcid >= len(arr) or objkey(arr[mcid]) != objkey(self.elements[idx]["obj"]):
                    self.fail("01-005", "ISO 32000-1 14.7.4.4",
                              f"page {n}: the ParentTree does not map MCID {mcid} to its element")

    # ---- 11 Natural language (document level) ------------------------------
    def check_language(self):
        lang = self.root.get("/Lang")
        if lang is None or not str(lang):
            # 7.2-33: the metadata's language; 7.2-2: the outline's. Text
            # elements without a language are reported per element above.
            self.fail("11-006", "7.2-33", "the catalog has no /Lang: the document's language cannot be determined")
        elif not LANG_TAG.match(str(lang)):
            self.fail("11-001", "7.2-29", f"the catalog's /Lang ({lang}) is not a language tag")

    # ---- 31 Fonts ------------------------------------------------------------
    def check_fonts(self):
        fonts = {}
        used_codes = {}

        def scan_resources(res, stream, n, depth=0):
            if not isinstance(res, Dictionary) or depth > 8:
                return
            for fname, font in (res.get("/Font") or {}).items():
                if isinstance(font, Dictionary):
                    fonts[objkey(font)] = font
            try:
                ops = pikepdf.parse_content_stream(stream)
            except pikepdf.PdfError:
                ops = []
            current = None
            for operands, op in ops:
                op = str(op)
                if op == "Tf":
                    current = (res.get("/Font") or {}).get(str(operands[0]))
                elif op in TEXT_SHOWING and isinstance(current, Dictionary):
                    strings = []
                    for o in operands:
                        if isinstance(o, Array):
                            strings += [bytes(x) for x in o if isinstance(x, pikepdf.String)]
                        elif isinstance(o, pikepdf.String):
                            strings.append(bytes(o))
                    used_codes.setdefault(objkey(current), (current, n, set()))[2].update(strings)
            for xname, xo in (res.get("/XObject") or {}).items():
                if isinstance(xo, Stream) and name(xo.get("/Subtype")) == "Form":
                    scan_resources(xo.get("/Resources"), xo, n, depth + 1)

        for n, page in enumerate(self.pdf.pages, 1):
            scan_resources(page.obj.get("/Resources"), page.obj, n)
        for key, font in fonts.items():
            self.check_font(font, used_codes.get(key))

    def check_font(self, font, usage):
        sub = name(font.get("/Subtype"))
        base = name(font.get("/BaseFont")) or "(Type 3)"
        desc, cid = font.get("/FontDescriptor"), None
        if sub == "Type0":
            enc = font.get("/Encoding")
            dfs = font.get("/DescendantFonts")
            cid = dfs[0] if isinstance(dfs, Array) and len(dfs) else None
            if cid is None:
                self.fail("31-009", "7.21.4.1-1", f"Type0 font {base} has no descendant CIDFont")
                return
            desc = cid.get("/FontDescriptor")
            if isinstance(enc, Name):
                if name(enc) not in PREDEFINED_CMAPS:
                    self.fail("31-006", "7.21.3.3-1", f"font {base}: the CMap {enc} is neither predefined nor embedded")
            elif isinstance(enc, Stream):
                csi_f, csi_c = cid.get("/CIDSystemInfo"), enc.get("/CIDSystemInfo")
                if isinstance(csi_f, Dictionary) and isinstance(csi_c, Dictionary):
                    if str(csi_f.get("/Registry")) != str(csi_c.get("/Registry")):
                        self.fail("31-001", "7.21.3.1-1", f"font {base}: CIDSystemInfo Registry differs")
                    if str(csi_f.get("/Ordering")) != str(csi_c.get("/Ordering")):
                        self.fail("31-002", "7.21.3.1-1", f"font {base}: CIDSystemInfo Ordering differs")
                    if int(csi_f.get("/Supplement", 0)) < int(csi_c.get("/Supplement", 0)):
                        self.fail("31-003", "7.21.3.1-1", f"font {base}: CIDFont Supplement below the CMap's")
            if name(cid.get("/Subtype")) == "CIDFontType2":
                m = cid.get("/CIDToGIDMap")
                if m is None:
                    self.fail("31-005", "7.21.3.2-1", f"font {base}: a Type 2 CIDFont without CIDToGIDMap")
                elif not (isinstance(m, Stream) or name(m) == "Identity"):
                    self.fail("31-004", "7.21.3.2-1", f"font {base}: CIDToGIDMap is neither a stream nor Identity")
        if sub != "Type3":
            if not isinstance(desc, Dictionary) or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                self.fail("31-009", "7.21.4.1-1", f"font {base} is not embedded")
        if sub == "TrueType" and isinstance(desc, Dictionary):
            symbolic = int(desc.get("/Flags", 0)) & 4
            enc = font.get("/Encoding")
            if symbolic and enc is not None:
                self.fail("31-024", "7.21.6-3", f"symbolic TrueType font {base} has an /Encoding")
            if not symbolic and name(enc) not in ("MacRomanEncoding", "WinAnsiEncoding") and not isinstance(enc, Dictionary):
                self.fail("31-021", "7.21.6-2", f"non-symbolic TrueType font {base}: /Encoding {enc}")
        tu = font.get("/ToUnicode")
        if tu is None:
            exempt = name(font.get("/Encoding")) in ("MacRomanEncoding", "MacExpertEncoding", "WinAnsiEncoding")
            if cid is not None:
                csi = cid.get("/CIDSystemInfo")
                exempt |= isinstance(csi, Dictionary) and str(csi.get("/Registry")) == "Adobe" and \
                    str(csi.get("/Ordering")) in ("GB1", "CNS1", "Japan1", "Korea1")
            if not exempt:
                self.fail("31-027", "7.21.7-1", f"font {base} has no ToUnicode map")
        elif isinstance(tu, Stream):
            values = tounicode_values(tu.read_bytes())
            if 0 in values:
                self.fail("31-028", "7.21.7-2", f"font {base}: a ToUnicode value is U+0000")
            if values & {0xFEFF, 0xFFFE}:
                self.fail("31-029", "7.21.7-2", f"font {base}: a ToUnicode value is U+FEFF or U+FFFE")
        # 31-030: codes shown that reach glyph 0 (.notdef) through CIDToGIDMap.
        if usage and cid is not None and name(font.get("/Encoding")) == "Identity-H":
            m = cid.get("/CIDToGIDMap")
            cmap = m.read_bytes() if isinstance(m, Stream) else None
            for s in usage[2]:
                for i in range(0, len(s) - 1, 2):
                    c = (s[i] << 8) | s[i + 1]
                    gid = c if cmap is None else (
                        (cmap[2 * c] << 8 | cmap[2 * c + 1]) if 2 * c + 1 < len(cmap) else 0)
                    if gid == 0:
                        self.fail("31-030", "7.21.8-1", f"page {usage[1]}: font {base} shows code {c:04X}, "
                                  "which is the .notdef glyph")
                        return

    def run(self):
        self.check_metadata()
        self.check_viewer_preferences()
        self.check_language()
        if self.load_tree():
            self.check_elements()
            self.check_content()
            self.check_parent_tree()
        else:
            self.elements, self.owned_mcids, self.objr_owner = [], {}, {}
        self.check_annotations()
        self.check_fonts()
        return self.failures


def catalog_has_lang(root):
    return bool(text(root.get("/Lang")))


def tounicode_values(data):
    """The Unicode code points a ToUnicode CMap maps to (bfchar and bfrange)."""
    values = set()
    s = data.decode("latin-1")

    def utf16(h):
        b = bytes.fromhex(h)
        out, i = [], 0
        while i + 1 < len(b):
            u = b[i] << 8 | b[i + 1]
            if 0xD800 <= u < 0xDC00 and i + 3 < len(b):
                u = 0x10000 + ((u - 0xD800) << 10) + ((b[i + 2] << 8 | b[i + 3]) - 0xDC00)
                i += 2
            out.append(u)
            i += 2
        return out

    for block in re.findall(r"beginbfchar(.*?)endbfchar", s, re.S):
        for _, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            values.update(utf16(dst))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", s, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            if dst.startswith("<"):
                first = utf16(dst[1:-1])
                if first:
                    n = int(hi, 16) - int(lo, 16)
                    values.update(first[-1] + k for k in range(0, min(n, 0xFFFF) + 1))
            else:
                for h in re.findall(r"<([0-9A-Fa-f]*)>", dst):
                    values.update(utf16(h))
    return values


def main(argv):
    quiet = "-q" in argv
    paths = [a for a in argv if a != "-q"]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    bad = 0
    for p in paths:
        try:
            failures = Checker(p).run()
        except pikepdf.PdfError as e:
            failures = [f"-- the file cannot be read: {e}"]
        for f in failures:
            print(f"{p}: {f}")
        if failures:
            bad += 1
        elif not quiet:
            print(f"{p}: PDF/UA-1 machine checks passed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
