#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Checks the development corpus mechanically (plain python3, no third-party modules):
- every expected row's `line` points at its place in the document: the line (text, HTML), paragraph
  (.docx) or sheet:row (.xlsx) holds the row's first cell, and the stretch up to the next row holds
  its name (or title) and target/investment;
- the README table's counts match the JSONL files, and its line-ending column matches the bytes;
- every labelled figure is on a listed prose line whose text contains the value and unit;
- figures-lines.tsv's per-line counts match figures-labelled.tsv; every file is under 40 KB;
- the bad inputs are where bad/expected.jsonl says.
Exit status 1 on any failure."""
import os, re, sys, json, zipfile, html
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, 'docs'); EXP = os.path.join(HERE, 'expected')
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
S = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
fails = []
def fail(msg):
    fails.append(msg)

def squash(s):
    return re.sub(r'\s+', '', s.replace('\u3000', ' ').replace('\xa0', ' '))

def decode(path):
    b = open(path, 'rb').read()
    if b.startswith(b'\xef\xbb\xbf'):
        return b[3:].decode('utf-8'), b
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', b[:2000])
    enc = m.group(1).decode().lower() if m else 'utf-8'
    if enc in ('gb2312', 'gbk', 'gb18030'):
        enc = 'gb18030'
    return b.decode(enc), b

def endings(b):
    crlf = b.count(b'\r\n'); cr = b.count(b'\r') - crlf; lf = b.count(b'\n') - crlf
    kinds = [k for k, n in (('CRLF', crlf), ('CR', cr), ('LF', lf)) if n]
    return kinds

def text_lines(path):
    t, b = decode(path)
    lines = re.split(r'\r\n|\r|\n', t)
    if path.endswith('.html'):
        lines = [html.unescape(re.sub(r'<[^>]*>', ' ', l)) for l in lines]
    return lines, b

def docx_units(path):
    """paragraphs in document order (table cells included); for each, its text and its table row's text"""
    z = zipfile.ZipFile(path)
    root = ET.fromstring(z.read('word/document.xml'))
    parent = {c: p for p in root.iter() for c in p}
    out = []
    for p in root.iter(W + 'p'):
        txt = ''.join(t.text or '' for t in p.iter(W + 't'))
        node, row = p, None
        while node in parent:
            node = parent[node]
            if node.tag == W + 'tr':
                row = node; break
        first = False
        if row is not None:
            tc = next(row.iter(W + 'tc')); first = next(tc.iter(W + 'p')) is p
            rowtxt = '|'.join(''.join(t.text or '' for t in c.iter(W + 't')) for c in row.iter(W + 'tc'))
        else:
            rowtxt = None
        out.append((txt, rowtxt, first))
    return out

def xlsx_rows(path):
    z = zipfile.ZipFile(path)
    ss = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).iter(S + 'si'):
            ss.append(''.join(t.text or '' for t in si.iter(S + 't')))
    wb = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    target = {r.get('Id'): r.get('Target') for r in rels}
    R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id'
    sheets = {}
    for sh in wb.iter(S + 'sheet'):
        t = target[sh.get(R)]; t = t.lstrip('/') if t.startswith('/xl/') else 'xl/' + t
        rows = {}
        for row in ET.fromstring(z.read(t)).iter(S + 'row'):
            cells = []
            for c in row.iter(S + 'c'):
                v = c.find(S + 'v'); isv = c.find(S + 'is')
                if c.get('t') == 's':
                    cells.append(ss[int(v.text)])
                elif isv is not None:
                    cells.append(''.join(x.text or '' for x in isv.iter(S + 't')))
                elif v is not None:
                    cells.append(v.text)
            rows[int(row.get('r'))] = cells
        sheets[sh.get('name')] = rows
    return sheets

def numtext(x):
    if isinstance(x, float) and x == int(x):
        x = int(x)
    return str(x)

def row_needles(r):
    e = r['entity']
    if e == 'indicators':
        return [r['name'], r['target']]
    if e == 'tasks':
        return [r['title']]
    if e == 'projects':
        return [r['name'], r['domain']]
    if e == 'documents':
        return [r['title']]
    return []

def subseq(needle, hay):
    """a name wrapped over two lines of a column layout: its characters in order"""
    it = iter(hay)
    return all(ch in it for ch in needle)

def check_text(path, rows, docid):
    lines, b = text_lines(path)
    starts = sorted({r['line'] for r in rows if r['entity'] != 'documents'})
    for r in rows:
        n = r['line']
        if not isinstance(n, int) or not 1 <= n <= len(lines):
            fail('%s: line %r out of range' % (docid, n)); continue
        nxt = [s for s in starts if s > n]
        end = min(nxt[0] if nxt else n + 12, n + 12)
        window = squash(''.join(lines[n - 1:end]))
        line = squash(lines[n - 1]).lstrip('|')
        for needle in row_needles(r):
            if squash(needle) not in window and not (r['entity'] == 'indicators' and subseq(squash(needle), window)):
                fail('%s:%d: %s %r not found from this line to the next row' % (docid, n, r['entity'], needle))
        e = r['entity']
        if e == 'indicators':
            firsts = [str(r['seq']), r['domain'], squash(r['name'])[:4]]
            if not any(line.startswith(squash(f)) for f in firsts if f):
                fail('%s:%d: the line does not start with the row\'s first cell (seq, domain or name): %r' % (docid, n, lines[n - 1][:40]))
            # one cell per line: the row starts at its number (a domain written once above it
            # labels the rows below, as a rowspan does), so the line before it (blank lines
            # skipped) is not this row's number
            k = n - 2
            while k >= 0 and not squash(lines[k]):
                k -= 1
            if k >= 0 and squash(lines[k]) == str(r['seq']):
                fail('%s:%d: the row starts on an earlier line (%d holds its %r)' % (docid, n, k + 1, lines[k].strip()))
        elif e == 'tasks':
            k = r['path'].split('.')[-1]
            if not line.startswith(k + '.' + squash(r['title'])):
                fail('%s:%d: the line does not start with %s.%s' % (docid, n, k, r['title']))
        elif e == 'projects':
            if not line.startswith(str(r['seq'])):
                fail('%s:%d: project line does not start with its number' % (docid, n))
            inv = r['investment']
            cands = [numtext(inv), numtext(round(inv * 10000, 6))]
            if not any(re.search(r'(?<![\d.])' + re.escape(c) + r'(?![\d.])', lines[n - 1]) for c in cands):
                fail('%s:%d: investment %r not on the line (as 亿元 or 万元)' % (docid, n, inv))
        elif e == 'documents':
            if squash(r['title']) not in line:
                fail('%s:%d: the title is not on the line' % (docid, n))
    return lines

def check_docx(path, rows, docid):
    units = docx_units(path)
    for r in rows:
        n = r['line']
        if not isinstance(n, int) or not 1 <= n <= len(units):
            fail('%s: paragraph %r out of range' % (docid, n)); continue
        txt, rowtxt, first = units[n - 1]
        if r['entity'] == 'indicators':
            if rowtxt is None or not first:
                fail('%s: paragraph %d is not the first cell of a table row' % (docid, n)); continue
            for needle in row_needles(r):
                if squash(needle) not in squash(rowtxt):
                    fail('%s: paragraph %d: %r not in its row' % (docid, n, needle))
        else:
            for needle in row_needles(r):
                if squash(needle) not in squash(txt):
                    fail('%s: paragraph %d: %r not in it' % (docid, n, needle))
    return [u[0] for u in units]

def check_xlsx(path, rows, docid):
    sheets = xlsx_rows(path)
    for r in rows:
        m = re.fullmatch(r'(.+):(\d+)', str(r['line']))
        if not m or m.group(1) not in sheets or int(m.group(2)) not in sheets[m.group(1)]:
            fail('%s: no sheet row %r' % (docid, r['line'])); continue
        cells = sheets[m.group(1)][int(m.group(2))]
        joined = squash('|'.join(cells))
        for needle in row_needles(r):
            if squash(needle) not in joined:
                fail('%s: %s: %r not in the row' % (docid, r['line'], needle))
        if r['entity'] == 'projects':
            inv = r['investment']
            if not any(c in cells for c in (numtext(inv), numtext(round(inv * 10000, 6)))):
                fail('%s: %s: investment %r not in the row' % (docid, r['line'], inv))

# ------------------------------------------------------------------ documents and expected rows
files = {os.path.splitext(f)[0]: f for f in os.listdir(DOCS)}
counts = {}; prose_text = {}
for ef in sorted(os.listdir(EXP)):
    docid = ef[:-6]
    rows = [json.loads(l) for l in open(os.path.join(EXP, ef), encoding='utf-8') if l.strip()]
    if docid not in files:
        fail('%s: no document in docs/' % docid); continue
    path = os.path.join(DOCS, files[docid])
    if os.path.getsize(path) > 40 * 1024:
        fail('%s: over 40 KB' % files[docid])
    d = [r for r in rows if r['entity'] == 'documents']
    if len(d) != 1 or d[0]['id'] != docid:
        fail('%s: needs exactly one documents row with id %s' % (ef, docid))
    for r in rows:
        if r['entity'] in ('indicators', 'tasks', 'projects') and not isinstance(r.get('lead'), list):
            fail('%s:%s: lead is not a list' % (docid, r['line']))
        if r['entity'] == 'indicators' and d and r['region'] != d[0]['region']:
            fail('%s:%s: region differs from the document\'s' % (docid, r['line']))
    c = {}
    for r in rows:
        c[r['entity']] = c.get(r['entity'], 0) + 1
    counts[files[docid]] = c
    if path.endswith('.docx'):
        prose_text[docid] = check_docx(path, rows, docid)
    elif path.endswith('.xlsx'):
        check_xlsx(path, rows, docid)
    else:
        prose_text[docid] = check_text(path, rows, docid)
for f in files.values():
    if f not in counts:
        fail('%s: no expected file' % f)

# ------------------------------------------------------------------ README table
readme = open(os.path.join(HERE, 'README.md'), encoding='utf-8').read()
seen = set()
for line in readme.splitlines():
    m = re.match(r'\|\s*`([^`]+)`\s*\|([^|]*)\|.*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|\s*$', line)
    if not m:
        continue
    f = m.group(1); seen.add(f)
    if f not in counts:
        fail('README lists %s, which is not in docs/' % f); continue
    want = [int(m.group(i)) for i in (3, 4, 5, 6)]
    got = [counts[f].get(e, 0) for e in ('indicators', 'tasks', 'projects', 'figures')[:3]] + [0]
    got[3] = None
    if want[:3] != got[:3]:
        fail('README row %s: indicators/tasks/projects %s, JSONL has %s' % (f, want[:3], got[:3]))
    fig_want = want[3]
    did = os.path.splitext(f)[0]
    nfig = sum(1 for l in open(os.path.join(HERE, 'figures-labelled.tsv'), encoding='utf-8') if l.split('\t')[0] == did)
    if fig_want != nfig:
        fail('README row %s: %d figures, figures-labelled.tsv has %d' % (f, fig_want, nfig))
    fmt = m.group(2)
    if not f.endswith(('.docx', '.xlsx')):
        b = open(os.path.join(DOCS, f), 'rb').read()
        ks = endings(b)
        claimed = re.findall(r'\b(CRLF|CR|LF)\b', fmt)
        if ks != claimed[:1] or len(ks) != 1:
            fail('README row %s: line endings %s, the file has %s' % (f, claimed, ks))
for f in counts:
    if f not in seen:
        fail('README does not list %s' % f)

# ------------------------------------------------------------------ figures
lines_tsv = [l.rstrip('\n').split('\t') for l in open(os.path.join(HERE, 'figures-lines.tsv'), encoding='utf-8')][1:]
listed = {(d, n): int(k) for d, n, k in lines_tsv}
figs = [l.rstrip('\n').split('\t') for l in open(os.path.join(HERE, 'figures-labelled.tsv'), encoding='utf-8')][1:]
per = {}
OPS = {'=', '>=', '>', '<=', '<'}
for doc, n, value, unit, op, year, ys, subj in figs:
    per[(doc, n)] = per.get((doc, n), 0) + 1
    if (doc, n) not in listed:
        fail('figure %s:%s %s%s is not on a listed prose line' % (doc, n, value, unit))
    if op not in OPS or ys not in ('stated', 'scope', 'document') or not re.fullmatch(r'20\d\d', year) or not subj:
        fail('figure %s:%s: bad op/year/year_source/subject' % (doc, n))
    t = prose_text.get(doc)
    if t is None or not 1 <= int(n) <= len(t):
        fail('figure %s:%s: no such line' % (doc, n)); continue
    if value + unit not in t[int(n) - 1].replace(' ', ''):
        # a respectively-list or a range writes the unit once: 85%、90% / 80%—90%
        if value not in t[int(n) - 1]:
            fail('figure %s:%s: %s%s not in the line' % (doc, n, value, unit))
    if ys == 'stated' and year + '年' not in t[int(n) - 1]:
        fail('figure %s:%s: year %s marked stated but not on the line' % (doc, n, year))
for k, v in listed.items():
    if per.get(k, 0) != v:
        fail('figures-lines.tsv %s:%s says %d figures, figures-labelled.tsv has %d' % (k[0], k[1], v, per.get(k, 0)))

# ------------------------------------------------------------------ bad inputs
BAD = os.path.join(HERE, 'bad')
for l in open(os.path.join(BAD, 'expected.jsonl'), encoding='utf-8'):
    e = json.loads(l); p = os.path.join(BAD, e['file'])
    if not os.path.exists(p):
        fail('bad/%s missing' % e['file']); continue
    b = open(p, 'rb').read()
    if os.path.getsize(p) > 40 * 1024:
        fail('bad/%s over 40 KB' % e['file'])
    if e['file'] == 'corrupt-not-a-zip.docx' and zipfile.is_zipfile(p):
        fail('corrupt-not-a-zip.docx is a zip')
    if e['file'] == 'missing-document-xml.docx' and 'word/document.xml' in zipfile.ZipFile(p).namelist():
        fail('missing-document-xml.docx has word/document.xml')
    if e['file'] == 'bomb-declared-4gb.docx':
        i = {x.filename: x for x in zipfile.ZipFile(p).infolist()}['word/document.xml']
        if i.file_size < 2 ** 31:
            fail('bomb-declared-4gb.docx does not declare a huge size')
    if e['file'] == 'claims-utf8-is-gbk.html':
        first_bad = None
        for k, ln in enumerate(b.split(b'\n'), 1):
            try:
                ln.decode('utf-8')
            except UnicodeDecodeError:
                first_bad = k; break
        if first_bad != e['line'] or b'charset="utf-8"' not in b:
            fail('claims-utf8-is-gbk.html: first non-UTF-8 line %r, expected %r' % (first_bad, e['line']))
        b.decode('gbk')
    if e['file'] == 'unplaceable-header.txt':
        if '栏目' not in b.decode('utf-8').split('\n')[e['line'] - 1]:
            fail('unplaceable-header.txt: the header is not on line %d' % e['line'])

tot = {}
for c in counts.values():
    for k, v in c.items():
        tot[k] = tot.get(k, 0) + v
print('%d documents; rows: %s; %d labelled figures on %d prose lines' % (len(counts), ', '.join('%s %d' % kv for kv in sorted(tot.items())), len(figs), len(listed)))
if fails:
    print('\n'.join('FAIL ' + f for f in fails))
    print('%d failures' % len(fails)); sys.exit(1)
print('all checks passed')
