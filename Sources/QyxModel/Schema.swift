/// The type of one entity field, as `describe` shows it and as the language checks it.
public enum FieldType: String, Sendable {
    case int, number, text, date, list, record
}

/// Where a numeric field's unit comes from: another field of the row, or a fixed unit.
public enum FieldUnit: Sendable, Equatable {
    case field(String)
    case fixed(String)
}

/// One column of an entity: its name, type, a one-line meaning and, for amounts, its unit.
public struct FieldSpec: Sendable {
    public let name: String
    public let type: FieldType
    public let meaning: String
    public let unit: FieldUnit?
    public init(_ name: String, _ type: FieldType, _ meaning: String, unit: FieldUnit? = nil) {
        self.name = name
        self.type = type
        self.meaning = meaning
        self.unit = unit
    }
}

/// A row type of the model. Every row can be cited: `doc` and `line` lead back to its source.
public protocol EntityRecord: Sendable {
    static var fields: [FieldSpec] { get }
    /// Values in the order of `fields`.
    var values: [Value] { get }
}

/// Where a row came from: a document id and a 1-based line in that document's source text.
public struct Provenance: Hashable, Sendable {
    public var doc: String
    public var line: Int
    public init(doc: String, line: Int) {
        self.doc = doc
        self.line = line
    }

    static let fields = [
        FieldSpec("doc", .text, "document id the row comes from"),
        FieldSpec("line", .int, "1-based line in that document"),
    ]
    var values: [Value] { [.text(doc), .int(line)] }
}

/// The entities of the model, by the names analysts use for them.
public enum EntityKind: String, CaseIterable, Sendable {
    case documents, indicators, tasks, projects, reforms, pairings, figures, conflicts, domains

    public var fields: [FieldSpec] {
        switch self {
        case .documents: return PlanDocument.fields
        case .indicators: return Indicator.fields
        case .tasks: return PlanTask.fields
        case .projects: return Project.fields
        case .reforms: return Reform.fields
        case .pairings: return Pairing.fields
        case .figures: return Figure.fields
        case .conflicts: return Conflict.fields
        case .domains: return DomainRow.fields
        }
    }

    /// How many rows this entity has in `corpus`.
    public func count(in corpus: Corpus) -> Int {
        switch self {
        case .documents: return corpus.documents.count
        case .indicators: return corpus.indicators.count
        case .tasks: return corpus.tasks.count
        case .projects: return corpus.projects.count
        case .reforms: return corpus.reforms.count
        case .pairings: return corpus.pairings.count
        case .figures: return corpus.figures.count
        case .conflicts: return corpus.conflicts.count
        case .domains: return Domain.all.count
        }
    }

    /// Hands each row (of `rows`, else all) to `body` in field order without building them all
    /// at once: a million rows of values at a time would double the peak memory of a load.
    public func forEachRow(in corpus: Corpus, rows: Range<Int>? = nil, _ body: ([Value]) -> Void) {
        func each<R: EntityRecord>(_ items: [R]) { items[rows ?? items.indices].forEach { body($0.values) } }
        switch self {
        case .documents: each(corpus.documents)
        case .indicators: each(corpus.indicators)
        case .tasks: each(corpus.tasks)
        case .projects: each(corpus.projects)
        case .reforms: each(corpus.reforms)
        case .pairings: each(corpus.pairings)
        case .figures: each(corpus.figures)
        case .conflicts: each(corpus.conflicts)
        case .domains: each(Domain.all.map(DomainRow.init(domain:)))
        }
    }

    /// Every row of this entity in `corpus`, each in field order.
    public func rows(in corpus: Corpus) -> [[Value]] {
        var rows: [[Value]] = []
        rows.reserveCapacity(count(in: corpus))
        forEachRow(in: corpus) { rows.append($0) }
        return rows
    }
}
