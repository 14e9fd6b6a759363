#!/usr/bin/env python3
"""Markdown table of compare.sh's results (one JSON object a line), with
Folio's standard deviation as a share of microtype's and the issue-19
targets checked per text and size: sd <= 85 % of microtype's, max gap
<= 0.45 em, no more hyphenated lines than microtype, at most 2 in a row,
no runt.

usage: table.py RESULTS.jsonl"""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
print("| text | size | producer | lines | sd (em) | max (em) | > 0.5 em | hyphenated | hyphens in a row | rivers | runts | Folio vs microtype |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
met = failed = 0
for r in rows:
    verdict = ""
    if r["producer"] == "folio":
        mt = next(m for m in rows if m["producer"] == "microtype" and m["text"] == r["text"] and m["size"] == r["size"])
        share = r["sd_em"] / mt["sd_em"]
        checks = {"sd": share <= 0.85, "max": r["max_em"] <= 0.45,
                  "hyph": r["hyphenated_lines"] <= mt["hyphenated_lines"],
                  "run": r["max_hyphen_run"] <= 2, "runt": r["runts"] == 0}
        bad = [k for k, ok in checks.items() if not ok]
        met += not bad
        failed += bool(bad)
        verdict = "sd %d %%%s" % (round(100 * share), "" if not bad else "; misses " + ", ".join(bad))
    print("| %s | %g | %s | %d | %.3f | %.3f | %.1f %% | %d | %d | %d | %d | %s |" % (
        r["text"], r["size"], r["producer"], r["lines"], r["sd_em"], r["max_em"],
        100 * r["share_lines_gap_gt_0.5em"], r["hyphenated_lines"], r["max_hyphen_run"], r["rivers"],
        r["runts"], verdict))
print("\n%d of %d text/size pairs meet every target" % (met, met + failed))
