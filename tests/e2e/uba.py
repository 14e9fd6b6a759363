"""A small, independent model of the Unicode Bidirectional Algorithm (UAX #9)
for the end-to-end tests: paragraph level (P2-P3), isolates (X5a-X5c, X6a),
weak types (W1-W7), bracket pairs (N0), neutrals (N1-N2), implicit levels
(I1-I2) and line reordering (L2). Explicit embeddings and overrides (LRE,
RLE, LRO, RLO, PDF) are not used by Folio's content and are treated as
boundary neutrals. Written from the specification with Python's
unicodedata, so it shares no code with ICU, which Folio uses."""
import unicodedata

ISOLATE_INIT = {"\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI"}
PDI = "\u2069"
STRONG = {"L", "R", "AL"}
NEUTRAL = {"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"}

# Bidi_Paired_Bracket pairs (BidiBrackets.txt) that Folio's samples can meet.
BRACKETS = {
    "(": ")", "[": "]", "{": "}", "\u2045": "\u2046", "\u207d": "\u207e", "\u208d": "\u208e",
    "\u2308": "\u2309", "\u230a": "\u230b", "\u2329": "\u232a", "\u3008": "\u3009", "\u300a": "\u300b",
    "\u300c": "\u300d", "\u300e": "\u300f", "\u3010": "\u3011", "\u3014": "\u3015", "\u3016": "\u3017",
    "\u3018": "\u3019", "\u301a": "\u301b", "\uff08": "\uff09", "\uff3b": "\uff3d", "\uff5b": "\uff5d",
    "\uff5f": "\uff60", "\uff62": "\uff63",
}
CLOSING = {v: k for k, v in BRACKETS.items()}


def bidi_class(c):
    if c in ISOLATE_INIT:
        return ISOLATE_INIT[c]
    if c == PDI:
        return "PDI"
    t = unicodedata.bidirectional(c)
    if t in ("LRE", "RLE", "LRO", "RLO", "PDF"):
        return "BN"
    return t or "L"


def first_strong(text, start=0, stop_at_pdi=False):
    """P2: the first L, R or AL, skipping isolated text; None if none."""
    depth = 0
    for c in text[start:]:
        t = bidi_class(c)
        if t in ("LRI", "RLI", "FSI"):
            depth += 1
        elif t == "PDI":
            if depth == 0 and stop_at_pdi:
                return None
            depth = max(0, depth - 1)
        elif depth == 0 and t in STRONG:
            return t
    return None


def paragraph_level(text, default_rtl=False):
    t = first_strong(text)
    if t is None:
        return 1 if default_rtl else 0
    return 0 if t == "L" else 1


def resolve_levels(text, base):
    n = len(text)
    types = [bidi_class(c) for c in text]
    levels = [base] * n
    # X5a-X5c, X6a: isolates. Each character gets its embedding level; an
    # initiator and its PDI the level outside.
    stack = [base]
    match = {}
    opened = []
    for i, c in enumerate(text):
        t = types[i]
        if t in ("LRI", "RLI", "FSI"):
            levels[i] = stack[-1]
            if t == "FSI":
                t = "LRI" if first_strong(text, i + 1, True) in (None, "L") else "RLI"
            cur = stack[-1]
            new = (cur + 2) & ~1 if t == "LRI" else (cur + 1) | 1
            stack.append(new)
            opened.append(i)
        elif t == "PDI":
            if opened:
                match[opened.pop()] = i
                stack.pop()
            levels[i] = stack[-1]
        else:
            levels[i] = stack[-1]
    # Level runs, linked into isolating run sequences (BD13).
    runs = []
    i = 0
    while i < n:
        j = i
        while j < n and levels[j] == levels[i]:
            j += 1
        runs.append((i, j))
        i = j
    run_of = {}
    for k, (a, b) in enumerate(runs):
        for x in range(a, b):
            run_of[x] = k
    sequences = []
    used = set()
    for k, (a, b) in enumerate(runs):
        if k in used:
            continue
        if types[a] == "PDI" and a in match.values():
            continue  # continues a sequence started at its initiator
        seq = []
        kk = k
        while True:
            used.add(kk)
            seq.append(kk)
            last = runs[kk][1] - 1
            if types[last] in ("LRI", "RLI", "FSI") and last in match:
                kk = run_of[match[last]]
                continue
            break
        sequences.append(seq)
    for seq in sequences:
        idx = [x for k in seq for x in range(*runs[k])]
        resolve_sequence(text, types, levels, idx, base, match)
    return levels


def resolve_sequence(text, types, levels, idx, base, match):
    lvl = levels[idx[0]]
    first, last = idx[0], idx[-1]
    prev_lvl = levels[first - 1] if first > 0 and types[first] != "PDI" else base
    if first > 0 and types[first] == "PDI":
        prev_lvl = base
    # sos/eos from the neighbouring levels (ignoring removed BN for simplicity).
    before = base if first == 0 else levels[first - 1]
    after = base
    if not (types[last] in ("LRI", "RLI", "FSI")) and last + 1 < len(text):
        after = levels[last + 1]
    sos = "R" if max(lvl, before) % 2 else "L"
    eos = "R" if max(lvl, after) % 2 else "L"
    t = [types[i] for i in idx]
    # BN takes the type of the previous character (X9, approximately).
    for k in range(len(t)):
        if t[k] == "BN":
            t[k] = t[k - 1] if k > 0 else sos
    # W1: NSM takes the previous type (ON after an isolate initiator or PDI).
    for k in range(len(t)):
        if t[k] == "NSM":
            if k == 0:
                t[k] = sos
            elif t[k - 1] in ("LRI", "RLI", "FSI", "PDI"):
                t[k] = "ON"
            else:
                t[k] = t[k - 1]
    # W2: EN after AL becomes AN.
    last_strong = sos
    for k in range(len(t)):
        if t[k] in STRONG:
            last_strong = t[k]
        elif t[k] == "EN" and last_strong == "AL":
            t[k] = "AN"
    # W3
    t = ["R" if x == "AL" else x for x in t]
    # W4: a single separator between two numbers.
    for k in range(1, len(t) - 1):
        if t[k] == "ES" and t[k - 1] == "EN" and t[k + 1] == "EN":
            t[k] = "EN"
        elif t[k] == "CS" and t[k - 1] == t[k + 1] and t[k - 1] in ("EN", "AN"):
            t[k] = t[k - 1]
    # W5: ET next to EN becomes EN.
    k = 0
    while k < len(t):
        if t[k] == "ET":
            j = k
            while j < len(t) and t[j] == "ET":
                j += 1
            if (k > 0 and t[k - 1] == "EN") or (j < len(t) and t[j] == "EN"):
                for q in range(k, j):
                    t[q] = "EN"
            k = j
        else:
            k += 1
    # W6
    t = ["ON" if x in ("ES", "ET", "CS") else x for x in t]
    # W7: EN after L (or sos L) becomes L.
    last_strong = sos
    for k in range(len(t)):
        if t[k] in ("L", "R"):
            last_strong = t[k]
        elif t[k] == "EN" and last_strong == "L":
            t[k] = "L"
    # N0: bracket pairs.
    embedding = "R" if lvl % 2 else "L"
    chars = [text[i] for i in idx]
    pairs = []
    stack = []
    for k, c in enumerate(chars):
        if t[k] != "ON":
            continue
        if c in BRACKETS:
            if len(stack) == 63:
                break
            stack.append((BRACKETS[c], k))
        elif c in CLOSING:
            for s in range(len(stack) - 1, -1, -1):
                if stack[s][0] == c:
                    pairs.append((stack[s][1], k))
                    del stack[s:]
                    break
    pairs.sort()

    def strong_of(x):
        return "R" if x in ("R", "EN", "AN") else ("L" if x == "L" else None)

    for o, c in pairs:
        inside = {strong_of(x) for x in t[o + 1:c]} - {None}
        if embedding in inside:
            d = embedding
        elif inside:
            prev = sos
            for x in reversed(t[:o]):
                if strong_of(x):
                    prev = strong_of(x)
                    break
            d = prev if prev != embedding else embedding
        else:
            continue
        t[o] = t[c] = d
        # NSMs after a bracket take its new type.
        for q in (o, c):
            r = q + 1
            while r < len(t) and types[idx[r]] == "NSM":
                t[r] = d
                r += 1
    # N1, N2: runs of neutrals.
    k = 0
    while k < len(t):
        if t[k] in NEUTRAL or t[k] == "BN":
            j = k
            while j < len(t) and (t[j] in NEUTRAL or t[j] == "BN"):
                j += 1
            left = sos if k == 0 else strong_of(t[k - 1])
            right = eos if j == len(t) else strong_of(t[j])
            d = left if left == right else embedding
            for q in range(k, j):
                t[q] = d
            k = j
        else:
            k += 1
    # I1, I2
    for k, i in enumerate(idx):
        x = t[k]
        if lvl % 2 == 0:
            levels[i] = lvl + (1 if x == "R" else 2 if x in ("AN", "EN") else 0)
        else:
            levels[i] = lvl + (1 if x in ("L", "EN", "AN") else 0)


def visual_order(levels):
    """L2: indices of a line's characters in visual (left to right) order."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min((x for x in levels if x % 2), default=None)
    if lowest_odd is None:
        return order
    for level in range(highest, lowest_odd - 1, -1):
        k = 0
        while k < len(order):
            if levels[order[k]] >= level:
                j = k
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[k:j] = reversed(order[k:j])
                k = j
            else:
                k += 1
    return order
