import QyxModel
import QyxStorage
import QyxText

/// The select list: one output row per row or group, with its sources when they are tracked.
struct Project {
    let items: [BoundExpr]

    func apply(_ input: RowSet, _ table: Table, _ evaluator: Evaluator, _ run: StatementRun, at range: SourceRange) throws(QueryError) -> Projection {
        switch input {
        case .rows(let rows):
            let itemFns = items.map { evaluator.row($0) }
            let output = try run.map(rows, at: range) { r throws(QueryError) in try itemFns.map { f throws(QueryError) in try f(r) } }
            return Projection(rows: output, sources: run.provenance(table, rows).map { $0.map { [$0] } })
        case .groups(let groups):
            let itemFns = items.map { evaluator.group($0) }
            let output = try run.map(groups, at: range) { g throws(QueryError) in try itemFns.map { f throws(QueryError) in try f(g) } }
            return Projection(rows: output, sources: run.tracksProvenance ? groups.compactMap { run.provenance(table, $0) } : nil)
        }
    }
}
