# -*- coding: utf-8 -*-
"""Rendering helpers for the development corpus: a document is a list of blocks; each
renderer returns lines and records the expected rows (with their 1-based line) as it goes."""
import json, re

def split_lead(s):
    if not s:
        return []
    return [p.strip() for p in re.split(r'[、，,]', s) if p.strip()]

def wan_to_yi(v):
    # 万元 -> 亿元, shortest form
    x = round(v / 10000.0, 6)
    return int(x) if x == int(x) else x

class Doc:
    def __init__(self, meta):
        self.meta = meta          # id, title, region, year, number, written, published, kind
        self.lines = []           # text lines (no line endings)
        self.rows = []            # expected rows
        self.prose = []           # prose line numbers
        self.figs = []            # (line, label)
        self.path = []            # outline stack
        self.sec_lead = None

    # -- basic
    def add(self, s, prose=False, figs=None):
        self.lines.append(s)
        n = len(self.lines)
        if prose:
            self.prose.append(n)
        for f in figs or []:
            self.figs.append((n, f))
        return n

    def blank(self):
        self.add('')

    def header(self, notice=None, source='县政府办公室'):
        m = self.meta
        if notice:
            self.add(notice); self.blank()
        self.add('发布时间:' + m['published_text']); self.blank()
        self.add('信息来源:' + source); self.blank()
        if m.get('number'):
            self.add('文号:' + m['number']); self.blank()
        self.add('成文日期:' + m['written_text']); self.blank()
        self.blank()
        self.add(m['title']); self.blank()

    def doc_row(self, line):
        m = self.meta
        self.rows.insert(0, {"entity": "documents", "line": line, "id": m['id'], "title": m['title'],
            "region": m['region'], "number": m.get('number'), "written": m['written'],
            "published": m['published'], "kind": m['kind']})

    # -- outline
    def h1(self, num, text, figs=None):
        self.path = [num]
        return self.add(num + '、' + text, prose=True, figs=figs)

    def sec(self, num, text, lead=None, paren='（）'):
        self.path = self.path[:1] + [num]
        self.sec_lead = lead
        s = paren[0] + num + paren[1] + text
        if lead:
            s += paren[0] + '牵头单位：' + lead + paren[1]
        self.add(s, prose=True)
        self.blank()

    def item(self, n, title, text, lead=None, figs=None, leadword='牵头单位', paren='（）'):
        s = '%d.%s。%s' % (n, title, text)
        if lead:
            s += paren[0] + leadword + '：' + lead + paren[1]
        line = self.add(s, prose=True, figs=figs)
        self.blank()
        p = '.'.join([self.path[0], '(' + self.path[1] + ')', str(n)]) if len(self.path) > 1 else self.path[0] + '.' + str(n)
        self.rows.append({"entity": "tasks", "line": line, "path": p, "title": title,
                          "lead": split_lead(lead if lead else self.sec_lead)})
        return line

    def para(self, text, figs=None):
        l = self.add(text, prose=True, figs=figs)
        self.blank()
        return l

    # -- indicator rows
    def ind_rows(self, line, row, years, yearcols):
        """row: dict(domain, seq, name, unit, targets{year:text} or target, lead, attribute)"""
        for y in years:
            t = row['targets'][y] if 'targets' in row else row['target']
            self.rows.append({"entity": "indicators", "line": line, "region": self.meta['region'],
                "year": y, "domain": row['domain'], "seq": row.get('seq'), "name": row['name'],
                "unit": row.get("unit") or None, "target": t, "lead": split_lead(row.get('lead')),
                "attribute": row.get('attribute')})

    def proj_row(self, line, p):
        self.rows.append({"entity": "projects", "line": line, "seq": p.get('seq'), "name": p['name'], "domain": p.get('domain'),
            "investment": p['investment'], "annual_investment": p.get('annual'),
            "start_year": p.get('start'), "end_year": p.get('end'), "lead": split_lead(p.get('lead'))})

    # -- output
    def text(self, eol='\n'):
        return eol.join(self.lines) + eol

    def write_expected(self, path):
        with open(path, 'w', encoding='utf-8') as f:
            for r in self.rows:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')

def name_cell(row, with_unit, lb='（', rb='）'):
    if with_unit and row.get('unit'):
        return row['name'] + lb + row['unit'] + rb
    return row['name']

def cells_of(row, cols, years, lb='（', rb='）'):
    """cols: list of keys: seq, domain, name, unit, target, years, lead, attribute.
    The name carries its unit in brackets unless a 'unit' column exists."""
    unit_col = 'unit' in cols
    out = []
    for c in cols:
        if c == 'seq': out.append(str(row['seq']) if row.get('seq') is not None else '')
        elif c == 'domain': out.append(row.get('domain_cell', ''))
        elif c == 'name': out.append(row.get('name_cell') or name_cell(row, not unit_col and not row.get('unit_in_col'), lb, rb))
        elif c == 'unit': out.append(row.get('unit') or '')
        elif c == 'target': out.append(row['target'])
        elif c == 'years':
            out.extend(row['targets'][y] for y in years)
        elif c == 'lead': out.append(row.get('lead') or '')
        elif c == 'attribute': out.append(row.get('attribute') or '')
    return out

def mark_domains(rows):
    """domain_cell: the domain on a domain's first row, '' on its continuation rows."""
    prev = None
    for r in rows:
        r['domain_cell'] = r['domain'] if r['domain'] != prev else ''
        prev = r['domain']
    return rows

def disp_width(s):
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in 'WF' else 1 for ch in s)

def pad(s, w):
    return s + ' ' * max(0, w - disp_width(s))
