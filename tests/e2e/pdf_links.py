#!/usr/bin/env python3
"""Reads a PDF's pages, link annotations and outline through qpdf's JSON
(an independent reader) and prints them as lines, for shell tests:

  page N link uri URI x0 y0 x1 y1
  page N link goto P y x0 y0 x1 y1     (an internal link to page P at height y)
  outline LEVEL P TITLE
  count OBJ N                            (/Count of outline items)

usage: pdf_links.py FILE.pdf"""
import json
import subprocess
import sys


def main(pdf):
    out = subprocess.run(["qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf", pdf],
                         capture_output=True, check=True).stdout
    j = json.loads(out)
    objs = j["qpdf"][1]
    page_of = {p["object"]: p["pageposfrom1"] for p in j["pages"]}

    def obj(ref):
        v = objs.get("obj:" + ref, {}).get("value")
        return v

    def resolve(v):
        while isinstance(v, str) and v.endswith(" R"):
            v = obj(v)
        return v

    for p in j["pages"]:
        n = p["pageposfrom1"]
        page = obj(p["object"])
        for a in resolve(page.get("/Annots", [])) or []:
            annot = resolve(a)
            if annot.get("/Subtype") != "/Link":
                continue
            rect = " ".join(f"{float(v):.1f}" for v in resolve(annot["/Rect"]))
            action = resolve(annot.get("/A", {})) or {}
            dest = annot.get("/Dest") or action.get("/D")
            if action.get("/S") == "/URI":
                uri = action["/URI"]
                if uri.startswith("u:"):
                    uri = uri[2:]
                print(f"page {n} link uri {uri} {rect}")
            elif dest is not None:
                dest = resolve(dest)
                print(f"page {n} link goto {page_of.get(dest[0], '?')} {float(dest[3] or 0):.1f} {rect}")
            else:
                print(f"page {n} link other {rect}")

    root = resolve(objs["trailer"]["value"]["/Root"])
    outlines = resolve(root.get("/Outlines"))

    def walk(item_ref, level):
        while item_ref:
            item = resolve(item_ref)
            title = item.get("/Title", "")
            if title.startswith("u:"):
                title = title[2:]
            dest = resolve(item.get("/Dest") or (resolve(item.get("/A", {})) or {}).get("/D"))
            print(f"outline {level} {page_of.get(dest[0], '?') if dest else '?'} {title}")
            if "/First" in item:
                print(f"count {item_ref} {item.get('/Count', 'missing')}")
                walk(item["/First"], level + 1)
            item_ref = item.get("/Next")

    if outlines:
        walk(outlines.get("/First"), 1)


if __name__ == "__main__":
    main(sys.argv[1])
