#!/usr/bin/env python3
"""usage: foreign_chars.py SOURCE... -- READER_TEXT...

Prints, for each reader's text, the characters in it that are in none of the
SOURCE files (the content YAML and its layout: everything Folio may draw,
including the template's fields and the list markers' digits), with counts,
and exits 1 if there is any. White space and the bidi controls readers add
(U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, U+061C) are not counted; a
'(cid:' in the text counts as one foreign '(cid:' each (pdfminer's text for a
glyph without a Unicode mapping)."""
import collections
import sys
import unicodedata

args = sys.argv[1:]
cut = args.index('--')
sources, texts = args[:cut], args[cut + 1:]
allowed = set()
for path in sources:
    s = open(path, encoding='utf-8').read()
    allowed |= set(s) | set(unicodedata.normalize('NFD', s)) | set(unicodedata.normalize('NFC', s))
IGNORED = set('\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\f')
bad = 0
for path in texts:
    t = open(path, encoding='utf-8', errors='replace').read()
    cids = t.count('(cid:')
    count = collections.Counter(c for c in t if c not in allowed and not c.isspace() and c not in IGNORED)
    if cids:
        count['(cid:'] = cids
    n = sum(count.values())
    bad += n
    detail = ' '.join('%s U+%04X ×%d' % (c, ord(c), k) if len(c) == 1 else '%s ×%d' % (c, k)
                      for c, k in count.most_common(12))
    print('%s: %d foreign%s' % (path, n, (': ' + detail) if n else ''))
sys.exit(1 if bad else 0)
