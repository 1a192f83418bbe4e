/// A problem found while reading a document: where it is and what it is.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// A note says what was done on the way (a conversion), not that anything is wrong.
    public enum Severity: String, Sendable { case note, warning, error }
    public var severity: Severity
    public var file: String
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int?, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: warning: message`, the form compilers and editors understand.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(severity.rawValue): \(message)"
    }
}

/// The whole in-memory model: every entity of every loaded document.
public struct Corpus: Sendable {
    public var documents: [PlanDocument] = []
    public var indicators: [Indicator] = []
    public var tasks: [PlanTask] = []
    public var projects: [Project] = []
    public var reforms: [Reform] = []
    public var pairings: [Pairing] = []
    public var figures: [Figure] = []
    /// Derived from figures and indicators once every document is loaded (QyxAnalysis's `ConflictFinder`).
    public var conflicts: [Conflict] = []
    public var diagnostics: [Diagnostic] = []

    public init() {}

    /// Adds another corpus's rows after this one's.
    public mutating func merge(_ other: Corpus) {
        documents += other.documents
        indicators += other.indicators
        tasks += other.tasks
        projects += other.projects
        reforms += other.reforms
        pairings += other.pairings
        figures += other.figures
        diagnostics += other.diagnostics
    }

    /// Drops the rows of `entity`: a database copies each entity into columns and frees the
    /// model's rows as it goes, so a load never holds two full copies.
    public mutating func removeRows(of entity: EntityKind) {
        switch entity {
        case .documents: documents = []
        case .indicators: indicators = []
        case .tasks: tasks = []
        case .projects: projects = []
        case .reforms: reforms = []
        case .pairings: pairings = []
        case .figures: figures = []
        case .conflicts: conflicts = []
        case .domains: break
        }
    }

    public func document(_ id: String) -> PlanDocument? { documents.first { $0.id == id } }
}
