#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Bad inputs for the loader's errors and warnings (Tests/Corpus/bad/). Plain python3."""
import os, io, zipfile, struct, json
BAD = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'bad')
os.makedirs(BAD, exist_ok=True)
DATE = (2025, 1, 1, 0, 0, 0)
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
def member(z, name, data):
    zi = zipfile.ZipInfo(name, DATE); zi.compress_type = zipfile.ZIP_DEFLATED; z.writestr(zi, data)

# 1 not a zip at all
with open(os.path.join(BAD, 'corrupt-not-a-zip.docx'), 'wb') as f:
    f.write('这不是一个Word文件：2025年某县公共服务“七优享”工程工作要点（复制时损坏）\n'.encode('utf-8') + bytes(range(256)))
# 2 zip-bomb-shaped: word/document.xml declares a huge uncompressed size (4 GB - 1) in both headers
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w') as z:
    member(z, '[Content_Types].xml', CT); member(z, '_rels/.rels', RELS)
    member(z, 'word/document.xml', b'<?xml version="1.0"?>' + b' ' * 200000)
data = bytearray(buf.getvalue())
def patch(sig, fixed_off, name):
    i = 0
    while True:
        i = data.find(sig, i)
        if i < 0: return
        n = struct.unpack('<H', data[i + fixed_off - 2 + (0 if sig == b'PK\x03\x04' else 0): i + fixed_off][:2])[0] if False else None
        if sig == b'PK\x03\x04':
            nlen = struct.unpack('<H', data[i + 26:i + 28])[0]; nm = bytes(data[i + 30:i + 30 + nlen]); off = i + 22
        else:
            nlen = struct.unpack('<H', data[i + 28:i + 30])[0]; nm = bytes(data[i + 46:i + 46 + nlen]); off = i + 24
        if nm == name:
            data[off:off + 4] = struct.pack('<I', 0xFFFFFFFF - 1)
        i += 4
patch(b'PK\x03\x04', 0, b'word/document.xml'); patch(b'PK\x01\x02', 0, b'word/document.xml')
with open(os.path.join(BAD, 'bomb-declared-4gb.docx'), 'wb') as f:
    f.write(bytes(data))
# 3 a zip without word/document.xml
buf = io.BytesIO()
with zipfile.ZipFile(buf, 'w') as z:
    member(z, '[Content_Types].xml', CT); member(z, '_rels/.rels', RELS)
    member(z, 'word/styles.xml', '<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
with open(os.path.join(BAD, 'missing-document-xml.docx'), 'wb') as f:
    f.write(buf.getvalue())
# 4 an HTML page that claims utf-8 but is GBK
page = ('<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>2025年龙游县公共服务“七优享”工程工作要点</title>\n</head>\n<body>\n'
        '<h1>2025年龙游县公共服务“七优享”工程工作要点</h1>\n<p>一、主要目标</p>\n<p>2025年，全县新增托位300个。</p>\n</body>\n</html>\n')
with open(os.path.join(BAD, 'claims-utf8-is-gbk.html'), 'wb') as f:
    f.write(page.encode('gbk'))
# 5 a table whose header nobody can place
txt = ['2025年松阳县公共服务“七优享”工程工作要点', '', '表  2025年松阳县公共服务“七优享”工程重点指标', '',
       '栏目 | 项次 | 内容摘要 | 备注甲 | 备注乙 |',
       '幼有善育 | 1 | 每千人口拥有3岁以下婴幼儿托位数（个） | ≥5 | 县卫健局 |',
       ' | 2 | 普惠托位占比（%） | ≥75 | 县卫健局 |',
       '学有优教 | 3 | 学前教育普及率（%） | 99 | 县教育局 |', '']
with open(os.path.join(BAD, 'unplaceable-header.txt'), 'wb') as f:
    f.write('\n'.join(txt).encode('utf-8'))
exp = [
 {"file": "corrupt-not-a-zip.docx", "level": "error", "line": None, "what": "not a zip archive (a .docx must be one); nothing loaded"},
 {"file": "bomb-declared-4gb.docx", "level": "error", "line": None, "what": "word/document.xml declares 4294967294 bytes uncompressed (its real data is 200,021 bytes): refused before inflating; nothing loaded"},
 {"file": "missing-document-xml.docx", "level": "error", "line": None, "what": "a zip without word/document.xml; nothing loaded"},
 {"file": "claims-utf8-is-gbk.html", "level": "error", "line": 5, "what": "meta charset says utf-8 but the bytes are not UTF-8 (first bad byte on line 5; they decode as GBK)"},
 {"file": "unplaceable-header.txt", "level": "warning", "line": 5, "what": "table header not understood: 栏目, 项次, 内容摘要, 备注甲, 备注乙; its 3 rows (lines 6-8) are not loaded"},
]
with open(os.path.join(BAD, 'expected.jsonl'), 'w', encoding='utf-8') as f:
    for e in exp:
        f.write(json.dumps(e, ensure_ascii=False) + '\n')
