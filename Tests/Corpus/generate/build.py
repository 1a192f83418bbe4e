#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Builds the development corpus (Tests/Corpus/docs), its expected rows (Tests/Corpus/expected)
and the figure sample (figures-labelled.tsv, figures-lines.tsv) from content.py.
Needs python-docx and openpyxl for the .docx and .xlsx files:  pip install python-docx openpyxl
Run from anywhere: python3 Tests/Corpus/generate/build.py"""
import os, sys, json, copy, html as H
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import *
from content import D

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = os.path.join(ROOT, 'docs'); EXP = os.path.join(ROOT, 'expected')
os.makedirs(DOCS, exist_ok=True); os.makedirs(EXP, exist_ok=True)
FIGS = []; LINES = []; TABLE = []

def meta(i):
    m = dict(D[i]); m['id'] = i; return m

def finish(doc, fname, data, fmt, features):
    with open(os.path.join(DOCS, fname), 'wb') as f:
        f.write(data)
    doc.write_expected(os.path.join(EXP, doc.meta['id'] + '.jsonl'))
    for n in doc.prose:
        LINES.append((doc.meta['id'], n))
    for n, (v, u, op, y, ys, subj) in doc.figs:
        FIGS.append((doc.meta['id'], n, v, u, op, y or str(doc.meta['year']), ys, subj))
    TABLE.append((fname, fmt, features, doc))

# ------------------------------------------------------------------ text parts
def text_head(doc, notice=True):
    m = doc.meta
    if notice:
        doc.add('关于印发《' + m['title'] + '》的通知'); doc.blank()
    doc.add('发布时间：' + m['published_text']); doc.blank()
    doc.add('信息来源：' + m['region'] + '人民政府办公室'); doc.blank()
    if m.get('number'):
        doc.add('文号：' + m['number']); doc.blank()
    doc.add('成文日期：' + m['written_text']); doc.blank(); doc.blank()
    doc.doc_row(doc.add(m['title'])); doc.blank()

def text_goal(doc):
    if 'goal' in doc.meta:
        doc.h1('一', '主要目标'); doc.blank()
        g, figs = doc.meta['goal']
        doc.para(g, figs)

def text_tasks(doc, paren='（）', leadword='牵头单位'):
    for h1num, h1text, secs in doc.meta.get('tasks', []):
        doc.h1(h1num, h1text); doc.blank()
        for snum, stext, slead, items in secs:
            doc.sec(snum, stext, slead, paren=paren)
            for k, (title, text, lead, figs) in enumerate(items, 1):
                doc.item(k, title, text, lead, figs, leadword=leadword, paren=paren)

def prep(rows):
    return mark_domains(copy.deepcopy(rows))

def table_rows(doc, layout, hdr, cols, rows, years=None, lb='（', rb='）', sep=' | ', extra=None):
    """Renders an indicator table in a text layout and records its rows."""
    years = years or [doc.meta['year']]
    rows = prep(rows)
    cells = [cells_of(r, cols, years, lb, rb) for r in rows]
    firstcol = cols[0]
    if layout == 'cells':
        for h in hdr:
            doc.add(h[0]); doc.blank()
        # A row is cited at its 序号: a domain written once above several rows labels them
        # all, as a rowspan does, so the first row starts at its number as the others do.
        for r, cs in zip(rows, cells):
            first = None
            for col, c in zip(cols, cs):
                if c == '' :
                    continue
                n = doc.add(c); doc.blank()
                if col == 'seq':
                    first = n
            doc.ind_rows(first, r, years, None)
    elif layout in ('pipe', 'md', 'bordered'):
        def fmt(cs):
            if layout == 'pipe':
                return ' | '.join(cs) + ' |'
            return '| ' + ' | '.join(cs) + ' |'
        for h in hdr:
            doc.add(fmt(h))
        if layout == 'md':
            doc.add('|' + '|'.join(['---'] * len(hdr[-1])) + '|')
        for r, cs in zip(rows, cells):
            doc.ind_rows(doc.add(fmt(cs)), r, years, None)
    elif layout == 'tab':
        for h in hdr:
            doc.add('\t'.join(h))
        for r, cs in zip(rows, cells):
            doc.ind_rows(doc.add('\t'.join(cs)), r, years, None)
    elif layout == 'layout':
        wrap = extra or {}
        allc = hdr + cells
        for i, r in enumerate(rows):
            if i in wrap:
                a, b = wrap[i]
                cells[i][cols.index('name')] = a
        w = [max(disp_width(c[j]) for c in hdr + cells) for j in range(len(hdr[-1]))]
        def fmt(cs):
            return ('    ' + ''.join(pad(c, w[j] + 3) for j, c in enumerate(cs))).rstrip()
        for h in hdr:
            doc.add(fmt(h))
        doc.blank()
        for i, (r, cs) in enumerate(zip(rows, cells)):
            doc.ind_rows(doc.add(fmt(cs)), r, years, None)
            if i in wrap:
                cont = [''] * len(cs); cont[cols.index('name')] = wrap[i][1]
                doc.add(fmt(cont))
            doc.blank()
    doc.blank()

def proj_text(doc, layout, hdr, rows, wan=True, yearsep='—'):
    for i, p in enumerate(rows, 1):
        p = dict(p); p['seq'] = i
        if wan:
            p['investment'] = wan_to_yi(p['investment_wan']); p['annual'] = wan_to_yi(p['annual_wan'])
            inv, ann = str(p['investment_wan']), str(p['annual_wan'])
        else:
            inv, ann = fmtnum(p['investment']), fmtnum(p['annual'])
        rows[i - 1] = p
    if layout == 'tab':
        doc.add('\t'.join(hdr))
        for p in rows:
            inv = str(p['investment_wan']) if wan else fmtnum(p['investment'])
            ann = str(p['annual_wan']) if wan else fmtnum(p['annual'])
            cs = [str(p['seq']), p['name'], p['domain'], inv, ann, '%d%s%d' % (p['start'], yearsep, p['end']), p['lead']]
            doc.proj_row(doc.add('\t'.join(cs)), p)
    else:
        doc.add('| ' + ' | '.join(hdr) + ' |')
        for p in rows:
            inv = str(p['investment_wan']) if wan else fmtnum(p['investment'])
            ann = str(p['annual_wan']) if wan else fmtnum(p['annual'])
            cs = [str(p['seq']), p['name'], p['domain'], inv, ann, str(p['start']), str(p['end']), p['lead']]
            doc.proj_row(doc.add('| ' + ' | '.join(cs) + ' |'), p)
    doc.blank()

def fmtnum(x):
    return str(int(x)) if x == int(x) else repr(x)

EOL = {'LF': '\n', 'CRLF': '\r\n', 'CR': '\r'}

def text_doc(i, fname, eol, layout, hdr, cols, features, lb='（', rb='）', paren='（）', extra=None, leadword='牵头单位'):
    doc = Doc(meta(i)); m = doc.meta
    text_head(doc)
    text_goal(doc)
    if 'ind' in m:
        doc.add('表  ' + m['title'].replace('工作要点', '').replace('实施方案', '').replace('三年行动计划', '').replace('三年行动方案', '') + '重点指标'); doc.blank()
        table_rows(doc, layout, hdr, cols, m['ind'], m.get('years'), lb, rb, extra=extra)
    text_tasks(doc, paren, leadword)
    finish(doc, fname, doc.text(EOL[eol]).encode('utf-8'), 'text, UTF-8, ' + eol, features)
    return doc

# 1 wencheng-2025: cell-per-line (like shengsi)
text_doc('wencheng-2025-work-points', 'wencheng-2025-work-points.txt', 'LF', 'cells',
         [['领域'], ['序号'], ['指标'], ['完成值'], ['牵头单位']], ['domain', 'seq', 'name', 'target', 'lead'],
         'cell-per-line table (domain only on its first row), full-width unit brackets, outline 一、（一）1., leads split on 、 and ，')
# 2 xiangshan-2024: pipe, seq first, CRLF
text_doc('xiangshan-2024-work-points', 'xiangshan-2024-work-points.txt', 'CRLF', 'pipe',
         [['序号', '领域', '指标名称', '目标值', '责任单位']], ['seq', 'domain', 'name', 'target', 'lead'],
         'pipe table with trailing pipe (序号 first, empty domain continuation cells), half-width unit brackets', lb='(', rb=')', paren='()')
# 3 longquan-2025: markdown, unit column
text_doc('longquan-2025-work-points', 'longquan-2025-work-points.md', 'LF', 'md',
         [['所属领域', '编号', '指标', '计量单位', '2025年目标', '牵头单位']], ['domain', 'seq', 'name', 'unit', 'target', 'lead'],
         'Markdown pipe table (with its --- separator line), empty continuation cells, unit column 计量单位, composite target 职工85、城乡居民69, qualitative 全覆盖')
# 4 anji-2024-2027: tab, year columns, CR
text_doc('anji-2024-2027-plan', 'anji-2024-2027-plan.txt', 'CR', 'tab',
         [['类别', '序号', '主要指标', '2024年', '2025年', '2026年', '2027年', '责任部门']], ['domain', 'seq', 'name', 'years', 'lead'],
         'tab table, four year columns YYYY年 (one row per year), header 类别/主要指标/责任部门, CR line endings')
# 5 kaihua-2025: pdftotext -layout
text_doc('kaihua-2025-work-points', 'kaihua-2025-work-points.txt', 'LF', 'layout',
         [['序号', '领域', '指    标', '年度目标', '属性', '牵头单位']], ['seq', 'domain', 'name', 'target', 'attribute', 'lead'],
         'space-aligned columns as pdftotext -layout writes them (one name wrapped onto a second line), header 指    标 with spaces, 属性 column, 不低于85',
         extra=D['kaihua-2025-work-points']['wrap'])
# 6 daishan-2023-2025: two-row header, CRLF
text_doc('daishan-2023-2025-plan', 'daishan-2023-2025-plan.txt', 'CRLF', 'pipe',
         [['领域', '序号', '指 标', '年份', '', '', '牵头单位'], ['', '', '', '2023年', '2024年', '2025年', '']],
         ['domain', 'seq', 'name', 'years', 'lead'],
         'pipe table whose header spans two rows (年份 above 2023年 2024年 2025年), header cell 指 标, CRLF')
# 14 pinghu-2026: markdown, spaced headers, 属性, CRLF
text_doc('pinghu-2026-work-points', 'pinghu-2026-work-points.md', 'CRLF', 'md',
         [['序 号', '领 域', '主要指标', '计量单位', '2026年目标值', '属 性', '责任部门']], ['seq', 'domain', 'name', 'unit', 'target', 'attribute', 'lead'],
         'Markdown table with spaced header cells (序 号, 领 域, 属 性), unit column, 2026年目标值, 属性, CRLF; 5G+ and 2—3岁 in the prose')
# 16 yuhuan-2026: cell-per-line with unit column, CR
text_doc('yuhuan-2026-work-points', 'yuhuan-2026-work-points.txt', 'CR', 'cells',
         [['编号'], ['类别'], ['指标名称'], ['计量单位'], ['预期目标'], ['责任单位']], ['seq', 'domain', 'name', 'unit', 'target', 'lead'],
         'cell-per-line table with 编号 first (so every row starts with its number) and a unit column, CR line endings')
# 17 xianju-2024-2026: layout with year columns, empty unit
text_doc('xianju-2024-2026-plan', 'xianju-2024-2026-plan.txt', 'LF', 'layout',
         [['领域', '序号', '指标', '单位', '2024年', '2025年', '2026年', '牵头单位']], ['domain', 'seq', 'name', 'unit', 'years', 'lead'],
         'pdftotext -layout columns with three year columns and a 单位 column (one empty), qualitative 创建/通过省级评估, composite 1(2)')
# 20 pinghu-2027: outline only, CRLF
text_doc('pinghu-2027-work-points', 'pinghu-2027-work-points.txt', 'CRLF', None, None, None,
         'outline only (一、（一）1.), no table; prose with 元/生·年, 床, a comparison base 较2026年; CRLF')

# 15 wencheng-2024-projects: tab project table in 万元
doc = Doc(meta('wencheng-2024-projects')); text_head(doc)
doc.para(doc.meta['goal'][0], doc.meta['goal'][1])
doc.add('表  2024年文成县公共服务“七优享”工程重大项目'); doc.blank()
proj_text(doc, 'tab', ['序号', '项目名称', '所属领域', '总投资（万元）', '2024年计划投资（万元）', '建设起止年限', '责任单位'], list(D['wencheng-2024-projects']['proj']))
finish(doc, 'wencheng-2024-projects.txt', doc.text('\n').encode('utf-8'), 'text, UTF-8, LF',
       'tab project table, money in 万元 in the header (总投资（万元）→ 亿元), 建设起止年限 2023—2025')

# 18 jingning-2025: bordered pipe (no separator) + projects in 亿元
doc = Doc(meta('jingning-2025-work-points')); m = doc.meta
text_head(doc); text_goal(doc)
doc.add('表1  2025年景宁畲族自治县公共服务“七优享”工程重点指标'); doc.blank()
table_rows(doc, 'bordered', [['序号', '领域', '指标', '目标', '牵头单位']], ['seq', 'domain', 'name', 'target', 'lead'], m['ind'])
doc.add('表2  2025年景宁畲族自治县公共服务“七优享”工程重大项目'); doc.blank()
proj_text(doc, 'bordered', ['序号', '项目名称', '所属领域', '总投资（亿元）', '年度计划投资（亿元）', '开工年份', '竣工年份', '牵头单位'], list(m['proj']), wan=False)
text_tasks(doc)
finish(doc, 'jingning-2025-work-points.txt', doc.text('\n').encode('utf-8'), 'text, UTF-8, LF',
       'pipe tables with leading and trailing pipes but no |---| line, header 目标; project table in 亿元 with 开工年份/竣工年份')

import build_html, build_office
build_html.run(globals())
build_office.run(globals())

# ------------------------------------------------------------------ figures
with open(os.path.join(ROOT, 'figures-labelled.tsv'), 'w', encoding='utf-8') as f:
    f.write('doc\tline\tvalue\tunit\top\tyear\tyear_source\tsubject\n')
    for r in FIGS:
        f.write('\t'.join(str(x) for x in r) + '\n')
figlines = {(d, str(n)) for d, n, *_ in FIGS}
with open(os.path.join(ROOT, 'figures-lines.tsv'), 'w', encoding='utf-8') as f:
    f.write('doc\tline\tfigures\n')
    for d, n in LINES:
        f.write('%s\t%s\t%d\n' % (d, n, sum(1 for r in FIGS if r[0] == d and str(r[1]) == str(n))))
# ------------------------------------------------------------------ summary for the README
with open(os.path.join(ROOT, 'generate', 'summary.json'), 'w', encoding='utf-8') as f:
    out = []
    for fname, fmt, feat, doc in TABLE:
        cnt = {}
        for r in doc.rows:
            cnt[r['entity']] = cnt.get(r['entity'], 0) + 1
        out.append(dict(file=fname, format=fmt, features=feat, region=doc.meta['region'], year=doc.meta['year'], id=doc.meta['id'], rows=cnt,
                        figures=sum(1 for r in FIGS if r[0] == doc.meta['id'])))
    json.dump(out, f, ensure_ascii=False, indent=1)
print(len(TABLE), 'documents', len(FIGS), 'figures', len(LINES), 'prose lines')
