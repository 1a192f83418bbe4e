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

    /// Every row of this entity in `corpus`, each in field order.
    public func rows(in corpus: Corpus) -> [[Value]] {
        switch self {
        case .documents: return corpus.documents.map(\.values)
        case .indicators: return corpus.indicators.map(\.values)
        case .tasks: return corpus.tasks.map(\.values)
        case .projects: return corpus.projects.map(\.values)
        case .reforms: return corpus.reforms.map(\.values)
        case .pairings: return corpus.pairings.map(\.values)
        case .figures: return corpus.figures.map(\.values)
        case .conflicts: return corpus.conflicts.map(\.values)
        case .domains: return Domain.all.map { DomainRow(domain: $0).values }
        }
    }
}
