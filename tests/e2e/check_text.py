#!/usr/bin/env python3
"""Checks, paragraph by paragraph, that the text of a content file comes back
out of its PDF, in every script and direction (whitespace aside).

For each paragraph of the content it finds the PDF lines that carry it and,
for each line, checks:
  1. drawing order: the characters of the line in drawing order (pdftotext
     -bbox-layout, left to right) are the line's text reordered by the
     Unicode Bidirectional Algorithm (tests/e2e/uba.py, an independent
     model). This is Folio's bidi and its ToUnicode maps, whatever any
     extractor does with them afterwards;
  2. as written: pdftotext's ordinary output holds the line exactly as
     written. Required for every line in one direction (left-to-right text,
     right-to-left text without digits). On a line that mixes directions
     poppler's reordering (reorderText in TextOutputDev.cc: it reverses each
     right-to-left stretch of the visual line, treating digits as
     left-to-right and neutrals as part of the stretch) moves punctuation,
     brackets and numbers; there every word must still come back whole, and
     the line is reported as a known poppler limit.

With --justified, it also checks that the body paragraphs are justified:
every line but the last ends exactly at the measure; --loose-ok reports a
line that Folio had to set flush (long words and no hyphenation patterns)
instead of failing.

usage: check_text.py CONTENT.yaml FILE.pdf [--justified [--loose-ok]] [--verbose]
exit status: 0 all paragraphs found and checks 1-3 hold; 1 otherwise."""
import collections
import html
import os
import re
import subprocess
import sys
import unicodedata

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import uba  # noqa: E402

CONTROLS = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad")
RTL_LANGUAGES = {"ar", "arc", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi"}


# ---------------------------------------------------------------- content

def strip_markup(s):
    s = re.sub(r"\^\[[^\]]*\]", " ", s)
    s = re.sub(r"\[\^[^\]]+\]", " ", s)
    s = re.sub(r"<(https?://[^>]+|mailto:[^>]+)>", r"\1", s)
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
    s = re.sub(r"</?(sup|sub|span)[^>]*>", "", s)
    s = s.replace("\\\n", " ").replace("\\", "")
    s = re.sub(r"\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)|`", "", s)
    return s


Paragraph = collections.namedtuple("Paragraph", "text rtl marker justified")


def blocks(node, language, out, marker=None):
    """Paragraphs in document order, with their direction, list marker and
    whether they are body text (justified in the layouts used by the samples)."""
    if isinstance(node, str):
        add(node, {}, language, out, marker, True)
    elif isinstance(node, list):
        for item in node:
            blocks(item, language, out, marker)
    elif isinstance(node, dict):
        lang = node.get("lang", language)
        if "paragraph" in node:
            add(node["paragraph"], node, lang, out, marker, "style" not in node and "align" not in node)
        if "heading" in node:
            add(node["heading"], node, lang, out, marker, False)
        if "quote" in node:
            blocks(node["quote"], lang, out)
        if "list" in node:
            numbered = node.get("numbered", False)
            n = int(node.get("start", 1))
            for item in node["list"]:
                m = (str(n) + ".") if numbered else "\u2022"
                n += 1
                if isinstance(item, list):
                    blocks(item[0], lang, out, m)
                    blocks(item[1:], lang, out)
                else:
                    blocks(item, lang, out, m)


def add(text, attrs, language, out, marker, justified):
    text = unicodedata.normalize("NFC", strip_markup(str(text)))
    d = attrs.get("dir", "auto")
    if d == "auto":
        rtl = uba.paragraph_level(text, language.split("-")[0] in RTL_LANGUAGES) == 1
    else:
        rtl = d == "rtl"
    out.append(Paragraph(text, rtl, marker, justified and "\\\n" not in str(attrs.get("paragraph", ""))))


# ---------------------------------------------------------------- PDF

def clean(s):
    return "".join(c for c in unicodedata.normalize("NFC", s) if not c.isspace() and c not in CONTROLS)


PdfLine = collections.namedtuple("PdfLine", "page words x0 x1")  # words: visual order, left to right


def bbox_lines(pdf):
    xml = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", pdf, "-"], capture_output=True,
                         check=True).stdout.decode()
    lines = []
    for page, body in enumerate(re.split(r"<page ", xml)[1:]):
        for x0, x1, line in re.findall(r'<line xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>(.*?)</line>', body, re.S):
            words = [(float(x), html.unescape(w)) for x, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>(.*?)</word>', line)]
            words.sort(key=lambda w: w[0])
            lines.append(PdfLine(page, [w for _, w in words], float(x0), float(x1)))
    return lines


def text_lines(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, check=True).stdout.decode()
    lines = []
    for page, body in enumerate(out.split("\f")):
        for line in body.split("\n"):
            if clean(line):
                lines.append((page, clean(line)))
    return lines


def is_l(c):
    return unicodedata.bidirectional(c) == "L"


def is_r(c):
    return unicodedata.bidirectional(c) in ("R", "AL")


def words_of(text):
    """Runs of right-to-left letters, of left-to-right letters (with their
    marks), and of digits."""
    words, kind = [], None
    for c in text:
        k = "R" if is_r(c) else "L" if is_l(c) else "N" if c.isdigit() else \
            "M" if unicodedata.category(c).startswith("M") else None
        if k == "M" and words:
            words[-1] += c
            continue
        if k is None:
            kind = None
            continue
        if k == kind:
            words[-1] += c
        else:
            words.append(c)
            kind = k
    return words


# ---------------------------------------------------------------- checks

class Checker:
    def __init__(self, paragraphs, pdf, verbose, justified, loose_ok):
        self.paragraphs = paragraphs
        self.verbose = verbose
        self.justified = justified
        self.loose_ok = loose_ok
        self.lines = bbox_lines(pdf)
        self.visual = [clean("".join(l.words)) for l in self.lines]
        self.group, self.extracted = self.pair(text_lines(pdf))
        self.failures = []
        self.limits = []
        self.lines_checked = 0
        self.lines_written = 0

    def pair(self, texts):
        """Maps each -bbox-layout line to its line of pdftotext's output (poppler
        joins a hyphenated line with the next, dropping the hyphen)."""
        group = [None] * len(self.lines)
        extracted = []
        b = 0
        for _, t in texts:
            acc = ""
            first = b
            while b < len(self.lines):
                v = self.visual[b]
                acc = acc[:-1] + v if b > first and acc.endswith("-") else acc + v
                group[b] = len(extracted)
                b += 1
                if collections.Counter(acc) == collections.Counter(t) or len(acc) > len(t) + 1:
                    break
            if collections.Counter(acc) != collections.Counter(t):
                raise SystemExit(f"cannot pair pdftotext's lines with -bbox-layout's near: {t[:50]}")
            extracted.append(t)
        return group, extracted

    def find_lines(self, para, start):
        """Lines start.. holding the paragraph: (line index, begin, end) into
        the paragraph's non-space characters."""
        chars = clean(para.text)
        positions = [i for i, c in enumerate(para.text) if not c.isspace() and c not in CONTROLS]
        pos = 0
        found = []
        k = start
        skipped = 0
        while pos < len(chars) and k < len(self.lines) and skipped < 12:
            v = self.visual[k]
            if para.marker and not found:
                v = self.drop_marker(v, para)
            taken = None
            for candidate in (v, v[:-1] if v.endswith("-") else None):
                if candidate and collections.Counter(candidate) == collections.Counter(chars[pos:pos + len(candidate)]):
                    taken = candidate
                    break
            if taken is None:
                if found:
                    skipped += 1  # a running head or footer between two pages of the paragraph
                k += 1
                continue
            found.append((k, positions[pos], positions[pos + len(taken) - 1] + 1, len(taken) != len(v)))
            pos += len(taken)
            k += 1
        return (found, k) if pos == len(chars) else (None, start)

    @staticmethod
    def drop_marker(v, para):
        """The line without its list marker: at the left of a left-to-right
        item, at the right of a right-to-left one (drawn as ".1" there)."""
        if para.rtl:
            for m in (para.marker[::-1], para.marker):
                if v.endswith(m):
                    return v[:-len(m)]
        elif v.startswith(para.marker):
            return v[len(para.marker):]
        return v

    def check(self):
        k = 0
        for n, para in enumerate(self.paragraphs, 1):
            found, after = self.find_lines(para, k)
            label = f"paragraph {n} ({para.text[:30]}…)"
            if found is None:
                self.failures.append(f"{label}: not found in the PDF")
                continue
            k = after
            levels = uba.resolve_levels(para.text, 1 if para.rtl else 0)
            written = all([self.check_line(para, label, levels, *f) for f in found])
            if self.justified and para.justified:
                self.check_justified(para, label, [self.lines[f[0]] for f in found[:-1]])
            if self.verbose:
                print(f"{'ok  ' if written else 'note'} {label}: {len(found)} line(s)")
        return not self.failures

    def check_justified(self, para, label, lines):
        """Every line but the last ends at the same edge as the others: the
        right one in left-to-right text, the left one in right-to-left text
        (the other edge holds the list marker or the first-line indent)."""
        # Hanging punctuation (layout option hanging-punctuation): a line
        # whose edge is a punctuation mark may reach up to 2.8 pt past the
        # others; it is measured as if it ended at the common edge.
        hanging = set(".,:;!?-\u2010\u2013\u2014\u201c\u201d\u2018\u2019\"'\u00ab\u00bb\u060c\u061b\u06d4")

        def edge(l):
            word = (l.words[0] if para.rtl else l.words[-1]) if l.words else ""
            return l.x0 if para.rtl else l.x1, word[:1] in hanging or word[-1:] in hanging

        plain = [e for e, hung in map(edge, lines) if not hung]
        flush = (max(plain) if para.rtl else min(plain)) if plain else None
        ends = []
        for e, hung in map(edge, lines):
            if hung and flush is not None and 0 <= (flush - e if para.rtl else e - flush) <= 2.8:
                e = flush
            ends.append(e)
        if ends and max(ends) - min(ends) > 0.6:
            message = f"{label}: justified lines end at {sorted(set(round(e, 1) for e in ends))}"
            if self.loose_ok:
                self.limits.append(message + " (a loose line set flush: no hyphenation patterns)")
            else:
                self.failures.append(message)

    def check_line(self, para, label, levels, line, begin, end, hyphen):
        self.lines_checked += 1
        expected = "".join(para.text[begin + i] for i in uba.visual_order(levels[begin:end]))
        expected = clean(expected) + ("-" if hyphen else "")
        actual = self.visual[line]
        marker = ""
        if para.marker and self.drop_marker(actual, para) != actual:
            stripped = self.drop_marker(actual, para)
            marker = actual[len(stripped):] if para.rtl else actual[:len(actual) - len(stripped)]
            actual = stripped
        if actual != expected:
            self.failures.append(f"{label}: drawing order differs from the UBA\n"
                                 f"     expected {expected}\n     found    {actual}")
            return False
        extracted = self.extracted[self.group[line]]
        if marker:
            for m in (marker, marker[::-1]):
                if m in extracted:
                    extracted = extracted.replace(m, "", 1)
                    break
        logical = clean(para.text[begin:end])
        joined = extracted.replace("-", "")  # poppler joins hyphenated lines, dropping the hyphen
        if logical in extracted or logical.replace("-", "") in joined:
            self.lines_written += 1
            return True
        strong = {("R" if is_r(c) else "L") for c in logical if is_r(c) or is_l(c)}
        # poppler keeps a right-to-left line in order as long as no two
        # characters that are not right-to-left letters meet (it takes
        # digits and . , : - + for left-to-right, and reverses the stretch).
        clash = para.rtl and any(not is_r(a) and not is_r(b) and not unicodedata.category(b).startswith("M")
                                 for a, b in zip(logical, logical[1:]))
        one_direction = strong == ({"R"} if para.rtl else {"L"}) and not clash
        if one_direction:
            self.failures.append(f"{label}: a line in one direction does not come back as written\n"
                                 f"     written   {logical}\n     pdftotext {extracted}")
            return False
        missing = [w for w in words_of(para.text[begin:end]) if clean(w) not in extracted]
        if missing:
            self.failures.append(f"{label}: words do not come back whole: {missing}\n"
                                 f"     written   {logical}\n     pdftotext {extracted}")
            return False
        self.limits.append(f"{label}: mixed-direction line\n     written   {logical}\n     pdftotext {extracted}")
        return False


def main(argv):
    verbose = "--verbose" in argv
    justified = "--justified" in argv
    loose_ok = "--loose-ok" in argv
    args = [a for a in argv if not a.startswith("--")]
    doc = yaml.safe_load(open(args[0], encoding="utf-8"))
    paragraphs = []
    blocks(doc.get("body", []), str(doc.get("language", "en")), paragraphs)
    checker = Checker(paragraphs, args[1], verbose, justified, loose_ok)
    ok = checker.check()
    for f in checker.failures:
        print("FAIL " + f)
    for m in checker.limits:
        print("note " + m)
    failed = {f.split(":")[0] for f in checker.failures}
    print(f"{len(paragraphs) - len(failed)} of {len(paragraphs)} paragraphs check out; "
          f"{checker.lines_checked} lines, {checker.lines_written} back exactly as written, "
          f"{len(checker.limits)} noted (poppler's bidi reordering, loose lines)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
