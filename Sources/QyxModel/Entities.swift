/// A published plan: its identity, issuer and the years it covers.
public struct PlanDocument: EntityRecord, Hashable {
    public var id: String
    public var title: String?
    public var region: String?
    public var issuer: String?
    public var number: String?
    public var written: String?
    public var published: String?
    public var kind: String?
    public var periodStart: Int?
    public var periodEnd: Int?
    public var source: String
    public var line: Int

    public init(id: String, source: String) {
        self.id = id
        self.source = source
        self.line = 1
    }

    /// How the document is cited: its 文号, else its title, else its id.
    public var citation: String { number ?? title ?? id }

    public static let fields = Provenance.fields + [
        FieldSpec("id", .text, "document id (file name without extension)"),
        FieldSpec("title", .text, "title of the plan"),
        FieldSpec("region", .text, "county or district the plan is for"),
        FieldSpec("issuer", .text, "发布机构: the issuing office"),
        FieldSpec("number", .text, "文号, e.g. 嵊政办发〔2024〕10号"),
        FieldSpec("written", .date, "成文日期"),
        FieldSpec("published", .date, "发布时间"),
        FieldSpec("kind", .text, "工作要点 / 实施方案 / 行动方案 …"),
        FieldSpec("period_start", .int, "first year the plan covers"),
        FieldSpec("period_end", .int, "last year the plan covers"),
        FieldSpec("source", .text, "file the document was read from"),
    ]

    public func write<W: RowWriter>(to w: inout W) {
        w.text(id); w.int(line); w.text(id); w.text(title); w.text(region); w.text(issuer); w.text(number)
        w.date(written); w.date(published); w.text(kind); w.int(periodStart); w.int(periodEnd); w.text(source)
    }

    /// The single year of a one-year plan, or nil for a multi-year one.
    public var singleYear: Int? { periodStart != nil && periodStart == periodEnd ? periodStart : nil }
}

/// One indicator of a target table for one year.
public struct Indicator: EntityRecord, Hashable {
    public var provenance: Provenance
    public var region: String?
    public var year: Int
    public var domain: String?
    public var seq: Int?
    public var name: String
    public var unit: String?
    public var target: String
    public var reading: TargetReading
    public var lead: String?
    /// `target`, or `baseline` for a year before the plan's period.
    public var kind: String
    /// The 属性 cell: 预期性 (expected) or 约束性 (binding); nil when the table has no such column.
    public var attribute: String?

    public init(provenance: Provenance, region: String?, year: Int, domain: String?, seq: Int?,
                name: String, unit: String?, target: String, lead: String?, kind: String, attribute: String? = nil) {
        self.provenance = provenance
        self.region = region
        self.year = year
        self.domain = domain
        self.seq = seq
        self.name = name
        self.unit = unit
        self.target = target
        self.reading = TargetReading.parse(target)
        self.lead = lead
        self.kind = kind
        self.attribute = attribute
    }

    public var value: Double? { reading.value }
    public var op: ComparisonOp? { reading.op }
    /// The value in its base unit (万人 → 人, 亿元 → 元).
    public var base: (value: Double?, unit: String?) {
        let unit = self.unit ?? reading.cellUnit
        guard let value else { return (nil, unit.map { Units.base(of: $0).unit }) }
        return Units.normalize(value, unit: unit)
    }

    public static let fields = Provenance.fields + [
        FieldSpec("region", .text, "county or district"),
        FieldSpec("year", .int, "year the target is for"),
        FieldSpec("domain", .text, "one of the seven domains, or 民生实事 / 项目建设 / 重大项目"),
        FieldSpec("seq", .int, "序号 in the table"),
        FieldSpec("name", .text, "indicator name without its unit"),
        FieldSpec("unit", .text, "unit as written (%, 个, 万人 …)"),
        FieldSpec("target", .text, "完成值 cell text as written"),
        FieldSpec("op", .text, "= > >= < <= (null when qualitative)"),
        FieldSpec("value", .number, "the number (null when qualitative or composite)", unit: .field("unit")),
        FieldSpec("base_value", .number, "value in the base unit (0.15万人 → 1500)", unit: .field("base_unit")),
        FieldSpec("base_unit", .text, "base unit (万人 → 人, 亿元 → 元)"),
        FieldSpec("lead", .text, "牵头单位"),
        FieldSpec("kind", .text, "target, or baseline for a year before the plan's period"),
        FieldSpec("parts", .list, "labelled parts of a composite target"),
        FieldSpec("attribute", .text, "属性: 预期性 (expected) or 约束性 (binding), when the table says"),
    ]

    public func write<W: RowWriter>(to w: inout W) {
        let base = self.base
        provenance.write(to: &w)
        w.text(region); w.int(year); w.text(domain); w.int(seq); w.text(name); w.text(unit ?? reading.cellUnit)
        w.text(target); w.text(op?.rawValue); w.number(value); w.number(base.value); w.text(base.unit); w.text(lead)
        w.text(kind)
        w.value(reading.parts.isEmpty ? .null : .list(reading.parts.map { part in
            .record([.init("label", .text(part.label)), .init("op", .text(part.op.rawValue)),
                     .init("value", .double(part.value))])
        }))
        w.text(attribute)
    }
}

/// A numbered work item of a plan's outline (重点任务, 保障措施, annex plans).
public struct PlanTask: EntityRecord, Hashable {
    public var provenance: Provenance
    public var region: String?
    public var domain: String?
    public var path: String
    public var title: String
    public var text: String
    public var lead: [String]

    public init(provenance: Provenance, region: String?, domain: String?, path: String,
                title: String, text: String, lead: [String]) {
        self.provenance = provenance
        self.region = region
        self.domain = domain
        self.path = path
        self.title = title
        self.text = text
        self.lead = lead
    }

    public static let fields = Provenance.fields + [
        FieldSpec("region", .text, "county or district"),
        FieldSpec("domain", .text, "domain named by the item's section, if any"),
        FieldSpec("path", .text, "outline position, e.g. 二.(四).3"),
        FieldSpec("title", .text, "lead phrase before the first 。"),
        FieldSpec("text", .text, "whole text of the item"),
        FieldSpec("lead", .list, "牵头单位 / 责任单位 of the item or its section"),
    ]

    public func write<W: RowWriter>(to w: inout W) {
        provenance.write(to: &w)
        w.text(region); w.text(domain); w.text(path); w.text(title); w.text(text); w.value(.texts(lead))
    }
}

/// A project of a 重大项目 column or a 项目清单 annex.
public struct Project: EntityRecord, Hashable {
    public var provenance: Provenance
    public var region: String?
    public var seq: Int?
    public var name: String
    public var domain: String?
    public var category: String?
    public var content: String?
    public var location: String?
    /// 总投资, 亿元.
    public var investment: Double?
    /// 年度计划投资, 亿元.
    public var annualInvestment: Double?
    public var startYear: Int?
    public var endYear: Int?
    public var lead: [String] = []
    public var person: [String] = []
    public var status: String?
    public var parent: String?

    public init(provenance: Provenance, region: String?, name: String) {
        self.provenance = provenance
        self.region = region
        self.name = name
    }

    public static let fields = Provenance.fields + [
        FieldSpec("region", .text, "county or district"),
        FieldSpec("seq", .int, "序号 in the project list"),
        FieldSpec("name", .text, "project name"),
        FieldSpec("domain", .text, "domain the project belongs to"),
        FieldSpec("category", .text, "category heading of the list (教育, 医疗 …)"),
        FieldSpec("content", .text, "建设内容和规模"),
        FieldSpec("location", .text, "建设地点"),
        FieldSpec("investment", .number, "总投资, 亿元", unit: .fixed("亿元")),
        FieldSpec("annual_investment", .number, "年度计划投资, 亿元", unit: .fixed("亿元")),
        FieldSpec("start_year", .int, "first construction year"),
        FieldSpec("end_year", .int, "last construction year"),
        FieldSpec("lead", .list, "责任单位"),
        FieldSpec("person", .list, "责任人"),
        FieldSpec("status", .text, "新建 / 续建 / 撤并 / 改建 …"),
        FieldSpec("parent", .text, "package project this one belongs to"),
    ]

    public func write<W: RowWriter>(to w: inout W) {
        provenance.write(to: &w)
        w.text(region); w.int(seq); w.text(name); w.text(domain); w.text(category); w.text(content); w.text(location)
        w.number(investment); w.number(annualInvestment); w.int(startYear); w.int(endYear)
        w.value(.texts(lead)); w.value(.texts(person)); w.text(status); w.text(parent)
    }
}

/// One task line of a reform: its text and the units that carry it.
public struct ReformTask: Hashable, Sendable {
    public var line: Int
    public var text: String
    public var lead: [String]
    public var person: [String]
    public var partners: [String]
    public init(line: Int, text: String, lead: [String], person: [String], partners: [String]) {
        self.line = line
        self.text = text
        self.lead = lead
        self.person = person
        self.partners = partners
    }
}

/// A row of a 改革清单.
public struct Reform: EntityRecord, Hashable {
    public var provenance: Provenance
    public var region: String?
    public var seq: Int
    public var category: String?
    public var name: String
    public var goal: String
    public var tasks: [String]
    /// The task lines with their own units; most reforms have one.
    public var taskLines: [ReformTask]

    public init(provenance: Provenance, region: String?, seq: Int, category: String?, name: String,
                goal: String, tasks: [String], taskLines: [ReformTask]) {
        self.provenance = provenance
        self.region = region
        self.seq = seq
        self.category = category
        self.name = name
        self.goal = goal
        self.tasks = tasks
        self.taskLines = taskLines
    }

    /// Units of all task lines, first mention first.
    public var lead: [String] { Self.union(taskLines.map(\.lead)) }
    public var person: [String] { Self.union(taskLines.map(\.person)) }
    public var partners: [String] { Self.union(taskLines.map(\.partners)) }

    static func union(_ lists: [[String]]) -> [String] {
        var seen = Set<String>()
        return lists.joined().filter { seen.insert($0).inserted }
    }

    public static let fields = Provenance.fields + [
        FieldSpec("region", .text, "county or district"),
        FieldSpec("seq", .int, "序号"),
        FieldSpec("category", .text, "教育, 医疗, 养老 …"),
        FieldSpec("name", .text, "改革名称"),
        FieldSpec("goal", .text, "改革目标"),
        FieldSpec("tasks", .list, "改革任务, one entry per numbered task"),
        FieldSpec("lead", .list, "牵头单位"),
        FieldSpec("person", .list, "责任人"),
        FieldSpec("partners", .list, "参与单位"),
        FieldSpec("task_lines", .list, "task lines that name their own units"),
    ]

    public func write<W: RowWriter>(to w: inout W) {
        provenance.write(to: &w)
        w.text(region); w.int(seq); w.text(category); w.text(name); w.text(goal); w.value(.texts(tasks))
        w.value(.texts(lead)); w.value(.texts(person)); w.value(.texts(partners))
        w.value(.list(taskLines.map { t in
            .record([.init("line", .int(t.line)), .init("text", .text(t.text)), .init("lead", .texts(t.lead)),
                     .init("person", .texts(t.person)), .init("partners", .texts(t.partners))])
        }))
    }
}

/// A row of a 组团式帮扶 table: a local institution and the partner that supports it.
public struct Pairing: EntityRecord, Hashable {
    public var provenance: Provenance
    public var region: String?
    public var seq: Int?
    public var institution: String
    public var partner: String
    public var relation: String
    public var requirement: String

    public init(provenance: Provenance, region: String?, seq: Int?, institution: String, partner: String,
                relation: String, requirement: String) {
        self.provenance = provenance
        self.region = region
        self.seq = seq
        self.institution = institution
        self.partner = partner
        self.relation = relation
        self.requirement = requirement
    }

    public static let fields = Provenance.fields + [
        FieldSpec("region", .text, "county or district"),
        FieldSpec("seq", .int, "序号 of the institution"),
        FieldSpec("institution", .text, "local institution supported"),
        FieldSpec("partner", .text, "supporting hospital or centre"),
        FieldSpec("relation", .text, "“山海”提升, 组团式帮扶 …"),
        FieldSpec("requirement", .text, "能力提升要求"),
    ]

    public func write<W: RowWriter>(to w: inout W) {
        provenance.write(to: &w)
        w.text(region); w.int(seq); w.text(institution); w.text(partner); w.text(relation); w.text(requirement)
    }
}

/// A domain as a row: the seven plus the table categories, with English aliases.
public struct DomainRow: EntityRecord {
    public var domain: Domain
    public init(domain: Domain) { self.domain = domain }

    public static let fields = Provenance.fields + [
        FieldSpec("name", .text, "domain name"),
        FieldSpec("alias", .text, "English alias usable wherever a domain is named"),
        FieldSpec("kind", .text, "domain (the seven) or category (table headings)"),
    ]

    public func write<W: RowWriter>(to w: inout W) {
        w.text(nil); w.int(nil); w.text(domain.name); w.text(domain.alias); w.text(domain.kind)
    }
}
