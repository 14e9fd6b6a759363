#!/usr/bin/env python3
"""Checks a PDF rendered from gen_report.py output with independent readers:
notes sit on the page of their citation (a long one may end on the next),
no body text reaches into the footer, internal links and the outline point
at the pages their headings are on, and every URL is a link on its page.

usage: check_report.py REPORT.pdf BODY_BOTTOM_PT FOOTER_TOP_PT  (from the page top)"""
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = __file__.rsplit("/", 1)[0]


def page_texts(pdf, pages):
    out = []
    for p in range(1, pages + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"], capture_output=True, text=True).stdout
        out.append(re.sub(r"-\n", "", t).replace("\n", " "))
    return out


def main(pdf, body_bottom, footer_top):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    texts = page_texts(pdf, pages)
    errors = []
    cite_page, start_page, end_page, heading_page = {}, {}, {}, {}
    for i, t in enumerate(texts, 1):
        for n in re.findall(r"\(cite(\d+)\)", t):
            cite_page.setdefault(int(n), i)
        for n in re.findall(r"Note (\d+)\.", t):
            start_page.setdefault(int(n), i)
        for n in re.findall(r"endofnote(\d+)", t):
            end_page.setdefault(int(n), i)
        for n in re.findall(r"Section (\d+):", t):
            heading_page.setdefault(int(n), i)
    if not cite_page:
        errors.append("no citations found")
    for n, p in sorted(cite_page.items()):
        if start_page.get(n) != p:
            errors.append(f"note {n}: cited on page {p}, starts on page {start_page.get(n)}")
        if end_page.get(n) not in (p, p + 1):
            errors.append(f"note {n}: cited on page {p}, ends on page {end_page.get(n)}")
    # The long notes must really exercise continuation onto the next page.
    continued = [n for n, p in cite_page.items() if end_page.get(n) == p + 1]
    if not continued:
        errors.append("no note continues onto the next page; the report does not test continuation")
    # nothing between the text area and the footer
    xml = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml)
    xml = re.sub(r'\sxmlns="[^"]*"', "", xml, count=1)
    root = ET.fromstring(xml)
    for pn, page in enumerate(root.iter("page"), 1):
        for w in page.iter("word"):
            ymin, ymax = float(w.get("yMin")), float(w.get("yMax"))
            if ymin < footer_top - 2 and ymax > body_bottom + 2:
                errors.append(f"page {pn}: '{w.text}' goes below the text area ({ymin:.1f}-{ymax:.1f})")
    links = subprocess.run([sys.executable, f"{HERE}/pdf_links.py", pdf], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    gotos = [l.split() for l in links if " link goto " in l]
    outline = [l.split(" ", 3) for l in links if l.startswith("outline ")]
    titles = [o[3] for o in outline]
    expected = [f"Section {n}:" for n in sorted(heading_page)]
    if [t.split(" ", 2)[0] + " " + t.split(" ", 2)[1] for t in titles] != expected:
        errors.append(f"outline titles {titles[:5]}... do not list the sections in order")
    for o in outline:
        n = int(o[3].split()[1].rstrip(":"))
        if int(o[2]) != heading_page[n]:
            errors.append(f"outline entry '{o[3]}' points at page {o[2]}, heading is on {heading_page[n]}")
    # "See section N" links go to the heading's page
    for i, t in enumerate(texts, 1):
        for n in re.findall(r"See section (\d+)", t):
            targets = [int(g[4]) for g in gotos if int(g[1]) == i]
            if heading_page[int(n)] not in targets:
                errors.append(f"page {i}: link to section {n} does not go to page {heading_page[int(n)]}")
    uris = [l.split() for l in links if " link uri " in l]
    for i, t in enumerate(texts, 1):
        for u in re.findall(r"https://www\.harbourtrust\.example/report/\d+", t.replace(" ", "")):
            if not any(x[1] == str(i) and x[4] == u for x in uris):
                errors.append(f"page {i}: {u} is not a link annotation on that page")
    if errors:
        print("\n".join(errors[:30]))
        return 1
    print(f"{pages} pages, {len(cite_page)} notes on their pages ({len(continued)} continued on the next), "
          f"{len(outline)} outline entries, "
          f"{len(gotos)} internal links, {len(uris)} URI links checked")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], float(sys.argv[2]), float(sys.argv[3])))
