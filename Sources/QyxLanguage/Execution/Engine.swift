import Foundation
import QyxModel
import QyxText
import QyxStorage

/// Runs parsed statements against a database.
public final class Engine: @unchecked Sendable {
    public let database: Database
    public var parameters: [String: Value]
    /// Polled while a statement runs; returning true stops it with an "interrupted" error.
    public var shouldStop: (() -> Bool)?
    /// Seconds a statement may run before it is stopped with an error (nil: no limit).
    public var timeLimit: Double?
    /// A stop request spanning many statements (all of a render's queries); when set, it is used
    /// instead of a fresh `timeLimit` per statement.
    public var session: Cancellation?
    /// The running statement's stop request, made from `timeLimit` and `shouldStop`.
    private(set) var cancellation = Cancellation.none
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
        let stop = shouldStop
        cancellation = session ?? Cancellation(limit: timeLimit) { stop?() == true }
        defer { cancellation = .none }
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
        let predicate = Evaluator(database: database, table: table, cancellation: cancellation).predicate(bound.expr)
        return try scan(table.count, at: filter.range) { r throws(QueryError) in try predicate(r) == true }
    }

    /// The doc and line of each of `rows`, or nil when provenance is not tracked.
    func provenance(_ table: Table, _ rows: [Int]) -> [Provenance]? {
        guard tracksProvenance, let doc = table.column("doc"), let line = table.column("line") else { return nil }
        return rows.map { r in
            let n = line.value(r, database.pool)
            return Provenance(doc: doc.value(r, database.pool).displayText, line: n.number.map { Int($0) } ?? 0)
        }
    }

    /// Throws when the statement has to stop (the time limit or Ctrl-C), located at `range`.
    func check(at range: SourceRange) throws(QueryError) {
        if let stop = cancellation.stopped() { throw QueryError(stop.message(), at: range) }
    }

    /// `transform` of each item, checking every 1,024 items for a stop request.
    func map<T, U>(_ items: [T], at range: SourceRange, _ transform: (T) throws(QueryError) -> U) throws(QueryError) -> [U] {
        var out: [U] = []
        out.reserveCapacity(items.count)
        for (n, item) in items.enumerated() {
            if n % 1_024 == 0 { try check(at: range) }
            out.append(try transform(item))
        }
        return out
    }

    /// Row numbers below `count` that pass `keep`, checking every 1,024 rows for a stop request
    /// and the time limit (a slow row, such as a regular expression on a long cell, checks itself).
    func scan(_ count: Int, at range: SourceRange, _ keep: (Int) throws(QueryError) -> Bool) throws(QueryError) -> [Int] {
        var rows: [Int] = []
        var start = 0
        while start < count {
            try check(at: range)
            let end = min(count, start + 1_024)
            for r in start..<end where try keep(r) { rows.append(r) }
            start = end
        }
        return rows
    }
}
