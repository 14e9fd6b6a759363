#!/usr/bin/env python3
"""Checks, with pikepdf (an independent reader), that a tagged PDF's structure
tree is complete and consistent, the way the object writer must leave it
when it writes elements one at a time (src/pdf/ObjectWriter.h):
  * every StructElem in the file is reached from /StructTreeRoot /K, once,
    and its /P is the element (or root) it was reached from;
  * every MCID painted on a page ("<</MCID n>> BDC" in its content streams)
    is claimed by exactly one element (as an integer kid with the element's
    /Pg, or an MCR with its own /Pg), and nothing claims an MCID not painted;
  * the ParentTree maps each page's MCIDs (/StructParents) to exactly the
    element that claims it, and each link annotation (/StructParent) to the
    element whose OBJR holds it; every link annotation has an OBJR and /Contents;
  * the ParentTree's keys are below /ParentTreeNextKey.
Prints a summary line; exit 1 with the problems otherwise.
Usage: struct_complete.py FILE.pdf [MIN_ELEMENTS]"""
import re
import sys

import pikepdf


def main(path, min_elements):
    pdf = pikepdf.open(path)
    problems = []
    root = pdf.Root.StructTreeRoot
    pages = {pg.obj.objgen: i for i, pg in enumerate(pdf.pages)}

    # Marked content painted on each page.
    painted = {}
    for i, pg in enumerate(pdf.pages):
        data = b""
        contents = pg.obj.Contents
        for c in (contents if isinstance(contents, pikepdf.Array) else [contents]):
            data += c.read_bytes() + b"\n"
        mcids = [int(m) for m in re.findall(rb"<</MCID (\d+)>> ?BDC", data)]
        if len(mcids) != len(set(mcids)):
            problems.append(f"page {i + 1} paints an MCID twice")
        painted[i] = set(mcids)

    # Walk the tree from the root.
    claimed = {}  # (page, mcid) -> element objgen
    annots = {}   # annotation objgen -> element objgen
    seen = set()
    stack = [(root.K, root.objgen)]
    while stack:
        e, parent = stack.pop()
        if isinstance(e, pikepdf.Array):
            stack.extend((x, parent) for x in reversed(list(e)))
            continue
        g = e.objgen
        if g in seen:
            problems.append(f"element {g} is reached twice")
            continue
        seen.add(g)
        if e.get("/P") is None or e.P.objgen != parent:
            problems.append(f"element {g} ({e.get('/S')}) has /P {e.get('/P')} instead of {parent}")
        k = e.get("/K")
        kids = list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]
        for kid in kids:
            if isinstance(kid, int) or (not isinstance(kid, pikepdf.Dictionary) and int(kid) == kid):
                page = pages.get(e.Pg.objgen) if e.get("/Pg") is not None else None
                key = (page, int(kid))
            elif kid.get("/Type") == "/MCR":
                pg = kid.get("/Pg", e.get("/Pg"))
                key = (pages.get(pg.objgen), int(kid.MCID))
            elif kid.get("/Type") == "/OBJR":
                annots[kid.Obj.objgen] = g
                continue
            else:
                stack.append((kid, g))
                continue
            if key in claimed:
                problems.append(f"page {key[0]} MCID {key[1]} is claimed twice")
            claimed[key] = g

    in_file = sum(1 for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem")
    if in_file != len(seen):
        problems.append(f"{in_file} StructElem objects in the file, {len(seen)} reached from the root")
    if len(seen) < min_elements:
        problems.append(f"only {len(seen)} elements; expected at least {min_elements}")
    for i, mcids in painted.items():
        for m in mcids:
            if (i, m) not in claimed:
                problems.append(f"page {i + 1} MCID {m} is painted but no element claims it")
    for (i, m) in claimed:
        if i is None or m not in painted.get(i, set()):
            problems.append(f"an element claims MCID {m} on page {i}, which is not painted there")

    # The ParentTree (a flat /Nums or a tree of /Kids).
    tree = {}

    def collect(node):
        nums = node.get("/Nums")
        if nums is not None:
            for j in range(0, len(nums), 2):
                tree[int(nums[j])] = nums[j + 1]
        for kid in node.get("/Kids", []):
            collect(kid)

    collect(root.ParentTree)
    next_key = int(root.ParentTreeNextKey)
    if tree and max(tree) >= next_key:
        problems.append(f"ParentTree key {max(tree)} >= /ParentTreeNextKey {next_key}")
    for i, pg in enumerate(pdf.pages):
        if not painted[i]:
            continue
        sp = pg.obj.get("/StructParents")
        arr = tree.get(int(sp)) if sp is not None else None
        if arr is None:
            problems.append(f"page {i + 1} has marked content but no ParentTree entry")
            continue
        for m in painted[i]:
            if m >= len(arr) or arr[m].objgen != claimed.get((i, m)):
                problems.append(f"ParentTree of page {i + 1} does not map MCID {m} to its element")
        for a in pg.obj.get("/Annots", []):
            if a.get("/Subtype") != "/Link":
                continue
            if a.objgen not in annots:
                problems.append(f"a link annotation on page {i + 1} has no OBJR in the tree")
            if "/Contents" not in a:
                problems.append(f"a link annotation on page {i + 1} has no /Contents")
            v = tree.get(int(a.get("/StructParent", -1)))
            if v is None or v.objgen != annots.get(a.objgen):
                problems.append(f"ParentTree does not map a link annotation on page {i + 1} to its element")

    for p in problems[:30]:
        print("PROBLEM: " + p)
    print(f"{len(seen)} elements, {len(claimed)} MCIDs on {len(pdf.pages)} pages, {len(annots)} annotations, "
          f"{len(tree)} ParentTree keys")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)
