import Foundation
import QyxModel

/// Runs parsed statements against a database.
public final class Engine: @unchecked Sendable {
    public let database: Database
    public var parameters: [String: Value]
    /// Polled while a statement runs; returning true stops it with an "interrupted" error.
    public var shouldStop: (() -> Bool)?
    /// Seconds a statement may run before it is stopped with an error (nil: no limit).
    public var timeLimit: Double?
    private var deadline: Double?
    /// Reports cite every figure; queries elsewhere skip the cost of collecting sources.
    public var tracksProvenance = false

    public init(database: Database, parameters: [String: Value] = [:]) {
        self.database = database
        self.parameters = parameters
    }

    /// Parses and runs every statement of `text`, handing each result to `output` as it is ready,
    /// so that results before an error are kept.
    public func run(_ text: String, output: (ParsedStatement, ResultSet) throws -> Void) throws {
        for statement in try Parser.parseScript(text) {
            try output(statement, try execute(statement))
        }
    }

    public func execute(_ parsed: ParsedStatement) throws(QueryError) -> ResultSet {
        deadline = timeLimit.map { ProcessInfo.processInfo.systemUptime + $0 }
        defer { deadline = nil }
        switch parsed.statement {
        case .select(let s): return try SelectExecutor(engine: self, statement: s).run()
        case .compare(let entity, let by, let filter):
            return try CompareExecutor(engine: self, entity: entity, by: by, filter: filter).run()
        case .describe(let name): return try Catalog.describe(name, in: database)
        case .showEntities: return Catalog.entities(in: database)
        case .showDomains: return Catalog.domains(in: database)
        case .showValues(let field, let entity): return try Catalog.values(of: field, entity: entity, in: database)
        }
    }

    /// Reads a `--param name=value` value: a number, a date, or text.
    public static func parameterValue(_ text: String) -> Value {
        if let i = Int(text) { return .int(i) }
        if let d = Double(text), text.contains(".") { return .double(d) }
        if text.count == 10, let tokens = try? Lexer.tokenize(text), tokens.first?.kind == .date, tokens.count == 2 { return .date(text) }
        return .text(text)
    }

    /// Rows of `table` that satisfy `filter`.
    func filteredRows(_ table: Table, _ filter: Expr?) throws(QueryError) -> [Int] {
        guard let filter else { return Array(0..<table.count) }
        let binder = Binder(database: database, table: table, parameters: parameters)
        let bound = try binder.bind(filter)
        let predicate = Evaluator(database: database, table: table).predicate(bound.expr)
        return try scan(table.count, at: filter.range) { predicate($0) == true }
    }

    /// The doc and line of each of `rows`, or nil when provenance is not tracked.
    func provenance(_ table: Table, _ rows: [Int]) -> [Provenance]? {
        guard tracksProvenance, let doc = table.column("doc"), let line = table.column("line") else { return nil }
        return rows.map { r in
            let n = line.value(r, database.pool)
            return Provenance(doc: doc.value(r, database.pool).displayText, line: n.number.map { Int($0) } ?? 0)
        }
    }

    /// Row numbers below `count` that pass `keep`, checking every 16,384 rows for a stop request
    /// and the time limit.
    func scan(_ count: Int, at range: SourceRange, _ keep: (Int) -> Bool) throws(QueryError) -> [Int] {
        var rows: [Int] = []
        var start = 0
        while start < count {
            if shouldStop?() == true { throw QueryError("interrupted", at: range) }
            if let deadline, let limit = timeLimit, ProcessInfo.processInfo.systemUptime > deadline {
                throw QueryError("stopped after \(Value.format(limit)) s, the time limit (--timeout raises it)", at: range)
            }
            let end = min(count, start + 16_384)
            for r in start..<end where keep(r) { rows.append(r) }
            start = end
        }
        return rows
    }
}
