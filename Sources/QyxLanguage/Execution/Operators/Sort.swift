import QyxModel

/// One `order by` term.
struct SortKey {
    let expr: BoundExpr
    let descending: Bool
}

/// `order by`: rows by row keys, or groups by keys over their rows; ties keep their order.
struct Sort {
    let keys: [SortKey]

    func apply(_ input: RowSet, _ evaluator: Evaluator, _ run: StatementRun, at range: SourceRange) throws(QueryError) -> RowSet {
        if keys.isEmpty { return input }
        let descending = keys.map(\.descending)
        switch input {
        case .rows(let rows):
            let keyFns = keys.map { evaluator.row($0.expr) }
            let keyed = try run.map(rows, at: range) { r throws(QueryError) in (r, try keyFns.map { k throws(QueryError) in try k(r) }) }
            return .rows(try stableSort(keyed, descending: descending, run, at: range).map(\.0))
        case .groups(let groups):
            let keyFns = keys.map { evaluator.group($0.expr) }
            let keyed = try run.map(groups, at: range) { g throws(QueryError) in (g, try keyFns.map { k throws(QueryError) in try k(g) }) }
            return .groups(try stableSort(keyed, descending: descending, run, at: range).map(\.0))
        }
    }
}

/// Sorts by keys, ties kept in their original order; nulls first ascending, last descending.
/// A sort of a million rows takes seconds, so the comparator checks `run`'s stop request.
func stableSort<T>(_ items: [(T, [Value])], descending: [Bool], _ run: StatementRun, at range: SourceRange) throws(QueryError) -> [(T, [Value])] {
    let indexed = items.enumerated().map { ($0.offset, $0.element) }
    var comparisons = 0
    do {
        return try indexed.sorted { a, b in
            comparisons += 1
            if comparisons % 4_096 == 0 { try run.check(at: range) }
            for (i, desc) in descending.enumerated() {
                let c = ValueOps.order(a.1.1[i], b.1.1[i])
                if c != 0 { return desc ? c > 0 : c < 0 }
            }
            return a.0 < b.0
        }.map(\.1)
    } catch let error as QueryError {
        throw error
    } catch {
        fatalError("a sort comparator throws only QueryError")
    }
}
