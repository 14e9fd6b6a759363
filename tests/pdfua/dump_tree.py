# Print a PDF structure tree with the table attributes (ID, Scope, Headers,
# RowSpan, ColSpan), /Lang, /Alt and MCIDs, and the artifacts of each page, read
# with pikepdf: /usr/bin/python3 tests/pdfua/dump_tree.py FILE.pdf
import pikepdf, sys, re
pdf = pikepdf.open(sys.argv[1])
root = pdf.Root.StructTreeRoot
rm = root.get('/RoleMap')
def attrs(e):
    out=[]
    if '/ID' in e: out.append('ID=%s'%str(e.ID))
    a = e.get('/A')
    if a is not None:
        L = a if isinstance(a, pikepdf.Array) else [a]
        for d in L:
            if isinstance(d, pikepdf.Dictionary):
                for k,v in d.items():
                    if k=='/O': continue
                    if isinstance(v, pikepdf.Array): v='['+' '.join(str(x) for x in v)+']'
                    out.append('%s=%s'%(k[1:],v))
    if '/Alt' in e: out.append('Alt')
    if '/Lang' in e: out.append('Lang=%s'%e.Lang)
    return ' '.join(out)
def walk(e, d):
    k = e.get('/K')
    t = str(e.get('/S'))[1:]
    kids = [] if k is None else (list(k) if isinstance(k, pikepdf.Array) else [k])
    mc=[str(int(x)) for x in kids if isinstance(x,int)]
    pg = e.get('/Pg')
    print('  '*d + t + (' '+attrs(e) if attrs(e) else '') + (' mcid '+','.join(mc) if mc else ''))
    for x in kids:
        if isinstance(x, pikepdf.Dictionary) and '/S' in x: walk(x, d+1)
        elif isinstance(x, pikepdf.Dictionary) and '/MCID' in x: print('  '*(d+1)+'MCR %s'%x.MCID)
k=root.K
for x in (k if isinstance(k,pikepdf.Array) else [k]): walk(x,0)
# artifacts per page
for i,p in enumerate(pdf.pages):
    arts=[]
    for ops,op in pikepdf.parse_content_stream(p):
        if str(op) in ('BDC','BMC') and str(ops[0])=='/Artifact':
            arts.append(str(dict(ops[1]) if len(ops)>1 else ''))
    print('page',i+1,'artifacts',len(arts), sorted(set(arts)))
