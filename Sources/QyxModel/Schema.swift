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
    /// Hands the row's cells to `writer` in the order of `fields`, one call per field.
    func write<W: RowWriter>(to writer: inout W)
}

/// Receives the cells of a row, one call per field in field order, each by its field's type.
/// Storage fills its columns from these calls directly: a `[Value]` per row would cost an array
/// and a boxed value per cell for every one of a million rows.
public protocol RowWriter {
    mutating func text(_ s: String?)
    mutating func date(_ s: String?)
    mutating func int(_ i: Int?)
    mutating func number(_ d: Double?)
    /// A list or record cell (or null).
    mutating func value(_ v: Value)
}

/// Collects a row as values.
struct ValueRow: RowWriter {
    var values: [Value] = []
    mutating func text(_ s: String?) { values.append(.optional(s)) }
    mutating func date(_ s: String?) { values.append(s.map { .date($0) } ?? .null) }
    mutating func int(_ i: Int?) { values.append(.optional(i)) }
    mutating func number(_ d: Double?) { values.append(.optional(d)) }
    mutating func value(_ v: Value) { values.append(v) }
}

extension EntityRecord {
    /// Values in the order of `fields`.
    public var values: [Value] {
        var row = ValueRow()
        row.values.reserveCapacity(Self.fields.count)
        write(to: &row)
        return row.values
    }
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
    func write<W: RowWriter>(to writer: inout W) {
        writer.text(doc)
        writer.int(line)
    }
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

    /// What `visitor` makes of this entity's rows in `corpus`.
    public func visitRows<V: EntityRowVisitor>(in corpus: Corpus, _ visitor: inout V) -> V.Result {
        switch self {
        case .documents: return visitor.visit(corpus.documents[...])
        case .indicators: return visitor.visit(corpus.indicators[...])
        case .tasks: return visitor.visit(corpus.tasks[...])
        case .projects: return visitor.visit(corpus.projects[...])
        case .reforms: return visitor.visit(corpus.reforms[...])
        case .pairings: return visitor.visit(corpus.pairings[...])
        case .figures: return visitor.visit(corpus.figures[...])
        case .conflicts: return visitor.visit(corpus.conflicts[...])
        case .domains: return visitor.visit(Domain.all.map(DomainRow.init(domain:))[...])
        }
    }

    /// Every row of this entity in `corpus`, each in field order.
    public func rows(in corpus: Corpus) -> [[Value]] {
        struct Values: EntityRowVisitor {
            func visit<R: EntityRecord>(_ rows: ArraySlice<R>) -> [[Value]] { rows.map(\.values) }
        }
        var values = Values()
        return visitRows(in: corpus, &values)
    }
}

/// Something done to the rows of one entity whatever their type (`EntityKind.visitRows`).
public protocol EntityRowVisitor {
    associatedtype Result
    mutating func visit<R: EntityRecord>(_ rows: ArraySlice<R>) -> Result
}
