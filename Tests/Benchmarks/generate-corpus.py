#!/usr/bin/env python3
"""Writes a synthetic corpus of 七优享 plan documents in the layouts of the built-in seeds.

    python3 Tests/Benchmarks/generate-corpus.py --indicators 5000 --out /tmp/corpus [--seed 1]
    python3 Tests/Benchmarks/generate-corpus.py --indicators 5000 --out /tmp/corpus --verify .build/release/qyx

Three layouts, copied from Sources/QyxReaders/Resources/corpus/:

* plan     — dongtou-2023-2027-plan.txt: a `专题网站 | … |` chrome line, the preamble, a caption and a
             pipe table `领域 | 序号 | 指 标 | 2022年 | … | 2027年 |` (the domain only in the first row of
             its group; later rows start with 序号 and end in an empty cell), optionally a 牵头单位
             column, then the outline of tasks (二、重点任务 (一) 1.) and 三、保障措施.
* points   — shengsi-2025-work-points.txt: notice chrome (发布时间/信息来源/…), the title, the 专栏
             project box, and a cell-per-line table 领域 / 序号 / 指标 / 完成值 / 牵头单位 (blank line
             between cells, composite targets wrapped over two lines, qualitative rows without a
             target), then the outline.
* points24 — shengsi-2024-work-points.txt: the same with the • information panel (索引号, 文号, 成文日期).

Each indicator row of a table becomes one qyx indicator per year cell, so the generator knows
exactly how many indicators qyx must load; it prints that number and writes the expected
aggregates to DIR/.manifest.json (a dot file, which qyx does not load). `--verify QYX` loads
the corpus with that binary and checks count(*), group-bys by domain, region, year, lead,
base_unit (count and sum of base_value) and that there are no warnings.
"""
import argparse
import json
import math
import os
import random
import shutil
import subprocess
import sys
import time

# ---------------------------------------------------------------------------------------------
# Regions: the 90 county-level divisions of Zhejiang, with their prefecture city.
REGIONS = {
    "杭州": "上城区 拱墅区 西湖区 滨江区 萧山区 余杭区 临平区 钱塘区 富阳区 临安区 桐庐县 淳安县 建德市",
    "宁波": "海曙区 江北区 北仑区 镇海区 鄞州区 奉化区 象山县 宁海县 余姚市 慈溪市",
    "温州": "鹿城区 龙湾区 瓯海区 洞头区 永嘉县 平阳县 苍南县 文成县 泰顺县 瑞安市 乐清市 龙港市",
    "嘉兴": "南湖区 秀洲区 嘉善县 海盐县 海宁市 平湖市 桐乡市",
    "湖州": "吴兴区 南浔区 德清县 长兴县 安吉县",
    "绍兴": "越城区 柯桥区 上虞区 新昌县 诸暨市 嵊州市",
    "金华": "婺城区 金东区 武义县 浦江县 磐安县 兰溪市 义乌市 东阳市 永康市",
    "衢州": "柯城区 衢江区 常山县 开化县 龙游县 江山市",
    "舟山": "定海区 普陀区 岱山县 嵊泗县",
    "台州": "椒江区 黄岩区 路桥区 三门县 天台县 仙居县 温岭市 临海市 玉环市",
    "丽水": "莲都区 青田县 缙云县 遂昌县 松阳县 云和县 庆元县 景宁畲族自治县 龙泉市",
}
CITY_OF = {r: c for c, rs in REGIONS.items() for r in rs.split()}
# 云和县 is left out: qyx reads a document's region from its title with a pattern that excludes
# 和 (as in “A和B”), so a 云和县 plan loads with region = null. See Tests/Benchmarks/README.md.
EXCLUDED_REGIONS = {"云和县"}
REGION_LIST = [r for r in CITY_OF if r not in EXCLUDED_REGIONS]


def short_name(region):
    """洞头区 → 洞头 (结合洞头实际), 景宁畲族自治县 → 景宁."""
    if region.endswith("畲族自治县"):
        return region[:2]
    return region[:-1] if len(region) > 2 else region


# ---------------------------------------------------------------------------------------------
# Indicators: domain | name(unit) | lo | hi | decimals | yearly step | flags | lead departments.
# Flags: cap100 (a percentage that stops at 100), lt (an upper bound: "<5"), q (qualitative:
# no number), comp (职工85、城乡居民69), pair (1(3)), pct (cells may carry a % sign), ops (cells
# often carry ≥ > ≧). Names are unique under qyx's identity folding (spaces, dashes, quotes).
POOL_TEXT = """
民生实事|公共服务“七优享”工程有关民生实事(%)|100|100|0|0|cap100|府办
项目建设|公共服务“七优享”工程重大项目年度完成投资金额(亿元)|0.3|1.5|3|0.02|ops|发改局
重大项目|公共服务“七优享”工程重大项目年度计划投资(亿元)|0.4|2.5|2|0.05|ops|发改局
幼有善育|每千人口拥有3岁以下婴幼儿托位数(个)|2.5|5.0|2|0.15|ops|卫健局 卫生健康局
幼有善育|每千名 3 岁以下婴幼儿拥有托位数(个)|200|320|0|8|ops|卫健局
幼有善育|普惠托位占比(%)|60|85|0|3|cap100 pct|卫健局 卫生健康局
幼有善育|托幼一体托位占比(%)|40|70|0|4|cap100 ops|卫健局 教育局
幼有善育|托位使用率(%)|50|70|0|2|cap100 ops|卫健局
幼有善育|0—3岁儿童发育监测筛查率(%)|85|93|2|1|cap100 ops|卫健局
幼有善育|婴幼儿家长科学育儿知识普及率(%)|80|88|2|2|cap100|卫健局 妇联
幼有善育|每千名儿童儿科执业(助理)医生数(个)|0.6|1.0|2|0.05||卫健局
幼有善育|托育机构从业人员持证率(%)|80|92|0|2|cap100 ops|卫健局
幼有善育|婴幼儿照护服务驿站数(个)|3|12|0|2||卫健局
幼有善育|孕产妇系统管理率(%)|92|97|1|0.5|cap100 ops|卫健局
幼有善育|3岁以下儿童系统管理率(%)|90|96|1|0.5|cap100 ops|卫健局
幼有善育|“医防护”儿童健康管理中心数(家)|1|4|0|1||卫健局
幼有善育|托育综合服务中心建设|0|0|0|0|q|卫健局
学有优教|通过国家学前教育普及普惠县省级督导评估率(%)|100|100|0|0|cap100 pct|教育局
学有优教|通过国家义务教育优质均衡发展县省级评估率(%)|100|100|0|0|cap100 pct|教育局
学有优教|高等教育毛入学率(%)|65|70|1|0.7|cap100 pct|教育局
学有优教|随迁子女就读义务教育公办学校比率(%)|80|92|1|3|cap100 pct|教育局
学有优教|县域内融合型共建型教共体比例(%)|60|90|2|8|cap100 pct|教育局
学有优教|开展职业教育培训数(人次)|60|400|0|20||教育局
学有优教|巩固国家学前教育普及普惠县创建成果|0|0|0|0|q|教育局
学有优教|巩固国家义务教育优质均衡发展县创建成果|0|0|0|0|q|教育局
学有优教|普惠性幼儿园在园幼儿占比(%)|88|96|1|1|cap100 ops|教育局
学有优教|公办幼儿园在园幼儿占比(%)|55|75|0|3|cap100|教育局
学有优教|新增普通高中学位数(个)|50|400|0|20||教育局
学有优教|长学制人才培养规模占比(%)|50|66|0|2|cap100 ops|教育局
学有优教|中小学教室加装空调数(台)|80|400|0|10||教育局
学有优教|教育事业财政投入(亿元)|2|12|2|0.3||教育局 财政局
劳有所得|城镇调查失业率(%)|4|5|0|0|lt|人力社保局 民社局
劳有所得|欠薪线索动态化解率(%)|90|95|1|0.5|cap100|人力社保局 民社局
劳有所得|开展职业技能培训累计数(人次)|1500|4000|0|1800||人力社保局
劳有所得|城镇新增就业人数(人)|900|6000|0|0||人力社保局 民社局
劳有所得|城镇新增就业人数(万人)|0.1|0.8|2|0||人力社保局
劳有所得|能级工资集体协商已建会的规模以上企业覆盖率(%)|40|60|0|10|cap100 ops|总工会 人力社保局
劳有所得|安薪指数|90|95|1|0.5|ops|人力社保局 民社局
劳有所得|新增制造业技能人才数(人)|60|800|0|10||人力社保局 民社局
劳有所得|劳动争议“无讼指数”|88|93|0|1|ops|人力社保局 民社局
劳有所得|培养持证数字高技能人才(人)|20|300|0|10||人力社保局
劳有所得|技能人才总量(万人)|1.5|9|2|0.2||人力社保局
劳有所得|高技能人才占技能人才比重(%)|28|36|1|0.8|cap100|人力社保局
劳有所得|劳动争议仲裁结案率(%)|90|95|0|0.5|cap100 ops|人力社保局
劳有所得|新建零工驿站数(家)|1|6|0|1||人力社保局 民社局
劳有所得|城镇居民人均可支配收入(元)|52000|82000|0|3000||统计局 发改局
劳有所得|最低工资标准(元/月)|2000|2490|0|50||人力社保局
病有良医|人均预期寿命(岁)|79.5|82.5|1|0.15||卫健局 卫生健康局
病有良医|重大慢病过早死亡率(%)|9|13|2|-0.2||卫健局
病有良医|“浙里惠民保”投保率(%)|50|65|1|3|cap100 ops|医保局
病有良医|居民健康素养水平(%)|34|42|1|0.8|cap100|卫健局
病有良医|县域就诊率(%)|88|93|2|0.3|cap100 ops|卫健局
病有良医|城乡居民免费健康体检人数(万人)|0.8|4|1|0.1||卫健局
病有良医|城乡居民同质同标免费健康体检人数(万人)|0.8|4|1|0.1||卫健局
病有良医|基本医疗保险政策范围内住院报销比例(含大病保险)(%)|68|86|0|0|comp|医保局
病有良医|每千常住人口执业(助理)医师数(人)|3.2|4.5|2|0.1||卫健局
病有良医|人均体育场地面积(平方米)|2.8|4.2|2|0.1|ops|文广旅体局 体育局
病有良医|急诊急救三大中心(胸痛、卒中、创伤)标准化达标率(%)|90|100|0|2|cap100|卫健局
病有良医|基层就诊率(%)|60|70|1|1|cap100 ops|卫健局
病有良医|每千人口医疗机构床位数(张)|3.5|6.5|2|0.1||卫健局
病有良医|经常参加体育锻炼人数比例(%)|40|45|1|0.5|cap100 ops|文广旅体局 体育局
病有良医|国民体质合格率(%)|92|95|1|0.3|cap100 ops|文广旅体局 体育局
病有良医|每万人口全科医生数(人)|3|6|2|0.2||卫健局
病有良医|公共场所AED每万人拥有量(台)|1|3|1|0.2|ops|卫健局 文广旅体局
老有康养|每万老年人口拥有持证养老护理员数(人)|20|36|1|1|ops|民政局 民社局
老有康养|基本养老保险参保人数(万人)|5|60|2|0.1||人力社保局 民社局
老有康养|长期护理保险覆盖人数(万人)|2|40|1|2||医保局
老有康养|助餐村(社区)覆盖率(%)|70|90|0|5|cap100|民政局
老有康养|老年友好镇街、村社(个)|1|8|0|1|pair|民政局 卫健局
老有康养|养老服务“爱心卡”服务对象数(万人)|0.3|1.2|2|0.05||民政局 民社局
老有康养|老年健康服务专项评估人数(万人)|0.1|0.3|2|0.01||卫健局
老有康养|老年健康服务专项评估人数(人)|1000|3000|0|100|ops|卫健局
老有康养|助餐配送餐服务人次(万人次)|10|60|0|3||民政局
老有康养|每万老年人口拥有认知障碍床位数(张)|10|25|0|2|ops|民政局 民社局
老有康养|养老机构护理型床位占比(%)|58|68|0|1|cap100 ops|民政局
老有康养|老年食堂数(家)|15|60|0|3||民政局
老有康养|公办养老机构星级评定率(%)|60|85|0|5|cap100|民政局 民社局
老有康养|养老机构床位数(张)|600|3000|0|50||民政局
老有康养|康养联合体建设|0|0|0|0|q|卫健局 民政局
住有宜居|城镇住房保障受益覆盖率(%)|8|12|1|0.5|cap100|住建局 建设局
住有宜居|保障性租赁住房累计建设筹集套(间)数(套)|300|3000|0|200||住建局 建设局
住有宜居|住宅小区专业物业服务覆盖率(%)|75|90|1|2.5|cap100 ops|住建局 建设局
住有宜居|老旧小区累计改造个数(个)|3|40|0|3||住建局 建设局
住有宜居|创建未来社区累计数量(个)|0|10|0|1||住建局 建设局
住有宜居|更新住宅老旧电梯数(台)|10|80|0|5||住建局 市场监管局
住有宜居|开工改造城镇老旧小区数(个)|1|12|0|1||住建局 建设局
住有宜居|建设筹集保障性租赁住房数(套(间))|15|600|0|20||住建局 建设局
住有宜居|新增完工住宅加装电梯数(台)|3|60|0|3||住建局 建设局
住有宜居|住房公积金实缴职工人数(人)|9000|90000|0|600||住房公积金管理中心分中心
住有宜居|住房公积金实缴职工人数(万人)|0.9|9|2|0.05||住房公积金管理中心分中心
住有宜居|新增县级以上优质工程数(个)|5|30|0|2|ops|住建局 建设局
住有宜居|城乡危房改造户数(户)|10|120|0|0||住建局 农业农村局
弱有众扶|最低生活保障年人均标准(元)|12000|16000|0|450|ops|民政局 民社局
弱有众扶|残疾人之家覆盖率(%)|85|95|0|1|cap100 ops|残联
弱有众扶|困难群众医疗费用综合保障率(%)|80|90|0|1.5|cap100 ops|医保局
弱有众扶|救助家庭探访关爱、幸福清单送达率(%)|100|100|0|0|cap100|民政局
弱有众扶|乡镇(街道)“助联体”服务站覆盖率(%)|50|100|0|20|cap100|民政局
弱有众扶|最低生活保障标准金额(万元/年)|1.2|1.6|3|0.04|ops|民政局 民社局
弱有众扶|社会救助服务联合体规范运行指数|78|88|0|2||民政局 民社局
弱有众扶|“群帮惠”困难群体帮扶数(人次)|50|300|0|20||总工会
弱有众扶|全省建成“15分钟公共法律服务圈”服务站点数(个)|30|80|0|2|ops|司法局
弱有众扶|慈善组织数量(家)|6|30|0|1|ops|民政局
弱有众扶|慈善信托备案资金规模(万元)|200|1500|0|50|ops|民政局
弱有众扶|困难残疾人生活补助标准(元/月)|300|600|0|20||残联 民政局
弱有众扶|低收入家庭困难需求排摸完成率(%)|90|100|0|5|cap100|民政局
"""

SEVEN = ["幼有善育", "学有优教", "劳有所得", "病有良医", "老有康养", "住有宜居", "弱有众扶"]
CATEGORIES = ["民生实事", "项目建设", "重大项目"]


class Spec:
    def __init__(self, line):
        d, name, lo, hi, dec, step, flags, leads = line.split("|")
        self.domain, self.raw = d, name
        self.lo, self.hi, self.dec, self.step = float(lo), float(hi), int(dec), float(step)
        self.flags = set(flags.split())
        self.leads = leads.split()
        self.name, self.unit = split_unit(name)


def split_unit(raw):
    """Mirror of qyx's IndicatorName.split: the trailing bracket group is the unit when short."""
    if not raw.endswith(")"):
        return raw, None
    depth, i = 0, len(raw)
    while i > 0:
        i -= 1
        if raw[i] == ")":
            depth += 1
        elif raw[i] == "(":
            depth -= 1
            if depth == 0:
                break
    if depth != 0 or i == 0:
        return raw, None
    inner = raw[i + 1:-1].strip()
    if not inner or len(inner) > 6 or any(q in inner for q in ["含", "及", "和", "助理", "不", "试行"]):
        return raw, None
    return raw[:i].strip(), inner


POOL = [Spec(l) for l in POOL_TEXT.strip().splitlines()]
BY_DOMAIN = {d: [s for s in POOL if s.domain == d] for d in SEVEN + CATEGORIES}


def identity_key(name):
    import unicodedata
    out = []
    for c in unicodedata.normalize("NFKC", name):
        if c.isspace():
            continue
        if c in "—–―－‐‑~～":
            out.append("-")
        elif c in "“”\"「」『』‘’'":
            continue
        elif c in "〈《":
            out.append("<")
        elif c in "〉》":
            out.append(">")
        else:
            out.append(c)
    return "".join(out)


def _check_pool():
    keys = {}
    for s in POOL:
        k = identity_key(s.name)
        if k in keys and keys[k].domain != s.domain:
            raise SystemExit(f"pool: {s.name} folds onto {keys[k].name}")
        keys[k] = s


_check_pool()

# ---------------------------------------------------------------------------------------------
# How qyx reads a target cell (TargetReading.parse), for the expected aggregates.
OPS = [(">=", ">="), ("＞＝", ">="), ("≥", ">="), ("≧", ">="), ("<=", "<="), ("＜＝", "<="), ("≤", "<="),
       ("≦", "<="), (">", ">"), ("＞", ">"), ("<", "<"), ("＜", "<"), ("=", "="), ("＝", "=")]


def read_target(text):
    t = text.strip()
    op = "="
    for sym, o in OPS:
        if t.startswith(sym):
            op, t = o, t[len(sym):].strip()
            break
    digits = ""
    for c in t:
        if c.isascii() and (c.isdigit() or c == "."):
            digits += c
        else:
            break
    if not digits:
        return None, None
    tail = t[len(digits):].strip()
    if tail not in ("", "%", "％", "‰"):
        return None, None
    try:
        return op, float(digits)
    except ValueError:
        return None, None


MULTIPLIERS = [("百万", 1e6), ("亿", 1e8), ("万", 1e4), ("千", 1e3)]
THOUSAND_COUNTS = set("人户元个套间台张")


def base_unit(unit):
    for prefix, factor in MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            rest = unit[len(prefix):]
            if prefix == "千" and rest[0] not in THOUSAND_COUNTS:
                continue
            return rest, factor
    return unit, 1.0


def round_noise(x):
    if x == 0 or not math.isfinite(x):
        return x
    magnitude = 10 ** (9 - math.floor(math.log10(abs(x))))
    return round(x * magnitude) / magnitude


# ---------------------------------------------------------------------------------------------
# Prose for the outline (tasks) and the preamble.
DOMAIN_VERB = {"plan": "加快实现", "points": "着力深化"}
DOMAIN_INTRO = {
    "幼有善育": "遵循儿童优先原则,促进儿童健康高质量发展。聚焦“孕、育、医、养、护”公共服务健康场景,保障优生优育,提高人口素质,促进育儿友好社会健康发展。",
    "学有优教": "坚持教育优先发展,推进基础教育优质均衡、职业教育融合融汇、高等教育普及开放、终身教育普惠共享,建设高质量教育体系。",
    "劳有所得": "促进高质量充分就业,健全工资合理增长机制,保障劳动者合法权益,率先形成“人人有事做、家家有收入”的高质量就业创业体系。",
    "病有良医": "高水平推进健康建设,提升医学创新和临床诊疗能力,构建上下贯通、联动提升的医疗健康服务格局。",
    "老有康养": "积极应对人口老龄化,强化基本养老服务均衡发展,完善养老服务体系,基本建成老年友好城市。",
    "住有宜居": "坚持“房住不炒”定位,支持刚性和改善性住房需求,完善住房市场和住房保障体系,提高城乡住房品质和安全。",
    "弱有众扶": "进一步健全救助帮扶体制机制,切实强化社会救助兜底保障作用,加快完善城乡统筹、分层分类、精准高效的救助帮扶体系。",
}
DOMAIN_LEAD = {"幼有善育": "卫健局", "学有优教": "教育局", "劳有所得": "人力社保局", "病有良医": "卫健局",
               "老有康养": "民政局", "住有宜居": "住建局", "弱有众扶": "民政局"}
TASK_TITLES = {
    "幼有善育": ["完善妇幼健康保障体系", "加快完善托育服务体系", "筑牢出生缺陷防治体系", "优化托幼一体服务供给",
             "提升托育综合服务中心功能", "提升普惠托育服务质效", "实施儿童早期发展行动"],
    "学有优教": ["推进基础教育高水平优质均衡", "构建职业教育融通融合融汇创新发展格局", "完善终身教育全民普惠和资源共享",
             "实施城乡一体教育资源优享行动", "实施基础教育提质培优行动", "实施教育家精神引领强师行动", "实施校外培训清朗环境行动"],
    "劳有所得": ["健全就业公共服务体系", "全力打响技能人才品牌", "完善工资收入合理增长机制", "持续构建和谐劳动关系",
             "全面推进能级工资集体协商", "深入推进调解仲裁标准化建设", "推进职业伤害保障工作"],
    "病有良医": ["推进县级强院建设", "提升基层医疗能力", "提升全民医疗保障水平", "加强院前急救体系建设",
             "加强中医药服务体系建设", "提升全民健康促进水平", "广泛开展全民健身活动"],
    "老有康养": ["推进基本养老服务普惠均衡发展", "推进老年友好乡镇、村社建设", "实施“机构跟着老人走”", "推进医养康养相融合",
             "推动社会保障体系建设", "持续完善老年健康支撑体系", "培育壮大银发经济"],
    "住有宜居": ["加快完善住房保障体系", "持续提升住房居住品质", "全面提升城乡房屋安全", "不断完善住房市场体系",
             "加快推进“好房子”建设", "全域提升城乡风貌品质", "有效发挥住房公积金政策作用"],
    "弱有众扶": ["深化低收入家庭综合帮扶集成改革", "强化困难群众兜底保障力度", "健全完善救助帮扶长效机制", "构建多元参与救助帮扶格局",
             "优化基本生活救助", "提升专项救助成效", "探索服务类救助模式"],
}
SENTENCES = [
    "强化部门协同,完善工作机制,推动各项政策落地见效",
    "坚持需求导向,优化资源配置,提升服务的可及性和均衡性",
    "加强数字化改革,推进数据共享和业务协同,实现服务精准送达",
    "深化城乡一体化改革,推动优质资源向乡镇(街道)和村(社区)延伸",
    "健全考核评价体系,定期开展群众满意度测评,及时总结推广典型做法",
    "引导社会力量参与,鼓励多元主体投入,形成政府主导、社会协同的工作格局",
    "加大财政投入力度,落实各项补助政策,确保资金使用规范高效",
    "完善标准规范,加强行业监管,持续提升服务质量和水平",
    "开展专项行动,补齐短板弱项,打造一批具有辨识度的标志性成果",
    "加强人才队伍建设,完善培养、使用、评价、激励制度",
]
TARGET_PHRASES = [
    "建成{k}个以上示范点", "覆盖率达到{p}%以上", "累计完成{k}0人次以上", "新增{k}家", "培育市级以上品牌{k}个以上",
    "服务人次达到{k}万以上", "满意度保持在{p}%以上", "实现乡镇(街道)全覆盖",
]
SAFEGUARDS = [
    ("强化项目支撑", "坚持全域一盘棋,制定年度工作安排和重大项目安排两张清单,按季度明确各项任务目标节点,做到定责到人、挂图作战、对表推进。"),
    ("强化数字赋能", "坚持多跨协同,以数字化赋能方式全面提升业务协同能力和数据共享水平,推动公共服务应用系统的综合集成。"),
    ("强化机制保障", "成立公共服务“七优享”工程工作专班,负责总体统筹协调推进,建立健全周盘点、月调度、季推进、年总结的压茬推进机制。"),
    ("强化要素保障", "统筹财政资金、土地指标和人才资源,优先保障民生项目建设需求,确保各项工作高质高效办实办好。"),
    ("强化督查考核", "定期督查通报,开展群众满意度测评,将工作成效纳入年度综合考核,让广大群众真正有获得感。"),
]
# qyx decides that a cell-per-line fragment is a 牵头单位 with Names.isUnit, which rejects any text
# holding a character whose Unicode numeric type is set — and Swift's Character.isNumber is true for
# Han numerals and for 洞 (kOtherNumeric 0). So leads such as 县红十字会 or 温州市住房公积金管理中心洞头分中心
# make qyx run the row on into the next one (see Tests/Benchmarks/README.md). Leads avoid these characters.
HAN_NUMERIC = set("〇一二三四五六七八九十百千万亿零两洞参廿卅")
CN_NUM = "一二三四五六七八九十"


def cn(n):
    """1 → 一, 11 → 十一 (outline numerals up to 99)."""
    if n <= 10:
        return CN_NUM[n - 1]
    if n < 20:
        return "十" + CN_NUM[n - 11]
    t, u = divmod(n, 10)
    return CN_NUM[t - 1] + "十" + (CN_NUM[u - 1] if u else "")


# ---------------------------------------------------------------------------------------------
class Doc:
    """Collects lines and the indicators qyx will read from them."""

    def __init__(self, ident, region):
        self.id, self.region = ident, region
        self.lines = []
        self.rows = []  # (domain, name, unit, year, target, lead)

    def add(self, *lines):
        self.lines.extend(lines)


class Generator:
    def __init__(self, seed):
        self.r = random.Random(seed)

    # -- values --------------------------------------------------------------------------------
    def fmt(self, v, dec, keep_zeros):
        if dec == 0:
            return str(int(round(v)))
        s = f"{v:.{dec}f}"
        if not keep_zeros:
            s = s.rstrip("0").rstrip(".") if "." in s else s
        return s

    def series(self, spec, years):
        """Target cell texts for `years` (ascending) of one indicator."""
        r = self.r
        if "q" in spec.flags:
            words = ["全覆盖", "持续巩固", "开展试点", "基本建成", "稳步提升", "巩固提升"]
            return [r.choice(words) for _ in years]
        if "comp" in spec.flags:
            a, b = r.randint(82, 90), r.randint(66, 72)
            return [f"职工{a + i // 2}、城乡居民{b + i // 2}" for i in range(len(years))]
        if "pair" in spec.flags:
            towns, villages = r.randint(1, 3), r.randint(3, 10)
            return [f"{towns + i}({villages + 5 * i})" for i in range(len(years))]
        if "lt" in spec.flags:
            base = r.choice(["<5", "< 5", "<5", "<5.5"])
            first = self.fmt(r.uniform(3.8, 4.9), 1, False)
            return [first] + [base] * (len(years) - 1)
        v = r.uniform(spec.lo, spec.hi)
        step = spec.step * r.uniform(0.5, 1.5)
        keep_zeros = r.random() < 0.1
        pct = "pct" in spec.flags and spec.unit == "%" and r.random() < 0.5
        out = []
        for i, _ in enumerate(years):
            x = v + step * i
            if "cap100" in spec.flags:
                x = min(x, 100)
            x = max(x, 0)
            text = self.fmt(x, spec.dec, keep_zeros)
            roll = r.random()
            if "ops" in spec.flags and roll < 0.45:
                text = r.choice(["≥", "≥", ">", "≧", ">"]) + text
            elif roll < 0.04:
                text = r.choice([">", "≥"]) + text
            elif roll < 0.055:
                text = r.choice(["全覆盖", "开展试点", "稳步提升"])
            if pct and text[-1].isdigit():
                text += "%"
            out.append(text)
        # The last year of a five-year table often reads “>X” (more than the year before).
        if len(out) > 2 and r.random() < 0.2 and out[-2][0].isdigit() and not out[-2].startswith("100"):
            out[-1] = ">" + out[-2]
        return out

    def lead(self, spec, region):
        dept = self.r.choice(spec.leads)
        if dept.startswith("住房公积金"):
            branch = short_name(region)
            if any(c in HAN_NUMERIC for c in branch):
                return f"{CITY_OF[region]}市住房公积金管理中心"
            return f"{CITY_OF[region]}市住房公积金管理中心{branch}分中心"
        return region[-1] + dept

    def pick(self, domain, k):
        pool = [s for s in BY_DOMAIN[domain]]
        self.r.shuffle(pool)
        chosen, names = [], set()
        for s in pool:
            if s.name in names:
                continue  # one unit per indicator within a document
            names.add(s.name)
            chosen.append(s)
            if len(chosen) == k:
                break
        return chosen

    # -- prose ---------------------------------------------------------------------------------
    def task_text(self, domain, title, year):
        r = self.r
        parts = [title]
        for s in r.sample(SENTENCES, r.randint(2, 4)):
            parts.append(s)
        phrase = r.choice(TARGET_PHRASES).format(k=r.randint(2, 30), p=r.randint(80, 98))
        parts.append(f"到{year}年,{phrase}")
        return "。".join(parts) + "。"

    def outline(self, doc, domains, verb, prefix, end_year, safeguard_lead):
        r = self.r
        doc.add("二、重点任务")
        for i, d in enumerate(domains):
            lead = prefix + (DOMAIN_LEAD[d] if r.random() < 0.8 else r.choice(["卫健局", "民政局", "教育局", "住建局"]))
            doc.add(f"({cn(i + 1)}){verb}“{d}”。{DOMAIN_INTRO[d]}(牵头单位:{lead})")
            for j, title in enumerate(r.sample(TASK_TITLES[d], r.randint(2, 5))):
                doc.add(f"{j + 1}.{self.task_text(d, title, end_year)}")
        doc.add("三、保障措施")
        for i, (t, body) in enumerate(r.sample(SAFEGUARDS, r.randint(2, 5))):
            line = f"({cn(i + 1)}){t}。{body}"
            if safeguard_lead:
                line += f"(责任单位:{prefix}{r.choice(['府办', '发改局', '财政局'])})"
            doc.add(line)

    # -- layouts -------------------------------------------------------------------------------
    def plan(self, doc, max_rows):
        """dongtou-2023-2027-plan.txt: pipe table with one column per year."""
        r = self.r
        region = doc.region
        prefix = region[-1]
        start = r.choice([2021, 2022, 2023, 2023, 2023, 2024])
        end = start + r.choice([2, 3, 4, 4, 4])
        years = list(range(start - 1, end + 1))
        n_years = len(years)
        # indicators per domain so that the table fits max_rows
        per_domain = max(1, min(r.randint(3, 7), max_rows // (n_years * 7)))
        with_lead = r.random() < 0.5
        city = CITY_OF[region]
        doc.add(f"专题网站 | {prefix}公共服务“七优享”工程 | 政策速递 |")
        if r.random() < 0.3:
            doc.add(f"发布时间:{start}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} {r.randint(8, 18):02d}:{r.randint(0, 59):02d}")
        doc.add(f"为深入贯彻落实党的二十大精神,进一步提高公共服务水平,大力推进公共服务均衡可及和优质共享,根据"
                f"《{city}市公共服务“七优享”工程实施方案({start}—{end}年)》精神,结合{short_name(region)}实际,特制定本实施方案。")
        doc.add("一、主要目标")
        doc.add(f"到{end}年,建立覆盖全{prefix}的基本公共服务标准体系,落地一批民生实事工程,全面建成“15分钟公共服务圈”,"
                f"切实提升人民群众获得感、幸福感、安全感和认同感,着力开创公共服务“七优享”的社会发展新局面。")
        span = "三四五六七八"[n_years - 1 - 3] if 3 <= n_years - 1 <= 8 else str(n_years - 1)
        doc.add(f"表 {region}公共服务“七优享”{span}年目标")
        header = ["领域", "序号", r.choice(["指 标", "指标"])] + [f"{y}年" for y in years]
        if with_lead:
            header.append(r.choice(["牵头单位", "责任单位"]))
        doc.add(" | ".join(header) + " |")
        seq = 0
        body = []
        for d in SEVEN:
            for k, spec in enumerate(self.pick(d, per_domain)):
                seq += 1
                cells = self.series(spec, years)
                lead = self.lead(spec, region) if with_lead else None
                row = [spec.raw] + cells + ([lead] if with_lead else [])
                if k == 0:
                    body.append(f"{d} | {seq} | " + " | ".join(row) + " |")
                else:
                    body.append(f"{seq} | " + " | ".join(row) + " | |")
                for y, c in zip(years, cells):
                    doc.rows.append((d, spec.name, spec.unit, y, c, lead))
        # the table's last row has no closing pipe
        last = body[-1]
        body[-1] = last[:-4] if last.endswith(" | |") else last[:-2]
        doc.add(*body)
        self.outline(doc, SEVEN, DOMAIN_VERB["plan"], prefix, end, False)
        return start, end

    def points(self, doc, max_rows, panel):
        """shengsi-2025/2024-work-points.txt: cell-per-line table with one target column."""
        r = self.r
        region = doc.region
        prefix = region[-1]
        year = r.choice([2023, 2024, 2025, 2025, 2026])
        office = f"{region}公共服务七优享工程专班办公室"
        title = f"{year}年{region}公共服务“七优享”工程工作要点"
        month, day = r.randint(1, 4), r.randint(1, 28)
        written = f"{year}年{month}月{day}日"
        published = f"{year}-{month + 1:02d}-{r.randint(1, 28):02d} {r.randint(8, 20):02d}:{r.randint(0, 59):02d}"
        abbr = short_name(region)[0]
        if panel:
            doc.add(f"索引号 {r.randint(10 ** 17, 10 ** 18 - 1)}M/{year}-{r.randint(10000, 99999)}",
                    f" 组配分类 政府文件  发布机构 {office}",
                    f" 生成日期 {published[:10]}  公开方式 主动公开")
            for label, value in [("信息索引号", f"{r.randint(10 ** 17, 10 ** 18 - 1)}M/{year}-{r.randint(10000, 99999)}"),
                                 ("主题分类", "其他"), ("发布机构", office), ("成文日期", f"{year}-{month:02d}-{day:02d}"),
                                 ("文号", f"{abbr}七优享办〔{year}〕{r.randint(1, 9)}号"), ("文件登记号", None),
                                 ("公开方式", "主动公开"), ("有效性", None)]:
                doc.add(f"  • {label}:", "")
                if value:
                    doc.add(f"    {value}", "")
        doc.add(f"{region}公共服务七优享工程工作专班办公室关于印发《{year}年{region}公共服务“七优享” 工程工作要点》的通知", "",
                f"发布时间:{published}", "", "信息来源:" + ("" if panel else f"{prefix}政府办公室"), "",
                "信息来源:" + (f"{prefix}政府办公室" if panel else ""), "", "访问次数:", "", "字体大小:", "",
                "公共服务七优享工程工作专班成员单位:", "",
                f"现将《{year}年{region}公共服务“七优享”工程工作要点》印发给你们,请认真贯彻实施。", "",
                office, "", f"({region}人民政府办公室代章)", "", written, "", "")
        doc.add(title, "", "")
        doc.add(f"根据《{year}年浙江省公共服务“七优享”工程工作要点》《{year}年{CITY_OF[region]}市公共服务“七优享”工程工作要点》"
                f"和{year}年{region}政府工作报告要求,结合我{prefix}实际,特制定本工作要点。", "")
        doc.add("一、主要目标", "")
        doc.add(f"{year}年,持续深化具有特色的基本公共服务一体化管理体制机制创新,打造一批标志性成果,进一步提高公共服务优质共享的"
                f"可及性和均衡性,充分满足人的全生命周期公共服务需求,切实提升人民群众获得感、幸福感、安全感和认可度、满意度。", "")
        total = round(r.uniform(1, 6), 2)
        annual = round(r.uniform(0.2, total / 2), 2)
        doc.add("专栏 重大项目数量及投资额", "")
        doc.add(f"公共服务“七优享”工程计划实施项目共有1个:{abbr}{r.choice(['全民健身中心', '医康养联合体', '第二幼儿园', '社会福利中心'])}"
                f"项目({r.choice(['续建', '新建'])}项目),分属{r.choice(SEVEN)}领域,总投资 {total} 亿元,年度计划投资 {annual} 亿元。", "")
        doc.add(f"表  {year}年{region}公共服务“七优享 ”工程重点指标", "")
        if panel:
            doc.add("")
        for h in ["领域", "序号", "指标", r.choice(["完成值", "目标值"]), r.choice(["牵头单位", "责任单位"])]:
            doc.add(h, "")
        # Category rows first (民生实事, 项目建设), then the seven domains.
        groups = []
        for c in ["民生实事", r.choice(["项目建设", "重大项目"])]:
            if r.random() < 0.7:
                groups.append((c, BY_DOMAIN[c][:1]))
        per_domain = max(1, min(r.randint(2, 6), (max_rows - len(groups)) // 7))
        for d in SEVEN:
            groups.append((d, self.pick(d, per_domain)))
        seq = 0
        budget = max_rows
        for d, specs in groups:
            specs = specs[:budget]
            if not specs:
                break
            doc.add(d, "")
            for spec in specs:
                seq += 1
                budget -= 1
                cell = self.series(spec, [year])[0]
                lead = self.lead(spec, region)
                doc.add(str(seq), "", spec.raw, "")
                if "q" in spec.flags and r.random() < 0.7:
                    cell = ""  # 巩固国家…创建成果: no target cell at all
                elif "comp" in spec.flags:
                    a, b = cell.split("、")
                    doc.add(a + "、", "", b, "")
                else:
                    pad = "    " if r.random() < 0.05 else ""
                    doc.add(cell + pad, "")
                doc.add(lead, "")
                doc.rows.append((d, spec.name, spec.unit, year, cell, lead))
        self.outline(doc, SEVEN, DOMAIN_VERB["points"], prefix, year, True)
        return year, year


def generator_sha256():
    import hashlib
    with open(os.path.abspath(__file__), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def generate(n, out, seed, quiet=False):
    g = Generator(seed)
    r = g.r
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    remaining = n
    i = 0
    manifest = {"indicators": 0, "documents": 0, "bytes": 0, "seed": seed, "generator_sha256": generator_sha256(), "by_domain": {}, "by_region": {},
                "by_year": {}, "by_lead": {}, "null_value": 0, "by_base_unit": {}, "layouts": {}}

    def bump(key, k, count=1):
        d = manifest[key]
        d[k] = d.get(k, 0) + count

    while remaining > 0:
        i += 1
        region = r.choice(REGION_LIST)
        layout = r.choices(["plan", "points", "points24"], [0.55, 0.3, 0.15])[0]
        if remaining < 300:
            layout = r.choice(["points", "points24"])
        doc = Doc(f"g{i:07d}-{layout}", region)
        if layout == "plan":
            g.plan(doc, min(remaining, 350))
        else:
            g.points(doc, min(remaining, r.randint(20, 48)), layout == "points24")
        text = "\n".join(doc.lines) + "\n"
        data = text.encode("utf-8")
        with open(os.path.join(out, doc.id + ".txt"), "wb") as f:
            f.write(data)
        manifest["documents"] += 1
        manifest["bytes"] += len(data)
        bump("layouts", layout)
        for (d, name, unit, year, target, lead) in doc.rows:
            manifest["indicators"] += 1
            bump("by_domain", d)
            bump("by_region", region)
            bump("by_year", str(year))
            bump("by_lead", lead or "")
            op, value = read_target(target)
            if value is None:
                manifest["null_value"] += 1
                continue
            u = unit if unit is not None else ("%" if target.strip().endswith("%") else None)
            if u is None:
                bu, bv = "", value
            else:
                bu, factor = base_unit(u)
                bv = round_noise(value * factor)
            s = manifest["by_base_unit"].setdefault(bu, [0, 0.0])
            s[0] += 1
            s[1] += bv
        remaining -= len(doc.rows)
        if not doc.rows:
            raise SystemExit("generator bug: a document without indicators")
    with open(os.path.join(out, ".manifest.json"), "w") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1, sort_keys=True)
    if not quiet:
        print(f"wrote {manifest['documents']} documents, {manifest['indicators']} indicators, "
              f"{manifest['bytes'] / 1e6:.1f} MB to {out}")
    return manifest


# ---------------------------------------------------------------------------------------------
def verify(out, qyx):
    """Loads the corpus with qyx and checks it against the manifest. Returns a list of problems."""
    with open(os.path.join(out, ".manifest.json")) as f:
        m = json.load(f)
    queries = [
        "select count(*) as n from indicators",
        "select domain, count(*) as n from indicators group by domain",
        "select region, count(*) as n from indicators group by region",
        "select year, count(*) as n from indicators group by year",
        "select lead, count(*) as n from indicators group by lead",
        "select count(*) as n from indicators where value is null",
        "select base_unit, count(*) as n, sum(base_value) as s from indicators where base_value is not null group by base_unit",
        "select count(*) as n from documents",
        "select count(*) as n from indicators where region is null or domain is null",
    ]
    started = time.time()
    p = subprocess.run([qyx, "--no-builtin", "--docs", out, "--format", "json", "--timer", "-c", ";\n".join(queries)],
                       capture_output=True, text=True)
    elapsed = time.time() - started
    problems = []
    warnings = [l for l in p.stderr.splitlines() if "warning:" in l or "error:" in l]
    if p.returncode != 0:
        problems.append(f"qyx exited with {p.returncode}: {p.stderr[-2000:]}")
        return problems, p.stderr
    if warnings:
        problems.append(f"{len(warnings)} warnings/errors, first: " + " | ".join(warnings[:5]))
    results = []
    dec = json.JSONDecoder()
    s = p.stdout
    pos = 0
    while True:
        while pos < len(s) and s[pos].isspace():
            pos += 1
        if pos >= len(s):
            break
        obj, pos = dec.raw_decode(s, pos)
        results.append(obj)

    def table(res, key):
        return {("" if row[key] is None else str(row[key])): row["n"] for row in res}

    total, by_domain, by_region, by_year, by_lead, nulls, by_unit, docs, unplaced = results
    def check(what, got, want):
        if got != want:
            diff = {k: (got.get(k), want.get(k)) for k in set(got) | set(want) if got.get(k) != want.get(k)} \
                if isinstance(got, dict) else (got, want)
            problems.append(f"{what}: qyx {got if not isinstance(got, dict) else ''} differs: {str(diff)[:800]}")
    check("count(*)", total[0]["n"], m["indicators"])
    check("documents", docs[0]["n"], m["documents"])
    check("rows without region or domain", unplaced[0]["n"], 0)
    check("by domain", table(by_domain, "domain"), m["by_domain"])
    check("by region", table(by_region, "region"), m["by_region"])
    check("by year", table(by_year, "year"), m["by_year"])
    check("by lead", table(by_lead, "lead"), m["by_lead"])
    check("value is null", nulls[0]["n"], m["null_value"])
    got_units = {("" if row["base_unit"] is None else row["base_unit"]): row["n"] for row in by_unit}
    check("base_unit counts", got_units, {k: v[0] for k, v in m["by_base_unit"].items()})
    for row in by_unit:
        k = "" if row["base_unit"] is None else row["base_unit"]
        want = m["by_base_unit"].get(k, [0, 0.0])[1]
        if not math.isclose(row["s"] or 0, want, rel_tol=1e-9, abs_tol=1e-6):
            problems.append(f"sum(base_value) for base_unit {k!r}: qyx {row['s']} expected {want}")
    load = next((l for l in p.stderr.splitlines() if l.startswith("Load Time")), "")
    print(f"verify: qyx loaded {total[0]['n']} indicators from {docs[0]['n']} documents "
          f"({load}; wall {elapsed:.2f} s): " + ("OK" if not problems else f"{len(problems)} problems"))
    return problems, p.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--indicators", type=int, required=True, help="indicator rows to write (exact)")
    ap.add_argument("--out", required=True, help="folder for the documents (replaced)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--verify", metavar="QYX", help="load the corpus with this qyx binary and check it")
    args = ap.parse_args()
    generate(args.indicators, args.out, args.seed)
    if args.verify:
        problems, _ = verify(args.out, args.verify)
        for p in problems:
            print("  " + p, file=sys.stderr)
        sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
