import QyxModel
import QyxStorage
import QyxText

/// `where`: the rows of the table that satisfy a condition, in table order.
struct Filter {
    let condition: BoundExpr?

    func apply(_ table: Table, _ evaluator: Evaluator, _ run: StatementRun, at range: SourceRange) throws(QueryError) -> RowSet {
        guard let condition else { return .rows(Array(0..<table.count)) }
        let p = evaluator.predicate(condition)
        return .rows(try run.scan(table.count, at: range) { r throws(QueryError) in try p(r) == true })
    }
}

/// `having`: the groups that satisfy a condition over their rows.
struct GroupFilter {
    let condition: BoundExpr

    func apply(_ groups: [[Int]], _ evaluator: Evaluator, _ run: StatementRun, at range: SourceRange) throws(QueryError) -> [[Int]] {
        let h = evaluator.group(condition)
        return try run.map(groups, at: range) { g throws(QueryError) in ValueOps.truth(try h(g)) == true ? g : nil }.compactMap { $0 }
    }
}
