# Write a Typst 0.14 version of the table in a Folio content file (the first
# `table` block: caption, header rows, spans, footer rows (repeated, as
# Folio's are), notes) and of the headings and paragraphs before it, for the
# comparison in docs/accessibility.md: python3 tools/typst_table.py content/report-tables.yaml > t.typ
import yaml, sys, re
d = yaml.safe_load(open(sys.argv[1], encoding='utf-8'))
tb = next(b for b in d['body'] if isinstance(b, dict) and 'table' in b)
rows = tb['table']
notes = d.get('footnotes') or {}
def esc(s):
    s = str(s)
    s = re.sub(r'\^\[([^\]]*)\]', lambda m: '#footnote[' + m.group(1) + ']', s)
    s = re.sub(r'\[\^([^\]]+)\]', lambda m: '#footnote[' + str(notes.get(m.group(1), m.group(1))) + ']', s)
    s = re.sub(r'\*\*([^*]+)\*\*', r'*\1*', s)
    return s.replace('$', '\\$').replace('@', '\\@').replace('<', '\\<')
def cell(c):
    if isinstance(c, dict):
        args = ''.join(f', {k}: {c[k]}' for k in ('rowspan', 'colspan') if k in c)
        return f'table.cell({args[2:]})[{esc(c.get("text",""))}]' if args else f'[{esc(c.get("text",""))}]'
    return f'[{esc(c)}]'
hr = tb.get('header-rows', 1); fr = tb.get('footer-rows', 0)
ncol = len(rows[0])
out = [f'#set document(title: "{d.get("title","")}")', f'#set text(lang: "{d.get("lang","en")}")',
       '#set page(paper: "a4")', '#show figure: set block(breakable: true)']
# What comes before the table: headings (levels as in the content) and paragraphs.
for b in d['body']:
    if b is tb:
        break
    if isinstance(b, dict) and 'heading' in b:
        out.append('=' * int(b.get('level', 1)) + ' ' + esc(b['heading']))
    elif isinstance(b, dict) and 'paragraph' in b:
        out.append(esc(b['paragraph']) + '\n')
    elif isinstance(b, str):
        out.append(esc(b) + '\n')
out += ['#figure(kind: table, caption: [' + esc(tb.get('caption','')) + '],', f'table(columns: {ncol},']
out.append('  table.header(' + ', '.join(cell(c) for r in rows[:hr] for c in r) + '),')
for r in rows[hr:len(rows)-fr]:
    out.append('  ' + ', '.join(cell(c) for c in r) + ',')
if fr:
    out.append('  table.footer(' + ', '.join(cell(c) for r in rows[len(rows)-fr:] for c in r) + '),')
out.append('))')
print('\n'.join(out))
