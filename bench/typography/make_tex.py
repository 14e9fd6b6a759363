#!/usr/bin/env python3
"""Writes a XeLaTeX version of a Folio content file, set like Folio sets it:
the same Noto font files (fontspec, by path), page size, text measure, body
size and leading, justified and hyphenated as US English, paragraphs
separated by the body's space-after, no first-line indent. Everything else
is TeX's default (tolerance 200, pretolerance 100, no emergency stretch, no
microtype), which is what users compare Folio with.

With --microtype the document loads microtype with protrusion and font
expansion (its defaults: ±2 %, for LuaLaTeX, which alone of the two engines
can expand an OpenType font loaded through fontspec). --size and --leading
override the body's. The language comes from the content file's `language`
(English as US English, French, German).

usage: make_tex.py [--microtype] [--size PT --leading PT] CONTENT.yaml LAYOUT.yaml > OUT.tex"""
import argparse
import re
import sys

import yaml

FONTS = "/usr/share/fonts/truetype/noto/"


def length_pt(v, size=None):
    """'10.5pt', '25mm', '1.2em' -> points."""
    v = str(v).strip()
    m = re.fullmatch(r"([0-9.]+)\s*(pt|mm|cm|in|em)?", v)
    if not m:
        raise SystemExit(f"make_tex: cannot read length {v!r}")
    n, unit = float(m.group(1)), m.group(2) or "pt"
    return n * {"pt": 1, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72, "em": size or 10}[unit]


PAGE = {"A4": (210, 297), "A5": (148, 210), "A3": (297, 420), "Letter": (215.9, 279.4)}


def tex_escape(s):
    out = []
    for ch in s:
        out.append({"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
                    "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}",
                    "^": r"\textasciicircum{}"}.get(ch, ch))
    return "".join(out)


def inline(text, notes):
    """Folio inline markup (CommonMark subset) -> LaTeX."""
    tokens = []

    def keep(tex):
        tokens.append(tex)
        return f"\x00{len(tokens) - 1}\x00"

    t = text
    t = re.sub(r"<(https?://[^>]+)>", lambda m: keep(r"\url{" + m.group(1).replace("%", r"\%").replace("#", r"\#") + "}"), t)
    t = re.sub(r"\[\^([^\]]+)\]", lambda m: keep(r"\footnote{" + inline(notes.get(m.group(1), ""), notes) + "}"), t)
    t = re.sub(r"\[([^\]]+)\]\([^)]+\)", lambda m: m.group(1), t)
    t = re.sub(r"<sup>(.*?)</sup>", lambda m: keep(r"\textsuperscript{" + tex_escape(m.group(1)) + "}"), t)
    t = tex_escape(t)
    t = re.sub(r"\*\*(.+?)\*\*", r"\\textbf{\1}", t)
    t = re.sub(r"\*(.+?)\*", r"\\emph{\1}", t)
    return re.sub("\x00(\\d+)\x00", lambda m: tokens[int(m.group(1))], t)


LANGUAGES = {"en": "[variant=american]{english}", "fr": "{french}", "de": "[spelling=new]{german}"}


def main(content_path, layout_path, microtype=False, size=None, leading=None):
    doc = yaml.safe_load(open(content_path, encoding="utf-8"))
    lay = yaml.safe_load(open(layout_path, encoding="utf-8"))
    body = lay["styles"]["body"]
    size = size or length_pt(body.get("size", "10.5pt"))
    leading = leading or length_pt(body.get("leading", "14pt"), size)
    language = LANGUAGES.get(str(doc.get("language", "en"))[:2], LANGUAGES["en"])
    after = length_pt(body.get("space-after", "0pt"), size)
    w, h = PAGE[lay["page"]["size"]]
    m = lay["page"]["margins"]
    notes = doc.get("footnotes") or {}
    out = [r"\documentclass{article}",
           f"\\usepackage[paperwidth={w}mm,paperheight={h}mm,left={m['left']},right={m['right']},"
           f"top={m['top']},bottom={m['bottom']}]{{geometry}}",
           r"\usepackage{fontspec}",
           f"\\setmainfont{{NotoSerif}}[Path={FONTS},Extension=.ttf,UprightFont=*-Regular,"
           "BoldFont=*-Bold,ItalicFont=*-Italic,BoldItalicFont=*-BoldItalic]",
           f"\\setsansfont{{NotoSans}}[Path={FONTS},Extension=.ttf,UprightFont=*-Regular,"
           "BoldFont=*-Bold,ItalicFont=*-Italic,BoldItalicFont=*-BoldItalic]",
           r"\usepackage{polyglossia}\setdefaultlanguage" + language,
           r"\usepackage[protrusion=true,expansion=true]{microtype}" if microtype else "",
           r"\usepackage[hyphens]{url}\urlstyle{same}",
           r"\pagestyle{plain}",
           f"\\setlength{{\\parindent}}{{0pt}}\\setlength{{\\parskip}}{{{after:.2f}pt}}",
           # Folio's default is French spacing (no wider space after a
           # sentence); TeX's English is not, which would widen some gaps
           # and flatter Folio's figures.
           r"\begin{document}\frenchspacing",
           f"\\fontsize{{{size:.2f}pt}}{{{leading:.2f}pt}}\\selectfont"]
    for block in doc["body"]:
        if isinstance(block, str):
            out.append(inline(block, notes) + "\n")
        elif "heading" in block:
            lvl = int(block.get("level", 1))
            hsize = length_pt(lay["styles"].get(f"heading{lvl}", {}).get("size", "12pt"))
            out.append(f"\\par\\addvspace{{10pt}}{{\\sffamily\\bfseries\\fontsize{{{hsize:.2f}pt}}"
                       f"{{{hsize * 1.25:.2f}pt}}\\selectfont\\raggedright {inline(block['heading'], notes)}"
                       "\\par}\\nopagebreak\n")
        elif "paragraph" in block:
            style = block.get("style", "body")
            text = inline(str(block["paragraph"]), notes)
            if style == "body":
                out.append(text + "\n")
            else:  # label, title, date: set ragged in the sans, outside the measured body
                out.append(f"{{\\sffamily\\raggedright\\large {text}\\par}}\n")
        elif "list" in block:
            env = "enumerate" if block.get("numbered") else "itemize"
            out.append(f"\\begin{{{env}}}")
            for item in block["list"]:
                out.append(r"\item " + inline(str(item), notes))
            out.append(f"\\end{{{env}}}\n")
    out.append(r"\end{document}")
    print("\n".join(out))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("content")
    ap.add_argument("layout")
    ap.add_argument("--microtype", action="store_true")
    ap.add_argument("--size", type=float)
    ap.add_argument("--leading", type=float)
    a = ap.parse_args()
    main(a.content, a.layout, a.microtype, a.size, a.leading)
