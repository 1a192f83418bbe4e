import QyxModel

/// `group by`: rows into groups by key, the groups in key order (as SQLite gives them without
/// `order by`); no keys make one group of every row.
struct Aggregate {
    let keys: [BoundExpr]

    func apply(_ rows: [Int], _ evaluator: Evaluator, _ run: StatementRun, at range: SourceRange) throws(QueryError) -> [[Int]] {
        if keys.isEmpty { return [rows] }
        let (groups, groupKeys) = try group(rows, evaluator, run, at: range)
        let ascending = groupKeys.first.map { $0.map { _ in false } } ?? []
        return try stableSort(Array(zip(groups, groupKeys)), descending: ascending, run, at: range).map(\.0)
    }

    /// Rows by group key, groups in first-seen order. One text column (the usual `group by domain`)
    /// groups by interned id through an array, with no per-row key allocation.
    private func group(_ rows: [Int], _ evaluator: Evaluator, _ run: StatementRun, at range: SourceRange) throws(QueryError) -> ([[Int]], [[Value]]) {
        var groups: [[Int]] = []
        var groupKeys: [[Value]] = []
        // `group by domain` with domain selected binds to the select item; look through it.
        var key = keys.first
        if case .outputColumn(let i)? = key { key = evaluator.outputs[i] }
        if keys.count == 1, case .column(let c)? = key, case .texts(let ids) = evaluator.reader.cells(of: c) {
            let value = evaluator.reader.values(of: c)
            var slot = [Int32](repeating: -1, count: evaluator.reader.pool.count + 1)
            for (n, r) in rows.enumerated() {
                if n % 1_024 == 0 { try run.check(at: range) }
                let k = Int(ids[r]) + 1
                if slot[k] < 0 {
                    slot[k] = Int32(groups.count)
                    groups.append([r])
                    groupKeys.append([try value(r)])
                } else {
                    groups[Int(slot[k])].append(r)
                }
            }
            return (groups, groupKeys)
        }
        let keyFns = keys.map(evaluator.row)
        var index: [[Value]: Int] = [:]
        for (n, r) in rows.enumerated() {
            if n % 1_024 == 0 { try run.check(at: range) }
            let key = try keyFns.map { f throws(QueryError) in try f(r) }
            if let g = index[key] { groups[g].append(r) } else {
                index[key] = groups.count
                groups.append([r])
                groupKeys.append(key)
            }
        }
        return (groups, groupKeys)
    }
}
