#!/usr/bin/env python3
"""usage: check_copypaste.py WORKDIR SAMPLE... -- the assertions of
tests/e2e/test_copypaste.sh over WORKDIR/SAMPLE.json (measure.py's result for
Folio's PDF; without it, check 1 is skipped), WORKDIR/SAMPLE.READER.txt and
WORKDIR/SAMPLE.sources (the content and layout files, one per line):

 1. exact paragraphs, per reader, against the peers' table (peers.json):
    at least the best peer's in every reader, and more than the best peer's
    in pdf.js (for the samples peers.json has);
 2. no '(cid:' in pdfminer's text;
 3. no character in any reader's text that is in none of the sources;
 4. every CJK character of the sources' body text comes back from every
    reader (as many times as it is written).

Where Folio is known to fall short, expected.json says by how much and why
(a reader's own fault, see docs/scripts.md); the test fails on any other
shortfall and on a known one that grows, and says when a known one is gone.
Prints one line per check: 'ok ...' or 'FAIL ...'."""
import collections
import json
import os
import re
import sys
import unicodedata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
READERS = ['poppler', 'mutool', 'pdfium', 'pdfjs', 'pdfminer']
IGNORED = set('\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\f')
CJK = re.compile(r'[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]')

work, samples = sys.argv[1], sys.argv[2:]
peers = json.load(open(os.path.join(HERE, 'peers.json'), encoding='utf-8'))
expected = json.load(open(os.path.join(HERE, 'expected.json'), encoding='utf-8'))
fails = 0


def report(ok, what):
    global fails
    print(('ok   ' if ok else 'FAIL ') + what)
    fails += not ok


def allowed_gap(kind, sample, reader):
    return expected.get(kind, {}).get(sample, {}).get(reader, {}).get('count', 0)


def check_known(kind, sample, reader, got, what):
    allow = allowed_gap(kind, sample, reader)
    note = ''
    if allow:
        note = ' (known: %d, %s)' % (allow, expected[kind][sample][reader]['why'])
    report(got <= allow, '%s: %s %s%s' % (sample, reader, what, note))
    if allow and got < allow:
        print('     note: better than expected.json says (%d < %d); lower it' % (got, allow))


for sample in samples:
    # measure.py's result, for the samples whose paragraphs are counted
    res_path = os.path.join(work, sample + '.json')
    res = json.load(open(res_path, encoding='utf-8')) if os.path.exists(res_path) else None
    sources = [l.strip() for l in open(os.path.join(work, sample + '.sources'), encoding='utf-8') if l.strip()]
    texts = {r: open(os.path.join(work, '%s.%s.txt' % (sample, r)), encoding='utf-8', errors='replace').read()
             for r in READERS}
    # 1. paragraphs against the peers
    if sample in peers and res:
        for r in READERS:
            best = max(p['para_exact'][r] for p in peers[sample].values())
            need = best + 1 if r == 'pdfjs' else best
            got = res['readers'][r]['para_exact']
            check_known('paragraphs', sample, r, max(0, need - got),
                        'exact paragraphs %d/%d, peers\' best %d%s' %
                        (got, res['paragraphs'], best, ' (more needed)' if r == 'pdfjs' else ''))
    # 2. (cid:N)
    report('(cid:' not in texts['pdfminer'], '%s: no (cid:N) in pdfminer\'s text' % sample)
    # 3. characters that are in no source
    allowed = set()
    for path in sources:
        s = open(path, encoding='utf-8').read()
        allowed |= set(s) | set(unicodedata.normalize('NFD', s)) | set(unicodedata.normalize('NFC', s))
    # Dates and page numbers are written in the language's digits (Arabic-Indic
    # in an Arabic letter's date): any decimal digit is the sources' digit.
    digit = any(c.isdigit() for c in allowed)
    for r in READERS:
        foreign = collections.Counter(c for c in texts[r] if c not in allowed and not c.isspace() and c not in IGNORED
                                      and not (digit and unicodedata.category(c) == 'Nd'))
        detail = ' '.join('U+%04X×%d' % (ord(c), n) for c, n in foreign.most_common(6))
        check_known('foreign', sample, r, sum(foreign.values()),
                    'characters in no source: %d %s' % (sum(foreign.values()), detail))
    # 4. CJK back from every reader
    body = json.dumps(yaml.safe_load(open(sources[0], encoding='utf-8')).get('body'), ensure_ascii=False)
    want = collections.Counter(CJK.findall(body))
    if want:
        for r in READERS:
            got = collections.Counter(CJK.findall(texts[r]))
            missing = sum((want - got).values())
            check_known('cjk_missing', sample, r, missing,
                        'CJK characters back: %d of %d' % (sum(want.values()) - missing, sum(want.values())))
sys.exit(1 if fails else 0)
