#!/usr/bin/env python3
"""Count paragraphs and lines that a PDF reader's text extraction gives back
exactly as written (logical order).

usage: measure.py --paras PARAS.json --pdf DOC.pdf --text READER=FILE... [--json OUT]

PARAS.json: [{"text": "...", "marker": "1." or null}, ...] (see paras.py).

Expected lines come from the PDF's geometry, not from any reader's order:
the glyphs (MuPDF's stext chars with their origins, --geom; or PDFium's, or
pdfminer's LTChar;
text from /ToUnicode) are grouped by page and baseline into
visual lines; each paragraph is then cut, in logical order, into chunks with
the same number of non-space characters as its consecutive visual lines
(checked: the chunk and the line hold the same multiset of characters, with
mirror pairs ( ) [ ] « » < > { } counted as one). This is independent of the
order in which any reader returns the text.

Normalisation before comparing (both sides): Unicode NFC; bidi controls
(U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) removed; NBSP and other
spaces to ' '; runs of white space to one space; ends trimmed.

Methods:
- paragraph: the normalised paragraph is a substring of the normalised whole
  extraction with line breaks (and page breaks) turned into spaces.
- line: the normalised expected line equals some normalised line of the
  extraction (for a list item's first line, a marker token such as '1.',
  '.1' or a bullet at either end of the extracted line is dropped first).
"""
import argparse
import collections
import difflib
import json
import re
import sys
import unicodedata

BIDI = dict.fromkeys(map(ord, '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'))
SPACES = re.compile(r'[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+')
MIRROR = str.maketrans({')': '(', ']': '[', '}': '{', '>': '<', '»': '«', '›': '‹'})


def norm(s, keep_bidi=False):
    s = unicodedata.normalize('NFC', s)
    if not keep_bidi:
        s = s.translate(BIDI)
    return SPACES.sub(' ', s).strip()


def chars_of(s):
    """non-space characters, canonical for the multiset test (NFKC: presentation
    forms count as their letters here, though never for exactness)"""
    s = unicodedata.normalize('NFKC', s).translate(BIDI).translate(MIRROR)
    return [c for c in s if not c.isspace() and c != '\u0640']


def visual_lines_pdfium(path):
    """glyph geometry from PDFium (extract_pdfium.mjs --chars)"""
    by_page = collections.defaultdict(list)
    for pno, x, y, u in json.load(open(path)):
        if 0xd800 <= u <= 0xdfff:
            continue
        by_page[pno].append((y, x, chr(u)))
    return group_lines(by_page)


def visual_lines_stext(path):
    """glyph geometry from MuPDF (mutool draw -F stext): every <char> with its
    baseline origin; U+FFFD (glyphs without a Unicode mapping) dropped"""
    import xml.etree.ElementTree as ET
    by_page = collections.defaultdict(list)
    # MuPDF writes characters XML 1.0 forbids as numeric references (U+FFFF
    # for XeLaTeX's unmapped glyphs): they are dropped before parsing.
    def allowed(m):
        v = int(m.group(1), 16)
        return m.group(0) if v in (9, 10, 13) or 0x20 <= v < 0xd800 or 0xe000 <= v < 0xfffe or v > 0xffff else ''
    raw = re.sub(r'&#x([0-9a-fA-F]+);', allowed, open(path, encoding='utf-8').read())
    for pno, page in enumerate(ET.fromstring(raw).iter('page')):
        for ch in page.iter('char'):
            c = ch.get('c')
            if c and c != '\ufffd':
                by_page[pno + 1].append((-float(ch.get('y')), float(ch.get('x')), c))
    return group_lines(by_page)


def group_lines(by_page):
    lines = []
    for pno in sorted(by_page):
        # combining marks (Mn) may be drawn with their own y offset: they join
        # the nearest baseline afterwards, instead of making a line of their own
        mark = lambda t: all(unicodedata.category(c) == 'Mn' for c in t)
        glyphs = sorted((g for g in by_page[pno] if not mark(g[2])), key=lambda g: -g[0])
        groups = []
        for y, x, t in glyphs:  # merge baselines closer than 5 pt (cursive attachment
            # in Noto Naskh moves glyphs up or down by a few points)
            if groups and groups[-1]['y'] - y < 5:
                groups[-1]['g'].append((x, t))
            else:
                groups.append({'y': y, 'g': [(x, t)]})
        for y, x, t in (g for g in by_page[pno] if mark(g[2])):
            if groups:
                min(groups, key=lambda gr: abs(gr['y'] - y))['g'].append((x, t))
        for gr in groups:
            text = ''.join(t for x, t in sorted(gr['g']))
            cs = chars_of(text)
            if cs:
                lines.append({'page': pno, 'y': round(gr['y'], 2),
                              'visual': text, 'count': collections.Counter(cs), 'n': len(cs)})
    return lines


def visual_lines(pdf):
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar

    def walk(o):
        if isinstance(o, LTChar):
            yield o
        elif hasattr(o, '__iter__'):
            for c in o:
                yield from walk(c)

    by_page = collections.defaultdict(list)
    for pno, page in enumerate(extract_pages(pdf, laparams=None)):
        for ch in walk(page):
            t = ch.get_text()
            if not t.startswith('(cid:'):
                by_page[pno + 1].append((ch.matrix[5], ch.x0, t))
    return group_lines(by_page)


def marker_chars(marker):
    return collections.Counter(chars_of(marker)) if marker else collections.Counter()


def segment(par, lines, start):
    """cut paragraph PAR (dict) into expected lines; returns (first line index, [line texts]) or None"""
    text = norm(par['text'])
    pos_map = [i for i, c in enumerate(text) if c != ' ']
    canon = chars_of(text)
    assert len(canon) == len(pos_map) or True
    # chars_of drops tatweel; keep a parallel list of indices for it
    nonspace = [(i, c) for i, c in enumerate(text) if c != ' ']
    canon_idx = [(i, cc) for (i, c) in nonspace for cc in chars_of(c)]
    total = len(canon_idx)
    mk = marker_chars(par.get('marker'))
    order = list(range(start, len(lines))) + list(range(0, start))
    for i in order:
        pos, j, out, hyph = 0, i, [], []
        while j < len(lines):
            ln = lines[j]
            want = ln['count'].copy()
            if j == i and mk:
                if all(want[c] >= v for c, v in mk.items()):
                    want.subtract(mk)
                    want = +want
            k = sum(want.values())
            chunk = collections.Counter(cc for _, cc in canon_idx[pos:pos + k])
            ok = chunk == want and pos + k <= total
            extra_h = False
            if not ok and k >= 2:  # a hyphen added at a line-end break
                for h in '-\u2010':
                    if want[h] > 0:
                        w2 = want.copy(); w2[h] -= 1; w2 = +w2
                        if collections.Counter(cc for _, cc in canon_idx[pos:pos + k - 1]) == w2:
                            ok, extra_h, k = True, True, k - 1
                            break
            if not ok:
                break
            a = canon_idx[pos][0]
            b = canon_idx[pos + k - 1][0] + 1
            out.append(text[a:b].strip() + ('-' if extra_h else ''))
            hyph.append(extra_h)
            pos += k
            j += 1
            if pos == total:
                return i, out, hyph
        # next start
    return None


MARKER_TOKEN = re.compile(r'^(?:\.?\d+\.?|[•\u2022\u2013\u2014\-])$')


def strip_marker(line):
    toks = line.split(' ')
    if len(toks) > 1 and MARKER_TOKEN.match(toks[0]):
        return ' '.join(toks[1:])
    if len(toks) > 1 and MARKER_TOKEN.match(toks[-1]):
        return ' '.join(toks[:-1])
    return line


def reader_lines(raw):
    return [norm(l) for l in re.split(r'[\r\n\f]+', raw) if norm(l)]


def tags_for(exp, got):
    """rough failure tags for one expected line vs what the reader gave"""
    t = []
    if got is None:
        return ['line not found (characters differ or line split/merged)']
    if '(cid:' in got:
        t.append('(cid:N) for unmapped glyphs')
    if collections.Counter(norm(exp)) != collections.Counter(norm(got).replace('(cid:', '')):
        ce, cg = collections.Counter(norm(exp)), collections.Counter(norm(got))
        miss = ''.join(sorted((ce - cg).elements()))
        extra = ''.join(sorted((cg - ce).elements()))
        if set(miss + extra) <= set('()[]{}<>«»‹›“”„'):
            t.append('brackets/quotes mirrored')
        else:
            t.append('characters differ (missing %r, extra %r)' % (miss[:20], extra[:20]))
    rtl = lambda s: [w for w in re.findall(r'[\u0590-\u08ff\ufb1d-\ufefc]+', s)]
    ew, gw = rtl(exp), rtl(got)
    if ew and any(w[::-1] in got for w in ew if len(w) > 2) and not any(w in got for w in ew if len(w) > 2):
        t.append('RTL letters in visual (reversed) order')
    elif ew and gw and ew != gw and sorted(ew) == sorted(gw):
        t.append('RTL word order changed')
    dig = lambda s: re.findall(r'\d+', s)
    if dig(exp) and dig(exp) != dig(got):
        if sorted(dig(exp)) == sorted(dig(got)):
            t.append('numbers out of order')
        else:
            t.append('digits reversed/split')
    lat = lambda s: re.findall(r'[A-Za-z]{2,}', s)
    if ew and lat(exp) and lat(exp) != lat(got):
        t.append('Latin words inside RTL reordered')
    if exp and got and exp[-1] in '.,;:،؛!?»«)(][' and got[-1] != exp[-1]:
        t.append('line-end punctuation moved')
    if not t:
        t.append('other reordering')
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--paras', required=True)
    ap.add_argument('--pdf', required=True)
    ap.add_argument('--text', nargs='+', required=True, help='READER=FILE')
    ap.add_argument('--json')
    ap.add_argument('--label', default='')
    ap.add_argument('--geom', help='geometry: FILE.xml from mutool draw -F stext, or FILE.json from '
                    'extract_pdfium.mjs --chars (default: pdfminer glyphs)')
    a = ap.parse_args()
    paras = json.load(open(a.paras, encoding='utf-8'))
    if not a.geom:
        lines = visual_lines(a.pdf)
    elif a.geom.endswith('.xml'):
        lines = visual_lines_stext(a.geom)
    else:
        lines = visual_lines_pdfium(a.geom)
    seg, start, unseg = [], 0, []
    for p in paras:
        r = segment(p, lines, start)
        if r is None:
            unseg.append(p['text'][:60])
            seg.append(None)
            continue
        i, out, hyph = r
        start = i + len(out)
        seg.append({'lines': out, 'hyph': hyph, 'first': i})
    result = {'label': a.label, 'pdf': a.pdf, 'paragraphs': len(paras),
              'lines': sum(len(s['lines']) for s in seg if s),
              'unsegmented': unseg, 'hyphenated_lines': sum(sum(s['hyph']) for s in seg if s),
              'expected_lines': [s['lines'] if s else None for s in seg],
              'readers': {}}
    for spec in a.text:
        name, path = spec.split('=', 1)
        raw = open(path, encoding='utf-8', errors='replace').read()
        flat = norm(raw)
        flat_bidi = norm(raw, keep_bidi=True)
        rl = reader_lines(raw)
        rl_set = set(rl)
        rl_canon = collections.defaultdict(list)
        for l in rl:
            rl_canon[tuple(sorted(collections.Counter(chars_of(l)).items()))].append(l)
        p_ok = l_ok = 0
        p_ok_bidi = 0
        fails = []
        tagcount = collections.Counter()
        for p, s in zip(paras, seg):
            t = norm(p['text'])
            if t in flat:
                p_ok += 1
            if norm(p['text'], keep_bidi=True) in flat_bidi:
                p_ok_bidi += 1
            if not s:
                continue
            for li, exp in enumerate(s['lines']):
                cands = rl
                hit = exp in rl_set
                if not hit and li == 0 and p.get('marker'):
                    hit = any(strip_marker(l) == exp for l in rl)
                if hit:
                    l_ok += 1
                    continue
                key = tuple(sorted(collections.Counter(chars_of(exp)).items()))
                got = None
                pool = rl_canon.get(key)
                if not pool and li == 0 and p.get('marker'):
                    pool = [l for l in rl if tuple(sorted(collections.Counter(chars_of(strip_marker(l))).items())) == key]
                if not pool:  # nearest line by similarity
                    best = difflib.get_close_matches(exp, rl, n=1, cutoff=0.5)
                    got = best[0] if best else None
                    tg = tags_for(exp, got) if got else ['line not found']
                    if got:
                        tg = ['line boundaries/characters differ'] + [x for x in tg if not x.startswith('characters differ')]
                else:
                    got = pool[0]
                    tg = tags_for(exp, got)
                for x in tg:
                    tagcount[x] += 1
                fails.append({'expected': exp, 'got': got, 'tags': tg})
        result['readers'][name] = {'para_exact': p_ok, 'para_exact_keep_bidi_controls': p_ok_bidi,
                                   'line_exact': l_ok, 'tags': dict(tagcount.most_common()),
                                   'failures': fails,
                                   'bidi_controls_in_output': sum(raw.count(c) for c in map(chr, BIDI))}
    js = json.dumps(result, ensure_ascii=False, indent=1)
    if a.json:
        open(a.json, 'w', encoding='utf-8').write(js)
    summ = {k: (v['para_exact'], v['line_exact']) for k, v in result['readers'].items()}
    print(a.label, 'paras', result['paragraphs'], 'lines', result['lines'], 'unseg', len(unseg), summ)


if __name__ == '__main__':
    main()
