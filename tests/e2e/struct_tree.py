#!/usr/bin/env python3
"""Prints a PDF's structure tree as read through qpdf's JSON (an independent
reader), one element per line in order, with its marked content as
PAGE:MCID and its annotations as "annot", and checks that it is consistent:
  Figure 1:3 alt='The emblem'
Checks: the catalog has /MarkInfo /Marked true; every element's MCID is
marked exactly once in its page's content (as "/S <</MCID n>> BDC"); the
ParentTree maps each page's MCIDs back to the elements; every marked-content
sequence without an MCID is an /Artifact. Exit 1 with the reason otherwise.
Usage: struct_tree.py FILE.pdf"""
import base64
import json
import re
import subprocess
import sys


def main(path):
    out = subprocess.run(["qpdf", "--json", "--json-key=qpdf", "--json-key=pages", "--json-stream-data=inline",
                          "--decode-level=generalized", path], check=True, capture_output=True).stdout
    doc = json.loads(out)
    objects = doc["qpdf"][1]
    trailer = objects["trailer"]["value"]

    def deref(v):
        while isinstance(v, str) and v.endswith(" R"):
            o = objects["obj:" + v]
            v = o["stream"]["dict"] if "stream" in o else o["value"]
        return v

    def text(v):
        v = deref(v)
        return v[2:] if isinstance(v, str) and v[:2] in ("u:", "b:") else v

    catalog = deref(trailer["/Root"])
    problems = []
    if deref(catalog.get("/MarkInfo", {})).get("/Marked") is not True:
        problems.append("no /MarkInfo << /Marked true >>")
    root = deref(catalog["/StructTreeRoot"])
    page_refs = [p["object"] for p in doc["pages"]]
    contents = {}
    for i, p in enumerate(doc["pages"]):
        data = ""
        for c in p["contents"]:
            data += base64.b64decode(objects["obj:" + c]["stream"]["data"]).decode("latin-1") + "\n"
        contents[p["object"]] = data
    nums = deref(deref(root["/ParentTree"])["/Nums"])
    parent_tree = {nums[i]: deref(nums[i + 1]) for i in range(0, len(nums), 2)}

    def walk(ref, depth):
        e = deref(ref)
        s = e["/S"].lstrip("/")
        k = deref(e.get("/K"))
        kids = k if isinstance(k, list) else [] if k is None else [k]
        own, children = [], []
        for kid in kids:
            d = deref(kid) if isinstance(kid, str) else kid
            if isinstance(d, int):
                own.append((e.get("/Pg"), d))
            elif isinstance(d, dict) and d.get("/Type") == "/MCR":
                own.append((d.get("/Pg", e.get("/Pg")), d["/MCID"]))
            elif isinstance(d, dict) and d.get("/Type") == "/OBJR":
                own.append(("annot", d["/Obj"]))
            else:
                children.append(kid)
        marks = []
        for page, mcid in own:
            if page == "annot":
                marks.append("annot")
                continue
            n = page_refs.index(page) + 1
            marks.append(f"{n}:{mcid}")
            found = re.findall(r"/(\w+) <</MCID %d>> BDC" % mcid, contents[page])
            if found != [s]:
                problems.append(f"{s} mcid {mcid} on page {n} is marked {found} in the content")
            key = deref(objects["obj:" + page]["value"]).get("/StructParents")
            if key is None or parent_tree.get(key, [None] * (mcid + 1))[mcid] != ref:
                problems.append(f"ParentTree does not map page {n} mcid {mcid} to its element")
        alt = text(e["/Alt"]) if "/Alt" in e else None
        print("  " * depth + s + (" " + ",".join(marks) if marks else "") +
              (f" alt={alt!r}" if alt is not None else ""))
        for kid in children:
            walk(kid, depth + 1)

    walk(root["/K"], 0)
    for ref, data in contents.items():
        for tag, props in re.findall(r"/(\w+) (<<[^>]*>>|/\w+)? ?BDC", data):
            if "MCID" not in props and tag not in ("Artifact", "Span"):
                problems.append(f"untagged marked content /{tag} {props}")
    for p in problems:
        print("PROBLEM: " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main(sys.argv[1])
