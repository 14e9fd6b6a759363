#!/usr/bin/env python3
"""Checks a PDF against the checklist of docs/standards.md, line by line.

usage: pdf_standard.py pdf/x-4|pdf/a-2b FILE.pdf

Reads the file through qpdf's JSON (objects, decoded streams), pdfinfo -box
(page boxes) and pdffonts (embedding): readers independent of Folio. Prints
"ok ID what" or "FAIL ID what: why" for every checklist line of the standard
and exits 1 if any failed. The IDs are the ones in docs/standards.md, which
test_print.sh compares with this script's output.
"""
import base64
import json
import re
import subprocess
import sys


def load(path):
    out = subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", path],
                         check=True, capture_output=True, text=True).stdout
    objs = json.loads(out)["qpdf"][1]
    return objs


def ref(objs, r):
    """The object a reference points to (value or stream dict), else r itself."""
    if isinstance(r, str) and r.endswith(" R"):
        o = objs.get("obj:" + r)
        if o is None:
            return None
        return o["value"] if "value" in o else o["stream"]["dict"]
    return r


def stream_data(objs, r):
    o = objs.get("obj:" + r) if isinstance(r, str) else None
    if not o or "stream" not in o:
        return b""
    return base64.b64decode(o["stream"].get("data", ""))


def text(v):
    """A PDF string from qpdf JSON ("u:text" or "b:hex") as Python text."""
    if not isinstance(v, str):
        return None
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        raw = bytes.fromhex(v[2:])
        if raw.startswith(b"\xfe\xff"):
            return raw[2:].decode("utf-16-be")
        return raw.decode("latin-1")
    return v


def pages(objs):
    root = ref(objs, objs["trailer"]["value"]["/Root"])
    out = []

    def walk(node_ref):
        node = ref(objs, node_ref)
        if node.get("/Type") == "/Pages":
            for kid in node["/Kids"]:
                walk(kid)
        else:
            out.append(node)
    walk(root["/Pages"])
    return out


def contents(objs, page):
    c = page.get("/Contents")
    refs = c if isinstance(c, list) else [c]
    return b"\n".join(stream_data(objs, r) for r in refs if r)


def icc_header(data):
    return {"class": data[12:16].decode("latin-1"), "space": data[16:20].decode("latin-1"),
            "valid": len(data) >= 132 and data[36:40] == b"acsp"}


def xmp_of(objs, root):
    return stream_data(objs, root.get("/Metadata", "")).decode("utf-8", "replace")


def xmp_value(xmp, tag):
    """The text of an XMP property: simple, or the first rdf:li of a container."""
    m = re.search(r"<%s>(.*?)</%s>" % (re.escape(tag), re.escape(tag)), xmp, re.S)
    if not m:
        return None
    inner = m.group(1)
    li = re.search(r"<rdf:li[^>]*>(.*?)</rdf:li>", inner, re.S)
    v = li.group(1) if li else inner
    return v.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def pdf_date_to_iso(d):
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'\d{2}'?)?$", d or "")
    if not m:
        return None
    zone = m.group(7) or ""
    if zone and zone != "Z":
        zone = zone[:3] + ":" + zone[4:6]
    return "%s-%s-%sT%s:%s:%s%s" % (m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), zone)


def color_spaces_used(objs, page):
    """Every colour space a page's resources define, images included, as JSON values."""
    res = ref(objs, page.get("/Resources", {})) or {}
    spaces = []
    for v in (ref(objs, res.get("/ColorSpace", {})) or {}).values():
        spaces.append(ref(objs, v))
    for v in (ref(objs, res.get("/XObject", {})) or {}).values():
        x = ref(objs, v)
        if x.get("/Subtype") == "/Image":
            spaces.append(ref(objs, x.get("/ColorSpace")))
    return spaces


def family(space, objs):
    """/DeviceRGB, /ICCBased-3, /Separation:Name:alternate ..."""
    if isinstance(space, str):
        return space
    if isinstance(space, list) and space:
        kind = space[0]
        if kind == "/ICCBased":
            return "/ICCBased-%s" % ref(objs, space[1]).get("/N")
        if kind == "/Separation":
            alt = space[2]
            return "/Separation:%s:%s" % (space[1], family(ref(objs, alt), objs))
    return str(space)


def operators(stream):
    """Colour operators of a content stream (tokens outside strings are enough here)."""
    toks = re.findall(rb"[A-Za-z]+|\d", re.sub(rb"<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)", b" ", stream))
    return {t.decode() for t in toks if not t.isdigit()}


class Checker:
    def __init__(self, path):
        self.path = path
        self.objs = load(path)
        self.trailer = self.objs["trailer"]["value"]
        self.root = ref(self.objs, self.trailer["/Root"])
        self.info = ref(self.objs, self.trailer.get("/Info", "")) or {}
        self.pages = pages(self.objs)
        self.raw = open(path, "rb").read()
        self.failed = 0

    def report(self, ident, what, problem):
        if problem:
            self.failed += 1
            print("FAIL %s %s: %s" % (ident, what, problem))
        else:
            print("ok   %s %s" % (ident, what))

    # --- shared checks -------------------------------------------------
    def header(self, version):
        first, second = self.raw.split(b"\n")[:2]
        if first != b"%PDF-" + version.encode():
            return "header is %r" % first
        if not (second.startswith(b"%") and sum(1 for b in second[1:5] if b > 127) == 4):
            return "no binary comment line after the header"
        return None

    def intent(self, subtype, components, classes):
        intents = ref(self.objs, self.root.get("/OutputIntents")) or []
        mine = [ref(self.objs, i) for i in intents if ref(self.objs, i).get("/S") == subtype]
        if len(mine) != 1:
            return "expected one %s output intent, found %d" % (subtype, len(mine))
        oi = mine[0]
        for key in ("/OutputConditionIdentifier", "/RegistryName", "/Info"):
            if not text(oi.get(key)):
                return "output intent has no %s" % key
        prof_ref = oi.get("/DestOutputProfile")
        prof = ref(self.objs, prof_ref) or {}
        data = stream_data(self.objs, prof_ref)
        h = icc_header(data)
        if not h["valid"]:
            return "DestOutputProfile is not an ICC profile"
        if prof.get("/N") != components:
            return "profile /N is %s, expected %d" % (prof.get("/N"), components)
        if h["class"] not in classes:
            return "profile class %r, expected one of %s" % (h["class"], classes)
        return None

    def fonts_embedded(self):
        out = subprocess.run(["pdffonts", self.path], capture_output=True, text=True).stdout.splitlines()[2:]
        if not out:
            return "pdffonts lists no fonts"
        bad = [l for l in out if l.split()[-5] != "yes"]
        return "not embedded: %s" % bad if bad else None

    def boxes(self):
        out = subprocess.run(["pdfinfo", "-box", "-f", "1", "-l", str(len(self.pages)), self.path],
                             capture_output=True, text=True).stdout
        problems = []
        for n in range(1, len(self.pages) + 1):
            box = {}
            for kind in ("MediaBox", "BleedBox", "TrimBox"):
                m = re.search(r"Page\s+%d %s:\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)" % (n, kind), out)
                if m:
                    box[kind] = [float(v) for v in m.groups()]
            page = self.pages[n - 1]
            if "/TrimBox" not in page:
                problems.append("page %d has no TrimBox" % n)
                continue
            if "/BleedBox" not in page:
                problems.append("page %d has no BleedBox" % n)
                continue
            inside = lambda a, b: a[0] >= b[0] - 0.01 and a[1] >= b[1] - 0.01 and a[2] <= b[2] + 0.01 and a[3] <= b[3] + 0.01
            if not (inside(box["BleedBox"], box["MediaBox"]) and inside(box["TrimBox"], box["BleedBox"])):
                problems.append("page %d boxes not nested: %s" % (n, box))
        return "; ".join(problems) or None

    def no_forbidden(self, allow_links):
        problems = []
        if "/Encrypt" in self.trailer:
            problems.append("encrypted")
        for key, o in self.objs.items():
            if key == "trailer":
                continue
            d = o["value"] if "value" in o else o["stream"]["dict"]
            if not isinstance(d, dict):
                continue
            for k in ("/JS", "/JavaScript", "/TR", "/TR2", "/EmbeddedFiles", "/AA", "/OPI"):
                if k in d:
                    problems.append("%s in %s" % (k, key))
            if d.get("/S") in ("/JavaScript", "/Launch", "/ImportData", "/ResetForm", "/SubmitForm"):
                problems.append("action %s in %s" % (d.get("/S"), key))
            if d.get("/Type") == "/Annot" or "/Subtype" in d and d.get("/Subtype") == "/Link":
                if not allow_links:
                    problems.append("annotation %s" % key)
                elif d.get("/Subtype") != "/Link" or not (int(d.get("/F", 0)) & 4) or (int(d.get("/F", 0)) & 3):
                    problems.append("annotation %s is not a printable link" % key)
        return "; ".join(problems[:5]) or None

    def info_matches_xmp(self, keys):
        xmp = xmp_of(self.objs, self.root)
        problems = []
        for info_key, tag in keys:
            iv = text(self.info.get(info_key))
            xv = xmp_value(xmp, tag)
            if info_key in ("/CreationDate", "/ModDate"):
                iv = pdf_date_to_iso(iv) if iv else None
            if info_key == "/Trapped":
                iv = self.info.get("/Trapped", "")[1:] or None
            if iv != xv:
                problems.append("%s %r vs %s %r" % (info_key, iv, tag, xv))
        return "; ".join(problems) or None

    def color_families(self):
        fams = set()
        ops = set()
        for p in self.pages:
            for s in color_spaces_used(self.objs, p):
                fams.add(family(s, self.objs))
            ops |= operators(contents(self.objs, p))
        return fams, ops

    def separations_consistent(self):
        seen = {}
        for key, o in self.objs.items():
            v = o.get("value")
            if isinstance(v, list) and v and v[0] == "/Separation":
                sig = json.dumps([family(ref(self.objs, v[2]), self.objs), ref(self.objs, v[3])], sort_keys=True)
                if seen.setdefault(v[1], sig) != sig:
                    return "separation %s has two different alternates or tint transforms" % v[1]
        return None

    # --- the checklists ------------------------------------------------
    def pdfx4(self):
        self.report("X1", "PDF 1.6 header and a binary comment line", self.header("1.6"))
        self.report("X2", "one GTS_PDFX output intent with an embedded CMYK output (prtr) ICC profile",
                    self.intent("/GTS_PDFX", 4, ("prtr",)))
        self.report("X3", "Info: GTS_PDFXVersion PDF/X-4, Trapped False, Title, CreationDate, ModDate", self.x4_info())
        xmp = xmp_of(self.objs, self.root)
        missing = [t for t in ("pdfxid:GTS_PDFXVersion", "xmpMM:DocumentID", "xmpMM:VersionID", "xmpMM:RenditionClass",
                               "dc:title", "xmp:CreateDate", "xmp:ModifyDate", "pdf:Trapped") if xmp_value(xmp, t) is None]
        if not missing and xmp_value(xmp, "pdfxid:GTS_PDFXVersion") != "PDF/X-4":
            missing = ["pdfxid:GTS_PDFXVersion = PDF/X-4"]
        self.report("X4", "XMP: pdfxid:GTS_PDFXVersion, xmpMM ids, rendition class, title, dates, trapping",
                    "missing %s" % missing if missing else None)
        self.report("X5", "Info and XMP agree", self.info_matches_xmp(
            [("/Title", "dc:title"), ("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate"),
             ("/Trapped", "pdf:Trapped")]))
        self.report("X6", "every page: MediaBox contains BleedBox contains TrimBox", self.boxes())
        fams, ops = self.color_families()
        rgb = [f for f in fams if f in ("/DeviceRGB",) or f.endswith(":/DeviceRGB")] + \
            sorted(o for o in ops & {"rg", "RG"})
        self.report("X7", "no RGB without a profile: no DeviceRGB space, no rg/RG operator",
                    "found %s" % rgb if rgb else None)
        self.report("X8", "each spot colour has one alternate and tint transform", self.separations_consistent())
        self.report("X9", "every font embedded", self.fonts_embedded())
        self.report("X10", "no annotations, JavaScript, encryption, transfer functions, embedded files, OPI",
                    self.no_forbidden(allow_links=False))

    def x4_info(self):
        i = self.info
        problems = []
        if text(i.get("/GTS_PDFXVersion")) != "PDF/X-4":
            problems.append("GTS_PDFXVersion %r" % text(i.get("/GTS_PDFXVersion")))
        if i.get("/Trapped") not in ("/False", "/True"):
            problems.append("Trapped %r" % i.get("/Trapped"))
        for k in ("/Title", "/CreationDate", "/ModDate"):
            if not text(i.get(k)):
                problems.append("no %s" % k)
        return "; ".join(problems) or None

    def pdfa2b(self):
        self.report("A1", "PDF 1.7 header and a binary comment line", self.header("1.7"))
        ids = self.trailer.get("/ID")
        self.report("A2", "trailer /ID, no encryption",
                    None if isinstance(ids, list) and len(ids) == 2 and "/Encrypt" not in self.trailer else "no /ID")
        self.report("A3", "one GTS_PDFA1 output intent with an embedded RGB ICC profile",
                    self.intent("/GTS_PDFA1", 3, ("mntr", "prtr", "scnr")))
        xmp = xmp_of(self.objs, self.root)
        ident = (xmp_value(xmp, "pdfaid:part"), xmp_value(xmp, "pdfaid:conformance"))
        self.report("A4", "XMP identification pdfaid:part 2, pdfaid:conformance B",
                    None if ident == ("2", "B") else "found %s" % (ident,))
        self.report("A5", "Info and XMP agree (title, author, subject, keywords, creator, producer, dates)",
                    self.info_matches_xmp([("/Title", "dc:title"), ("/Author", "dc:creator"),
                                           ("/Subject", "dc:description"), ("/Keywords", "pdf:Keywords"),
                                           ("/Creator", "xmp:CreatorTool"), ("/Producer", "pdf:Producer"),
                                           ("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")]))
        self.report("A6", "every font embedded", self.fonts_embedded())
        fams, ops = self.color_families()
        cmyk = [f for f in fams if f == "/DeviceCMYK" or f.endswith(":/DeviceCMYK")] + sorted(ops & {"k", "K"})
        self.report("A7", "no DeviceCMYK under the RGB output intent (CMYK carries its ICC profile)",
                    "found %s" % cmyk if cmyk else None)
        self.report("A8", "each spot colour has one alternate and tint transform", self.separations_consistent())
        self.report("A9", "no JavaScript, launch actions, encryption, transfer functions, embedded files; "
                    "only printable link annotations", self.no_forbidden(allow_links=True))
        meta = ref(self.objs, self.root.get("/Metadata", "")) or {}
        self.report("A10", "XMP metadata stream of Subtype XML in the catalog, unfiltered in the file",
                    None if meta.get("/Subtype") == "/XML" and "/Filter" not in meta else "bad metadata stream")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("pdf/x-4", "pdf/a-2b"):
        sys.exit(__doc__)
    c = Checker(sys.argv[2])
    c.pdfx4() if sys.argv[1] == "pdf/x-4" else c.pdfa2b()
    sys.exit(1 if c.failed else 0)


if __name__ == "__main__":
    main()
