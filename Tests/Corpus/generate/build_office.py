# -*- coding: utf-8 -*-
"""The .docx and .xlsx files of the development corpus (python-docx, openpyxl).
Files are written with fixed timestamps so that a rebuild gives the same bytes."""
import io, copy, zipfile, datetime
from lib import *

def fixed_zip(data):
    """Rewrites a zip with a fixed date on every member (reproducible bytes)."""
    src = zipfile.ZipFile(io.BytesIO(data)); out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, (2025, 1, 1, 0, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()

def docx_doc(g, i, fname, autonumber, features):
    import docx
    from docx.oxml.ns import qn
    D = g['D']; doc = Doc(g['meta'](i)); m = doc.meta
    d = docx.Document()
    d.core_properties.created = datetime.datetime(2025, 1, 1); d.core_properties.modified = datetime.datetime(2025, 1, 1)
    body = d.element.body
    marks = []   # (paragraph element, kind, payload)
    def P(text, style=None, prose=False, figs=None):
        p = d.add_paragraph(text, style=style)
        marks.append((p._p, prose, figs))
        return p._p
    P('关于印发《' + m['title'] + '》的通知')
    P('文号：' + m['number']); P('成文日期：' + m['written_text']); P('发布时间：' + m['published_text'])
    tp = P(m['title'], style='Title')
    P('一、主要目标', prose=True)
    P(m['goal'][0], prose=True, figs=m['goal'][1])
    P('表  重点指标')
    years = m.get('years') or [m['year']]
    rows = mark_domains(copy.deepcopy(m['ind']))
    multi = len(years) > 1
    ncol = 4 + len(years)
    hdr_rows = 2 if multi else 1
    t = d.add_table(rows=hdr_rows + len(rows), cols=ncol)
    t.style = 'Table Grid'
    heads = ['领域', '序号', '指标'] + (['年份'] + [''] * (len(years) - 1) if multi else ['年度目标']) + ['牵头单位']
    for j, h in enumerate(heads):
        t.cell(0, j).text = h
    if multi:
        for j, y in enumerate(years):
            t.cell(1, 3 + j).text = '%d年' % y
        for j in (0, 1, 2, ncol - 1):
            a = t.cell(0, j); txt = a.text; a.merge(t.cell(1, j)); a.text = txt
        t.cell(0, 3).merge(t.cell(0, 3 + len(years) - 1)).text = '年份'
    tr_first = []
    for k, r in enumerate(rows):
        ri = hdr_rows + k
        t.cell(ri, 1).text = str(r['seq'])
        t.cell(ri, 2).text = r['name'] + '（' + r['unit'] + '）'
        for j, y in enumerate(years):
            t.cell(ri, 3 + j).text = r['targets'][y] if multi else r['target']
        t.cell(ri, ncol - 1).text = r['lead']
    # merge each domain's cells vertically; the text stays in the top cell
    k = 0
    while k < len(rows):
        e = k
        while e + 1 < len(rows) and rows[e + 1]['domain'] == rows[k]['domain']:
            e += 1
        top = t.cell(hdr_rows + k, 0)
        if e > k:
            top = top.merge(t.cell(hdr_rows + e, 0))
        top.text = rows[k]['domain']
        k = e + 1
    item_marks = []
    for h1num, h1text, secs in m['tasks']:
        P(h1num + '、' + h1text, prose=True)
        for si, (snum, stext, slead, items) in enumerate(secs):
            P('（' + snum + '）' + stext + '（牵头单位：' + slead + '）', prose=True)
            for k2, (title, text, lead, figs) in enumerate(items, 1):
                s = title + '。' + text + ('（牵头单位：' + lead + '）' if lead else '')
                if autonumber and si == 0:
                    pe = P(s, style='List Number', prose=True, figs=figs)
                else:
                    pe = P('%d.%s' % (k2, s), prose=True, figs=figs)
                item_marks.append((pe, '%s.(%s).%d' % (h1num, snum, k2), title, split_lead(lead or slead)))
    P(m['region'] + '公共服务“七优享”工程工作专班办公室')
    # paragraph numbers: every w:p of the body in document order, table cells included
    allp = list(body.iter(qn('w:p')))
    idx = {id(p): n for n, p in enumerate(allp, 1)}
    doc.doc_row(idx[id(tp)])
    for pe, prose, figs in marks:
        if prose:
            doc.prose.append(idx[id(pe)])
        for f in figs or []:
            doc.figs.append((idx[id(pe)], f))
    for k, r in enumerate(rows):
        tr = t.rows[hdr_rows + k]._tr
        first_p = next(tr.iter(qn('w:tc'))).iter(qn('w:p'))
        doc.ind_rows(idx[id(next(first_p))], r, years, None)
    for pe, path, title, lead in item_marks:
        doc.rows.append({"entity": "tasks", "line": idx[id(pe)], "path": path, "title": title, "lead": lead})
    doc.prose.sort(); doc.figs.sort(key=lambda x: x[0])
    buf = io.BytesIO(); d.save(buf)
    g['finish'](doc, fname, fixed_zip(buf.getvalue()), '.docx', features)

def shared_strings(data):
    """openpyxl writes inline strings; Excel and most exporters write a shared-string table.
    Moves every inline string into xl/sharedStrings.xml, and writes numbers in their shortest form."""
    import re
    src = zipfile.ZipFile(io.BytesIO(data)); parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    sst = []; index = {}; count = 0
    def ref(m):
        nonlocal count
        txt = m.group(3); count += 1
        if txt not in index:
            index[txt] = len(sst); sst.append(txt)
        return '<c r="%s"%s t="s"><v>%d</v></c>' % (m.group(1), m.group(2) or '', index[txt])
    def num(m):
        v = float(m.group(3)); t = '%.12g' % v
        return '<c r="%s"%s t="n"><v>%s</v></c>' % (m.group(1), m.group(2) or '', t)
    for name in sorted(parts):
        if name.startswith('xl/worksheets/sheet'):
            x = parts[name].decode('utf-8')
            x = re.sub(r'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")? t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', ref, x)
            x = re.sub(r'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")? t="n"><v>([^<]*)</v></c>', num, x)
            parts[name] = x.encode('utf-8')
    ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    parts['xl/sharedStrings.xml'] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="%s" count="%d" uniqueCount="%d">' % (ns, count, len(sst))
        + ''.join('<si><t>%s</t></si>' % t for t in sst) + '</sst>').encode('utf-8')
    if 'docProps/core.xml' in parts:   # openpyxl stamps the time of saving
        parts['docProps/core.xml'] = re.sub(rb'(<dcterms:(created|modified)[^>]*>)[^<]*', rb'\g<1>2025-01-01T00:00:00Z', parts['docProps/core.xml'])
    ct = parts['[Content_Types].xml'].decode('utf-8')
    ct = ct.replace('</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts['[Content_Types].xml'] = ct.encode('utf-8')
    rel = parts['xl/_rels/workbook.xml.rels'].decode('utf-8')
    rel = rel.replace('</Relationships>', '<Relationship Id="rIdSharedStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>')
    parts['xl/_rels/workbook.xml.rels'] = rel.encode('utf-8')
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for name in [i.filename for i in src.infolist()] + ['xl/sharedStrings.xml']:
            zi = zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, parts[name])
    return out.getvalue()

def xlsx_write(wb):
    buf = io.BytesIO(); wb.save(buf); return shared_strings(fixed_zip(buf.getvalue()))

def run(g):
    import openpyxl
    from openpyxl.styles import Alignment
    D = g['D']; meta = g['meta']; finish = g['finish']
    docx_doc(g, 'yuhuan-2025-work-points', 'yuhuan-2025-work-points.docx', False,
             'paragraphs, heading style Title, a table with vertically merged domain cells (Table Grid), items numbered in their text, respectively-list 分别达到100%、98%')
    docx_doc(g, 'jingning-2024-2027-plan', 'jingning-2024-2027-plan.docx', True,
             'table whose header spans two rows (年份 merged over 2024年…2027年, other header cells merged vertically), merged domain cells; items of （一） in a Word numbered list (List Number, no number in the text), items of （二） numbered in their text')
    # ---------------- xianju projects: one sheet per table, merged title, numbers as numbers
    doc = Doc(meta('xianju-2025-projects')); m = doc.meta
    wb = openpyxl.Workbook(); wb.remove(wb.active)
    first = True
    for sheet, plist in m['proj'].items():
        ws = wb.create_sheet(sheet)
        ws['A1'] = m['title'] + '（' + sheet + '）'; ws.merge_cells('A1:H1')
        ws['A2'] = '填报单位：' + m['region'] + '发展和改革局'; ws.merge_cells('A2:D2')
        ws['E2'] = '成文日期：' + m['written_text']; ws.merge_cells('E2:H2')
        hdr = ['序号', '项目名称', '所属领域', '总投资（万元）', '2025年计划投资（万元）', '开工年份', '竣工年份', '责任单位']
        for j, h in enumerate(hdr, 1):
            ws.cell(3, j, h)
        if first:
            doc.doc_row(sheet + ':1'); first = False
            doc.rows[0]['published'] = None   # the workbook has 成文日期 but no 发布时间
        for k, p in enumerate(plist, 1):
            r = 3 + k
            vals = [k, p['name'], p['domain'], p['investment_wan'], p['annual_wan'], p['start'], p['end'], p['lead']]
            for j, v in enumerate(vals, 1):
                ws.cell(r, j, v)
            pp = dict(p); pp['seq'] = k; pp['investment'] = wan_to_yi(p['investment_wan']); pp['annual'] = wan_to_yi(p['annual_wan'])
            doc.proj_row('%s:%d' % (sheet, r), pp)
        n = 4 + len(plist)
        ws.cell(n, 1, '合计'); ws.merge_cells(start_row=n, start_column=1, end_row=n, end_column=3)
        ws.cell(n, 4, sum(p['investment_wan'] for p in plist)); ws.cell(n, 5, sum(p['annual_wan'] for p in plist))
    finish(doc, 'xianju-2025-projects.xlsx', xlsx_write(wb), '.xlsx',
           'one sheet per table (续建项目, 新建项目), merged title and 填报单位 cells, shared strings, numbers as numeric cells, money in 万元 (→ 亿元), a 合计 row that is not a project')
    # ---------------- jiangshan 2025: indicators sheet with merged domain cells + projects sheet in 亿元
    doc = Doc(meta('jiangshan-2025-work-points')); m = doc.meta
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = '重点指标'
    ws['A1'] = m['title']; ws.merge_cells('A1:F1'); doc.doc_row('重点指标:1')
    doc.rows[0]['written'] = None   # the workbook has 发布时间 but no 成文日期
    ws['A2'] = '发布时间：' + m['published_text']; ws.merge_cells('A2:F2')
    for j, h in enumerate(['所属领域', '序号', '指标名称', '单位', '2025年目标值', '牵头单位'], 1):
        ws.cell(3, j, h)
    rows = mark_domains(copy.deepcopy(m['ind']))
    start = {}
    for k, r in enumerate(rows):
        rr = 4 + k
        ws.cell(rr, 2, r['seq']); ws.cell(rr, 3, r['name']); ws.cell(rr, 4, r['unit'])
        t = r['target']
        try:
            v = int(t)
            ws.cell(rr, 5, v)          # a number as written: a numeric cell
        except ValueError:
            ws.cell(rr, 5, t)
        ws.cell(rr, 6, r['lead'])
        start.setdefault(r['domain'], []).append(rr)
        doc.ind_rows('重点指标:%d' % rr, r, [m['year']], None)
    for dom, rs in start.items():
        ws.cell(rs[0], 1, dom)
        if len(rs) > 1:
            ws.merge_cells(start_row=rs[0], start_column=1, end_row=rs[-1], end_column=1)
            ws.cell(rs[0], 1).alignment = Alignment(vertical='center')
    ws2 = wb.create_sheet('重大项目')
    ws2['A1'] = '2025年江山市公共服务“七优享”工程重大项目'; ws2.merge_cells('A1:G1')
    for j, h in enumerate(['序号', '项目名称', '所属领域', '总投资（亿元）', '年度计划投资（亿元）', '建设起止年限', '责任单位'], 1):
        ws2.cell(2, j, h)
    for k, p in enumerate(m['proj'], 1):
        vals = [k, p['name'], p['domain'], p['investment'], p['annual'], '%d-%d' % (p['start'], p['end']), p['lead']]
        for j, v in enumerate(vals, 1):
            ws2.cell(2 + k, j, v)
        pp = dict(p); pp['seq'] = k
        doc.proj_row('重大项目:%d' % (2 + k), pp)
    finish(doc, 'jiangshan-2025-work-points.xlsx', xlsx_write(wb), '.xlsx',
           'indicator sheet with vertically merged domain cells and a unit column, targets as numeric cells when they are plain integers (9000) else text (≥75); project sheet in 亿元 with 建设起止年限 2024-2026')
