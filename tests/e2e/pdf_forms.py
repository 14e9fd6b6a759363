#!/usr/bin/env python3
"""Lists the Form XObjects a page draws, read through qpdf's JSON (an
independent reader): one line per form with its name, /BBox, the fonts its
resources hold, and the operators of its decoded content stream, e.g.
  Fm1 bbox=[0,0,100,100] fonts=Type3 ops=BT,ET,J,RG,S,Td,Tf,Tj,W,c,f,g,m,n,q,Q,re,rg,w
Usage: pdf_forms.py FILE.pdf PAGE (1-based)"""
import base64
import json
import re
import subprocess
import sys


def main(path, page):
    out = subprocess.run(["qpdf", "--json", "--json-key=qpdf", "--json-key=pages", "--json-stream-data=inline",
                          "--decode-level=generalized", path], check=True, capture_output=True).stdout
    doc = json.loads(out)
    objects = doc["qpdf"][1]

    def obj(ref):
        return objects["obj:" + ref]

    def value(v):
        while isinstance(v, str) and v.endswith(" R"):
            o = obj(v)
            v = o["stream"]["dict"] if "stream" in o else o["value"]
        return v

    page_dict = value(doc["pages"][page - 1]["object"])
    xobjects = value(value(page_dict.get("/Resources", {})).get("/XObject", {}))
    for name, ref in sorted(xobjects.items()):
        o = obj(ref)
        d = o["stream"]["dict"]
        if d.get("/Subtype") != "/Form":
            continue
        data = base64.b64decode(o["stream"].get("data", "")).decode("latin-1")
        data = re.sub(r"\((?:[^()\\]|\\.)*\)", " ", data)  # strings are not operators
        fonts = value(value(d.get("/Resources", {})).get("/Font", {}))
        kinds = sorted({value(f).get("/Subtype", "?").lstrip("/") for f in fonts.values()})
        ops = sorted(set(re.findall(r"(?<![\w/])([A-Za-z]{1,2}\*?)(?![\w])", data)))
        bbox = ",".join("%g" % value(v) for v in value(d["/BBox"]))
        print(f"{name.lstrip('/')} bbox=[{bbox}] fonts={','.join(kinds) or '-'} ops={','.join(ops)}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
