#!/usr/bin/env python3
"""Checks that every word of a content file's text comes back out of its PDF
(pdftotext), in reading order. Markup is stripped from the source with a few
regular expressions, independently of Folio's own parser.

usage: text_in_order.py CONTENT.yaml FILE.pdf"""
import re
import subprocess
import sys
import unicodedata

import yaml


def inline_strings(node, out):
    if isinstance(node, str):
        out.append(node)
    elif isinstance(node, list):
        for n in node:
            inline_strings(n, out)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("paragraph", "heading", "quote", "list", "markdown"):
                inline_strings(value, out)


def strip_markup(s):
    s = re.sub(r"\^\[[^\]]*\]", " ", s)            # inline notes are placed elsewhere
    s = re.sub(r"\[\^[^\]]+\]", " ", s)            # note references become numbers
    s = re.sub(r"<(https?://[^>]+|mailto:[^>]+)>", r"\1", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"</?(sup|sub|span)[^>]*>", "", s)
    s = re.sub(r"^#+\s", "", s, flags=re.M)
    s = s.replace("\\\n", " ").replace("\\", "")
    s = re.sub(r"[*_`]", "", s)
    return s


def words(text):
    # poppler drops a hyphen at a line end (it cannot tell a hyphenation
    # from a hard hyphen), so hyphens are ignored on both sides; a word
    # hyphenated by Folio must still come back whole.
    text = unicodedata.normalize("NFC", text).replace("-", "")
    return [w for w in re.split(r"\s+", text) if w]


SPACELESS = ("zh", "ja", "th", "lo", "km", "my")


def main(content, pdf):
    doc = yaml.safe_load(open(content, encoding="utf-8"))
    strings = []
    inline_strings(doc.get("body", []), strings)
    source = words(" ".join(strip_markup(s) for s in strings))
    spaceless = str(doc.get("language", "en")).split("-")[0] in SPACELESS
    extracted = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, check=True).stdout.decode()
    # A URL, e-mail address or path broken across lines (Folio breaks after
    # / // and @, before . ? # and &) continues on the next line; rejoin it.
    extracted = re.sub(r"\n(?=[/.,\-_?#%~=&])", "", extracted)
    extracted = re.sub(r"(//|[=&/@])\n", r"\1", extracted)
    body = " ".join(words(extracted))
    if spaceless:
        # Lines of Chinese, Japanese or Thai break between characters, not at
        # spaces: compare the character sequence with whitespace removed.
        body = body.replace(" ", "")
        source = [w for w in source]
    pos = 0
    missing = []
    for w in source:
        i = body.find(w, pos)
        if i < 0:
            missing.append(w)
            continue
        pos = i + len(w)
    if missing:
        print(f"{len(missing)} of {len(source)} words not found in order, e.g.: {missing[:12]}")
        return 1
    print(f"all {len(source)} words found in order")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
