# -*- coding: utf-8 -*-
"""The HTML pages of the development corpus (saved government pages)."""
import copy
from lib import *

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')

NAV = ['<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a> | <a href="/bsfw/">办事服务</a></div>',
       '<ul class="nav"><li>当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政策文件</li></ul>',
       '<script type="text/javascript">var _hmt = _hmt || []; (function(){ var s = "<table><tr><td>1</td></tr></table>"; })();</script>']
FOOT = ['<div class="footer"><p>主办单位：REGION人民政府办公室&nbsp;&nbsp;承办：REGION大数据发展中心</p>',
        '<p>浙ICP备05012345号-1&nbsp;&nbsp;浙公网安备 33032802000123号&nbsp;&nbsp;网站标识码：3303280001</p></div>',
        '<script src="/js/share.js"></script>']

def page_head(doc, charset_meta):
    m = doc.meta
    doc.add('<!DOCTYPE html>')
    doc.add('<html lang="zh-CN">')
    doc.add('<head>')
    if charset_meta:
        doc.add(charset_meta)
    doc.add('<title>' + esc(m['title']) + '_' + m['region'] + '人民政府门户网站</title>')
    doc.add('<link rel="stylesheet" href="/css/style.css">')
    doc.add('</head>')
    doc.add('<body>')
    for l in NAV:
        doc.add(l)
    doc.add('<div class="article">')
    doc.doc_row(doc.add('<h1 class="title">' + esc(m['title']) + '</h1>'))
    doc.add('<div class="info"><span>发布时间：' + m['published_text'] + '</span>&nbsp;<span>来源：' + m['region'] + '人民政府办公室</span></div>')
    doc.add('<table class="meta"><tr><td>文号：' + (m.get('number') or '') + '</td><td>成文日期：' + m['written_text'] + '</td></tr></table>')

def page_foot(doc):
    doc.add('</div>')
    for l in FOOT:
        doc.add(l.replace('REGION', doc.meta['region']))
    doc.add('</body>')
    doc.add('</html>')

def html_prose(doc, close=True):
    m = doc.meta
    e = '</p>' if close else ''
    if 'goal' in m:
        doc.path = ['一']; doc.add('<p class="h1">一、主要目标' + e, prose=True)
        doc.add('<p>' + esc(m['goal'][0]) + e, prose=True, figs=m['goal'][1])

def html_tasks(doc, close=True):
    e = '</p>' if close else ''
    for h1num, h1text, secs in doc.meta.get('tasks', []):
        doc.path = [h1num]; doc.add('<p class="h1">' + h1num + '、' + h1text + e, prose=True)
        for snum, stext, slead, items in secs:
            doc.path = [h1num, snum]; doc.sec_lead = slead
            doc.add('<p>（' + snum + '）' + esc(stext) + '（牵头单位：' + slead + '）' + e, prose=True)
            for k, (title, text, lead, figs) in enumerate(items, 1):
                s = '<p>&nbsp;&nbsp;%d.%s。%s' % (k, esc(title), esc(text))
                if lead:
                    s += '（牵头单位：' + lead + '）'
                n = doc.add(s + e, prose=True, figs=figs)
                doc.rows.append({"entity": "tasks", "line": n, "path": '%s.(%s).%d' % (h1num, snum, k), "title": title,
                                 "lead": split_lead(lead or slead)})

def runs(rows):
    """rowspan of each domain's first row"""
    rows = mark_domains(copy.deepcopy(rows))
    for i, r in enumerate(rows):
        if r['domain_cell']:
            k = 1
            while i + k < len(rows) and rows[i + k]['domain'] == r['domain']:
                k += 1
            r['span'] = k
    return rows

def run(g):
    finish = g['finish']; D = g['D']; meta = g['meta']
    # ---------------- putuo: utf-8 meta charset, rowspan, th, <p>/<br> in cells, entities
    doc = Doc(meta('putuo-2025-work-points')); m = doc.meta
    page_head(doc, '<meta charset="utf-8">')
    html_prose(doc)
    doc.add('<table border="1" cellspacing="0" class="zb">')
    doc.add('<tr><th colspan="5">表&nbsp;&nbsp;2025年普陀区公共服务“七优享”工程重点指标</th></tr>')
    doc.add('<tr><th>领域</th><th>序号</th><th>指&nbsp;标</th><th>完成值</th><th>牵头单位</th></tr>')
    for r in runs(m['ind']):
        lead = esc(r['lead']).replace('、', '、<br>')
        name = '<p>' + esc(r['name']) + '</p><p>（' + esc(r['unit']) + '）</p>'
        dom = '<td rowspan="%d">%s</td>' % (r['span'], r['domain']) if r['domain_cell'] else ''
        n = doc.add('<tr>' + dom + '<td>%d</td><td>%s</td><td>%s</td><td>%s</td></tr>' % (r['seq'], name, esc(r['target']), lead))
        doc.ind_rows(n, r, [m['year']], None)
    doc.add('</table>')
    html_tasks(doc)
    page_foot(doc)
    finish(doc, 'putuo-2025-work-points.html', doc.text('\n').encode('utf-8'), 'HTML, UTF-8 (meta charset), LF',
           'saved page with navigation, scripts (one holding a <table> in a string) and footer; <th>, colspan title row, rowspan domains, <p> and <br> inside cells, &lt; &gt; &amp; &nbsp;, units 套（间）, 万立方/日, 万Nm³, range 80%—90%')
    # ---------------- tonglu: gb2312, one cell per line
    doc = Doc(meta('tonglu-2024-work-points')); m = doc.meta
    page_head(doc, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    html_prose(doc)
    doc.add('<table width="100%" border="1">')
    doc.add('<tbody>')
    doc.add('<tr>')
    for h in ['序号', '领域', '指标', '2024年目标值', '牵头单位']:
        doc.add('<td><strong>' + h + '</strong></td>')
    doc.add('</tr>')
    for r in mark_domains(copy.deepcopy(m['ind'])):
        doc.add('<tr>')
        n = doc.add('<td>%d</td>' % r['seq'])
        doc.add('<td>' + r['domain'] + '</td>')
        doc.add('<td>' + esc(r['name']) + '(' + r['unit'] + ')</td>')
        doc.add('<td>' + esc(r['target']) + '</td>')
        doc.add('<td>' + r['lead'] + '</td>')
        doc.add('</tr>')
        doc.ind_rows(n, r, [m['year']], None)
    doc.add('</tbody>')
    doc.add('</table>')
    html_tasks(doc)
    page_foot(doc)
    finish(doc, 'tonglu-2024-work-points.html', doc.text('\r\n').encode('gbk'), 'HTML, GBK bytes (meta charset=gb2312), CRLF',
           'GB2312/GBK-encoded page; one <td> per line (a row\'s line is its first <td>), header cells in <strong>, domain repeated on every row, 2024年目标值')
    # ---------------- chunan: BOM, no charset meta, unclosed tags
    doc = Doc(meta('chunan-2025-work-points')); m = doc.meta
    page_head(doc, None)
    html_prose(doc, close=False)
    doc.add('<table border=1>')
    doc.add('<tr><td>序号<td>领域<td>指标名称<td>单位<td>完成值<td>牵头单位')
    for r in mark_domains(copy.deepcopy(m['ind'])):
        n = doc.add('<tr><td>%d<td>%s<td>%s<td>%s<td>%s<td>%s' % (r['seq'], r['domain'], esc(r['name']), r['unit'], esc(r['target']), r['lead']))
        doc.ind_rows(n, r, [m['year']], None)
    doc.add('</table>')
    html_tasks(doc, close=False)
    page_foot(doc)
    finish(doc, 'chunan-2025-work-points.html', b'\xef\xbb\xbf' + doc.text('\n').encode('utf-8'), 'HTML, UTF-8 with BOM (no charset meta), LF',
           'unclosed <td>, <tr> and <p>; unquoted attribute; charset only from the BOM; unit column 单位')
    # ---------------- jiangshan-2026: BOM + meta, two-row header with rowspan/colspan, one cell per line for names with <br>
    doc = Doc(meta('jiangshan-2026-2027-targets')); m = doc.meta
    doc.lines.append('')  # placeholder removed below
    doc.lines.pop()
    page_head(doc, '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">')
    html_prose(doc)
    doc.add('<table class="MsoNormalTable" border="1">')
    doc.add('<tr><th rowspan="2">领域</th><th rowspan="2">序号</th><th rowspan="2">指标</th><th colspan="2">目标值</th><th rowspan="2">牵头单位</th></tr>')
    doc.add('<tr><th>2026年</th><th>2027年</th></tr>')
    for r in runs(m['ind']):
        dom = '<td rowspan="%d">%s</td>' % (r['span'], r['domain']) if r['domain_cell'] else ''
        n = doc.add('<tr>' + dom + '<td>%d</td>' % r['seq'])
        doc.add('<td>' + esc(r['name']) + '<br>（' + r['unit'] + '）</td><td>' + esc(r['targets'][2026]) + '</td><td>' + esc(r['targets'][2027]) + '</td><td>' + r['lead'] + '</td></tr>')
        doc.ind_rows(n, r, m['years'], None)
    doc.add('</table>')
    page_foot(doc)
    finish(doc, 'jiangshan-2026-2027-targets.html', b'\xef\xbb\xbf' + doc.text('\r\n').encode('utf-8'), 'HTML, UTF-8 with BOM and meta charset, CRLF',
           'two-row header (目标值 colspan=2 over 2026年 2027年, rowspan=2 cells), rowspan domains, a row spread over two lines, <br> before the unit; comparison base 较2025年')
