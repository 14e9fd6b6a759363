#!/usr/bin/env python3
"""Writes a long report for the footnote and pagination tests: sections with
headings and ids, paragraphs of deterministic prose, internal and external
links, and NOTES footnotes (every fifth one long enough to need continuing).
Each citation is written "(citeN)" and each note starts "Note N." and ends
"endofnoteN", so a test can find both in pdftotext's output.

usage: gen_report.py PARAGRAPHS NOTES > report.yaml"""
import random
import sys

WORDS = ("harbour quay lantern festival route visitors light water tide bridge silo warehouse city council "
         "programme artists evening night stewards ferry market budget energy grid workshop timber salt coffee "
         "ledger facade beam lens vault colour draught acoustics audience families children trail paving "
         "guided walks accessible description languages renewable supply fixtures local makers fabrication "
         "catering security volunteers residents restaurants sardines heritage foundation accreditation "
         "preview museum charity buildings spaces welcome million careful survey annual report figures").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def main(paragraphs, notes):
    rng = random.Random(20260302)
    print("layout: letterhead")
    print("language: en")
    print("title: Annual report on the Northern Light Festival")
    print("author: Harbour Trust")
    print("date: 2026-04-15")
    print("fields:")
    print("  sender: Harbour Trust")
    print("  address: 12 Quay Street, Port Example 10001")
    print('  phone: "+1 555 0100"')
    print("footnotes:")
    for n in range(1, notes + 1):
        length = 14 if n % 5 == 0 else 2
        body = " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(length))
        print(f'  n{n}: "Note {n}. {body} endofnote{n}"')
    print("body:")
    per_note = max(1, paragraphs // notes)
    note = 1
    section = 0
    for p in range(paragraphs):
        if p % 8 == 0:
            section += 1
            print(f'  - heading: "Section {section}: {rng.choice(WORDS)} and {rng.choice(WORDS)}"')
            print(f"    id: sec-{section}")
        text = " ".join(sentence(rng, rng.randint(9, 18)) for _ in range(rng.randint(4, 7)))
        if p % per_note == 0 and note <= notes:
            words = text.split(" ")
            cut = len(words) // 2
            words[cut] = words[cut] + f" (cite{note})[^n{note}]"
            text = " ".join(words)
            note += 1
        if p % 11 == 5 and section > 1:
            text += f" See [section {section - 1}](#sec-{section - 1}) and <https://www.harbourtrust.example/report/{p}>."
        print(f'  - "{text}"')


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
