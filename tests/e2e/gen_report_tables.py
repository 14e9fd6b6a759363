# Generates content/report-tables.yaml (run once; the YAML is committed): python3 tests/e2e/gen_report_tables.py > content/report-tables.yaml
import random
random.seed(17)
regions = [
 ("Sub-Saharan Africa", "Programmes run from the regional office in Nairobi, most of them co-financed with the European Development Fund and national partners; figures include the second tranche of the water and sanitation facility agreed in 2025.",
  ["Benin","Burkina Faso","Côte d’Ivoire","Ethiopia","Ghana","Kenya","Malawi","Mali","Mozambique","Niger","Senegal","Uganda"]),
 ("North Africa and Middle East", "Managed from Amman; includes the refugee-hosting communities programme.",
  ["Jordan","Lebanon","Morocco","Tunisia"]),
 ("South and Central Asia", "Managed from New Delhi; programmes in Afghanistan run through UN agencies and local partners, with field monitoring from the regional office in Tashkent.",
  ["Afghanistan (humanitarian only)","Bangladesh","Kyrgyzstan","Nepal","Tajikistan"]),
 ("East Asia and Pacific", "Managed from Jakarta; Pacific islands grouped under one regional programme.",
  ["Indonesia","Pacific Islands (regional)","Viet Nam"]),
 ("Latin America and Caribbean", "Managed from Bogotá.",
  ["Colombia","Guatemala","Haiti"]),
]
sectors = ["Primary education and teacher training","Water, sanitation and hygiene","Maternal and child health",
  "Rural roads and market access","Climate adaptation and disaster risk reduction","Vocational training for young people",
  "Good governance and public finance management","Renewable energy for rural districts","Food security and smallholder farming",
  "Civil society and independent media","Digital public services","Humanitarian assistance"]
print("""# A ministry's development budget by country: a table over three pages
# with a repeated header, row spans that a page break cuts, decimal
# alignment, a footnote in a cell, a caption and a footer row
# (tests/e2e/test_tables.sh). Figures are invented.
layout: report
language: en
title: Development Cooperation Budget 2026 by Country
author: Ministry of Foreign Affairs and International Development Cooperation, Directorate-General for Partnerships
subject: Annex 3 to the budget statement
date: 2026-03-02
footnotes:
  hum: Humanitarian assistance only, channelled through United Nations agencies and the Red Cross and Red Crescent Movement; no funds pass through the de facto authorities.

body:
  - heading: Annex 3
    level: 1
    style: label
  - heading: Development Cooperation Budget 2026 by Country
    level: 2
    style: title
  - >-
    This annex sets out the bilateral development cooperation budget for 2026 by region and partner country,
    in thousands of euros, with the main sector of each programme and the change against the budget voted for
    2025. Regional programmes managed by a regional office are shown with the region; amounts are commitments,
    not disbursements.
  - table:""")
def esc(s): return '"' + s.replace('"','\\"') + '"'
print("      - [Region, Country, Main sector, € thousand, Change]")
total = 0.0
for name, note, countries in regions:
    first = True
    for c in countries:
        amt = round(random.uniform(800, 42000), random.choice([0,1,1,2]))
        total += amt
        if random.random() < 0.3: amt_s = f"{amt:,.0f}"
        else: amt_s = f"{amt:,.1f}" if random.random()<0.6 else f"{amt:,.2f}"
        chg = random.uniform(-15, 25)
        chg_s = f"{chg:+.1f} %".replace("-", "−")
        sector = random.choice(sectors)
        cname = c
        if c.startswith("Afghanistan"): cname = "Afghanistan[^hum]"
        if c == "Kenya": amt_s = "3,245.0^[Revised after the mid-term review of October 2025; the earlier figure was 3,120.0.]"
        row = []
        if first:
            print(f"      - - text: {esc('**'+name+'** — '+note)}")
            print(f"          rowspan: {len(countries)}")
            for v in [cname, sector, amt_s, chg_s]: print(f"        - {esc(v)}")
        else:
            print(f"      - [{', '.join(esc(v) for v in [cname, sector, amt_s, chg_s])}]")
        first = False
print(f"      - - text: Total")
print(f"          colspan: 3")
print(f"        - {esc(f'{total:,.1f}')}")
print(f"        - \"\"")
print("""    columns: [24%, auto, 1fr, {width: auto, align: decimal}, {width: auto, align: decimal}]
    footer-rows: 1
    caption: "Table 1. Bilateral development cooperation budget 2026 by region and country (commitments, € thousand)"
    continued: (continued)
  - >-
    Amounts for regional programmes are allocated to countries in proportion to the number of beneficiaries
    registered at the end of 2025. The Directorate-General publishes the disbursements of each quarter on its
    web site within six weeks of the quarter's end.""")
