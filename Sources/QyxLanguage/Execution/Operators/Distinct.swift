import QyxModel

/// `select distinct`: each distinct output row once, where it first appears.
struct Distinct {
    func apply(_ input: Projection, _ run: StatementRun, at range: SourceRange) throws(QueryError) -> Projection {
        var seen = Set<[Value]>()
        let kept = try run.map(Array(input.rows.indices), at: range) { i throws(QueryError) in seen.insert(input.rows[i]).inserted ? i : nil }
        return input.keeping(kept.compactMap { $0 })
    }
}
