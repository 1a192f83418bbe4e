/// A quantity stated in the prose of a task, reform or project: 普惠托位占比达到90%.
public struct Figure: EntityRecord, Hashable {
    public var provenance: Provenance
    public var region: String?
    public var domain: String?
    /// task, reform or project: the kind of text the figure was found in.
    public var source: String
    /// The outline path of the task (二.(四).3), or the reform's or project's name.
    public var task: String?
    public var year: Int?
    public var subject: String
    public var op: ComparisonOp
    public var value: Double
    public var unit: String?
    /// The clause the figure was read from.
    public var text: String

    public init(provenance: Provenance, region: String?, domain: String?, source: String, task: String?, year: Int?,
                subject: String, op: ComparisonOp, value: Double, unit: String?, text: String) {
        self.provenance = provenance
        self.region = region
        self.domain = domain
        self.source = source
        self.task = task
        self.year = year
        self.subject = subject
        self.op = op
        self.value = value
        self.unit = unit
        self.text = text
    }

    public static let fields = Provenance.fields + [
        FieldSpec("region", .text, "county or district"),
        FieldSpec("domain", .text, "domain of the task the figure is in, if any"),
        FieldSpec("source", .text, "task, reform or project"),
        FieldSpec("task", .text, "outline path of the task, or the reform's or project's name"),
        FieldSpec("year", .int, "year the figure is for (stated in its sentence, else the document's)"),
        FieldSpec("subject", .text, "what the number is about, e.g. 普惠托位占比"),
        FieldSpec("op", .text, "= > >= < <= (达到/以上/不少于 → >=, 以下/不超过 → <=)"),
        FieldSpec("value", .number, "the number as written", unit: .field("unit")),
        FieldSpec("unit", .text, "unit as written (%, 个, 亿元 …)"),
        FieldSpec("base_value", .number, "value in the base unit (2.5亿元 → 250000000)", unit: .field("base_unit")),
        FieldSpec("base_unit", .text, "base unit (亿元 → 元)"),
        FieldSpec("stated", .text, "operator, value and unit in one (>=90%)"),
        FieldSpec("text", .text, "the clause the figure was read from"),
    ]

    /// `>=90%`, `1900元`.
    public var stated: String { ComparisonOp.stated(op, value, unit) }

    public var base: (value: Double, unit: String?) { Units.normalize(value, unit: unit) }

    public func write<W: RowWriter>(to w: inout W) {
        let (baseValue, baseUnit) = base
        provenance.write(to: &w)
        w.text(region); w.text(domain); w.text(source); w.text(task); w.int(year); w.text(subject); w.text(op.rawValue)
        w.number(value); w.text(unit); w.number(baseValue); w.text(baseUnit); w.text(stated); w.text(text)
    }
}

/// Two places that give the same subject, unit and year different values.
public struct Conflict: EntityRecord, Hashable {
    /// The first place (a document and line).
    public var provenance: Provenance
    public var region: String?
    public var year: Int
    public var subject: String
    public var unit: String?
    public var valueA: String
    public var citedA: String
    public var valueB: String
    public var citedB: String
    /// The second place.
    public var other: Provenance
    /// text vs text, or table vs text.
    public var kind: String

    public init(provenance: Provenance, region: String?, year: Int, subject: String, unit: String?, valueA: String,
                citedA: String, valueB: String, citedB: String, other: Provenance, kind: String) {
        self.provenance = provenance
        self.region = region
        self.year = year
        self.subject = subject
        self.unit = unit
        self.valueA = valueA
        self.citedA = citedA
        self.valueB = valueB
        self.citedB = citedB
        self.other = other
        self.kind = kind
    }

    public static let fields = Provenance.fields + [
        FieldSpec("region", .text, "county or district"),
        FieldSpec("year", .int, "year both values are for"),
        FieldSpec("subject", .text, "what both values are about"),
        FieldSpec("unit", .text, "base unit both values are in"),
        FieldSpec("value_a", .text, "the first value, as written"),
        FieldSpec("cited_a", .text, "where: 文号 (or title) and line"),
        FieldSpec("value_b", .text, "the other value, as written"),
        FieldSpec("cited_b", .text, "where the other value is"),
        FieldSpec("doc_b", .text, "document of the other value"),
        FieldSpec("line_b", .int, "line of the other value"),
        FieldSpec("kind", .text, "table vs text, or text vs text"),
    ]

    public func write<W: RowWriter>(to w: inout W) {
        provenance.write(to: &w)
        w.text(region); w.int(year); w.text(subject); w.text(unit); w.text(valueA); w.text(citedA); w.text(valueB)
        w.text(citedB); w.text(other.doc); w.int(other.line); w.text(kind)
    }
}
