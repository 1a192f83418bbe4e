import QyxModel
import QyxStorage
import QyxText

/// One statement as it runs: the database, the caller's parameters and provenance choice, and
/// the statement's own stop request. Made per statement and handed to every phase, so nothing
/// about a running statement lives on the shared engine.
struct StatementRun {
    let database: Database
    let parameters: [String: Value]
    let tracksProvenance: Bool
    let cancellation: Cancellation

    init(database: Database, context: ExecutionContext) {
        self.database = database
        parameters = context.parameters
        tracksProvenance = context.tracksProvenance
        cancellation = context.statementCancellation()
    }

    func binder(for table: Table) -> Binder<Database> {
        Binder(schema: database, entity: table, parameters: parameters)
    }

    func evaluator(for table: Table, outputs: [BoundExpr] = []) -> Evaluator {
        Evaluator(reader: TableReader(table, in: database), cancellation: cancellation, outputs: outputs)
    }

    /// Rows of `table` that satisfy `filter`.
    func filteredRows(_ table: Table, _ filter: Expr?) throws(QueryError) -> [Int] {
        guard let filter else { return Array(0..<table.count) }
        let bound = try binder(for: table).bind(filter)
        let predicate = evaluator(for: table).predicate(bound.expr)
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
