#!/usr/bin/env python3
"""Folio's instructions by pipeline stage, from a callgrind profile.

    valgrind --tool=callgrind --callgrind-out-file=OUT folio render DOC -o x.pdf -q -j 1
    bench/callgrind_stages.py OUT [--floor FLOOR_OUT]

Inclusive costs (callgrind_annotate --inclusive=yes --tree=caller) of
Folio's top-level stages, made disjoint by subtraction:

  start-up          everything before main(): the dynamic loader, static init
  content loading   render::Pipeline::load (YAML, content model)
  layout, styles    Pipeline::resolveStyles (it loads the layout)
  paragraph layout  paragraph::layoutParagraph (of it: hb_shape, the shaping)
  pagination        pagination::paginate without the paragraph layout, the
                    painting and images it drives (pages stream out of it)
  painting          pdf::pageContent without the pictures it writes
  font subsetting   pdf::FontEmbedder::embedAll without compression (of it:
                    hb_subset_plan_create_or_fail + ..._execute_or_fail)
  compression       every deflate but the pictures' (of it: the font
                    programs and maps, pdf::deflateBytes)
  pictures          image::load + pdf::ImageXObjects::write
  writing, rest     main() less all of the above: PDF objects, xref, the
                    file, the command line, font discovery

With --floor, a callgrind profile of `folio_floor --reps 1` on the same
PDF: its parts (floorShapeDistinct, floorSubset, floorCompress) are printed
beside the stage each is the floor of, and what Folio spends above them.
"""
import argparse
import re
import subprocess
import sys

LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(<|\*|>)?\s*(.*)$")


def parse(out_file):
    """inclusive[name] and edges[(caller, callee)] from callgrind_annotate's caller tree."""
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--tree=caller", "--threshold=100", out_file],
                          capture_output=True, text=True, check=True).stdout
    inclusive, edges, callers = {}, {}, []
    total = None
    for line in text.splitlines():
        if "PROGRAM TOTALS" in line:
            total = int(line.split()[0].replace(",", ""))
            continue
        m = LINE.match(line)
        if not m:
            callers = []
            continue
        cost, mark, rest = int(m.group(1).replace(",", "")), m.group(2), m.group(3)
        name = re.sub(r"\s+\[[^\]]*\]$", "", rest)          # the object file
        name = re.sub(r"\s+\([\d,]+x\)$", "", name)         # the call count
        name = re.sub(r"^[^:]*\?\?\?:|^.*?:(?=[A-Za-z_(])", "", name, count=1) if name.startswith("???:") else \
            re.sub(r"^[^ ]*?:(?=\S)", "", name, count=1)
        if mark == "<":
            callers.append((name, cost))
        elif mark == "*":
            inclusive[name] = inclusive.get(name, 0) + cost
            for c, v in callers:
                edges[(c, name)] = edges.get((c, name), 0) + v
            callers = []
    return total, inclusive, edges


def key(name):
    """A function's name without its parameter lists: "a::f(int)::{lambda()#1}::operator()() const" gives
    "a::f::{lambda()#1}::operator()"."""
    name = name.replace("(anonymous namespace)", "\x00").replace("operator()", "operator\x01")
    out, angle, brace, paren = [], 0, 0, 0
    for ch in name:
        if paren == 0:
            if ch == "<":
                angle += 1
            elif ch == ">":
                angle -= 1
            elif ch == "{":
                brace += 1
            elif ch == "}":
                brace -= 1
        if ch == "(" and angle == 0 and brace == 0:
            paren += 1
            continue
        if paren:
            if ch == "(":
                paren += 1
            elif ch == ")":
                paren -= 1
            continue
        out.append(ch)
    name = "".join(out).strip()
    if name.endswith(" const"):
        name = name[:-6]
    return name.replace("[abi:cxx11]", "").replace("\x00", "(anonymous namespace)").replace("operator\x01",
                                                                                            "operator()")


def inc(inclusive, prefix):
    return sum(v for n, v in inclusive.items() if key(n) == prefix)


def inc_starting(inclusive, start):
    return sum(v for n, v in inclusive.items() if n.startswith(start))


def edge(edges, caller, callee):
    return sum(v for (a, b), v in edges.items() if key(a) == caller and key(b) == callee)


def stages(out_file):
    total, I, E = parse(out_file)
    main = inc(I, "main")
    para = inc(I, "folio::paragraph::layoutParagraph")
    shape = inc(I, "hb_shape")
    content = inc(I, "folio::pdf::pageContent")
    img_write = inc(I, "folio::pdf::ImageXObjects::write")
    img_load = inc(I, "folio::image::load")
    embed = inc(I, "folio::pdf::FontEmbedder::embedAll")
    font_deflate = inc(I, "folio::pdf::deflateBytes")
    hb_subset = inc(I, "hb_subset_plan_create_or_fail") + inc(I, "hb_subset_plan_execute_or_fail")
    deflate = inc(I, "folio::pdf::(anonymous namespace)::deflate")
    img_deflate = edge(E, "folio::pdf::ImageXObjects::write", "folio::pdf::setFlateStream")
    paginate = inc(I, "folio::pagination::paginate")
    # What paginate drives that belongs to other stages: the pages it hands
    # to the writer (painted there), template pictures.
    furniture = inc(I, "folio::render::(anonymous namespace)::PdfStream::furniture")
    sink = inc_starting(I, "std::_Function_handler<void (folio::frame::Page&&), folio::pagination::paginate(")
    img_in_paginate = edge(E, "folio::pagination::(anonymous namespace)::TemplateDrawer::draw", "folio::image::load")
    s = {
        "start-up": total - main,
        "content loading": inc(I, "folio::render::Pipeline::load"),
        "layout, styles": inc(I, "folio::render::Pipeline::resolveStyles"),  # it loads the layout
        "paragraph layout": para,
        "pagination": paginate - para - furniture - sink - img_in_paginate,
        "painting": content - img_write,
        "font subsetting": embed - font_deflate,
        "compression": deflate - img_deflate,
        "pictures": img_load + img_write,
    }
    s["writing, rest"] = main - sum(v for k, v in s.items() if k != "start-up")
    detail = {"hb_shape": shape, "hb-subset": hb_subset, "deflate of fonts": font_deflate,
              "deflate of content": deflate - img_deflate - font_deflate}
    return total, s, detail


def floor_parts(out_file):
    total, I, _ = parse(out_file)
    return {"shape": inc(I, "(anonymous namespace)::floorShapeDistinct"),
            "shape every": inc(I, "(anonymous namespace)::floorShapeEvery"),
            "subset": inc(I, "(anonymous namespace)::floorSubset"),
            "compress": inc(I, "(anonymous namespace)::floorCompress")}


def m(v):
    return "{:.2f} M".format(v / 1e6)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("profile")
    ap.add_argument("--floor", help="callgrind profile of folio_floor --reps 1 on the same PDF(s)")
    ap.add_argument("--floor-empty", help="callgrind profile of folio_floor_empty (loading the floor's libraries)")
    ap.add_argument("--row", metavar="CASE", help="print one table row (M Ir) for CASE; --header: the head")
    ap.add_argument("--header", action="store_true")
    args = ap.parse_args()
    if args.header:
        print("| case | Folio | start-up | content loading | layout, styles | paragraph layout (hb_shape) | "
              "pagination | painting | fonts (hb-subset) | compression (of fonts) | pictures | writing, rest | "
              "floor: load + shape + subset + compress | Folio / floor |")
        print("|---|" + "---:|" * 13)
        return 0
    total, s, d = stages(args.profile)
    f = floor_parts(args.floor) if args.floor else None
    if args.row:
        def n(v):
            return "{:.1f}".format(v / 1e6)
        load = parse(args.floor_empty)[0] if args.floor_empty else 0
        fl = load + f["shape"] + f["subset"] + f["compress"] if f else None
        cells = [args.row, n(total), n(s["start-up"]), n(s["content loading"]), n(s["layout, styles"]),
                 "{} ({})".format(n(s["paragraph layout"]), n(d["hb_shape"])), n(s["pagination"]),
                 n(s["painting"]), "{} ({})".format(n(s["font subsetting"]), n(d["hb-subset"])),
                 "{} ({})".format(n(s["compression"]), n(d["deflate of fonts"])), n(s["pictures"]),
                 n(s["writing, rest"]),
                 "{} = {} + {} + {} + {}".format(n(fl), n(load), n(f["shape"]), n(f["subset"]), n(f["compress"]))
                 if f else "",
                 "{:.1f}x".format(total / fl) if f else ""]
        print("| " + " | ".join(cells) + " |")
        return 0
    print("Folio: {} Ir".format(m(total)))
    print("| stage | Folio Ir | of which | floor Ir | above the floor |")
    print("|---|---:|---|---:|---:|")
    for k, v in s.items():
        of, fl = "", None
        if k == "paragraph layout":
            of = "hb_shape " + m(d["hb_shape"])
            fl = f and f["shape"]
        elif k == "font subsetting":
            of = "hb-subset " + m(d["hb-subset"])
        elif k == "compression":
            of = "fonts " + m(d["deflate of fonts"]) + ", content " + m(d["deflate of content"])
            fl = f and f["compress"]
        if k == "font subsetting" and f:
            # The floor's subset part includes deflating the programs: compare
            # with Folio's subsetting plus its font deflate.
            fl = f["subset"]
            v_cmp = v + d["deflate of fonts"]
            print("| {} (+ font deflate) | {} | {} | {} | {} |".format(k, m(v_cmp), of, m(fl), m(v_cmp - fl)))
            continue
        if k == "compression" and f:
            v_cmp = d["deflate of content"]
            print("| {} (content only; fonts above) | {} | {} | {} | {} |".format(k, m(v_cmp), of, m(fl),
                                                                            m(v_cmp - fl)))
            continue
        print("| {} | {} | {} | {} | {} |".format(k, m(v), of, m(fl) if fl else "", m(v - fl) if fl else ""))
    if f:
        print("floor: shape {} (every word {}), subset {}, compress {}".format(
            m(f["shape"]), m(f["shape every"]), m(f["subset"]), m(f["compress"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
